using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using O2C.Silo.Database;

namespace O2C.Silo.Demo;

public static class DemoHostingExtensions
{
    /// <summary>Business seconds per wall second in the demo: one business day every two seconds.</summary>
    public const double Speed = 43_200;

    /// <summary>The demo's own embedded database folder (relative to the working directory), emptied at each start.</summary>
    public const string DataDirectory = "./data/demo-pg";

    /// <summary>
    /// <c>--demo</c> (or <c>O2C:Demo:Enabled=true</c>): an accelerated business clock, the demo's own
    /// embedded database and the synthetic workload. Call it first: the clock and database settings
    /// must be in place before the runtime and the database read them. The demo's settings sit below
    /// environment variables and the command line, so <c>--O2C:Clock:Speed=86400</c> still wins.
    /// </summary>
    public static WebApplicationBuilder AddO2CDemo(this WebApplicationBuilder builder, string[] args)
    {
        var switched = args.Contains("--demo", StringComparer.Ordinal);
        if (switched)
        {
            // "--demo" has no value, so the command-line parser took the next argument as its value; parse again without it.
            builder.Configuration.AddCommandLine([.. args.Where(a => a != "--demo")]);
        }

        if (!switched && !builder.Configuration.GetValue<bool>($"{DemoOptions.SectionName}:Enabled"))
        {
            return builder;
        }

        var sources = builder.Configuration.Sources;
        var afterFiles = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is JsonConfigurationSource).index + 1;
        sources.Insert(afterFiles, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["O2C:Demo:Enabled"] = "true",
                ["O2C:Clock:Mode"] = "Accelerated",
                ["O2C:Clock:Speed"] = Speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["O2C:Reminders:PollInterval"] = "00:00:00.250",
                ["O2C:Database:DataDirectory"] = DataDirectory,
            },
        });

        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName))
            .Validate(o => o.OrdersPerSecond > 0 && o.CustomersPerGroup > 0, "O2C:Demo: OrdersPerSecond and CustomersPerGroup must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<DemoWorkload>();
        if (builder.Configuration.GetValue($"{DemoOptions.SectionName}:ResetDatabase", true)
            && builder.Configuration[$"{DatabaseOptions.SectionName}:DataDirectory"] == DataDirectory
            && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseHostingExtensions.ConnectionStringName)))
        {
            ResetDatabaseFolder(Path.GetFullPath(DataDirectory, Environment.CurrentDirectory));
        }

        return builder;
    }

    // Only the demo's own folder, and only when no running silo holds it.
    private static void ResetDatabaseFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        try
        {
            using (new FileStream(Path.Combine(folder, "embedded.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
            }

            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // In use by another demo: start on it as it is.
        }
    }
}
