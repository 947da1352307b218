-- Nothing reads orders by customer or by received time (the API finds an order by its id, the
-- dashboard counts recent ones by inserted_at). Each index cost every order an index insert.
DROP INDEX orders_received;
DROP INDEX orders_customer;
