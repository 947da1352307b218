namespace O2C.Api.BankStatements;

/// <summary>
/// How the import's result rows reach PostgreSQL. <see cref="BinaryCopy"/> is what it uses, falling back to
/// <see cref="BinaryCopyThroughTemporaryTable"/> when a concurrent import recorded some of the rows first. The JSON record
/// set (one statement per 2,000 rows, what the import did before) stays only so the measurement in <c>bench/README.md</c>
/// can be repeated side by side.
/// </summary>
public enum EntryRowTransport
{
    /// <summary>COPY straight into <c>bank_entries</c> and <c>payments</c>; a row recorded already fails it.</summary>
    BinaryCopy,

    /// <summary>COPY into a temporary table, then INSERT ... ON CONFLICT DO NOTHING: skips rows recorded already.</summary>
    BinaryCopyThroughTemporaryTable,

    /// <summary>INSERT ... SELECT FROM jsonb_to_recordset, 2,000 rows a statement, ON CONFLICT DO NOTHING.</summary>
    JsonRecordSet,
}
