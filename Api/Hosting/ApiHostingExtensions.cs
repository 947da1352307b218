using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using O2C.Api.Audit;
using O2C.Api.Auth;
using O2C.Api.Cases;
using O2C.Api.BankStatements;
using O2C.Api.Clock;
using O2C.Api.Customers;
using O2C.Api.Errors;
using O2C.Api.Handovers;
using O2C.Api.Invoices;
using O2C.Api.Limits;
using O2C.Api.Messages;
using O2C.Api.OpenApi;
using O2C.Api.Orders;
using O2C.Api.Payments;
using O2C.Api.Queries;
using O2C.Api.Reports;
using O2C.Api.Validation;
using O2C.Api.Worklist;
using O2C.Telemetry;

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
        builder.AddO2CAuth();
        builder.AddO2CRateLimiting();
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddO2COpenApi();
        builder.Services.AddSingleton<JsonQueries>();
        builder.Services.AddSingleton<ChainVerifier>();
        builder.Services.AddSingleton<PaymentQueueStore>();
        builder.Services.TryAddSingleton(Invoices.InvoicePaymentLinks.None);
        builder.Services.AddSingleton<Preview.MessagePreviewer>();
        builder.Services.AddSingleton<OrderLookup>();
        builder.Services.AddSingleton<OrderIntake>();
        builder.Services.AddO2CMetrics();
        builder.AddBankStatements();
        return builder;
    }

    /// <summary>Error handling, OpenAPI at /openapi/v1.json and every v1 endpoint group.</summary>
    public static WebApplication MapO2CApi(this WebApplication app)
    {
        // Strict-Transport-Security on HTTPS answers only (an HTTPS endpoint is Kestrel configuration; README, Security).
        app.UseHsts();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        // After the exception handler, so a key look-up during an outage is a 503, and before the
        // content-type rule, so a caller without a key learns only that it needs one.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseJsonWritesOnly();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapSignIn();
        app.MapApiKeyEndpoints();
        app.MapAuditEndpoints();
        app.MapCustomerEndpoints();
        app.MapOrderEndpoints();
        app.MapInvoiceEndpoints();
        app.MapPaymentEndpoints();
        app.MapBankStatementEndpoints();
        app.MapCaseEndpoints();
        app.MapHandoverEndpoints();
        app.MapWorklistEndpoints();
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
