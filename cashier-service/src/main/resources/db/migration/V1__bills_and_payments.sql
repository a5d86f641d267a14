-- Bills, their lines and payments.
-- Plain SQL that runs on H2 and on PostgreSQL.

create table bill (
  id uuid not null primary key,
  order_id uuid not null,
  table_name varchar(16) not null,
  currency varchar(3) not null,
  subtotal numeric(10,2) not null,
  tax numeric(10,2) not null,
  total numeric(10,2) not null,
  paid numeric(10,2) not null,
  status varchar(10) not null,
  opened_at timestamp with time zone not null,
  paid_at timestamp with time zone,
  version integer not null,
  -- one bill per order: this constraint is what makes opening a bill idempotent under concurrency
  constraint uk_bill_order_id unique (order_id)
);

create index ix_bill_status_opened_at on bill (status, opened_at);

create table bill_line (
  bill_id uuid not null,
  line_no integer not null,
  name varchar(200) not null,
  quantity integer not null,
  unit_price numeric(10,2) not null,
  line_total numeric(10,2) not null,
  primary key (bill_id, line_no),
  constraint fk_bill_line_bill foreign key (bill_id) references bill (id)
);

create table payment (
  id uuid not null primary key,
  bill_id uuid not null,
  method varchar(10) not null,
  amount numeric(10,2) not null,
  tip numeric(10,2) not null,
  tendered numeric(10,2),
  change_given numeric(10,2),
  paid_at timestamp with time zone not null,
  constraint fk_payment_bill foreign key (bill_id) references bill (id)
);

create index ix_payment_bill_id on payment (bill_id);

-- (The outbox's table, event_publication, is the platform's: db/platform/outbox in
-- restaurant-platform.)
