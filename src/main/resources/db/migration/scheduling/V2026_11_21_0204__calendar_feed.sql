-- The secret address of each business's subscribable calendar feed (only its prefix and hash are kept).
CREATE TABLE scheduling_feed (
    business_id  UUID                     NOT NULL PRIMARY KEY,
    token_prefix VARCHAR(16)              NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX scheduling_feed_prefix_uk ON scheduling_feed (token_prefix);
