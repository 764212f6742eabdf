-- Partners of a business: who may transfer leads with X-Partner-Key. Only the key's public prefix
-- (for look-up) and its SHA-256 are stored; the key itself is shown once.
CREATE TABLE partner (
    id              UUID                     NOT NULL PRIMARY KEY,
    business_id     UUID                     NOT NULL,
    name            VARCHAR(100)             NOT NULL,
    key_prefix      VARCHAR(16)              NOT NULL,
    key_hash        VARCHAR(64)              NOT NULL,
    rate_per_minute INT                      NOT NULL,
    active          BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT partner_key_prefix_uk UNIQUE (key_prefix),
    CONSTRAINT partner_name_uk UNIQUE (business_id, name)
);
