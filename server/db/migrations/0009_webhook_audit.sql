-- A webhook is a way for data to leave casa-sig: registering, changing and deleting one are audited.
ALTER TABLE security_events DROP CONSTRAINT security_events_kind_check;
ALTER TABLE security_events ADD CONSTRAINT security_events_kind_check CHECK (kind IN
  ('login', 'login_failed', 'login_rate_limited', 'logout', 'key_used', 'access_denied',
   'user_created', 'user_updated', 'key_created', 'key_revoked',
   'webhook_created', 'webhook_updated', 'webhook_deleted'));
