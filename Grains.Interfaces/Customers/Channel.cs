namespace O2C.Grains.Interfaces.Customers;

/// <summary>A way to reach a customer with a message.</summary>
[GenerateSerializer, Alias("o2c.channel")]
public enum Channel
{
    Email,
    Sms,
    Letter,
}
