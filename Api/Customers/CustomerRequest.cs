using O2C.Api.Validation;
using O2C.Grains.Interfaces.Customers;

namespace O2C.Api.Customers;

/// <summary>Turns a PUT /v1/customers/{id} body into a profile, or errors naming each bad field.</summary>
public static class CustomerRequest
{
    public static CustomerProfile? Parse(JsonFields body)
    {
        var name = body.Text("name", required: true, maxLength: 200);
        var email = body.Text("email", required: false, maxLength: 254);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            body.Errors.Add(body.Path("email"), "must be an e-mail address");
        }

        var phone = body.Text("phone", required: false, maxLength: 32);
        var language = body.OneOf("language", true, "nl", "en", "de", "fr");
        var currency = body.Currency("currency");
        var country = body.Text("country", required: false, maxLength: 2);
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            body.Errors.Add(body.Path("country"), "must be an ISO 3166 alpha-2 code, e.g. NL");
        }

        var term = body.WholeNumber("paymentTermDays", required: false, 0, 365) ?? 30;
        var limit = body.Number("creditLimit", required: true, 0, Amounts.Max, 2);
        var score = body.WholeNumber("creditScore", required: false, 0, 100);
        var channels = Channels(body);
        if (body.Errors.Any)
        {
            return null;
        }

        return new CustomerProfile(name!, email, phone, language!, currency!, country, term, limit!.Value, score, channels);
    }

    private static List<Channel> Channels(JsonFields body)
    {
        if (!body.Has("preferredChannels"))
        {
            return [Channel.Email];
        }

        var items = body.Array("preferredChannels", required: false, 1, 3) ?? [];
        var channels = new List<Channel>();
        foreach (var (item, path) in items)
        {
            var value = item.ValueKind == System.Text.Json.JsonValueKind.String ? item.GetString() : null;
            switch (value)
            {
                case "email": channels.Add(Channel.Email); break;
                case "sms": channels.Add(Channel.Sms); break;
                case "letter": channels.Add(Channel.Letter); break;
                default: body.Errors.Add(path, "must be one of: email, sms, letter"); break;
            }
        }

        return channels.Distinct().ToList();
    }
}
