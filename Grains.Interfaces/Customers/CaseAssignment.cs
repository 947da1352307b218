namespace O2C.Grains.Interfaces.Customers;

/// <summary>The open case an overdue invoice joins, with the customer as the case should see it.</summary>
[GenerateSerializer, Immutable, Alias("o2c.case-assignment")]
public sealed record CaseAssignment([Id(0)] string CaseId, [Id(1)] bool Opened, [Id(2)] CustomerSnapshot Customer);
