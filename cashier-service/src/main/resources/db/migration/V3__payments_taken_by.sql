-- Who took each payment: the staff number of the cashier (the token's subject). Payments
-- taken before sign-in existed have none.
alter table payment add column taken_by varchar(16);
