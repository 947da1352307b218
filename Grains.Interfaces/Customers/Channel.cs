namespace O2C.Grains.Interfaces.Customers;

/// <summary>A way to reach a customer with a message.</summary>
public enum Channel
{
    Email,
    Sms,
    Letter,
}
