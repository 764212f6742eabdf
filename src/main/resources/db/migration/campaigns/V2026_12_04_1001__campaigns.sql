-- Outbound campaigns: a campaign calls a list of leads inside a calling window, a few at a time.
CREATE TABLE campaign (
    id                    UUID                     NOT NULL PRIMARY KEY,
    business_id           UUID                     NOT NULL,
    name                  VARCHAR(200)             NOT NULL,
    purpose               VARCHAR(500)             NOT NULL,
    status                VARCHAR(16)              NOT NULL,
    window_start          VARCHAR(5)               NOT NULL,
    window_end            VARCHAR(5)               NOT NULL,
    max_concurrent_calls  INT                      NOT NULL,
    retry_attempts        INT                      NOT NULL,
    retry_backoff_minutes INT                      NOT NULL,
    voicemail             VARCHAR(16)              NOT NULL,
    opening_script        VARCHAR(1000),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX campaign_business_created_idx ON campaign (business_id, created_at);

-- Each lead of a campaign and where it is: QUEUED (waiting for its first call or a retry, not before
-- next_attempt_at), CALLING (a call is placed: attempt_id names it, call_sid once the provider answered),
-- then CONTACTED, MEETING_SCHEDULED, NO_ANSWER, FAILED or DO_NOT_CALL. The dialer claims QUEUED rows
-- with a conditional update, so a lead is in one call at most.
CREATE TABLE campaign_lead (
    campaign_id     UUID                     NOT NULL REFERENCES campaign (id),
    customer_id     UUID                     NOT NULL,
    business_id     UUID                     NOT NULL,
    phone           VARCHAR(20)              NOT NULL,
    name            VARCHAR(200),
    language        VARCHAR(8),
    timezone        VARCHAR(64)              NOT NULL,
    state           VARCHAR(24)              NOT NULL,
    attempts        INT                      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempt_id      UUID,
    call_sid        VARCHAR(64),
    claimed_at      TIMESTAMP WITH TIME ZONE,
    answered_by     VARCHAR(32),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, customer_id)
);
CREATE INDEX campaign_lead_state_idx ON campaign_lead (campaign_id, state, next_attempt_at);
CREATE INDEX campaign_lead_attempt_idx ON campaign_lead (attempt_id);
CREATE INDEX campaign_lead_phone_idx ON campaign_lead (business_id, phone);

-- Every call placed, with the instant it was placed and how it ended: the campaign's call log, and the
-- evidence of when each lead was called.
CREATE TABLE campaign_call (
    attempt_id  UUID                     NOT NULL PRIMARY KEY,
    campaign_id UUID                     NOT NULL REFERENCES campaign (id),
    business_id UUID                     NOT NULL,
    customer_id UUID                     NOT NULL,
    phone       VARCHAR(20)              NOT NULL,
    attempt     INT                      NOT NULL,
    call_sid    VARCHAR(64),
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_by VARCHAR(32),
    status      VARCHAR(24),
    ended_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX campaign_call_campaign_idx ON campaign_call (campaign_id, placed_at);
CREATE INDEX campaign_call_sid_idx ON campaign_call (call_sid);

-- Calls the sandbox dialer placed (no Twilio): driven through /api/sandbox/outbound-calls.
CREATE TABLE campaign_sandbox_call (
    call_sid    VARCHAR(64)              NOT NULL PRIMARY KEY,
    business_id UUID                     NOT NULL,
    from_number VARCHAR(20)              NOT NULL,
    to_number   VARCHAR(20)              NOT NULL,
    answer_url  VARCHAR(500)             NOT NULL,
    status_url  VARCHAR(500)             NOT NULL,
    attempt_id  UUID                     NOT NULL,
    machine_detection VARCHAR(24)        NOT NULL,
    status      VARCHAR(24)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX campaign_sandbox_call_business_idx ON campaign_sandbox_call (business_id, created_at);
CREATE INDEX campaign_sandbox_call_attempt_idx ON campaign_sandbox_call (attempt_id);
