using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using O2C.Api.Cases;
using O2C.Api.BankStatements;
using O2C.Api.Clock;
using O2C.Api.Customers;
using O2C.Api.Errors;
using O2C.Api.Invoices;
using O2C.Api.Messages;
using O2C.Api.Orders;
using O2C.Api.Payments;
using O2C.Api.Queries;
using O2C.Api.Reports;
using O2C.Api.Validation;

namespace O2C.Api;

public static class ApiHostingExtensions
{
    /// <summary>Problem details, JSON options, OpenAPI and the services the endpoints use.</summary>
    public static WebApplicationBuilder AddO2CApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<FailureHandler>();
        builder.Services.AddOptions<RequestValidationOptions>().Bind(builder.Configuration.GetSection("O2C:Validation")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RequestValidationOptions>, RequestValidationOptionsValidation>();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<JsonQueries>();
        builder.Services.TryAddSingleton(Invoices.InvoicePaymentLinks.None);
        builder.Services.AddSingleton<Preview.MessagePreviewer>();
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
        app.UseJsonWritesOnly();
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

    // FailureHandler answers outages (503 with Retry-After), refused bodies and refused rows; what it
    // leaves is a bug.
    private static int StatusFor(Exception error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
