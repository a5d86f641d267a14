-- The lists the front-of-house screens poll (docs/api.md, "Polling"): one row per list,
-- whose version goes up in the transaction of every change to what the list shows. A poll
-- that already has the current version reads this one row, not the list, and is answered
-- 304 Not Modified. Plain SQL that runs on H2 and on PostgreSQL.
create table list_version (
    name varchar(16) not null primary key,
    version bigint not null
);

insert into list_version (name, version) values ('menu', 0);
insert into list_version (name, version) values ('orders', 0);
