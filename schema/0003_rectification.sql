-- govmon schema 3: 整改 (rectification). A veto or deduct finding that is still open when its
-- deadline passes is escalated once: the escalation is recorded here, in the same transaction
-- that queues its mail, keyed by the finding and the moment its current severity began, so
-- that a restart never escalates it twice, and a finding that is resolved and reopened later
-- gets a deadline (and an escalation) of its own. The outbox learns the mail kind 'escalation'
-- (SQLite cannot change a CHECK constraint in place: the table is rebuilt with its rows).
CREATE TABLE alert_outbox_3 (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL
                 CHECK (kind IN ('veto', 'warning', 'recovery', 'digest', 'escalation')),
    audience     TEXT    NOT NULL,
    message_id   TEXT    NOT NULL,
    recipient    TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    first_attempt INTEGER,
    next_attempt INTEGER NOT NULL,
    last_error   TEXT    NOT NULL DEFAULT '',
    sent_at      INTEGER,
    UNIQUE (message_id, recipient)
) STRICT;

INSERT INTO alert_outbox_3 SELECT * FROM alert_outbox;
DROP TABLE alert_outbox;
ALTER TABLE alert_outbox_3 RENAME TO alert_outbox;
CREATE INDEX alert_outbox_queued ON alert_outbox (next_attempt, id) WHERE state = 'queued';

CREATE TABLE rectification_escalations (
    finding_id   TEXT    NOT NULL,
    since        INTEGER NOT NULL,             -- when the finding took its current severity
    due          INTEGER NOT NULL,             -- the deadline that passed
    escalated_at INTEGER NOT NULL,
    message_id   TEXT    NOT NULL,             -- the escalation mail in alert_outbox
    PRIMARY KEY (finding_id, since)
) STRICT, WITHOUT ROWID;
