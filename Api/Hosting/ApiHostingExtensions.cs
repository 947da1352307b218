using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using O2C.Api.Cases;
using O2C.Api.BankStatements;
using O2C.Api.Clock;
using O2C.Api.Customers;
using O2C.Api.Invoices;
using O2C.Api.Messages;
using O2C.Api.Orders;
using O2C.Api.Payments;
using O2C.Api.Queries;
using O2C.Api.Reports;

namespace O2C.Api;

public static class ApiHostingExtensions
{
    /// <summary>Problem details, JSON options, OpenAPI and the services the endpoints use.</summary>
    public static WebApplicationBuilder AddO2CApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<JsonQueries>();
        builder.Services.AddSingleton<OrderLookup>();
        builder.Services.AddSingleton<OrderIntake>();
        builder.AddBankStatements();
        return builder;
    }

    /// <summary>Error handling, OpenAPI at /openapi/v1.json and every v1 endpoint group.</summary>
    public static WebApplication MapO2CApi(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapCustomerEndpoints();
        app.MapOrderEndpoints();
        app.MapInvoiceEndpoints();
        app.MapPaymentEndpoints();
        app.MapBankStatementEndpoints();
        app.MapCaseEndpoints();
        app.MapMessageEndpoints();
        app.MapReportEndpoints();
        app.MapClockEndpoints();
        return app;
    }

    // A grain that does not answer in time, or a silo that is leaving, is a temporary condition,
    // not a bug in the request: the client may retry.
    private static int StatusFor(Exception error) => error switch
    {
        TimeoutException or Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.SiloUnavailableException => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
