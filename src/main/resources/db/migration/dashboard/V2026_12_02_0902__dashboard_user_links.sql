-- Emailed one-time links to choose a password: an invitation (a user added without a password) or a
-- password reset. Only the SHA-256 of the link's secret is stored; a link works once, until it expires.
CREATE TABLE dashboard_user_link (
    token_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL REFERENCES dashboard_user (id),
    business_id UUID                     NOT NULL,
    purpose     VARCHAR(16)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dashboard_user_link_purpose_ck CHECK (purpose IN ('INVITE', 'RESET'))
);
CREATE INDEX dashboard_user_link_user_idx ON dashboard_user_link (user_id);
