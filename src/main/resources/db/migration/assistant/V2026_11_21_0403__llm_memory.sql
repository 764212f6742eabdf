-- The LLM brain's memory of each conversation between turns: its last ~20 messages (caller, assistant,
-- tool calls and tool results) as a JSON array in LangChain4j's message format, without the system
-- prompt. Any node can take the next turn.
CREATE TABLE assistant_llm_memory (
    conversation_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    messages        VARCHAR                  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX assistant_llm_memory_updated_idx ON assistant_llm_memory (updated_at);
