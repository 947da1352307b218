namespace O2C.CashApplication.References;

/// <summary>The structured creditor reference schemes we recognise; only the first three carry check digits we can verify.</summary>
public enum ReferenceScheme
{
    /// <summary>A structured reference of no scheme we know (German ZKA, a bank's own): compared as written, never verified.</summary>
    Unknown,

    /// <summary>ISO 11649 "RF" creditor reference, mod 97 (the IBAN scheme). The form our invoices carry.</summary>
    Iso11649,

    /// <summary>Belgian OGM/VCS "+++123/4567/89002+++": ten digits and their remainder modulo 97 (97 for 0).</summary>
    BelgianOgm,

    /// <summary>Swiss QR reference (QRR) and its predecessor, the ISR/ESR reference: digits closed by a recursive mod 10 check digit.</summary>
    SwissQr,
}
