-- One queue of payments waiting for a collector (issue 16): JSON payments nobody could match and statement payments the
-- cash matcher queued are both rows of payments, in one shape: candidates and the reason, a refund request, the payer.
ALTER TABLE payments
    ADD COLUMN source              text  NOT NULL DEFAULT 'api', -- api (POST /v1/payments) or statement (a camt.053 credit)
    ADD COLUMN payer_iban          text,
    ADD COLUMN confidence          int,                          -- the matcher's confidence in its (best) guess
    ADD COLUMN candidates          jsonb NOT NULL DEFAULT '[]',  -- invoices a collector may choose from, each with its reason
    ADD COLUMN explanation         text,
    ADD COLUMN refund_reason       text,
    ADD COLUMN refund_requested_at timestamptz;

-- An overpayment's surplus stays on the payment as unapplied credit: Overpaid is the status's name from now on.
UPDATE payments SET status = 'Overpaid' WHERE status = 'PartiallyMatched';
UPDATE payments p SET source = 'statement', payer_iban = b.debtor_iban
FROM bank_entries b WHERE b.payment_id = p.payment_id;

-- What a queued statement payment was (references, texts, payer), so it can be matched again when an invoice is issued,
-- and the matcher's guess at its debtor.
ALTER TABLE bank_entries
    ADD COLUMN payment     jsonb,
    ADD COLUMN debtor_hint text;
-- No index of their own: the re-match reads the queued rows through bank_entries_unmatched, and every index is paid for by
-- each of an import's 20,000 rows.

-- Statement payments queued before this migration join the one queue (a payment grain exists only once one is booked).
INSERT INTO payments (payment_id, content_hash, amount, currency, received_at, payer_name, payer_iban, status, confidence,
    allocations, unallocated, candidates, explanation, source, recorded_at)
SELECT b.payment_id, '', b.amount, b.currency, coalesce((b.result->>'bookingDate')::date::timestamptz, b.imported_at), b.debtor_name, b.debtor_iban,
    'Unmatched', (b.result->>'confidence')::int, '[]', b.amount, coalesce(b.result->'candidates', '[]'), b.result->>'explanation', 'statement', b.imported_at
FROM bank_entries b
WHERE b.status = 'Unmatched' AND b.amount IS NOT NULL AND b.currency IS NOT NULL
ON CONFLICT (payment_id) DO NOTHING;
