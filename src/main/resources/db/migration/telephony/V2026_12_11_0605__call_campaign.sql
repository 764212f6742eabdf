-- The campaign that placed an outbound call (NULL for a received call): the campaigns module gives its id when
-- the call is answered and recorded. The name is not copied: it is read from the campaigns module when calls
-- are listed, so a renamed campaign shows its name of now. GET /api/calls?campaign= reads this index.
ALTER TABLE call_record ADD COLUMN campaign_id UUID;
CREATE INDEX call_record_business_campaign_idx ON call_record (business_id, campaign_id, started_at);
