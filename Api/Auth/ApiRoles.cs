namespace O2C.Api.Auth;

/// <summary>
/// The roles an API key carries, and the authorization policies endpoints ask for. Each policy also
/// admits <see cref="Admin"/>: an admin key may call everything.
/// </summary>
public static class ApiRoles
{
    public const string Ingest = "ingest";
    public const string Collector = "collector";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Ingest, Collector, Operator, Admin];

    /// <summary>Posts orders, customers, payments and bank statements.</summary>
    public const string IngestPolicy = "ingest";

    /// <summary>Reads and works cases, invoices, payments and orders.</summary>
    public const string CollectorPolicy = "collector";

    /// <summary>Sees the dashboards and moves the business clock.</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>Reports: collectors and operators alike.</summary>
    public const string ReportsPolicy = "collector-or-operator";

    /// <summary>Keys, the audit trail, and every endpoint that names no other policy (the fallback).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Any valid key, whatever its role (signing in to the pages).</summary>
    public const string AnyKeyPolicy = "any-key";

    /// <summary>The roles each policy admits besides <see cref="Admin"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Policies = new Dictionary<string, string[]>
    {
        [IngestPolicy] = [Ingest],
        [CollectorPolicy] = [Collector],
        [OperatorPolicy] = [Operator],
        [ReportsPolicy] = [Collector, Operator],
        [AdminPolicy] = [],
        [AnyKeyPolicy] = [Ingest, Collector, Operator],
    };
}
