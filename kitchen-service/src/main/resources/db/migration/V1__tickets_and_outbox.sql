-- Kitchen schema: plain SQL that runs on H2 and on PostgreSQL.

create table ticket (
  id uuid not null primary key,
  order_id uuid not null,
  table_code varchar(16) not null,
  status varchar(20) not null,
  prepared_by varchar(255),
  placed_at timestamp with time zone,
  received_at timestamp with time zone not null,
  started_at timestamp with time zone,
  ready_at timestamp with time zone,
  version bigint not null,
  -- one ticket per order: this is what makes POST /internal/tickets idempotent under concurrency
  constraint uk_ticket_order unique (order_id)
);

-- the cooks look for the oldest queued ticket over and over
create index ix_ticket_status_received on ticket (status, received_at);

create table ticket_item (
  ticket_id uuid not null,
  line_no integer not null,
  name varchar(100) not null,
  quantity integer not null,
  note varchar(200),
  prep_seconds integer not null,
  constraint pk_ticket_item primary key (ticket_id, line_no),
  constraint fk_ticket_item_ticket foreign key (ticket_id) references ticket (id)
);

-- (The outbox's table, event_publication, is the platform's: db/platform/outbox in
-- restaurant-platform.)
