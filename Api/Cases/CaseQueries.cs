namespace O2C.Api.Cases;

internal static class CaseQueries
{
    public const string Columns =
        """
        SELECT case_id AS "caseId", customer_id AS "customerId", status, stage, risk_profile AS "riskProfile", ladder_profile AS "ladderProfile",
               currency, overdue_amount AS "overdueAmount", oldest_due_date AS "oldestDueDate", next_action AS "nextAction",
               next_action_at AS "nextActionAt", promise, invoices, opened_at AS "openedAt", closed_at AS "closedAt", updated_at AS "updatedAt",
               hold, payment_plan AS "paymentPlan", broken_promises AS "brokenPromises", broken_plans AS "brokenPlans", collector
        FROM cases
        """;

    /// <summary>One case with its timeline: every audit event of the case and every message it sent, by time.</summary>
    public const string WithTimeline =
        """
        SELECT c.*, (
            SELECT coalesce(json_agg(t ORDER BY t.at, t.seq), '[]'::json) FROM (
                SELECT e.occurred_at AS at, e.id AS seq, 'event' AS type, e.kind, e.data, NULL::text AS channel, NULL::text AS subject
                FROM grain_events e WHERE e.grain_type = 'case' AND e.grain_key = c."caseId"
                UNION ALL
                SELECT m.created_at, 0, 'message', m.stage, NULL::jsonb, m.channel, m.subject
                FROM messages m WHERE m.case_id = c."caseId") t
        ) AS timeline
        FROM (
        """ + Columns + """
         WHERE case_id = $1) c
        """;

    public const string Filter =
        """
         WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR stage = $2)
           AND ($3::text IS NULL OR risk_profile = $3) AND ($4::text IS NULL OR customer_id = $4)
        """;
}
