-- The lists the front-of-house screens poll (platform polling, docs/api.md, "Polling"), in
-- every service that turns it on: one row per list, whose version goes up in the
-- transaction of every change to what the list shows, made by any instance (they share
-- this database). A poll that already has the current version reads this one row, not the
-- list, and is answered 304 Not Modified. The rows are made at start, one for each of
-- restaurant.polling.lists. Plain SQL that runs on H2 and on PostgreSQL. A repeatable
-- migration (PlatformSchema): it must be able to run again, and the order-service and the
-- kitchen made this table in their own V4 before it moved to the platform.
create table if not exists list_version (
  name varchar(16) not null primary key,
  version bigint not null
);
