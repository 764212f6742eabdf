-- The language the customer booked in (the conversation's, or the API's customer.language), so that the
-- confirmation texts of a booking, a move and a cancellation speak it; null when unknown.
ALTER TABLE appointment ADD COLUMN customer_language VARCHAR(8);
