namespace O2C.Api.BankStatements;

/// <summary>The answer to <c>POST /v1/bank-statements</c>: the counts over every statement of the document, then each statement and each payment.</summary>
public sealed record ImportSummary(
    int Statements,
    int Entries,
    int Credits,
    int Debits,
    int Matched,
    int PartlyMatched,
    int Unmatched,
    int Unreadable,
    int Ignored,
    int DuplicateEntries,
    bool Duplicate,
    IReadOnlyList<StatementResult> StatementResults,
    IReadOnlyList<EntryResult> EntryResults)
{
    public static ImportSummary Of(IReadOnlyList<StatementResult> statements, IReadOnlyList<EntryResult> entries) => new(
        statements.Count,
        statements.Sum(s => s.Entries),
        statements.Sum(s => s.Credits),
        statements.Sum(s => s.Debits),
        statements.Sum(s => s.Matched),
        statements.Sum(s => s.PartlyMatched),
        statements.Sum(s => s.Unmatched),
        statements.Sum(s => s.Unreadable),
        statements.Sum(s => s.Ignored),
        statements.Sum(s => s.DuplicateEntries),
        statements.Count > 0 && statements.All(s => s.Duplicate),
        statements,
        entries);
}
