-- The campaign whose call a voice conversation is (a call the business placed and a person answered), so that
-- the conversations list filters by campaign in the database rather than by a list of the campaign's CallSids.
ALTER TABLE conversation ADD COLUMN campaign_id UUID;
CREATE INDEX conversation_business_campaign_idx ON conversation (business_id, campaign_id, started_at);

-- conversations of campaign calls answered before: their call record (telephony's; one per CallSid) names the campaign
UPDATE conversation SET campaign_id = (
        SELECT r.campaign_id FROM call_record r
         WHERE r.business_id = conversation.business_id AND r.call_sid = conversation.conversation_key)
 WHERE channel = 'VOICE'
   AND EXISTS (SELECT 1 FROM call_record r
                WHERE r.business_id = conversation.business_id AND r.call_sid = conversation.conversation_key
                  AND r.campaign_id IS NOT NULL);
