-- One-time codes texted to a phone number on file before the assistant reads out or changes its
-- appointments for a caller whose channel does not prove the number (web chat, an unattested call).
-- Only a hash of the code is kept; attempts are counted so a code dies after a few wrong guesses.
CREATE TABLE assistant_caller_code (
    id              UUID                     NOT NULL PRIMARY KEY,
    business_id     UUID                     NOT NULL,
    conversation_id UUID                     NOT NULL,
    phone           VARCHAR(20)              NOT NULL,
    code_hash       VARCHAR(64)              NOT NULL,
    sent            BOOLEAN                  NOT NULL,
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX assistant_caller_code_conversation ON assistant_caller_code (conversation_id, created_at);
CREATE INDEX assistant_caller_code_phone ON assistant_caller_code (business_id, phone, created_at);
