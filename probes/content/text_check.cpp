#include "probes/content/text_check.hpp"

#include "probes/dates/date_find.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace govmon {
namespace {

constexpr std::size_t excerpt_characters = 20;
// A list row's date, or the date a sentence opens with, stands this close to the name it dates.
constexpr std::size_t date_window_characters = 30;
// Year-less dates (11-02) are read against a `now` so late that they never date a text before
// a name ended: only a date that says its year can.
constexpr std::int64_t far_future = 4102444800; // 2100-01-01

// Code points of UTF-8 text; a byte that starts no valid sequence is U+FFFD, so that bad bytes
// never shift what follows. `starts[i]` is where code point i begins.
struct decoded_text {
    std::u32string points;
    std::vector<std::size_t> starts;
};

std::size_t sequence_length(unsigned char lead) noexcept {
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

decoded_text decode(std::string_view text) {
    decoded_text out;
    out.points.reserve(text.size() / 2);
    out.starts.reserve(text.size() / 2 + 1);
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t n = sequence_length(lead);
        char32_t cp = n == 1 ? lead : n == 2 ? lead & 0x1F : n == 3 ? lead & 0x0F : lead & 0x07;
        for (std::size_t k = 1; n > 0 && k < n; ++k) {
            if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                n = 0;
                break;
            }
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        out.starts.push_back(i);
        out.points.push_back(n == 0 ? U'\uFFFD' : cp);
        i += n == 0 ? 1 : n;
    }
    out.starts.push_back(text.size());
    return out;
}

std::u32string points_of(std::string_view text) {
    return decode(text).points;
}

bool is_cjk(char32_t c) noexcept {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

bool is_space(char32_t c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0;
}

struct exact_entry {
    const content_rule* rule;
    std::u32string form;
    // Healthy longer forms containing this one, with where the form starts inside them.
    std::vector<std::pair<std::u32string, std::size_t>> allowed;
};

struct name_entry {
    const content_rule* rule;
    std::u32string name;
};

bool matches_at(const std::u32string& text, std::size_t at, const std::u32string& form) {
    return at + form.size() <= text.size() &&
           std::equal(form.begin(), form.end(), text.begin() + static_cast<std::ptrdiff_t>(at));
}

std::size_t common_prefix(const std::u32string& text, std::size_t at, const std::u32string& name,
                          std::size_t limit) {
    std::size_t n = 0;
    while (n < limit && at + n < text.size() && text[at + n] == name[n])
        ++n;
    return n;
}

// Matching characters at the end of text[at, at + width) and of name.
std::size_t common_suffix(const std::u32string& text, std::size_t at, std::size_t width,
                          const std::u32string& name, std::size_t limit) {
    if (at + width > text.size())
        return 0;
    std::size_t n = 0;
    while (n < limit && n < width && n < name.size() &&
           text[at + width - 1 - n] == name[name.size() - 1 - n])
        ++n;
    return n;
}

// The width of a window at `at` that is the name with one inner character changed, dropped or
// added (a CJK character: a gap between elements is no typo); 0 when there is none.
std::size_t near_miss_width(const std::u32string& text, std::size_t at,
                            const std::u32string& name) {
    const std::size_t len = name.size();
    const std::size_t p = common_prefix(text, at, name, len);
    if (p == len || p == 0)
        return 0; // the name itself, or not even its first character
    if (const std::size_t s = common_suffix(text, at, len, name, len);
        s >= 1 && p + s == len - 1 && is_cjk(text[at + p]))
        return len;
    if (const std::size_t s = common_suffix(text, at, len - 1, name, len - 1);
        s >= 1 && std::max<std::size_t>(1, len - 1 - s) <= std::min(len - 2, p))
        return len - 1;
    if (const std::size_t s = common_suffix(text, at, len + 1, name, len);
        s >= 1 && std::max<std::size_t>(1, len - s) <= std::min(len - 1, p) && is_cjk(text[at + p]))
        return len + 1;
    return 0;
}

std::string utf8_of(std::string_view text, const decoded_text& d, std::size_t from,
                    std::size_t to) {
    return std::string(text.substr(d.starts[from], d.starts[to] - d.starts[from]));
}

std::string excerpt_of(std::string_view text, const decoded_text& d, std::size_t from,
                       std::size_t to) {
    const std::size_t begin = from > excerpt_characters ? from - excerpt_characters : 0;
    const std::size_t end = std::min(d.points.size(), to + excerpt_characters);
    std::string out;
    bool gap = false;
    for (std::size_t i = begin; i < end; ++i) {
        if (is_space(d.points[i])) {
            gap = !out.empty();
            continue;
        }
        if (gap)
            out += ' ';
        gap = false;
        out += utf8_of(text, d, i, i + 1);
    }
    return out;
}

} // namespace

struct text_checker::index {
    std::vector<content_rule> rules;
    std::unordered_map<char32_t, std::vector<exact_entry>> exact;
    std::unordered_map<char32_t, std::vector<name_entry>> names;
    std::set<std::u32string> known; // listed forms and canonical names: never a near miss
    // The first characters of every entry: most characters of a text start none, and a bit
    // costs less than two hash lookups.
    std::vector<bool> starts = std::vector<bool>(0x10000);

    bool may_start(char32_t c) const { return c >= starts.size() || starts[c]; }
    void mark(char32_t c) {
        if (c < starts.size())
            starts[c] = true;
    }
};

text_checker::text_checker(std::vector<content_rule> rules) : index_(std::make_unique<index>()) {
    index_->rules = std::move(rules);
    std::vector<std::u32string> allows;
    for (const content_rule& r : index_->rules)
        if (r.type == content_rule_type::allow)
            allows.push_back(points_of(r.form));
    for (const content_rule& r : index_->rules) {
        if (r.type == content_rule_type::allow)
            continue;
        if (r.type == content_rule_type::name) {
            std::u32string name = points_of(r.correct);
            index_->known.insert(name);
            index_->mark(name.front());
            index_->names[name.front()].push_back({&r, std::move(name)});
            continue;
        }
        exact_entry e{&r, points_of(r.form), {}};
        for (const std::u32string& a : allows)
            if (const auto at = a.find(e.form); at != std::u32string::npos && a != e.form)
                e.allowed.emplace_back(a, at);
        index_->known.insert(e.form);
        index_->mark(e.form.front());
        index_->exact[e.form.front()].push_back(std::move(e));
    }
}

text_checker::~text_checker() = default;
text_checker::text_checker(text_checker&&) noexcept = default;
text_checker& text_checker::operator=(text_checker&&) noexcept = default;

std::size_t text_checker::size() const noexcept {
    return index_->rules.size();
}

namespace {

bool allowed_here(const exact_entry& e, const std::u32string& text, std::size_t at) {
    return std::any_of(e.allowed.begin(), e.allowed.end(), [&](const auto& a) {
        return at >= a.second && matches_at(text, at - a.second, a.first);
    });
}

// 原国家工商总局, 前国家旅游局 and 国家工商行政管理总局令 name the old body as such.
bool historical_mention(const std::u32string& text, std::size_t at, std::size_t end) {
    const bool former = at > 0 && (text[at - 1] == U'原' || text[at - 1] == U'前');
    const bool decree = end < text.size() && text[end] == U'令';
    return former || decree;
}

// A date before `ended` within date_window_characters of the name: a list row of an old
// article (国家工商总局关于… 2016-05-01) or a sentence about the past
// (2016年5月1日，国家工商总局…).
bool dated_nearby_before(std::string_view utf8, const decoded_text& d, std::size_t from,
                         std::size_t to, std::int64_t ended) {
    const std::size_t begin = from > date_window_characters ? from - date_window_characters : 0;
    const std::size_t end = std::min(d.points.size(), to + date_window_characters);
    const std::string_view window = utf8.substr(d.starts[begin], d.starts[end] - d.starts[begin]);
    const auto dates = find_dates(window, far_future);
    return std::any_of(dates.begin(), dates.end(),
                       [&](const found_date& f) { return f.date.instant < ended; });
}

struct problem_builder {
    std::map<std::string, text_problem> by_form;
    std::vector<std::string> order;

    void add(const content_rule& rule, content_rule_type type, std::string found,
             std::string excerpt) {
        auto [it, fresh] = by_form.try_emplace(found);
        if (fresh) {
            it->second = {
                type, found, rule.correct, rule.ended_text, rule.source, std::move(excerpt), 0};
            order.push_back(std::move(found));
        }
        ++it->second.occurrences;
    }

    std::vector<text_problem> take() {
        std::vector<text_problem> out;
        for (const std::string& f : order)
            out.push_back(std::move(by_form[f]));
        return out;
    }
};

} // namespace

std::vector<text_problem> text_checker::check(std::string_view utf8,
                                              std::optional<std::int64_t> dated) const {
    const decoded_text d = decode(utf8);
    const std::u32string& text = d.points;
    problem_builder problems;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!index_->may_start(text[i]))
            continue;
        if (const auto hit = index_->exact.find(text[i]); hit != index_->exact.end())
            for (const exact_entry& e : hit->second) {
                if (!matches_at(text, i, e.form) || allowed_here(e, text, i))
                    continue;
                const std::size_t end = i + e.form.size();
                if (e.rule->type == content_rule_type::outdated &&
                    (historical_mention(text, i, end) || (dated && *dated < *e.rule->ended) ||
                     dated_nearby_before(utf8, d, i, end, *e.rule->ended)))
                    continue;
                problems.add(*e.rule, e.rule->type, e.rule->form, excerpt_of(utf8, d, i, end));
            }
        if (const auto hit = index_->names.find(text[i]); hit != index_->names.end())
            for (const name_entry& n : hit->second) {
                const std::size_t width = near_miss_width(text, i, n.name);
                if (width == 0 || index_->known.contains(text.substr(i, width)))
                    continue;
                problems.add(*n.rule, content_rule_type::name, utf8_of(utf8, d, i, i + width),
                             excerpt_of(utf8, d, i, i + width));
            }
    }
    return problems.take();
}

std::string_view bounded_text(std::string_view text, std::size_t max_bytes) noexcept {
    if (text.size() <= max_bytes)
        return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut);
}

} // namespace govmon
