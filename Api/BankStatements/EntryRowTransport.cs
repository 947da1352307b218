namespace O2C.Api.BankStatements;

/// <summary>
/// How the import's result rows reach PostgreSQL. Binary COPY is what it uses; the JSON record set (one statement per
/// 2,000 rows, what it did before) stays only so the measurement in <c>bench/README.md</c> can be repeated side by side.
/// </summary>
public enum EntryRowTransport
{
    BinaryCopy,
    JsonRecordSet,
}
