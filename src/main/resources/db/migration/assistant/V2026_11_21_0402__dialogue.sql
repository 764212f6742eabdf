-- The assistant's state of each conversation between turns (slots, pending confirmation, language).
CREATE TABLE assistant_dialogue (
    conversation_id UUID                     NOT NULL PRIMARY KEY,
    business_id     UUID                     NOT NULL,
    state           VARCHAR                  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
