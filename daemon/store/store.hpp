#pragma once

#include "daemon/findings/finding.hpp"
#include "daemon/findings/item_history.hpp"
#include "daemon/findings/page_baseline.hpp"
#include "probes/observation.hpp"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace govmon {

// Thrown only on the control plane: opening, migrating, a corrupt or unwritable file, and a
// write batch that failed (and was rolled back whole). The message names the database file.
struct store_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A site or account as registered, so that exports and reports keep naming targets that have
// since left the config.
struct target_row {
    std::string id;
    std::string kind; // "site" or "account"
    std::string name;
    std::string platform; // "web" for sites
    std::string unit;
    std::string url;
    bool active = true;
};

// When a target's probe is next due; lets a restarted daemon carry on where it stopped.
struct schedule_row {
    std::string target;
    std::string probe;
    std::int64_t next_due = 0; // UTC epoch seconds
    std::int64_t last_run = 0;
};

// A key page's baseline and the page as this crawl read it (what `baseline accept` adopts).
struct page_baseline_row {
    std::string target;
    page_baseline baseline;
    page_signals current;
};

// A dated item a crawl listed: recorded the first time only.
struct item_sighting {
    std::string target;
    std::string url;
    std::string page;
    std::int64_t displayed = 0;
    std::int64_t seen = 0;
    std::int64_t read_before = 0; // item_sighting_time::read_before
};

// A list page (home page, column) a crawl read.
struct list_page_read {
    std::string target;
    std::string page;
    std::int64_t time = 0;
};

// Everything one probe result changes, written in one transaction.
struct write_batch {
    std::vector<observation> observations;
    std::vector<finding> findings; // upserted by id
    std::vector<finding_event> events;
    std::vector<schedule_row> schedule;
    std::vector<page_baseline_row> baselines;
    std::vector<item_sighting> sightings;
    std::vector<list_page_read> pages_read;
};

enum class export_format { csv, jsonl };

// The only code that touches SQLite. One writer connection (the daemon); readers (export,
// findings) open their own connection and may run while the daemon writes (WAL).
// One thread at a time per store object: its prepared statements are cached and shared.
class store {
public:
    // Creates the file if needed, sets WAL, applies the migrations of schema/ (compiled into
    // the binary) that the database has not recorded yet. Throws store_error.
    static std::unique_ptr<store> open(const std::string& path);
    // Opens an existing database for reading only. Throws store_error.
    static std::unique_ptr<store> open_readonly(const std::string& path);

    ~store();
    store(const store&) = delete;
    store& operator=(const store&) = delete;

    // Upserts every row; stored targets absent from `targets` (they left the config) are
    // marked inactive, never deleted.
    void sync_targets(const std::vector<target_row>& targets);
    void write(const write_batch& batch);

    // Observations of one target's probe with time >= since, oldest first.
    std::vector<observation> observations_since(const std::string& target, const std::string& probe,
                                                std::int64_t since) const;
    // The `count` newest observations of one target's probe, oldest first.
    std::vector<observation> latest_observations(const std::string& target,
                                                 const std::string& probe, int count) const;
    // The newest last_update any observation of the probe has recorded (a successful probe's,
    // or a partial read's: a post seen once stays seen).
    std::optional<std::int64_t> newest_update(const std::string& target,
                                              const std::string& probe) const;
    // The urls of the columns the site's latest recorded crawl found blank ("blank": true in
    // their column observation's detail).
    std::set<std::string> blank_columns_of_last_crawl(const std::string& target) const;
    // The baselines of a site's key pages, by page url.
    std::map<std::string, page_baseline> page_baselines_of(const std::string& target) const;
    // Replaces every baseline of the site with its page as last crawled, learned; returns how
    // many pages it replaced.
    int accept_baselines(const std::string& target);
    // When the site's items were first listed and its list pages last read.
    item_history item_history_of(const std::string& target) const;
    std::vector<finding> findings_of(const std::string& target) const;
    std::vector<finding> all_findings(bool include_resolved) const;
    // Open findings by (kind, severity).
    std::map<std::pair<std::string, std::string>, int> open_finding_counts() const;
    std::vector<finding_event> events_of(const std::string& finding_id) const;
    // Finding id → when it took its current severity (opened, reopened or changed severity):
    // where its rectification deadline counts from.
    std::map<std::string, std::int64_t> severity_since() const;
    std::vector<schedule_row> load_schedule() const;
    std::vector<int> applied_migrations() const;
    // Every registered target, active or not, ordered by kind then id.
    std::vector<target_row> all_targets() const;

    // Streams the observations with from <= time < to, oldest first, in constant memory.
    // Times are printed in the default zone (see time_zone.hpp). Returns the number of
    // rows written.
    std::uint64_t export_observations(std::int64_t from, std::int64_t to, export_format format,
                                      std::ostream& out) const;

private:
    // The connection and its cached prepared statements; keeps <sqlite3.h> out of this header.
    struct impl;
    explicit store(std::unique_ptr<impl> state);
    void write_page_history(const write_batch& batch);
    std::unique_ptr<impl> impl_;
};

} // namespace govmon
