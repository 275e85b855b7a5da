#pragma once

#include "probes/dates/calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// The date a CMS wrote into an article's URL when it published it: TRS `t20260305_1351817`,
// `/2026/0305/`, `/202603/05/`, `/2026-03/05/`, `/20260305/`, Hanweb `art/2026/3/5/art_…`.
// None when the URL holds no such date, or an impossible one.
std::optional<civil_date> date_in_url(std::string_view url);

// A CMS's document number in the URL, as the order it created documents in: TRS's
// `t20260305_1351817` → 1351817, Hanweb's `art_60096_3312345` → 3312345, `/content_123456.html`
// and a last path segment of digits (`/12345.html`). `family` is the URL's path with every run
// of digits written '#': only numbers of one family (one CMS sequence) are comparable.
struct document_id {
    std::int64_t number = 0;
    std::string family;
};
std::optional<document_id> document_id_in_url(std::string_view url);

} // namespace govmon
