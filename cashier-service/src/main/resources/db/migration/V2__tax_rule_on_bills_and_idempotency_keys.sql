-- The tax rule each bill was computed with (so a receipt printed after a change of settings
-- still shows the rate that applied; empty for bills opened before this migration).
-- Plain SQL that runs on H2 and on PostgreSQL.

alter table bill add column tax_rate numeric(6,4);

alter table bill add column prices_include_tax boolean;

-- The day's report reads bills by the moment they became paid.
create index ix_bill_paid_at on bill (paid_at);

create index ix_payment_paid_at on payment (paid_at);

-- (The Idempotency-Key records' table is the platform's: db/platform/idempotency in
-- restaurant-platform.)
