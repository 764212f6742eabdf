-- Customers and leads: one row per business and phone number (E.164). A lead is a customer in the
-- outbound funnel (is_lead); status is the funnel stage. Tags are stored lower-case between commas
-- (",vip,spring,") so that a tag filter is one LIKE.
CREATE TABLE customer (
    id              UUID                     NOT NULL PRIMARY KEY,
    business_id     UUID                     NOT NULL,
    phone           VARCHAR(20)              NOT NULL,
    name            VARCHAR(200),
    email           VARCHAR(320),
    country         VARCHAR(2),
    language        VARCHAR(8),
    timezone        VARCHAR(64),
    source          VARCHAR(16)              NOT NULL,
    partner         VARCHAR(100),
    status          VARCHAR(24)              NOT NULL,
    is_lead         BOOLEAN                  NOT NULL,
    sms_opt_out     BOOLEAN                  NOT NULL,
    do_not_call     BOOLEAN                  NOT NULL,
    notes           VARCHAR(2000),
    tags            VARCHAR(1000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_contact_at TIMESTAMP WITH TIME ZONE,
    -- phone first: the CSV import looks up a chunk of numbers at once (phone IN (...)), which H2 only
    -- answers from an index whose first column is phone
    CONSTRAINT customer_phone_uk UNIQUE (phone, business_id)
);
CREATE INDEX customer_business_created_idx ON customer (business_id, created_at);

-- CSV lead imports: counters while RUNNING and when done; every rejected row with its line and reason.
CREATE TABLE lead_import (
    id          UUID                     NOT NULL PRIMARY KEY,
    business_id UUID                     NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    rows_read   INT                      NOT NULL,
    imported    INT                      NOT NULL,
    duplicates  INT                      NOT NULL,
    rejected    INT                      NOT NULL,
    failure     VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX lead_import_business_idx ON lead_import (business_id, created_at);

CREATE TABLE lead_import_error (
    import_id UUID         NOT NULL REFERENCES lead_import (id),
    line      BIGINT       NOT NULL,
    reason    VARCHAR(300) NOT NULL,
    PRIMARY KEY (import_id, line)
);

-- The timeline finds a customer's conversations by phone.
CREATE INDEX conversation_business_phone_idx ON conversation (business_id, customer_phone);
