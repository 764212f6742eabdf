-- PostgreSQL only: the words searches (q) of conversations and customers match '%words%' with LIKE, which no
-- B-tree index serves, so each search read every conversation, transcript line or customer of the business.
-- These GIN indexes of trigrams (pg_trgm, a trusted extension: a database owner may create it) serve LIKE '%…%'
-- on exactly the expressions the searches use (ConversationRepository.where, CustomerRepository.where); the
-- business is checked on the rows the index finds. H2 has no trigram index and searches as before.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX conversation_summary_trgm_idx ON conversation USING gin (LOWER(summary) public.gin_trgm_ops);
CREATE INDEX conversation_turn_text_trgm_idx ON conversation_turn USING gin (LOWER(text) public.gin_trgm_ops);
-- one index for the four columns: each arm of "name LIKE … OR phone LIKE … OR …" is a scan of it (BitmapOr)
CREATE INDEX customer_search_trgm_idx ON customer USING gin (
    LOWER(name) public.gin_trgm_ops,
    phone public.gin_trgm_ops,
    LOWER(email) public.gin_trgm_ops,
    LOWER(notes) public.gin_trgm_ops
);
