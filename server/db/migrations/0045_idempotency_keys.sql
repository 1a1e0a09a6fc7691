-- The Idempotency-Key request header (IETF draft-ietf-httpapi-idempotency-key-header): the first answer to a
-- create, kept for a day, so that a client that did not hear it (a phone losing the network, a retried
-- queue) can send the same request again and get that answer instead of a second row.
-- `status` is null while the first request is being processed: its claim lasts until `lease_until`, after
-- which another request with the same key may take it over (the first one's process is gone).
CREATE TABLE idempotency_keys (
  principal    text NOT NULL,
  key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  fingerprint  bytea NOT NULL CHECK (length(fingerprint) = 32),
  owner        uuid NOT NULL,
  lease_until  timestamptz NOT NULL,
  status       smallint CHECK (status BETWEEN 200 AND 499),
  headers      jsonb,
  body         bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
