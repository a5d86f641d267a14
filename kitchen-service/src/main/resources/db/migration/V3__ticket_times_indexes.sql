-- The manager's live view (GET /api/kitchen/figures) reads, every few seconds, the
-- tickets started and the tickets made ready in the last minutes: indexed, so a poll
-- reads those few rows instead of the day's every ticket. Plain SQL that runs on H2 and
-- on PostgreSQL.

create index ix_ticket_started_at on ticket (started_at);

create index ix_ticket_ready_at on ticket (ready_at);
