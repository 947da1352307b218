namespace O2C.CashApplication.Camt;

/// <summary>Why a whole document was refused. All but <see cref="MalformedXml"/> are found before any record is returned.</summary>
public enum CamtFormatProblem
{
    /// <summary>Empty, or not XML at all (JSON, a PDF, a CSV export).</summary>
    NotXml,

    /// <summary>XML, but not an ISO 20022 camt.053 <c>Document</c> (another message, or no namespace).</summary>
    NotCamt053,

    /// <summary>camt.053, but a version outside .001.02 to .001.10.</summary>
    UnsupportedVersion,

    /// <summary>camt.053 without a single <c>Stmt</c>.</summary>
    NoStatement,

    /// <summary>The XML breaks off or is not well-formed part-way: records before the break were already returned.</summary>
    MalformedXml,
}
