-- govmon schema 1. Applied once, in one transaction, by daemon/store/migrations.cpp; never edit
-- a migration that has shipped: add the next numbered file instead (see migrations.cmake).
-- Times are UTC epoch seconds. Tables are STRICT so that a wrong type is an error, not a
-- silently converted value.

-- Sites and accounts as last registered. Rows are never deleted: exports and reports of past
-- quarters keep naming targets that have since left the config (active = 0).
CREATE TABLE targets (
    id         TEXT    PRIMARY KEY CHECK (id <> ''),
    kind       TEXT    NOT NULL CHECK (kind IN ('site', 'account')),
    name       TEXT    NOT NULL,
    platform   TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    active     INTEGER NOT NULL CHECK (active IN (0, 1)),
    first_seen INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- One row per probe run, append-only (the triggers below). No foreign key to targets: an
-- observation must be recorded even if its target's registration has not been synced yet.
-- `id` is declared so that rowids survive VACUUM: export orders ties in time by it.
CREATE TABLE observations (
    id          INTEGER PRIMARY KEY,
    time        INTEGER NOT NULL,
    target      TEXT    NOT NULL,
    target_kind TEXT    NOT NULL CHECK (target_kind IN ('site', 'account')),
    probe       TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
    http_status INTEGER,                       -- NULL: no HTTP response at all
    latency_ms  INTEGER NOT NULL,
    error       TEXT    NOT NULL DEFAULT '',   -- '' or an error class of interface.md §4
    last_update INTEGER,                       -- NULL: no dated content seen
    detail      TEXT    NOT NULL DEFAULT '{}'  -- JSON object, kept as the probe wrote it
) STRICT;

-- The findings engine: one target's probe since a time.
CREATE INDEX observations_by_target ON observations (target, probe, time);
-- Export and report: a time range in (time, id) order, read straight off the index.
CREATE INDEX observations_by_time ON observations (time);

CREATE TRIGGER observations_no_update BEFORE UPDATE ON observations
BEGIN
    SELECT RAISE(ABORT, 'observations are append-only');
END;

CREATE TRIGGER observations_no_delete BEFORE DELETE ON observations
BEGIN
    SELECT RAISE(ABORT, 'observations are append-only');
END;

-- Problems as of now (interface.md §3); `id` is stable across cycles and restarts.
CREATE TABLE findings (
    id          TEXT    PRIMARY KEY CHECK (id <> ''),
    target      TEXT    NOT NULL,
    target_kind TEXT    NOT NULL CHECK (target_kind IN ('site', 'account')),
    unit        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    indicator   TEXT    NOT NULL,
    severity    TEXT    NOT NULL CHECK (severity IN ('veto', 'deduct', 'warn')),
    url         TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'resolved')),
    resolved_at INTEGER                        -- NULL while open
) STRICT;

-- findings_of(target) and all_findings(true), in their output order.
CREATE INDEX findings_by_target ON findings (target, kind, url);
-- all_findings(false): the open ones are the few that matter, and the query the CLI runs.
CREATE INDEX findings_open ON findings (target, kind, url) WHERE status = 'open';

CREATE TABLE finding_events (
    id         INTEGER PRIMARY KEY,
    finding_id TEXT    NOT NULL REFERENCES findings (id),
    time       INTEGER NOT NULL,
    event      TEXT    NOT NULL,
    severity   TEXT    NOT NULL,
    detail     TEXT    NOT NULL
) STRICT;

CREATE INDEX finding_events_by_finding ON finding_events (finding_id, time);

-- When each probe of each target is next due, so that a restart does not re-probe everything.
CREATE TABLE schedule (
    target   TEXT    NOT NULL,
    probe    TEXT    NOT NULL,
    next_due INTEGER NOT NULL,
    last_run INTEGER NOT NULL,
    PRIMARY KEY (target, probe)
) STRICT, WITHOUT ROWID;
