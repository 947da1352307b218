namespace O2C.CashApplication.References;

public enum CheckDigitStatus
{
    /// <summary>The scheme has no check digits (or none we know), so the reference can only be compared as written.</summary>
    NotCheckable,

    Verified,

    /// <summary>The reference claims a scheme but its check digits or its shape do not fit: a typo, or not ours.</summary>
    Failed,
}
