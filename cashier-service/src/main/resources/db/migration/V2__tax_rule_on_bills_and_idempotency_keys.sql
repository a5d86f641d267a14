-- The tax rule each bill was computed with (so a receipt printed after a change of settings
-- still shows the rate that applied; empty for bills opened before this migration), and the
-- Idempotency-Key records of payment requests.
-- Plain SQL that runs on H2 and on PostgreSQL.

alter table bill add column tax_rate numeric(6,4);

alter table bill add column prices_include_tax boolean;

-- The day's report reads bills by the moment they became paid.
create index ix_bill_paid_at on bill (paid_at);

create index ix_payment_paid_at on payment (paid_at);

-- One row per (key, scope): the primary key is what decides between two requests that carry
-- the same key at the same moment. A row is IN_FLIGHT while its first request runs
-- (claim_id names that claim) and COMPLETED with the response to replay once it succeeded.
create table idempotency_record (
  idempotency_key varchar(255) not null,
  scope varchar(255) not null,
  claim_id uuid not null,
  fingerprint varchar(64) not null,
  state varchar(12) not null,
  response_status integer,
  response_location varchar(1000),
  response_content_type varchar(200),
  response_body varchar(100000),
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null,
  constraint pk_idempotency_record primary key (idempotency_key, scope)
);

create index ix_idempotency_record_expires_at on idempotency_record (expires_at);
