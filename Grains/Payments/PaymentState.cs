using O2C.Storage;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Grains.Payments;

public sealed class PaymentState : StateWithRows
{
    public string ContentHash { get; set; } = "";
    public PaymentResult? Result { get; set; }
}
