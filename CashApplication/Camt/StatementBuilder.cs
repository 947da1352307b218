using System.Xml.Linq;

namespace O2C.CashApplication.Camt;

/// <summary>
/// Collects one <c>Stmt</c> while the reader walks it: header fields in whatever order they come, balances before and
/// after the entries, and the counts for <see cref="StatementClosed"/>.
/// </summary>
internal sealed class StatementBuilder(int version, string? messageId, int position)
{
    private readonly List<StatementBalance> _balances = [];
    private readonly List<string> _warnings = [];
    private string? _id;
    private string? _account;
    private string? _iban;
    private string? _currency;
    private string? _owner;
    private string? _sequence;
    private string? _legalSequence;
    private string? _created;
    private StatementKey? _key;
    private EntryKeys? _keys;
    private int _entries;
    private int _unreadable;
    private int _credits;
    private int _debits;

    public int Depth { get; set; }

    public void Header(XElement element)
    {
        switch (element.Name.LocalName)
        {
            case "Id":
                _id = element.Text();
                break;
            case "ElctrncSeqNb":
                _sequence = element.Text();
                break;
            case "LglSeqNb":
                _legalSequence = element.Text();
                break;
            case "CreDtTm":
                _created = element.Text();
                break;
            case "Acct":
                _iban = element.Text("Id", "IBAN")?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
                _account = _iban ?? element.AccountId();
                _currency = element.Text("Ccy");
                _owner = element.Child("Ownr").PartyName();
                break;
            case "Bal":
                Balance(element);
                break;
        }
    }

    /// <summary>The header, the first time it is asked for (at the first entry, or at the end of an empty statement).</summary>
    public BankStatement? Open()
    {
        if (_key is not null)
        {
            return null;
        }

        var account = _account ?? "unknown-account";
        if (_account is null)
        {
            _warnings.Add("The statement names no account (Acct/Id).");
        }

        // Stmt/Id is mandatory; without one, the statement's position and creation time are the best stable stand-in.
        var id = _id ?? $"no-id-{position}-{_created}";
        if (_id is null)
        {
            _warnings.Add("The statement has no Id; keyed by its position and creation time.");
        }

        _key = new StatementKey(id, account, _sequence ?? _legalSequence);
        _keys = new EntryKeys(account);
        return new BankStatement(_key, version, messageId, _iban, _currency, _owner, CamtValues.Timestamp(_created), [.. _balances], [.. _warnings]);
    }

    public CamtRecord Entry(XElement ntry, int line)
    {
        _entries++;
        var record = EntryParser.Parse(ntry, _key!, _currency, _keys!, _entries, line);
        switch (record)
        {
            case StatementEntry { Direction: CreditDebit.Credit }:
                _credits++;
                break;
            case StatementEntry:
                _debits++;
                break;
            default:
                _unreadable++;
                break;
        }

        return record;
    }

    public StatementClosed Close() => new(_key!, _entries - _unreadable, _unreadable, _credits, _debits, [.. _balances]);

    private void Balance(XElement bal)
    {
        var type = bal.Text("Tp", "CdOrPrtry", "Cd") ?? bal.Text("Tp", "CdOrPrtry", "Prtry") ?? "?";
        if (!CamtValues.TryAmount(bal.Text("Amt"), out var amount) || CamtValues.Direction(bal.Text("CdtDbtInd")) is not { } direction)
        {
            _warnings.Add($"Balance {type} could not be read; left out.");
            return;
        }

        _balances.Add(new StatementBalance(type, amount, bal.Child("Amt")?.Attribute("Ccy")?.Value, direction, CamtValues.Date(bal.Child("Dt"), _warnings, $"Balance {type} date")));
    }
}
