namespace O2C.Api.Orders;

/// <summary>How the single-order endpoint answers an outcome; the batch endpoint reports only the view.</summary>
public enum OrderOutcomeKind
{
    Created,
    Repeated,
    Conflict,
    UnknownCustomer,
    Invalid,
}
