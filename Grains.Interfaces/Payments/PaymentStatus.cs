namespace O2C.Grains.Interfaces.Payments;

[GenerateSerializer, Alias("o2c.payment-status")]
public enum PaymentStatus
{
    /// <summary>Fully allocated to invoices.</summary>
    Matched,

    /// <summary>The former name of <see cref="Overpaid"/>, still in states stored before it (migration 0021 renames the rows).</summary>
    PartiallyMatched,

    /// <summary>Nothing applied: waits in the queue for a collector, with its candidates.</summary>
    Unmatched,

    /// <summary>Applied to the invoices the payer named (or matched); the surplus stays on the payment as unapplied credit.</summary>
    Overpaid,

    /// <summary>A collector asked for the unapplied money to be paid back (an overpayment, or a payment for nobody).</summary>
    RefundRequested,
}
