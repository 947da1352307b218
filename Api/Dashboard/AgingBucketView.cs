namespace O2C.Api.Dashboard;

/// <summary>Money owed by days past due: <c>current</c>, <c>1-30</c>, <c>31-60</c>, <c>61-90</c>, <c>90+</c>.</summary>
public sealed record AgingBucketView(string Currency, string Bucket, long Invoices, decimal Amount);
