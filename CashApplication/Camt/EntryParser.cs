using System.Text;
using System.Xml.Linq;
using O2C.CashApplication.References;

namespace O2C.CashApplication.Camt;

/// <summary>Turns one <c>Ntry</c> element into a <see cref="StatementEntry"/>, or an <see cref="UnreadableEntry"/> saying why not.</summary>
internal static class EntryParser
{
    public static CamtRecord Parse(XElement ntry, StatementKey statement, string? accountCurrency, EntryKeys keys, int index, int line)
    {
        var warnings = new List<string>();
        var reference = ntry.Text("AcctSvcrRef");

        var amountText = ntry.Text("Amt");
        if (amountText is null)
        {
            return Unreadable("it has no Amt.");
        }

        if (!CamtValues.TryAmount(amountText, out var amount))
        {
            return Unreadable($"Amt '{amountText}' is not an amount (digits and a decimal point, no sign).");
        }

        if (CamtValues.Direction(ntry.Text("CdtDbtInd")) is not { } direction)
        {
            return Unreadable($"CdtDbtInd '{ntry.Text("CdtDbtInd")}' is neither CRDT nor DBIT.");
        }

        var currency = ntry.Child("Amt")?.Attribute("Ccy")?.Value.Trim();
        if (string.IsNullOrEmpty(currency))
        {
            if (accountCurrency is null)
            {
                return Unreadable("Amt has no Ccy and the account names no currency.");
            }

            currency = accountCurrency;
            warnings.Add($"Amt has no Ccy; took the account's {accountCurrency}.");
        }

        var transactions = new List<EntryTransaction>();
        int? batchCount = null;
        foreach (var details in ntry.Children("NtryDtls"))
        {
            if (details.Text("Btch", "NbOfTxs") is { } count && int.TryParse(count, out var n))
            {
                batchCount = (batchCount ?? 0) + n;
            }

            foreach (var tx in details.Children("TxDtls"))
            {
                transactions.Add(Transaction(tx, warnings));
            }
        }

        var entry = new StatementEntry(
            statement,
            index,
            EntryKey: string.Empty,
            EntryKeyKind.AccountServicerReference,
            amount,
            currency.ToUpperInvariant(),
            direction,
            IsReversal: ntry.Text("RvslInd") is "true" or "1",
            Status: ntry.Text("Sts", "Cd") ?? ntry.Text("Sts", "Prtry") ?? ntry.Text("Sts"),
            CamtValues.Date(ntry.Child("BookgDt"), warnings, "BookgDt"),
            CamtValues.Date(ntry.Child("ValDt"), warnings, "ValDt"),
            reference,
            ntry.Text("NtryRef"),
            TransactionCode(ntry.Child("BkTxCd")),
            ntry.Text("AddtlNtryInf"),
            batchCount,
            transactions,
            warnings);

        var (key, kind) = keys.For(reference, Content(entry), warnings);
        return entry with { EntryKey = key, EntryKeyKind = kind };

        UnreadableEntry Unreadable(string reason)
        {
            var key = keys.For(reference, ntry.ToString(SaveOptions.DisableFormatting), []).Key;
            return new UnreadableEntry(statement, index, line, key, reference, $"Entry {index} (line {line}): {reason}");
        }
    }

    private static EntryTransaction Transaction(XElement tx, List<string> warnings)
    {
        decimal? amount = null;
        var amountElement = tx.Child("Amt") ?? tx.Path("AmtDtls", "TxAmt", "Amt");
        if (amountElement?.Text() is { } text)
        {
            if (CamtValues.TryAmount(text, out var value))
            {
                amount = value;
            }
            else
            {
                warnings.Add($"TxDtls amount '{text}' is not an amount; the transaction is taken without one.");
            }
        }

        var parties = tx.Child("RltdPties");
        var references = new List<CreditorReference>();
        var documents = new List<string>();
        var unstructured = new List<string>();
        if (tx.Child("RmtInf") is { } remittance)
        {
            unstructured.AddRange(remittance.Children("Ustrd").Select(u => u.Value.Trim()).Where(u => u.Length > 0));
            foreach (var structured in remittance.Children("Strd"))
            {
                if (structured.Child("CdtrRefInf") is { } info && info.Text("Ref") is { } raw)
                {
                    references.Add(CreditorReference.Parse(
                        raw,
                        info.Text("Tp", "CdOrPrtry", "Cd") ?? info.Text("Tp", "CdOrPrtry", "Prtry"),
                        info.Text("Tp", "Issr")));
                }

                documents.AddRange(structured.Children("RfrdDocInf").Select(d => d.Text("Nb")).OfType<string>());
            }
        }

        return new EntryTransaction(
            amount,
            amountElement?.Attribute("Ccy")?.Value.Trim().ToUpperInvariant(),
            tx.Text("Refs", "EndToEndId"),
            CamtValues.Uetr(tx.Text("Refs", "UETR"), warnings),
            tx.Text("Refs", "AcctSvcrRef"),
            parties?.Child("Dbtr").PartyName(),
            parties?.Child("DbtrAcct").AccountId(),
            parties?.Child("UltmtDbtr").PartyName(),
            parties?.Child("Cdtr").PartyName(),
            references,
            documents,
            unstructured,
            tx.Text("AddtlTxInf"));
    }

    private static string? TransactionCode(XElement? code)
    {
        if (code is null)
        {
            return null;
        }

        var domain = code.Text("Domn", "Cd");
        return domain is null
            ? code.Text("Prtry", "Cd")
            : $"{domain}/{code.Text("Domn", "Fmly", "Cd")}/{code.Text("Domn", "Fmly", "SubFmlyCd")}";
    }

    // Everything that tells one booking from another, in a fixed order and form (474.4 and 474.40 hash alike).
    private static string Content(StatementEntry entry)
    {
        var content = new StringBuilder()
            .AppendJoin('\u001f', CamtValues.Invariant(entry.Amount), entry.Currency, entry.Direction, entry.IsReversal,
                entry.BookingDate, entry.ValueDate, entry.EntryReference, entry.BankTransactionCode, entry.AdditionalInfo);
        foreach (var tx in entry.Transactions)
        {
            content.Append('\u001e').AppendJoin('\u001f', tx.Amount is { } a ? CamtValues.Invariant(a) : null, tx.EndToEndId, tx.Uetr,
                tx.AccountServicerReference, tx.DebtorIban, tx.DebtorName, tx.RemittanceText,
                string.Join(',', tx.CreditorReferences.Select(r => r.Value)), string.Join(',', tx.ReferredDocuments));
        }

        return content.ToString();
    }
}
