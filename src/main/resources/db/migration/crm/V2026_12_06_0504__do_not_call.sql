-- The do-not-call list of each business. It outlives the customer: erasing a customer who asked not to
-- be called keeps their entry. No number is stored, only a keyed hash of it (HMAC-SHA256 of the business
-- id and the E.164 number under the service's do-not-call key), its last two digits to tell entries
-- apart, where the entry came from (CALLER, OWNER, IMPORT) and when.
CREATE TABLE do_not_call (
    business_id UUID                     NOT NULL,
    phone_hash  VARCHAR(64)              NOT NULL,
    last_digits VARCHAR(4)               NOT NULL,
    source      VARCHAR(16)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (business_id, phone_hash)
);
CREATE INDEX do_not_call_business_created_idx ON do_not_call (business_id, created_at);
