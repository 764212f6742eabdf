-- One row per conversation thread (business, channel, key: a caller's number, a CallSid, a chat id).
-- Opening or continuing a conversation locks it (SELECT ... FOR UPDATE), so messages arriving at once
-- from a new sender continue one conversation instead of starting several.
CREATE TABLE conversation_thread (
    business_id      UUID         NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    conversation_key VARCHAR(200) NOT NULL,
    PRIMARY KEY (business_id, channel, conversation_key)
);
