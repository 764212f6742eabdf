-- Outgoing webhooks of a business. The signing secret must be read to sign, so it is stored sealed
-- with the service's key (AES-256-GCM, FRONTDESK_SECRET_KEY), like calendar credentials; events are
-- stored between commas (",appointment.booked,lead.status_changed,").
CREATE TABLE webhook (
    id            UUID                     NOT NULL PRIMARY KEY,
    business_id   UUID                     NOT NULL,
    url           VARCHAR(2000)            NOT NULL,
    events        VARCHAR(1000)            NOT NULL,
    secret_sealed VARCHAR(500)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_business_idx ON webhook (business_id, created_at);

-- Every delivery of an event to a webhook: PENDING until the endpoint answers 2xx (DELIVERED) or the
-- retries run out (FAILED). A replay is a new delivery of the same payload (replay_of).
CREATE TABLE webhook_delivery (
    id              UUID                     NOT NULL PRIMARY KEY,
    webhook_id      UUID                     NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    business_id     UUID                     NOT NULL,
    event           VARCHAR(40)              NOT NULL,
    event_id        UUID                     NOT NULL,
    payload         VARCHAR(16000)           NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    attempts        INT                      NOT NULL,
    response_status INT,
    error           VARCHAR(300),
    replay_of       UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, created_at);
