#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

// One time zone's offsets from UTC, read once from the system's tz database (TZif, RFC 8536)
// and never changed after: threads format times in different zones at once without the
// process's TZ (which setenv/tzset would change under them).
class zone_rules {
public:
    // Nothing when `name` is not a zone of /usr/share/zoneinfo or its file is not TZif.
    static std::optional<zone_rules> load(const std::string& name);
    static std::optional<zone_rules> load_file(const std::string& name, const std::string& path);
    static zone_rules utc();

    const std::string& name() const noexcept { return name_; }
    // Seconds east of UTC in force at `utc_seconds`.
    long offset_at(std::int64_t utc_seconds) const noexcept;
    // The UTC instant of a local wall-clock time, as mktime reads it (a time a DST change
    // skips is read with the offset before the change).
    std::int64_t utc_of_local(std::int64_t local_seconds) const noexcept;

private:
    std::string name_;
    std::vector<std::int64_t> transitions_; // UTC instants, ascending
    std::vector<long> offsets_;             // offsets_[i] is in force from transitions_[i] on
    long first_offset_ = 0;                 // before the first transition
    bool repeats_after_last_ = false;       // the zone keeps changing after its table ends
};

} // namespace govmon
