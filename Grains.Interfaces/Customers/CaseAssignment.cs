namespace O2C.Grains.Interfaces.Customers;

/// <summary>The open case an overdue invoice joins, with the customer as the case should see it.</summary>
public sealed record CaseAssignment(string CaseId, bool Opened, CustomerSnapshot Customer);
