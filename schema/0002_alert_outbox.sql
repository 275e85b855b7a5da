-- govmon schema 2: the alert outbox. Every mail is queued here, in the same transaction that
-- moves the cursor over finding_events, before any attempt to send it; it is sent from here
-- with the exact bytes (and Message-ID) it was queued with, so that a retry after a crash or
-- an SMTP outage is the same message, and a restart never plans it twice. One row per
-- recipient: a relay refusing one address must neither hold back nor silently drop the others.
CREATE TABLE alert_outbox (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('veto', 'warning', 'recovery', 'digest')),
    audience     TEXT    NOT NULL,             -- a unit id, or '*' for alerts.to
    message_id   TEXT    NOT NULL,             -- the same for every recipient of one mail
    recipient    TEXT    NOT NULL,
    subject      TEXT    NOT NULL,             -- for logs and `govmon alerts` listings
    message      TEXT    NOT NULL,             -- the whole RFC 5322 message, CRLF line ends
    created_at   INTEGER NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    first_attempt INTEGER,                     -- NULL until tried: give-up counts from here
    next_attempt INTEGER NOT NULL,
    last_error   TEXT    NOT NULL DEFAULT '',
    sent_at      INTEGER,
    UNIQUE (message_id, recipient)
) STRICT;

-- Delivery reads the queued mails that are due, oldest first.
CREATE INDEX alert_outbox_queued ON alert_outbox (next_attempt, id) WHERE state = 'queued';

-- Positions of the alert planner: 'finding_events' = the last event id already planned.
CREATE TABLE alert_cursors (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- When each audience's digest was last planned (sent or found empty).
CREATE TABLE alert_digests (
    audience TEXT    PRIMARY KEY,
    last_run INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
