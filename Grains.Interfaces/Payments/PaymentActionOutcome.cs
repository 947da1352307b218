namespace O2C.Grains.Interfaces.Payments;

[GenerateSerializer, Alias("o2c.payment-action-outcome")]
public enum PaymentActionOutcome
{
    /// <summary>Done; the payment's new result.</summary>
    Done,

    /// <summary>The same request again (a refund asked for with the same reason): the first result, nothing changed.</summary>
    Duplicate,

    /// <summary>No payment with this id.</summary>
    Unknown,

    /// <summary>The payment cannot take it in its state (fully applied, refund requested): the detail says why.</summary>
    Refused,

    /// <summary>More than the payment's unapplied money.</summary>
    OverAllocated,
}
