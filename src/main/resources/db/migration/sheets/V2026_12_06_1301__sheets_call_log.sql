-- A business's Google Sheets call log: the spreadsheet, the tab (null: the first one) and the service
-- account's key, sealed with AES-256-GCM under FRONTDESK_SECRET_KEY (never stored in clear).
CREATE TABLE sheets_connection (
    business_id     UUID                     NOT NULL PRIMARY KEY,
    spreadsheet_id  VARCHAR(100)             NOT NULL,
    sheet_name      VARCHAR(100),
    client_email    VARCHAR(320)             NOT NULL,
    credentials     VARCHAR                  NOT NULL,
    last_error      VARCHAR(500),
    last_error_at   TIMESTAMP WITH TIME ZONE,
    connected_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per finished call to append: PENDING until Google took it (APPENDED) or the attempts ran out
-- (FAILED). One per call (the primary key), so a repeated event never appends a call twice. The number is
-- cleared once the row is appended, and when the customer is erased.
CREATE TABLE sheets_call_row (
    id              UUID                     NOT NULL PRIMARY KEY,
    business_id     UUID                     NOT NULL,
    call_sid        VARCHAR(64)              NOT NULL,
    direction       VARCHAR(32),
    phone           VARCHAR(20),
    call_status     VARCHAR(24),
    started_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    duration_secs   INT,
    status          VARCHAR(16)              NOT NULL,
    attempts        INT                      NOT NULL,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    appended_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sheets_call_row_call_uk UNIQUE (business_id, call_sid)
);
CREATE INDEX sheets_call_row_phone_idx ON sheets_call_row (business_id, phone);
CREATE INDEX sheets_call_row_pending_idx ON sheets_call_row (status, created_at);
