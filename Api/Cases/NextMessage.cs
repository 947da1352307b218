using Microsoft.AspNetCore.Http;
using O2C.Api.Clock;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Clock;
using O2C.Grains.Interfaces.Dunning;
using O2C.Api.Preview;

namespace O2C.Api.Cases;

/// <summary>
/// <c>GET /v1/cases/{id}/next-message</c>: the case's next step, rendered by a dry run of the
/// customer's grains (<see cref="MessagePreviewer"/>), so invoices that fall due before it and
/// join the case are listed as the run will list them. Changes nothing.
/// </summary>
public static class NextMessage
{
    // Far enough for any ladder (its last rung is weeks after the due date) and a promise's pause.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    public static async Task<IResult> GetAsync(
        string caseId, JsonQueries queries, MessagePreviewer previewer, BusinessClock clock, CancellationToken cancellationToken)
    {
        var customerId = await queries.ScalarAsync("SELECT customer_id FROM cases WHERE case_id = $1", cancellationToken, caseId);
        if (customerId is null)
        {
            return Problems.NotFound($"case {caseId} does not exist");
        }

        var status = Enum.Parse<CaseStatus>((await queries.ScalarAsync("SELECT status FROM cases WHERE case_id = $1", cancellationToken, caseId))!);
        var now = clock.GetUtcNow();
        var nextAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(
            (await queries.ScalarAsync("SELECT (extract(epoch FROM greatest(next_action_at, $2)) * 1000)::bigint FROM cases WHERE case_id = $1", cancellationToken, caseId, now))!,
            System.Globalization.CultureInfo.InvariantCulture));
        var messages = status is CaseStatus.Closed or CaseStatus.InCollection
            ? []
            : (await previewer.PreviewAsync(nextAt + Horizon, customerId, cancellationToken)).Where(m => m.CaseId == caseId).ToList();
        var step = messages.Count == 0 ? [] : messages.Where(m => m.DueAt == messages[0].DueAt).ToList();
        return TypedResults.Ok(new NextMessageView(
            caseId, customerId, status, step.Count > 0 ? step[0].DueAt : null, step.Count > 0 ? step[0].Stage : null,
            step.Select(m => PreviewedMessage.From(m, withBody: true)).ToList()));
    }
}
