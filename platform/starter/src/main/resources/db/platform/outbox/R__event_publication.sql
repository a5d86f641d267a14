-- The outbox (platform outbox): Spring Modulith's event publication registry, JPA flavour,
-- Modulith 2.0, in every service that publishes events. Plain SQL that runs on H2 and on
-- PostgreSQL. A repeatable migration (PlatformSchema): it must be able to run again, and
-- databases made before the platform existed already have the table.
create table if not exists event_publication (
  id uuid not null primary key,
  listener_id varchar(512) not null,
  event_type varchar(512) not null,
  serialized_event varchar(4000) not null,
  publication_date timestamp with time zone not null,
  completion_date timestamp with time zone,
  status varchar(20),
  completion_attempts integer,
  last_resubmission_date timestamp with time zone
);

-- the purge deletes delivered messages by completion date
create index if not exists ix_event_publication_completion_date on event_publication (completion_date);
