-- A business's knowledge base: Q&A entries (question and answer) and free text (no question; company
-- info, service area, prices). Tags are a JSON array of strings. Vectors are all-MiniLM-L6-v2 sentence
-- embeddings (384 float32, little-endian, base64): for a Q&A entry, `embedding` is its question's and
-- `content_embedding` its question and answer together's; free text has neither, its passages do.
CREATE TABLE knowledge_entry (
    id                UUID                     NOT NULL PRIMARY KEY,
    business_id       UUID                     NOT NULL,
    question          VARCHAR(500),
    answer            VARCHAR(20000)           NOT NULL,
    tags              VARCHAR(2000)            NOT NULL,
    embedding         VARCHAR(4096),
    content_embedding VARCHAR(4096),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX knowledge_entry_business_idx ON knowledge_entry (business_id, created_at);

-- Free text split into passages of about 300-500 characters (by paragraph, then sentence), each with
-- its own vector; a caller's question is answered with the best passage, word for word.
CREATE TABLE knowledge_passage (
    entry_id    UUID          NOT NULL REFERENCES knowledge_entry (id) ON DELETE CASCADE,
    ordinal     INT           NOT NULL,
    business_id UUID          NOT NULL,
    content     VARCHAR(2000) NOT NULL,
    embedding   VARCHAR(4096) NOT NULL,
    PRIMARY KEY (entry_id, ordinal)
);
CREATE INDEX knowledge_passage_business_idx ON knowledge_passage (business_id);

-- Bumped by every change to a business's knowledge, in the same transaction: every node compares it
-- with the revision its in-memory index and answers were built from, so no node answers from stale
-- entries after an edit.
CREATE TABLE knowledge_revision (
    business_id UUID   NOT NULL PRIMARY KEY,
    revision    BIGINT NOT NULL
);
