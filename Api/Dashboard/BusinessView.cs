namespace O2C.Api.Dashboard;

/// <summary><c>GET /v1/dashboard/business</c>: cluster-wide, from the query tables. "Last minute" is wall time.</summary>
public sealed record BusinessView(
    DateTimeOffset BusinessNow,
    long OrdersLastMinute,
    long PaymentsLastMinute,
    long MessagesLastMinute,
    IReadOnlyList<ReceivablesView> Receivables,
    long OpenCases,
    IReadOnlyList<CaseCountView> CasesByStage,
    IReadOnlyList<CaseCountView> CasesByRiskProfile,
    IReadOnlyList<AgingBucketView> Aging,
    IReadOnlyList<DsoView> Dso);
