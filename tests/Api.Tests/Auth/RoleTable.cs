namespace O2C.Api.Tests.Auth;

/// <summary>
/// Who may call what: endpoint (method and route pattern) to the roles admitted besides admin.
/// An endpoint missing here must be admin-only (the fallback policy); <see cref="Anonymous"/> ones need no key.
/// </summary>
internal static class RoleTable
{
    public const string Anonymous = "anonymous";

    public static readonly IReadOnlyDictionary<string, string[]> Expected = new Dictionary<string, string[]>
    {
        ["PUT /v1/customers/{customerId}"] = ["ingest"],
        ["POST /v1/orders/"] = ["ingest"],
        ["POST /v1/orders/batch"] = ["ingest"],
        ["POST /v1/payments/"] = ["ingest"],
        ["POST /v1/bank-statements/"] = ["ingest"],

        ["GET /v1/customers/{customerId}"] = ["collector"],
        ["GET /v1/orders/{orderId}"] = ["collector"],
        ["POST /v1/orders/{orderId}/release"] = ["collector"],
        ["GET /v1/invoices/{invoiceId}"] = ["collector"],
        ["GET /v1/invoices/"] = ["collector"],
        ["GET /v1/payments/{paymentId}"] = ["collector"],
        ["GET /v1/payments/"] = ["collector"],
        ["POST /v1/payments/{paymentId}/allocate"] = ["collector"],
        ["POST /v1/payments/{paymentId}/refund-request"] = ["collector"],
        ["GET /v1/cases/"] = ["collector"],
        ["GET /v1/cases/{caseId}"] = ["collector"],
        ["GET /v1/cases/{caseId}/next-message"] = ["collector"],
        ["POST /v1/cases/{caseId}/notes"] = ["collector"],
        ["POST /v1/cases/{caseId}/promise"] = ["collector"],
        ["POST /v1/cases/{caseId}/dispute"] = ["collector"],
        ["POST /v1/cases/{caseId}/resolve-dispute"] = ["collector"],
        ["POST /v1/cases/{caseId}/escalate"] = ["collector"],
        ["POST /v1/cases/{caseId}/payment-plan"] = ["collector"],
        ["POST /v1/cases/{caseId}/assign"] = ["collector"],
        ["POST /v1/invoices/{invoiceId}/write-off"] = ["collector"],
        ["GET /v1/handovers/"] = ["collector"],
        ["POST /v1/handovers/{handoverId}/acknowledge"] = ["collector"],
        ["GET /v1/worklist/"] = ["collector"],
        ["GET /v1/messages/"] = ["collector"],

        ["GET /v1/reports/aging"] = ["collector", "operator"],
        ["GET /v1/reports/dso"] = ["collector", "operator"],
        ["GET /v1/reports/effectiveness"] = ["collector", "operator"],
        ["GET /v1/clock/"] = ["collector", "operator"],

        ["POST /v1/clock/advance"] = ["operator"],
        ["POST /v1/clock/preview"] = ["operator"],
        ["GET /v1/dashboard/delivery"] = ["operator"],
        ["GET /v1/dashboard/cluster"] = ["operator"],
        ["GET /v1/dashboard/grains"] = ["operator"],
        ["GET /v1/dashboard/reminders"] = ["operator"],
        ["GET /v1/dashboard/business"] = ["operator"],
        ["GET /v1/dashboard/history"] = ["operator"],
        ["GET /dashboard"] = ["operator"],
        ["GET /metrics"] = ["operator"],

        ["POST /v1/session/"] = ["ingest", "collector", "operator"],

        ["GET /health/live"] = [Anonymous],
        ["GET /health/ready"] = [Anonymous],
        ["GET /openapi/{documentName}.json"] = [Anonymous],
        ["GET /signin"] = [Anonymous],
        ["DELETE /v1/session/"] = [Anonymous],
        ["GET /dashboard/dashboard.js"] = [Anonymous],
        ["GET /dashboard/dashboard.css"] = [Anonymous],
    };

    /// <summary>The Orleans Dashboard's own routes (its page, assets and data): operators; Scalar's API reference pages at /docs: anyone.</summary>
    public static string[] For(string method, string pattern) =>
        Expected.TryGetValue($"{method} {pattern}", out var roles) ? roles
        : pattern.StartsWith("/orleans", StringComparison.OrdinalIgnoreCase) ? ["operator"]
        : pattern.StartsWith("/docs", StringComparison.OrdinalIgnoreCase) ? [Anonymous]
        : [];
}
