-- WhatsApp message ids already handled, so a redelivered webhook gets no second reply.
CREATE TABLE whatsapp_seen_message (
    message_id  VARCHAR(200)             NOT NULL PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
