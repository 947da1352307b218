using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Api.Auth;
using O2C.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace O2C.Silo.Telemetry;

/// <summary>
/// OpenTelemetry for the silo: metrics (our business meter <c>O2C</c>, Orleans, ASP.NET Core,
/// HttpClient, Npgsql, .NET runtime) scraped by Prometheus at <c>/metrics</c>; traces from the HTTP
/// request through Orleans' grain calls to Npgsql's SQL; both (and the logs) to an OTLP collector
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Logs as JSON lines with <c>O2C:Logging:Json=true</c>.
/// </summary>
public static class TelemetryHostingExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>Orleans' meter and its activity sources (<c>AddActivityPropagation</c> in <c>AddO2CSilo</c> feeds the latter).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddO2CTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Problem() is { } problem)
        {
            throw new OptionsValidationException(TelemetryOptions.SectionName, typeof(TelemetryOptions), [problem]);
        }

        builder.AddO2CLogging();
        builder.Services.AddO2CMetrics();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("o2c-silo", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics => metrics
                .AddMeter(O2CMetrics.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.SamplingRatio)))
                .AddSource(O2CTracing.SourceName)
                .AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsPolling(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // The exporter reads the endpoint, protocol and headers from the OTEL_EXPORTER_OTLP_* variables itself.
            telemetry.WithLogging().UseOtlpExporter();
        }

        if (options.PrometheusPort is { } port)
        {
            AddListener(builder, port);
        }

        return builder;
    }

    /// <summary>
    /// Console logs with scopes (a grain call's grain id and business time); JSON lines with
    /// <c>O2C:Logging:Json=true</c>, one object per line for a log shipper.
    /// </summary>
    public static WebApplicationBuilder AddO2CLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("O2C:Logging:Json", false))
        {
            builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
            return builder;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }

    /// <summary>
    /// The Prometheus scrape endpoint at <c>/metrics</c>, on every port the silo serves: on the API's
    /// ports it asks for an operator key; on <see cref="TelemetryOptions.PrometheusPort"/>, which only
    /// the scraper's network reaches, it asks for none (Prometheus sends no API key by default).
    /// </summary>
    public static WebApplication MapO2CTelemetry(this WebApplication app)
    {
        var scrapePort = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()?.PrometheusPort;
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(policy => policy.RequireAssertion(context =>
            (scrapePort is { } port && context.Resource is HttpContext http && http.Connection.LocalPort == port)
            || context.User.IsInRole(ApiRoles.Operator) || context.User.IsInRole(ApiRoles.Admin)));
        return app;
    }

    // Scrapes, health probes and the dashboard's own polling would fill the traces with themselves.
    private static bool IsPolling(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health") || path.StartsWithSegments("/v1/dashboard")
        || path.StartsWithSegments("/dashboard") || path.StartsWithSegments("/orleans");

    // Kestrel listens on the configured addresses (--urls, ASPNETCORE_URLS, else ASPNETCORE_HTTP_PORTS
    // as the container images set it, else its default) and this port. Given in code, the addresses
    // replace the configured ones, so those are read here and kept.
    private static void AddListener(WebApplicationBuilder builder, int port)
    {
        var configuration = builder.Configuration;
        var addresses = configuration["urls"] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : configuration["http_ports"] is { Length: > 0 } ports
                ? ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}").ToArray()
                : ["http://localhost:5000"];
        builder.WebHost.UseUrls([.. addresses, $"http://*:{port}"]);
    }
}
