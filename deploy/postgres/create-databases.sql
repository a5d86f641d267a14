-- One database per service (docker-entrypoint-initdb.d runs this once, on an empty volume).
create database orders;
create database kitchen;
create database cashier;
create database staff;
