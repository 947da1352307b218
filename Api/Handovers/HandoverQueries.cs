namespace O2C.Api.Handovers;

internal static class HandoverQueries
{
    /// <summary>
    /// Handovers with their debtor, the figures of the day of handover, what was paid after, every
    /// message the case sent and its timeline. $1: status or null; $2, $3: limit and offset.
    /// </summary>
    public const string List =
        """
        SELECT h.handover_id AS "handoverId", h.case_id AS "caseId", h.customer_id AS "customerId", c.name AS "customerName",
               h.status, h.country, h.currency, h.principal, h.interest, h.compensation, h.total_claimed AS "totalClaimed",
               h.paid_after AS "paidAfterHandover", h.total_claimed - h.paid_after AS "stillClaimed", h.invoices,
               h.payments_after AS "paymentsAfterHandover", h.handed_over_at AS "handedOverAt", h.acknowledged_at AS "acknowledgedAt",
               (SELECT coalesce(json_agg(json_build_object('at', m.created_at, 'stage', m.stage, 'channel', m.channel, 'subject', m.subject)
                                ORDER BY m.created_at, m.message_id), '[]'::json)
                FROM messages m WHERE m.case_id = h.case_id) AS messages,
               (SELECT coalesce(json_agg(json_build_object('at', e.occurred_at, 'kind', e.kind, 'data', e.data) ORDER BY e.occurred_at, e.id), '[]'::json)
                FROM grain_events e WHERE e.grain_type = 'case' AND e.grain_key = h.case_id) AS timeline
        FROM handovers h JOIN customers c ON c.customer_id = h.customer_id
        WHERE ($1::text IS NULL OR h.status = $1)
        ORDER BY h.handed_over_at, h.handover_id LIMIT $2 OFFSET $3
        """;

    public const string Count = "SELECT count(*) FROM handovers WHERE ($1::text IS NULL OR status = $1)";
}
