using O2C.Bench;

return await BenchApp.RunAsync(args);
