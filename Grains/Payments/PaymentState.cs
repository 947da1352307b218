using O2C.Grains.Interfaces.Payments;

namespace O2C.Grains.Payments;

public sealed class PaymentState
{
    public string ContentHash { get; set; } = "";
    public PaymentResult? Result { get; set; }
}
