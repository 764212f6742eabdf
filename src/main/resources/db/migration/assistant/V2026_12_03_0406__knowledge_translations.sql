-- A Q&A entry's answer in other languages, as the business wrote it: a JSON object from a language code
-- ("es", "fr", "es-MX") to the answer in that language. A caller speaking one of them hears that answer;
-- everyone else hears `answer`. Free text has none ('{}').
ALTER TABLE knowledge_entry ADD COLUMN translations VARCHAR(40000) DEFAULT '{}' NOT NULL;
