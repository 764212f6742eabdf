-- Transfers the person called declined during the whisper: the caller is then offered a message.
CREATE TABLE transfer_decline (
    call_sid    VARCHAR(64)              NOT NULL PRIMARY KEY,
    declined_at TIMESTAMP WITH TIME ZONE NOT NULL
);
