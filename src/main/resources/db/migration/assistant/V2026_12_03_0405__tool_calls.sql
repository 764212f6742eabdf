-- What the LLM brain's tools changed in each conversation turn (a booking, a move, a cancellation, a
-- message, a transfer, an owner alert): a repeated call in the same turn (the model asking again, or the
-- turn run again after a crash) gets the stored answer instead of acting twice, at most one change is
-- made per turn, and the offline brain confirms what was done when the model fails after acting.
-- call_key is a SHA-256 of the tool and its arguments; no caller's name or number is stored.
CREATE TABLE assistant_tool_call (
    conversation_id UUID                     NOT NULL,
    turn            INTEGER                  NOT NULL,
    call_key        VARCHAR(64)              NOT NULL,
    tool            VARCHAR(40)              NOT NULL,
    result          VARCHAR                  NOT NULL,
    effect          VARCHAR,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, turn, call_key)
);
