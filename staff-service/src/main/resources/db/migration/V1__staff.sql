-- The staff and their roles.
-- Plain SQL that runs on H2 and on PostgreSQL.

create table staff (
  staff_number varchar(10) not null primary key,
  name varchar(60) not null,
  active boolean not null,
  -- the PasswordEncoder's hash with its algorithm, such as {bcrypt}$2a$10$...; never the PIN
  pin_hash varchar(255) not null,
  -- the lockout, here so that it survives restarts and every instance sees it
  failed_attempts integer not null,
  locked_until timestamp with time zone,
  created_at timestamp with time zone not null,
  version integer not null
);

create index ix_staff_created_at on staff (created_at, staff_number);

create table staff_role (
  staff_number varchar(10) not null,
  role varchar(16) not null,
  primary key (staff_number, role),
  constraint fk_staff_role_staff foreign key (staff_number) references staff (staff_number)
);
