-- Schema of the order-service. Plain SQL that runs on H2 and on PostgreSQL.

create table menu_items (
    id varchar(40) not null primary key,
    name varchar(80) not null,
    category varchar(16) not null,
    price numeric(10,2) not null,
    prep_seconds integer not null,
    available boolean not null,
    -- lists come oldest first: the menu is ordered by created_at, then id
    created_at timestamp with time zone not null,
    version bigint not null
);

create table orders (
    id uuid not null primary key,
    table_label varchar(16) not null,
    status varchar(16) not null,
    total numeric(12,2) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);

create index orders_by_created_at on orders (created_at);
create index orders_by_status on orders (status);

-- Name, price and prep time are copied from the menu when the order is placed, so later
-- menu changes do not change old orders, bills or tickets.
create table order_lines (
    order_id uuid not null references orders (id),
    line_no integer not null,
    menu_item_id varchar(40) not null,
    name varchar(80) not null,
    unit_price numeric(10,2) not null,
    quantity integer not null,
    note varchar(200),
    prep_seconds integer not null,
    primary key (order_id, line_no)
);

-- (The outbox's table, event_publication, is the platform's: db/platform/outbox in
-- restaurant-platform.)
