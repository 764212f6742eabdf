-- A business's external calendar (Google) and meeting-link provider (Zoom). Credentials are sealed
-- with AES-256-GCM under FRONTDESK_SECRET_KEY, never stored in clear.
CREATE TABLE scheduling_integration (
    business_id          UUID                     NOT NULL PRIMARY KEY,
    calendar_provider    VARCHAR(16)              NOT NULL,
    calendar_id          VARCHAR(200),
    calendar_auth        VARCHAR(16),
    calendar_credentials VARCHAR,
    meetings_provider    VARCHAR(16)              NOT NULL,
    meetings_account     VARCHAR(200),
    meetings_credentials VARCHAR,
    last_error           VARCHAR(500),
    last_error_at        TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the external calendar and the meeting provider know of each appointment.
ALTER TABLE appointment ADD COLUMN synced_sequence INT;
ALTER TABLE appointment ADD COLUMN meeting_id VARCHAR(64);
