-- The delivery sweep looks for PENDING deliveries older than a few minutes (WebhookDeliveries.sweep).
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (status, created_at);
