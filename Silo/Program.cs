using O2C.Silo.Database;

var builder = WebApplication.CreateBuilder(args);
builder.AddO2CDatabase();
var app = builder.Build();
app.MapO2CHealth();
app.Run();

public partial class Program;
