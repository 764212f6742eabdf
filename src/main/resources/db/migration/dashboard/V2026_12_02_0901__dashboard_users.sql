-- People who sign in to the owner's dashboard, each in one business. The email is the login, so it is
-- unique across the service (stored lower-case). password_hash is a Spring Security encoded hash
-- ({bcrypt}...); failed_attempts and locked_until lock the login for a while after repeated failures.
CREATE TABLE dashboard_user (
    id              UUID                     NOT NULL PRIMARY KEY,
    business_id     UUID                     NOT NULL,
    email           VARCHAR(320)             NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    role            VARCHAR(16)              NOT NULL,
    password_hash   VARCHAR(200),
    failed_attempts INT                      NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dashboard_user_email_uk UNIQUE (email),
    CONSTRAINT dashboard_user_role_ck CHECK (role IN ('OWNER', 'STAFF', 'VIEWER'))
);
CREATE INDEX dashboard_user_business_idx ON dashboard_user (business_id, created_at);
