-- What the owner wants to hear about, per event: NONE, SMS, EMAIL or SMS_AND_EMAIL; and the daily summary
-- email (on or off, the hour in the business's timezone, the last local day it went out). A business
-- without a row has the defaults (emergencies by SMS, messages for the owner by SMS and email, the rest
-- none, no summary).
CREATE TABLE notification_settings (
    business_id           UUID                     NOT NULL PRIMARY KEY,
    new_booking           VARCHAR(16)              NOT NULL,
    cancellation          VARCHAR(16)              NOT NULL,
    emergency             VARCHAR(16)              NOT NULL,
    message_taken         VARCHAR(16)              NOT NULL,
    missed_call           VARCHAR(16)              NOT NULL,
    daily_summary         BOOLEAN                  NOT NULL,
    daily_summary_hour    INT                      NOT NULL,
    daily_summary_sent_on DATE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notification_settings_hour_ck CHECK (daily_summary_hour BETWEEN 0 AND 23)
);
CREATE INDEX notification_settings_summary_idx ON notification_settings (daily_summary);
