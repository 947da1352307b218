using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Customers;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.Customers;

public static class CustomerEndpoints
{
    public const string CustomerSelect =
        """
        SELECT customer_id AS "customerId", name, email, phone, language, currency, country, payment_term_days AS "paymentTermDays",
               credit_limit AS "creditLimit", credit_score AS "creditScore", preferred_channels AS "preferredChannels",
               open_exposure AS "openExposure", risk_profile AS "riskProfile", risk_reason AS "riskReason", open_case_id AS "openCaseId",
               created_at AS "createdAt", updated_at AS "updatedAt",
               (SELECT coalesce(json_agg(json_build_object('occurredAt', e.occurred_at, 'kind', e.kind, 'data', e.data) ORDER BY e.id), '[]'::json)
                  FROM grain_events e WHERE e.grain_type = 'customer' AND e.grain_key = c.customer_id
                  AND e.kind IN ('RiskProfileAssessed', 'CaseOpened', 'CaseClosed', 'PromiseBroken', 'PaymentPlanBroken', 'OrderHeld', 'OrderReleased')) AS "timeline"
        FROM customers c WHERE customer_id = $1
        """;

    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/v1/customers").WithTags("Customers");
        customers.MapPut("/{customerId}", PutAsync).RequireAuthorization(ApiRoles.IngestPolicy)
            .WithName("PutCustomer").ReadsJson<CustomerProfile>().Produces(StatusCodes.Status200OK, contentType: "application/json");
        customers.MapGet("/{customerId}", GetAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("GetCustomer").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        return customers;
    }

    private static async Task<IResult> PutAsync(string customerId, HttpRequest request, IGrainFactory grains, JsonQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!Ids.Check(customerId, errors))
        {
            return Problems.Validation(errors);
        }

        var (profile, problem) = await JsonBody.ParseAsync(request, CustomerRequest.Parse, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await grains.GetGrain<ICustomerGrain>(customerId).Upsert(profile!);
        return JsonResults.Json((await queries.ObjectAsync(CustomerSelect, cancellationToken, customerId))!);
    }

    private static async Task<IResult> GetAsync(string customerId, JsonQueries queries, CancellationToken cancellationToken) =>
        await queries.ObjectAsync(CustomerSelect, cancellationToken, customerId) is { } json
            ? JsonResults.Json(json)
            : Problems.NotFound($"customer {customerId} does not exist");
}
