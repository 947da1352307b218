using O2C.Grains.Interfaces.Payments;

namespace O2C.Grains.Payments;

/// <summary>What the payment queue shows for a payment with unapplied money: the invoices to choose from and why it waits.</summary>
public sealed record QueueView(IReadOnlyList<PaymentCandidate> Candidates, string Explanation)
{
    public static QueueView None { get; } = new([], "");
}
