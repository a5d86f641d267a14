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

-- Spring Modulith's event publication registry (JPA flavour, Modulith 2.0): our outbox.
create table event_publication (
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
