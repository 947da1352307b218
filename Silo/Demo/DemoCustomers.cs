using System.Globalization;
using O2C.Grains.Interfaces.Customers;

namespace O2C.Silo.Demo;

/// <summary>
/// The demo's customers: every risk profile (credit score 85, 55, 15) in every language (nl, en, de, fr),
/// with short payment terms (7-14 days) so due dates and dunning ladders turn within a minute.
/// </summary>
public static class DemoCustomers
{
    private static readonly Dictionary<string, string[]> Names = new()
    {
        ["nl"] = ["Bakkerij De Vries", "Van Dijk Installatietechniek", "Jansen Bloemen", "Kaasboerderij Bakker", "Visser Transport", "De Boer Drukwerk"],
        ["en"] = ["Hartley & Sons", "Thornbury Joinery", "Pennywhistle Tea Rooms", "Ashcombe Garden Supplies", "Kingsley Print Works", "Marlow Cycles"],
        ["de"] = ["Bäckerei Schneider", "Müller Haustechnik", "Weber Feinkost", "Schmidt & Partner Logistik", "Fischer Gartenbau", "Becker Druckerei"],
        ["fr"] = ["Boulangerie Dupont", "Lefèvre Plomberie", "Fromagerie Moreau", "Transports Girard", "Imprimerie Lambert", "Jardins Rousseau"],
    };

    // Low-risk customers mostly pay on time; high-risk ones late, partly or never.
    private static readonly Dictionary<int, PayerHabit[]> Habits = new()
    {
        [85] = [PayerHabit.OnTime, PayerHabit.OnTime, PayerHabit.Late, PayerHabit.OnTime],
        [55] = [PayerHabit.OnTime, PayerHabit.Late, PayerHabit.Partly, PayerHabit.Late],
        [15] = [PayerHabit.Late, PayerHabit.Never, PayerHabit.Partly, PayerHabit.OnTime],
    };

    public static IReadOnlyList<DemoCustomer> Create(int perGroup)
    {
        var customers = new List<DemoCustomer>();
        foreach (var (score, habits) in Habits)
        {
            foreach (var (language, names) in Names)
            {
                for (var i = 0; i < perGroup; i++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"demo-{language}-{score}-{i + 1}");
                    var name = names[i % names.Length] + (i >= names.Length ? $" {i / names.Length + 1}" : string.Empty);
                    customers.Add(new DemoCustomer(id, Profile(name, id, language, score, 7 + (i * 7 % 8)), habits[i % habits.Length]));
                }
            }
        }

        return customers;
    }

    private static CustomerProfile Profile(string name, string id, string language, int score, int termDays) => new(
        name,
        $"{id}@example.com",
        language switch { "nl" => "+31612345678", "de" => "+491701234567", "fr" => "+33612345678", _ => "+447700900123" },
        language,
        language == "en" ? "GBP" : "EUR",
        language switch { "nl" => "NL", "de" => "DE", "fr" => "FR", _ => "GB" },
        termDays,
        score >= 75 ? 250_000m : score >= 30 ? 120_000m : 60_000m,
        score,
        score < 30 ? [Channel.Email, Channel.Sms, Channel.Letter] : score < 75 ? [Channel.Email, Channel.Sms] : [Channel.Email]);
}
