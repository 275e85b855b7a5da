-- govmon schema 4: what the tamper and date checks remember between crawls.

-- One row per key page (home page, column page) of a site: the baseline its later crawls are
-- compared with, and the page as last crawled. JSON objects: url, title, keywords,
-- description, script_hosts, iframe_hosts, outbound_hosts. `crawls` counts the crawls the
-- baseline was learned from; `govmon baseline accept` copies `current` into `baseline`.
CREATE TABLE page_baselines (
    target     TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    baseline   TEXT    NOT NULL,
    crawls     INTEGER NOT NULL,
    current    TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (target, url)
) STRICT, WITHOUT ROWID;

-- When a dated item (by url) was first listed on one of the site's list pages, with which
-- displayed date, and when govmon had read that list before without it (`read_before`, 0: never,
-- or the list was mostly new then): an item first seen long after the date it shows, on a list
-- read after that date, was backdated.
CREATE TABLE item_sightings (
    target      TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    page        TEXT    NOT NULL,
    displayed   INTEGER NOT NULL,
    first_seen  INTEGER NOT NULL,
    read_before INTEGER NOT NULL,
    PRIMARY KEY (target, url)
) STRICT, WITHOUT ROWID;

-- When each list page of a site was first and last read by a crawl.
CREATE TABLE list_pages (
    target        TEXT    NOT NULL,
    page          TEXT    NOT NULL,
    first_crawled INTEGER NOT NULL,
    last_crawled  INTEGER NOT NULL,
    PRIMARY KEY (target, page)
) STRICT, WITHOUT ROWID;
