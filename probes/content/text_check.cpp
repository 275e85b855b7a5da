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
    // 中华人民共和国国家卫生健康委员会 holds 国国家卫生健康委员会: the name itself, after a
    // character that happens to be its first, is no added character.
    if (const std::size_t s = common_suffix(text, at, len + 1, name, len);
        s >= 1 && std::max<std::size_t>(1, len - s) <= std::min(len - 1, p) &&
        is_cjk(text[at + p]) && !matches_at(text, at + 1, name))
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
    // Longest first, so that a form inside a longer one matched at the same place is covered.
    for (auto& [first, entries] : index_->exact)
        std::stable_sort(entries.begin(), entries.end(),
                         [](const exact_entry& a, const exact_entry& b) {
                             return a.form.size() > b.form.size();
                         });
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

bool is_enumeration_mark(char32_t c) noexcept {
    return c == U'、' || c == U'和' || c == U'与' || c == U'及';
}

// The names an enumeration of issuers or bodies runs through: CJK characters and the marks
// between them, at most enumeration_characters long.
constexpr std::size_t enumeration_characters = 40;

// A decree cited by its issuers' names: 国家工商行政管理总局令, and a joint one, where only the
// last issuer stands right before 令 (国家工商总局、国家质检总局令第5号).
bool cited_decree(const std::u32string& text, std::size_t end) {
    if (end < text.size() && text[end] == U'令')
        return true;
    if (end >= text.size() || !is_enumeration_mark(text[end]))
        return false;
    const std::size_t limit = std::min(text.size(), end + enumeration_characters);
    for (std::size_t i = end + 1; i < limit; ++i) {
        if (text[i] == U'令')
            return i + 1 < text.size() && text[i + 1] == U'第';
        if (!is_cjk(text[i]) && !is_enumeration_mark(text[i]))
            return false;
    }
    return false;
}

bool sentence_mark(char32_t c) noexcept {
    return c == U'。' || c == U'；' || c == U'！' || c == U'？' || c == U'\n' || c == U'.';
}

bool holds(const std::u32string& text, std::size_t from, std::size_t to, std::u32string_view word) {
    return to >= from + word.size() &&
           std::u32string_view(text).substr(from, to - from).find(word) !=
               std::u32string_view::npos;
}

// The reform itself told: 不再保留国家旅游局, 撤销环境保护部, or a sentence that 组建s the new body
// from the old ones (将国家工商行政管理总局的职责……整合，组建国家市场监督管理总局).
bool reform_told(const std::u32string& text, std::size_t at, std::size_t end) {
    std::size_t begin = at > enumeration_characters ? at - enumeration_characters : 0;
    for (std::size_t i = at; i > begin; --i)
        if (sentence_mark(text[i - 1]) || text[i - 1] == U'，') {
            begin = i;
            break;
        }
    if (holds(text, begin, at, U"不再保留") || holds(text, begin, at, U"撤销"))
        return true;
    std::size_t stop = std::min(text.size(), end + 3 * enumeration_characters);
    for (std::size_t i = end; i < stop; ++i)
        if (sentence_mark(text[i])) {
            stop = i;
            break;
        }
    return holds(text, end, stop, U"组建");
}

// 原国家工商总局, 前国家旅游局, a decree cited by its issuer and the reform that ended the name
// name the old body as such.
bool historical_mention(const std::u32string& text, std::size_t at, std::size_t end) {
    const bool former = at > 0 && (text[at - 1] == U'原' || text[at - 1] == U'前');
    return former || cited_decree(text, end) || reform_told(text, at, end);
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

bool is_ascii_digit(char32_t c) noexcept {
    return c >= U'0' && c <= U'9';
}

// A year alone (2006年, 2007年第55号公告) before the year the name ended, within
// date_window_characters: find_dates wants a whole date, a sentence about the past often gives
// only its year.
bool year_nearby_before(const std::u32string& text, std::size_t from, std::size_t to,
                        int ended_year) {
    const std::size_t begin = from > date_window_characters ? from - date_window_characters : 0;
    const std::size_t end = std::min(text.size(), to + date_window_characters);
    for (std::size_t i = begin; i + 4 < end; ++i) {
        if (text[i + 4] != U'年' || (i > 0 && is_ascii_digit(text[i - 1])))
            continue;
        int year = 0;
        bool digits = true;
        for (std::size_t k = i; k < i + 4 && digits; ++k) {
            digits = is_ascii_digit(text[k]);
            year = year * 10 + static_cast<int>(text[k] - U'0');
        }
        if (digits && year > 1948 && year < ended_year)
            return true;
    }
    return false;
}

int year_of(std::string_view ended_text) {
    int year = 0;
    for (char c : ended_text.substr(0, 4))
        year = c >= '0' && c <= '9' ? year * 10 + (c - '0') : 0;
    return year;
}

// Both names stand on the day one gave way to the other: the 挂牌 day's own reports quote the old.
constexpr std::int64_t changeover_seconds = 86400;

// Where an outdated name is no misstatement: named as the former body, in a text or beside a
// date from before it ended, or in the telling of the reform that ended it.
bool outdated_name_stands(std::string_view utf8, const decoded_text& d, std::size_t at,
                          std::size_t end, const content_rule& rule,
                          std::optional<std::int64_t> dated) {
    const std::int64_t ended = *rule.ended + changeover_seconds;
    return historical_mention(d.points, at, end) || (dated && *dated < ended) ||
           dated_nearby_before(utf8, d, at, end, ended) ||
           year_nearby_before(d.points, at, end, year_of(rule.ended_text));
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
    // The end of the longest listed form matched so far: a shorter one inside it (质检总局 in
    // 原国家质检总局) is the same mention, judged once as the longer.
    std::size_t covered_until = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!index_->may_start(text[i]))
            continue;
        if (const auto hit = index_->exact.find(text[i]); hit != index_->exact.end())
            for (const exact_entry& e : hit->second) {
                if (!matches_at(text, i, e.form))
                    continue;
                const std::size_t end = i + e.form.size();
                if (end <= covered_until)
                    continue;
                covered_until = end;
                if (allowed_here(e, text, i) ||
                    (e.rule->type == content_rule_type::outdated &&
                     outdated_name_stands(utf8, d, i, end, *e.rule, dated)))
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

} // namespace govmon
