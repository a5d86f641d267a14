-- Who placed each order: the staff number of the waiter (the token's subject). Orders taken
-- before sign-in existed have none.
alter table orders add column placed_by varchar(16);
