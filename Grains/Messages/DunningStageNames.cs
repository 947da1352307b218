using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <summary>The dunning levels in the words a customer reads; unknown languages get English.</summary>
public static class DunningStageNames
{
    public static string In(string language, DunningStage stage) => LanguageFormats.Normalize(language) switch
    {
        "nl" => stage switch
        {
            DunningStage.PreDueReminder => "Vooraankondiging vervaldatum",
            DunningStage.Reminder => "Betalingsherinnering",
            DunningStage.SecondReminder => "Aanmaning",
            DunningStage.FinalNotice => "Ingebrekestelling",
            DunningStage.Collection => "Incasso",
            _ => "Openstaand",
        },
        "de" => stage switch
        {
            DunningStage.PreDueReminder => "Fälligkeitshinweis",
            DunningStage.Reminder => "Zahlungserinnerung",
            DunningStage.SecondReminder => "Mahnung",
            DunningStage.FinalNotice => "Letzte Mahnung",
            DunningStage.Collection => "Inkasso",
            _ => "Offen",
        },
        "fr" => stage switch
        {
            DunningStage.PreDueReminder => "Avis d'échéance",
            DunningStage.Reminder => "Rappel de paiement",
            DunningStage.SecondReminder => "Deuxième rappel",
            DunningStage.FinalNotice => "Mise en demeure",
            DunningStage.Collection => "Recouvrement",
            _ => "En cours",
        },
        _ => stage switch
        {
            DunningStage.PreDueReminder => "Upcoming due date",
            DunningStage.Reminder => "Payment reminder",
            DunningStage.SecondReminder => "Second reminder",
            DunningStage.FinalNotice => "Final notice",
            DunningStage.Collection => "Collection",
            _ => "Open",
        },
    };
}
