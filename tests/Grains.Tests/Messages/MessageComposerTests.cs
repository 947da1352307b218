using System.Text.Json;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Messages;
using O2C.Storage;

namespace O2C.Grains.Tests.Messages;

public sealed class MessageComposerTests
{
    [Fact]
    public void QueuedSmsCarriesItsPartCount()
    {
        var composer = new MessageComposer(new MessageRenderer(MessageTemplateCatalog.Load()), MessageSamples.Links);
        var customer = new CustomerSnapshot(
            "bakery",
            new CustomerProfile("Boulangerie Dupont", "compta@dupont.example", "+32470000000", "fr-BE", "EUR", "BE", 30, 50_000m, 40, [Channel.Email, Channel.Sms]),
            RiskProfile.High,
            1834.50m,
            "case-1");
        var rows = new CommitRows();

        var sent = composer.Compose(rows, new DunningMessage(
            "case-1-m1", "case-1", InvoiceId: null, customer, DunningStage.FinalNotice, [Channel.Email, Channel.Sms], "EUR",
            [
                new DunningMessageInvoice("INV-2026-0001", 1234.50m, "EUR", new DateOnly(2026, 11, 21), DunningStage.FinalNotice, "RF71INV20260001"),
                new DunningMessageInvoice("INV-2026-0002", 600m, "EUR", new DateOnly(2026, 12, 5), DunningStage.Reminder, "RF44INV20260002"),
            ]), DateTimeOffset.UnixEpoch);

        var queued = rows.Outbox.Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        Assert.Equal(["case-1-m1-email", "case-1-m1-sms"], queued.Select(q => q.GetProperty("messageId").GetString()));
        Assert.Equal(["case-1-m1-email", "case-1-m1-sms"], sent.Select(m => m.MessageId));
        Assert.Equal(queued.Select(q => q.GetProperty("subject").GetString()), sent.Select(m => m.Subject));
        Assert.Equal([0, 1], queued.Select(q => q.GetProperty("smsParts").GetInt32()));
        Assert.Equal("MISE EN DEMEURE : procédure de recouvrement imminente", queued[0].GetProperty("subject").GetString());
    }
}
