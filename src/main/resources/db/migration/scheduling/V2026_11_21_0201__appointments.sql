-- One row per business calendar. A booking locks it (SELECT ... FOR UPDATE) and re-checks overlap in
-- the same transaction, so two bookings of one business never interleave.
CREATE TABLE scheduling_calendar (
    business_id UUID                     NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE appointment (
    id                UUID                     NOT NULL PRIMARY KEY,
    business_id       UUID                     NOT NULL,
    customer_name     VARCHAR(200)             NOT NULL,
    customer_phone    VARCHAR(20),
    customer_email    VARCHAR(320),
    service           VARCHAR(100)             NOT NULL,
    staff_id          VARCHAR(64),
    start_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    emergency         BOOLEAN                  NOT NULL,
    notes             VARCHAR(2000),
    source_channel    VARCHAR(16)              NOT NULL,
    meeting_link      VARCHAR(500),
    external_event_id VARCHAR(200),
    sequence          INT                      NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT appointment_status_ck CHECK (status IN ('SCHEDULED', 'CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
    CONSTRAINT appointment_time_ck CHECK (start_at < end_at)
);
CREATE INDEX appointment_business_start_idx ON appointment (business_id, start_at);
CREATE INDEX appointment_business_phone_idx ON appointment (business_id, customer_phone);

-- The first answer to a booking with an Idempotency-Key, replayed for repeats of the same key.
CREATE TABLE appointment_idempotency (
    business_id     UUID                     NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    response_status INT                      NOT NULL,
    response_body   VARCHAR                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (business_id, idempotency_key)
);
