-- Idempotency-Key records (platform idempotency), in every service that turns it on.
-- Plain SQL that runs on H2 and on PostgreSQL. A repeatable migration (PlatformSchema): it must be able to run again, and databases made before the
-- platform existed already have this table.

-- One row per (key, scope): the primary key is what decides between two requests that carry
-- the same key at the same moment. A row is IN_FLIGHT while its first request runs
-- (claim_id names that claim) and COMPLETED with the response to replay once it succeeded.
create table if not exists idempotency_record (
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

-- the purge deletes by age
create index if not exists ix_idempotency_record_expires_at on idempotency_record (expires_at);
