-- Conversations on every channel and their transcript, turn by turn.
CREATE TABLE conversation (
    id               UUID                     NOT NULL PRIMARY KEY,
    business_id      UUID                     NOT NULL,
    channel          VARCHAR(16)              NOT NULL,
    conversation_key VARCHAR(200)             NOT NULL,
    customer_phone   VARCHAR(20),
    language         VARCHAR(8),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE,
    outcome          VARCHAR(20),
    emergency        BOOLEAN                  NOT NULL,
    summary          VARCHAR(2000)
);
CREATE INDEX conversation_business_started_idx ON conversation (business_id, started_at);
CREATE INDEX conversation_key_idx ON conversation (business_id, channel, conversation_key);

CREATE TABLE conversation_turn (
    id              UUID                     NOT NULL PRIMARY KEY,
    conversation_id UUID                     NOT NULL REFERENCES conversation (id),
    business_id     UUID                     NOT NULL,
    seq             INT                      NOT NULL,
    speaker         VARCHAR(16)              NOT NULL,
    text            VARCHAR(4000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_turn_seq_uk UNIQUE (conversation_id, seq)
);
