#include "probes/site/message_list.hpp"

#include "probes/dates/date_find.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/http/url.hpp"
#include "probes/site/list_rows.hpp"
#include "probes/site/node_text.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace govmon {
namespace {

constexpr int max_depth = 512;
// How far after a label its value may start: "答复时间： 2026-03-05 10:20".
constexpr std::size_t label_value_bytes = 64;
// A status cell or value is short: 已回复, 办理中, 已转办.
constexpr std::size_t status_max_chars = 8;

constexpr std::array<std::string_view, 12> unanswered_words{"未回复", "未答复", "未办结", "未处理",
                                                            "待回复", "待答复", "待处理", "待受理",
                                                            "已受理", "受理中", "办理中", "处理中"};
constexpr std::array<std::string_view, 8> answered_words{"已回复", "已答复", "已办结", "已处理",
                                                         "已反馈", "已办理", "办结",   "已完成"};
constexpr std::array<std::string_view, 11> asked_labels{
    "留言时间", "留言日期", "来信时间", "来信日期", "提问时间", "咨询时间",
    "写信时间", "提交时间", "投诉时间", "诉求时间", "发信时间"};
constexpr std::array<std::string_view, 10> replied_labels{
    "答复时间", "答复日期", "回复时间", "回复日期", "办理时间",
    "处理时间", "反馈时间", "办结时间", "办理日期", "回复于"};
constexpr std::array<std::string_view, 6> reply_content_labels{"答复内容", "回复内容", "答复意见",
                                                               "回复意见", "处理结果", "办理结果"};
constexpr std::array<std::string_view, 5> status_labels{"办理状态", "处理状态", "回复状态", "状态",
                                                        "办理情况"};
constexpr std::array<std::string_view, 3> empty_values{"暂无", "未回复", "未答复"};
constexpr std::array<std::string_view, 4> blank_cells{"", "-", "—", "--"};

bool contains(std::string_view text, std::string_view word) {
    return text.find(word) != std::string_view::npos;
}

bool says_empty(std::string_view value) {
    return std::any_of(empty_values.begin(), empty_values.end(),
                       [value](std::string_view empty) { return value.starts_with(empty); });
}

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(),
                       [text](std::string_view w) { return contains(text, w); });
}

// What follows a label: past its colon and spaces.
std::string_view value_after(std::string_view text, std::size_t label_end) {
    std::string_view rest = text.substr(label_end, label_value_bytes);
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view skip : {" ", ":", "：", "\xc2\xa0", "\xe3\x80\x80"})
            if (rest.starts_with(skip)) {
                rest.remove_prefix(skip.size());
                trimmed = true;
            }
    }
    return rest;
}

std::optional<std::int64_t> date_at_start(std::string_view value, std::int64_t now) {
    const std::vector<found_date> dates = find_dates(value, now);
    if (dates.empty() || dates.front().offset != 0)
        return std::nullopt;
    return latest_instant(dates.front().date);
}

template <std::size_t N>
std::optional<std::int64_t> labelled_date(std::string_view text,
                                          const std::array<std::string_view, N>& labels,
                                          std::int64_t now) {
    for (std::string_view label : labels)
        for (auto at = text.find(label); at != std::string_view::npos;
             at = text.find(label, at + 1))
            if (auto date = date_at_start(value_after(text, at + label.size()), now))
                return date;
    return std::nullopt;
}

// A reply label followed by 暂无 (or 未回复): the site says no answer was given.
template <std::size_t N>
std::optional<std::string> labelled_empty(std::string_view text,
                                          const std::array<std::string_view, N>& labels) {
    for (std::string_view label : labels)
        for (auto at = text.find(label); at != std::string_view::npos;
             at = text.find(label, at + 1)) {
            const std::string_view value = value_after(text, at + label.size());
            for (std::string_view empty : empty_values)
                if (value.starts_with(empty))
                    return std::string{label} + "：" + std::string{empty};
        }
    return std::nullopt;
}

message_facts read_labels(std::string_view text, std::int64_t now) {
    message_facts facts;
    facts.asked = labelled_date(text, asked_labels, now);
    facts.replied = labelled_date(text, replied_labels, now);
    if (facts.replied) {
        facts.state = reply_state::answered;
        return facts;
    }
    auto empty = labelled_empty(text, replied_labels);
    if (!empty)
        empty = labelled_empty(text, reply_content_labels);
    if (empty) {
        facts.state = reply_state::unanswered;
        facts.status = *empty;
        return facts;
    }
    for (std::string_view label : status_labels)
        if (auto at = text.find(label); at != std::string_view::npos) {
            const std::string_view value = value_after(text, at + label.size()).substr(0, 12);
            std::string word;
            facts.state = state_of_status(value, &word);
            if (facts.state != reply_state::unknown) {
                facts.status = word;
                return facts;
            }
        }
    return facts;
}

void walk(const xmlNode* node, int depth, const auto& visit) {
    for (const xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || depth > max_depth)
            continue;
        visit(child);
        walk(child, depth + 1, visit);
    }
}

const xmlNode* ancestor(const xmlNode* node, std::string_view name) {
    for (const xmlNode* p = node ? node->parent : nullptr; p; p = p->parent)
        if (p->type == XML_ELEMENT_NODE && is_element(p, name))
            return p;
    return nullptr;
}

const xmlNode* first_link(const xmlNode* node) {
    const xmlNode* found = nullptr;
    walk(node, 0, [&](const xmlNode* n) {
        if (!found && is_element(n, "a"))
            if (auto href = attribute(n, "href"); href && is_followed_href(*href))
                found = n;
    });
    return found;
}

std::vector<const xmlNode*> cells_of(const xmlNode* tr) {
    std::vector<const xmlNode*> cells;
    for (const xmlNode* c = tr->children; c; c = c->next)
        if (is_element(c, "td") || is_element(c, "th"))
            cells.push_back(c);
    return cells;
}

enum class column { other, title, asked, replied, status };

column column_of(std::string_view header) {
    const bool time = contains(header, "时间") || contains(header, "日期");
    const bool reply = contains(header, "答复") || contains(header, "回复") ||
                       contains(header, "办理") || contains(header, "处理") ||
                       contains(header, "反馈") || contains(header, "办结");
    if (time)
        return reply ? column::replied : column::asked;
    if (contains(header, "状态") || contains(header, "是否") || contains(header, "情况"))
        return column::status;
    if (contains(header, "标题") || contains(header, "主题") || contains(header, "内容"))
        return column::title;
    return column::other;
}

// A header row: no link, and cells that name a time or a status column.
std::optional<std::vector<column>> header_of(const std::vector<const xmlNode*>& cells) {
    std::vector<column> columns;
    bool names_times = false;
    for (const xmlNode* cell : cells) {
        const std::string text = visible_text(cell, element_gaps::joined);
        if (char_count(text) > 12)
            return std::nullopt;
        columns.push_back(column_of(text));
        names_times = names_times || columns.back() == column::asked ||
                      columns.back() == column::replied || columns.back() == column::status;
    }
    if (!names_times)
        return std::nullopt;
    return columns;
}

class list_reader {
public:
    list_reader(const html::html_document& doc, std::string_view page_url, std::int64_t now)
        : doc_(doc), page_url_(page_url), now_(now), base_(html::document_base_url(doc, page_url)) {
    }

    message_list read() {
        walk(doc_.root(), 0, [this](const xmlNode* n) {
            if (is_element(n, "tr"))
                read_table_row(n);
        });
        for (const list_row& row : find_list_rows(doc_.get(), now_))
            if (!is_element(row.element, "tr") && !ancestor(row.element, "tr"))
                read_other_row(row);
        list_.next_page = next_page();
        return std::move(list_);
    }

private:
    std::string absolute(const xmlNode* link) const {
        const auto href = attribute(link, "href");
        if (!href || !base_)
            return {};
        const auto u = http::resolve_url(*base_, *href);
        return u ? u->str() : std::string{};
    }

    void read_table_row(const xmlNode* tr) {
        const std::vector<const xmlNode*> cells = cells_of(tr);
        const xmlNode* link = first_link(tr);
        const xmlNode* table = ancestor(tr, "table");
        if (!link) {
            if (auto header = header_of(cells))
                headers_[table] = std::move(*header);
            return;
        }
        message_row row;
        row.title = visible_text(link, element_gaps::joined);
        row.url = absolute(link);
        const auto header = headers_.find(table);
        const bool headed = header != headers_.end() && header->second.size() == cells.size();
        if (headed)
            read_headed_cells(cells, header->second, row);
        else
            read_bare_cells(cells, link, row);
        const message_facts labelled =
            read_labels(visible_text(tr, element_gaps::separated, link), now_);
        merge(labelled, row);
        if (!headed && row.state == reply_state::unknown && !labelled.asked)
            return;
        finish(row);
    }

    void read_headed_cells(const std::vector<const xmlNode*>& cells,
                           const std::vector<column>& columns, message_row& row) {
        bool blank_reply = false;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string text = visible_text(cells[i], element_gaps::separated);
            const auto dates = find_dates(text, now_);
            row.dated = row.dated || !dates.empty();
            switch (columns[i]) {
            case column::asked:
                if (!dates.empty())
                    row.asked = latest_instant(dates.front().date);
                break;
            case column::replied:
                list_.reply_times_shown = true;
                if (!dates.empty()) {
                    row.replied = latest_instant(dates.front().date);
                } else if (says_empty(text)) {
                    row.state = reply_state::unanswered;
                    row.status = text;
                } else if (std::find(blank_cells.begin(), blank_cells.end(), text) !=
                           blank_cells.end()) {
                    blank_reply = true;
                } else if (auto state = state_of_status(text, &row.status);
                           state != reply_state::unknown) {
                    row.state = state;
                }
                break;
            case column::status:
                if (auto state = state_of_status(text, &row.status); state != reply_state::unknown)
                    row.state = state;
                break;
            default:
                break;
            }
        }
        // An empty reply cell says less than a status column: it only decides when none speaks.
        if (blank_reply && row.state == reply_state::unknown)
            row.state = reply_state::probably_unanswered;
    }

    // No header: the first date is when the message came, a second one when it was answered.
    void read_bare_cells(const std::vector<const xmlNode*>& cells, const xmlNode* link,
                         message_row& row) {
        std::vector<std::int64_t> dates;
        for (const xmlNode* cell : cells) {
            const std::string text = visible_text(cell, element_gaps::separated, link);
            for (const found_date& d : find_dates(text, now_))
                dates.push_back(latest_instant(d.date));
            if (char_count(text) <= status_max_chars && row.state == reply_state::unknown)
                row.state = state_of_status(text, &row.status);
        }
        row.dated = !dates.empty();
        if (!dates.empty())
            row.asked = dates[0];
        if (dates.size() > 1)
            row.replied = dates[1];
    }

    void read_other_row(const list_row& r) {
        const std::string text = visible_text(r.element, element_gaps::separated, r.link);
        message_row row;
        row.title = visible_text(r.link, element_gaps::joined);
        row.url = absolute(r.link);
        row.dated = r.date.has_value();
        const message_facts labelled = read_labels(text, now_);
        merge(labelled, row);
        if (row.state == reply_state::unknown)
            row.state = state_of_status(text, &row.status);
        if (!labelled.asked && !labelled.replied && row.state == reply_state::unknown)
            return;
        if (labelled.replied)
            list_.reply_times_shown = true;
        // One unlabelled date on an open message can only be when it came.
        if (!row.asked && r.date && row.state != reply_state::answered)
            row.asked = latest_instant(*r.date);
        finish(row);
    }

    static void merge(const message_facts& facts, message_row& row) {
        if (facts.asked)
            row.asked = facts.asked;
        if (facts.replied)
            row.replied = facts.replied;
        if (facts.state != reply_state::unknown && row.state == reply_state::unknown) {
            row.state = facts.state;
            row.status = facts.status;
        }
        row.dated = row.dated || facts.asked || facts.replied;
    }

    void finish(message_row& row) {
        if (row.replied)
            row.state = reply_state::answered;
        list_.rows.push_back(std::move(row));
    }

    std::string next_page() const {
        for (const html::page_link& link : html::extract_links(doc_, page_url_))
            if (link.element == "a" && link.resolved &&
                (link.text == "下一页" || link.text == "下页" || link.text == "下一页>"))
                return link.url;
        return {};
    }

    const html::html_document& doc_;
    std::string page_url_;
    std::int64_t now_;
    std::optional<http::url> base_;
    std::map<const xmlNode*, std::vector<column>> headers_;
    message_list list_;
};

} // namespace

reply_state state_of_status(std::string_view text, std::string* word) {
    const auto note = [word](std::string_view w) {
        if (word)
            *word = std::string{w};
    };
    for (std::string_view w : unanswered_words)
        if (contains(text, w)) {
            note(w);
            return reply_state::unanswered;
        }
    if (contains(text, "转办")) {
        note("转办");
        return reply_state::probably_unanswered;
    }
    for (std::string_view w : answered_words)
        if (contains(text, w)) {
            note(w);
            return reply_state::answered;
        }
    return reply_state::unknown;
}

message_list read_message_list(const html::html_document& doc, std::string_view page_url,
                               std::int64_t now) {
    return list_reader(doc, page_url, now).read();
}

message_facts read_message_detail(const html::html_document& doc, std::int64_t now) {
    return read_labels(visible_text(doc.root(), element_gaps::separated), now);
}

} // namespace govmon
