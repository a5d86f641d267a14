-- Leases: an automatic cook holds the ticket it prepares until lease_until and renews the
-- lease while it cooks; once the lease has passed, another replica may take the ticket
-- over. Null for tickets a person started by hand (never taken over) and for tickets not
-- being prepared. Plain SQL that runs on H2 and on PostgreSQL.

alter table ticket add column lease_until timestamp with time zone;

-- the cooks look, over and over, for tickets being prepared under an expired lease
create index ix_ticket_status_lease on ticket (status, lease_until);
