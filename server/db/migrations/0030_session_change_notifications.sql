-- Every server process caches the principals of live sessions for a few seconds (auth/session-cache.ts), so
-- that tiles and other requests with a session do not read PostgreSQL each time. Whatever ends or changes
-- a session's rights, from the API, the command line or plain SQL, announces it on one channel; PostgreSQL
-- delivers it at commit to every process, which then forgets the sessions concerned.

CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('casa_sig_session_changes', json_build_object('sessionId', changed.id)::text);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('casa_sig_session_changes', json_build_object('userId', changed.id)::text);
  ELSE
    PERFORM pg_notify('casa_sig_session_changes', json_build_object('userId', changed.user_id)::text);
  END IF;
  RETURN NULL;
END;
$$;

-- Revocation, a new expiry, deletion.
CREATE TRIGGER sessions_notify_change AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_session_change();
-- Role, disabling, password, name: any change of the account.
CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_session_change();
-- The arrondissements a user is confined to.
CREATE TRIGGER user_areas_notify_change AFTER INSERT OR UPDATE OR DELETE ON user_areas
  FOR EACH ROW EXECUTE FUNCTION notify_session_change();
