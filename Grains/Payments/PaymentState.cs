using O2C.Storage;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Grains.Payments;

public sealed class PaymentState : StateWithRows
{
    public string ContentHash { get; set; } = "";
    public PaymentResult? Result { get; set; }

    /// <summary>Set once a collector asked for the unapplied money back (issue 16); null before, and in states stored before it existed.</summary>
    public PaymentRefund? Refund { get; set; }
}
