-- Businesses (tenants). Keys and tokens are stored only as a public prefix and a SHA-256 hash.
CREATE TABLE business (
    id                  UUID                     NOT NULL PRIMARY KEY,
    name                VARCHAR(200)             NOT NULL,
    timezone            VARCHAR(64)              NOT NULL,
    owner_phone         VARCHAR(20),
    owner_email         VARCHAR(320),
    greeting            VARCHAR(1000),
    default_language    VARCHAR(8)               NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    services            VARCHAR                  NOT NULL,
    hours               VARCHAR                  NOT NULL,
    closed_dates        VARCHAR                  NOT NULL,
    emergency_keywords  VARCHAR                  NOT NULL,
    settings            VARCHAR                  NOT NULL,
    api_key_prefix      VARCHAR(16)              NOT NULL,
    api_key_hash        VARCHAR(64)              NOT NULL,
    widget_token_prefix VARCHAR(16)              NOT NULL,
    widget_token_hash   VARCHAR(64)              NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT business_status_ck CHECK (status IN ('ACTIVE', 'SUSPENDED'))
);
CREATE UNIQUE INDEX business_api_key_prefix_uk ON business (api_key_prefix);
CREATE UNIQUE INDEX business_widget_token_prefix_uk ON business (widget_token_prefix);
CREATE INDEX business_created_at_idx ON business (created_at);

-- A number belongs to at most one business: the owner of an inbound call's To number.
CREATE TABLE business_phone_number (
    phone_number VARCHAR(20) NOT NULL PRIMARY KEY,
    business_id  UUID        NOT NULL REFERENCES business (id)
);
CREATE INDEX business_phone_number_business_idx ON business_phone_number (business_id);

-- The generated operator key when FRONTDESK_ADMIN_KEY is not set (one row at most).
CREATE TABLE admin_key (
    id         INT                      NOT NULL PRIMARY KEY,
    key_prefix VARCHAR(16)              NOT NULL,
    key_hash   VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_key_single_ck CHECK (id = 1)
);

-- Who changed what and when (admin or a business's API key); field names only, never values.
CREATE TABLE audit_event (
    id          UUID                     NOT NULL PRIMARY KEY,
    business_id UUID,
    actor       VARCHAR(64)              NOT NULL,
    action      VARCHAR(64)              NOT NULL,
    details     VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_event_business_idx ON audit_event (business_id, created_at);
