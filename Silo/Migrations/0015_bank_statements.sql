-- Cash application from camt.053 bank statements (issue 16, Api/BankStatements).
-- A statement is imported once: its row is written after all its entries, so an import that broke off is simply
-- redone (its entries already booked are found in bank_entries, or in payments, as duplicates).
CREATE TABLE bank_statements (
    statement_key text PRIMARY KEY,            -- account|Stmt/Id|sequence (CamtReader's StatementKey)
    account       text        NOT NULL,
    statement_id  text        NOT NULL,
    sequence      text,
    message_id    text,
    version       int         NOT NULL,        -- camt.053.001.NN
    summary       jsonb       NOT NULL,        -- counts as the first import answered them
    imported_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per payment of an entry (a batch entry split into its transfers has several, part 1..n; any other entry
-- one, part 0), unreadable entries and debits included, so a repeat of any of them is recognised.
CREATE TABLE bank_entries (
    payment_key   text PRIMARY KEY,            -- the entry key, or entry key/n for the n-th transfer of a batch
    payment_id    text        NOT NULL UNIQUE, -- the PaymentGrain's key, derived from payment_key
    entry_key     text        NOT NULL,
    part          int         NOT NULL,
    statement_key text        NOT NULL,
    entry_index   int         NOT NULL,
    amount        numeric(18,2),
    currency      text,
    debtor_name   text,
    debtor_iban   text,
    status        text        NOT NULL,        -- Matched, PartiallyMatched, Unmatched, Ignored, Unreadable
    result        jsonb       NOT NULL,        -- the entry's result as the import (or the collector's allocation) answered it
    imported_at   timestamptz NOT NULL DEFAULT now(),
    allocated_at  timestamptz
);
CREATE INDEX bank_entries_entry ON bank_entries (entry_key, part);
CREATE INDEX bank_entries_unmatched ON bank_entries (imported_at, payment_key) WHERE status = 'Unmatched';

-- Who pays for whom: an account (IBAN, compact) and name seen on a statement payment applied to one customer's
-- invoices, or allocated by a collector. '' where the bank gave none, so the key has no nulls.
CREATE TABLE payer_accounts (
    customer_id  text        NOT NULL,
    iban         text        NOT NULL,
    name         text        NOT NULL,
    learned_from text        NOT NULL,         -- the payment that taught it
    learned_at   timestamptz NOT NULL,
    PRIMARY KEY (customer_id, iban, name)
);
