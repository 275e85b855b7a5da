#include "probes/site/message_list.hpp"

#include "probes/dates/date_find.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/http/url.hpp"
#include "probes/site/list_rows.hpp"
#include "probes/site/message_labels.hpp"
#include "probes/site/node_text.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace govmon {
namespace {

using namespace message_labels;

constexpr int max_depth = 512;
// How far after a label its value may start: "答复时间： 2026-03-05 10:20".
constexpr std::size_t label_value_bytes = 64;
// A status cell or value is short: 已回复, 办理中, 已转办.
constexpr std::size_t status_max_chars = 8;

constexpr std::array<std::string_view, 16> unanswered_words{
    "未回复", "未答复", "未办结", "未处理", "未办理", "待回复", "待答复",   "待处理",
    "待受理", "待办理", "已受理", "受理中", "办理中", "处理中", "正在办理", "正在处理"};
constexpr std::array<std::string_view, 10> answered_words{"已回复",   "已答复",  "已办结", "已处理",
                                                          "已反馈",   "已办理",  "办结",   "已完成",
                                                          "办理完毕", "处理完毕"};
// EWCMS's status BACK reads 回复 alone; inside a longer text (回复时间, a title) it is no status.
constexpr std::string_view bare_reply_status = "回复";
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

bool is_open(reply_state state) {
    return state == reply_state::unanswered || state == reply_state::probably_unanswered;
}

// What labels say, a handling date (处理时间) kept apart until the status is known.
struct labelled_facts {
    message_facts facts;
    std::optional<std::int64_t> handled;
};

labelled_facts read_labels(std::string_view text, std::int64_t now) {
    labelled_facts out;
    message_facts& facts = out.facts;
    facts.asked = labelled_date(text, asked_labels, now);
    facts.replied = labelled_date(text, replied_labels, now);
    if (facts.replied) {
        facts.state = reply_state::answered;
        return out;
    }
    auto empty = labelled_empty(text, replied_labels);
    if (!empty)
        empty = labelled_empty(text, handled_labels);
    if (!empty)
        empty = labelled_empty(text, reply_content_labels);
    if (empty) {
        facts.state = reply_state::unanswered;
        facts.status = *empty;
        return out;
    }
    out.handled = labelled_date(text, handled_labels, now);
    for (std::string_view label : status_labels)
        if (auto at = text.find(label); at != std::string_view::npos) {
            const std::string_view value = value_after(text, at + label.size()).substr(0, 12);
            std::string word;
            facts.state = state_of_status(value, &word);
            if (facts.state != reply_state::unknown) {
                facts.status = word;
                break;
            }
        }
    return out;
}

// A handling date answers a message unless a status says it is still open.
void settle_handled(const std::optional<std::int64_t>& handled, reply_state& state,
                    std::optional<std::int64_t>& replied) {
    if (!replied && handled && !is_open(state))
        replied = handled;
    if (replied)
        state = reply_state::answered;
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

// A letter number (G20190102-0011, 1203): ASCII with a digit, short.
bool looks_like_code(std::string_view text) {
    constexpr std::size_t code_max_bytes = 32;
    return !text.empty() && text.size() <= code_max_bytes &&
           std::none_of(text.begin(), text.end(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) &&
           std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The link that carries the row's title. Dalian's rows link every cell to the letter, the
// number first: the title is the next link to the same page whose text is not a number.
const xmlNode* title_link(const xmlNode* row, const xmlNode* first) {
    if (!looks_like_code(visible_text(first, element_gaps::joined)))
        return first;
    const auto href = attribute(first, "href");
    const xmlNode* found = nullptr;
    walk(row, 0, [&](const xmlNode* n) {
        if (!found && n != first && is_element(n, "a") && attribute(n, "href") == href &&
            !looks_like_code(visible_text(n, element_gaps::joined)))
            found = n;
    });
    return found ? found : first;
}

std::vector<const xmlNode*> children_named(const xmlNode* parent, std::string_view name) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (is_element(c, name))
            out.push_back(c);
    return out;
}

std::vector<const xmlNode*> cells_of(const xmlNode* tr) {
    std::vector<const xmlNode*> cells;
    for (const xmlNode* c = tr->children; c; c = c->next)
        if (is_element(c, "td") || is_element(c, "th"))
            cells.push_back(c);
    return cells;
}

// Huaibei writes each message as a <ul> whose <li>s are its cells (title, 回复时间, 受理状态…):
// a few short items and at most one page linked, where a list of messages links one per item.
bool is_cell_row(const xmlNode* ul, const std::vector<const xmlNode*>& items) {
    constexpr std::size_t min_cells = 3;
    constexpr std::size_t max_cells = 12;
    constexpr std::size_t cell_max_chars = 80;
    if (items.size() < min_cells || items.size() > max_cells)
        return false;
    bool nested = false;
    std::optional<std::string> href;
    bool several = false;
    walk(ul, 0, [&](const xmlNode* n) {
        nested = nested || is_element(n, "ul") || is_element(n, "ol") || is_element(n, "table");
        if (!is_element(n, "a"))
            return;
        const auto h = attribute(n, "href");
        if (!h || !is_followed_href(*h))
            return;
        several = several || (href && *href != *h);
        href = h;
    });
    return !nested && !several && std::all_of(items.begin(), items.end(), [](const xmlNode* li) {
        return char_count(visible_text(li, element_gaps::joined)) <= cell_max_chars;
    });
}

enum class column { other, title, asked, replied, handled, status };

column column_of(std::string_view header) {
    const bool time = contains(header, "时间") || contains(header, "日期");
    const bool answer = contains(header, "答复") || contains(header, "回复") ||
                        contains(header, "反馈") || contains(header, "办结");
    const bool handling = contains(header, "办理") || contains(header, "处理");
    if (time)
        return answer ? column::replied : handling ? column::handled : column::asked;
    if (contains(header, "状态") || contains(header, "是否") || contains(header, "情况"))
        return column::status;
    if (contains(header, "标题") || contains(header, "主题") || contains(header, "内容"))
        return column::title;
    return column::other;
}

// A cell no header holds: a date, or a status value (未回复, 已回复), where header words may
// name one (是否办结, 办结时间, Tianjin's 回复 column).
bool is_data_cell(std::string_view text, std::int64_t now) {
    const reply_state state = state_of_status(text);
    return is_open(state) || (state == reply_state::answered && text.starts_with("已")) ||
           !find_dates(text, now).empty();
}

// A header row: no link, and cells that name a time or a status column, none holding data: a
// linkless row's short title may say 时间 (排队时间长).
std::optional<std::vector<column>> header_of(const std::vector<const xmlNode*>& cells,
                                             std::int64_t now) {
    std::vector<column> columns;
    bool names_times = false;
    for (const xmlNode* cell : cells) {
        const std::string text = visible_text(cell, element_gaps::joined);
        if (char_count(text) > 12 || is_data_cell(text, now))
            return std::nullopt;
        columns.push_back(column_of(text));
        names_times =
            names_times || (columns.back() != column::other && columns.back() != column::title);
    }
    if (!names_times)
        return std::nullopt;
    return columns;
}

bool is_blank(std::string_view text) {
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view space : {" ", "\xc2\xa0", "\xe3\x80\x80"}) {
            if (text.starts_with(space)) {
                text.remove_prefix(space.size());
                trimmed = true;
            }
            if (text.ends_with(space)) {
                text.remove_suffix(space.size());
                trimmed = true;
            }
        }
    }
    return std::find(blank_cells.begin(), blank_cells.end(), text) != blank_cells.end();
}

std::string_view without_colon(std::string_view label) {
    for (std::string_view colon : {"：", ":"})
        if (label.ends_with(colon))
            label.remove_suffix(colon.size());
    return label;
}

template <std::size_t N>
bool is_one_of(std::string_view text, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), text) != words.end();
}

// EVECOM's ywzxDetail shows an open letter as empty cells after 回复时间： and 回复内容：, no
// 暂无: when every reply cell of the page is empty, its reply is probably not given.
std::optional<std::string> blank_reply_cells(const xmlNode* root) {
    std::string blank;
    bool filled = false;
    walk(root, 0, [&](const xmlNode* n) {
        if (!is_element(n, "tr"))
            return;
        const std::vector<const xmlNode*> cells = cells_of(n);
        for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
            const std::string text = visible_text(cells[i], element_gaps::joined);
            const std::string_view label = without_colon(text);
            if (!is_one_of(label, replied_labels) && !is_one_of(label, handled_labels) &&
                !is_one_of(label, reply_content_labels))
                continue;
            if (!is_blank(visible_text(cells[i + 1], element_gaps::separated)))
                filled = true;
            else if (!contains(blank, label))
                blank += (blank.empty() ? "" : "、") + std::string{label};
        }
    });
    if (blank.empty() || filled)
        return std::nullopt;
    return blank + "为空";
}

// An answer's text after its label anywhere on the page (<div>回复内容：您好…</div> below a
// table whose reply cells are empty): the message is not shown unanswered.
bool answer_written(std::string_view text) {
    for (std::string_view label : reply_content_labels)
        for (auto at = text.find(label); at != std::string_view::npos;
             at = text.find(label, at + label.size())) {
            const std::string_view value = trim_ascii_space(value_after(text, at + label.size()));
            const auto opens = [value](std::string_view l) { return value.starts_with(l); };
            const bool next_label =
                std::any_of(replied_labels.begin(), replied_labels.end(), opens) ||
                std::any_of(handled_labels.begin(), handled_labels.end(), opens) ||
                std::any_of(status_labels.begin(), status_labels.end(), opens);
            if (!is_blank(value) && !next_label && !says_empty(value))
                return true;
        }
    return false;
}

// Where `word` occurs in `text` other than inside one of `within` (办结 inside 未办结).
template <std::size_t N>
bool occurs_outside(std::string_view text, std::string_view word,
                    const std::array<std::string_view, N>& within) {
    for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        const bool inside = std::any_of(within.begin(), within.end(), [&](std::string_view w) {
            for (auto from = text.find(w); from != std::string_view::npos && from <= at;
                 from = text.find(w, from + 1))
                if (at + word.size() <= from + w.size())
                    return true;
            return false;
        });
        if (!inside)
            return true;
    }
    return false;
}

// The state a row's free text names. It may quote its answer or its history
// (…回复：您反映的问题正在办理… [已回复]; 已受理，已办结): when it names both an open and an
// answered state, it says neither.
reply_state state_of_row_text(std::string_view text, std::string* word) {
    const bool open = contains_any(text, unanswered_words);
    const bool answered =
        std::any_of(answered_words.begin(), answered_words.end(),
                    [&](std::string_view w) { return occurs_outside(text, w, unanswered_words); });
    if (open && answered)
        return reply_state::unknown;
    return state_of_status(text, word);
}

// A message as its row is read: the handling date waits for the row's status.
struct row_draft {
    message_row row;
    std::optional<std::int64_t> handled;
};

class list_reader {
public:
    list_reader(const html::html_document& doc, std::string_view page_url, std::int64_t now)
        : doc_(doc), page_url_(page_url), now_(now), base_(html::document_base_url(doc, page_url)) {
    }

    message_list read() {
        walk(doc_.root(), 0, [this](const xmlNode* n) {
            if (is_element(n, "tr")) {
                read_cell_row(n, cells_of(n), ancestor(n, "table"));
            } else if (is_element(n, "ul")) {
                const std::vector<const xmlNode*> items = children_named(n, "li");
                if (is_cell_row(n, items)) {
                    cell_rows_.insert(n);
                    read_cell_row(n, items, n->parent);
                }
            }
        });
        for (const list_row& row : find_list_rows(doc_.get(), now_))
            if (!is_element(row.element, "tr") && !ancestor(row.element, "tr") &&
                !in_cell_row(row.element))
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

    bool in_cell_row(const xmlNode* node) const {
        for (const xmlNode* p = node; p; p = p->parent)
            if (cell_rows_.contains(p))
                return true;
        return false;
    }

    // The columns of the rows of `container`: its own header, else the nearest header before
    // it of the same width (EVECOM's wtzjList writes the header in a table of its own).
    const std::vector<column>* columns_for(const xmlNode* container, std::size_t width,
                                           bool& borrowed) {
        borrowed = false;
        if (const auto own = headers_.find(container); own != headers_.end())
            return own->second.size() == width ? &own->second : nullptr;
        if (!last_header_ || last_header_->size() != width ||
            !right_after(last_header_container_, container))
            return nullptr;
        borrowed = true;
        return &*last_header_;
    }

    // Whether `container` (or one of its three nearest ancestors) comes right after the element
    // that holds `header`: a header is borrowed by the table it heads, not by a sidebar further
    // down.
    static bool right_after(const xmlNode* header, const xmlNode* container) {
        const xmlNode* node = container;
        for (int level = 0; node && level < 4; ++level, node = node->parent) {
            const xmlNode* before = node->prev;
            while (before && before->type != XML_ELEMENT_NODE)
                before = before->prev;
            for (const xmlNode* h = header; h; h = h->parent)
                if (h == before)
                    return true;
        }
        return false;
    }

    void read_cell_row(const xmlNode* element, const std::vector<const xmlNode*>& cells,
                       const xmlNode* container) {
        const xmlNode* link = first_link(element);
        if (!link && !cells.empty()) {
            if (auto header = header_of(cells, now_)) {
                last_header_ = *header;
                last_header_container_ = container;
                headers_[container] = std::move(*header);
                return;
            }
        }
        bool borrowed = false;
        const std::vector<column>* columns = columns_for(container, cells.size(), borrowed);
        if (!link) {
            if (columns)
                read_linkless_row(cells, *columns, borrowed);
            return;
        }
        const xmlNode* title = title_link(element, link);
        row_draft draft;
        draft.row.title = visible_text(title, element_gaps::joined);
        draft.row.url = absolute(title);
        if (columns)
            read_headed_cells(cells, *columns, draft, borrowed);
        else
            read_bare_cells(cells, title, draft);
        const labelled_facts labelled =
            read_labels(visible_text(element, element_gaps::separated, title), now_);
        merge(labelled, draft);
        const bool shows_something =
            draft.row.state != reply_state::unknown || labelled.facts.asked || draft.row.dated;
        if ((!columns && draft.row.state == reply_state::unknown && !labelled.facts.asked) ||
            (borrowed && !shows_something))
            return;
        finish(draft);
    }

    // EVECOM's wtzjList rows open their message by a click on the title cell, no <a>: under a
    // header naming the title, a row that shows a status or a date is a message without a URL.
    void read_linkless_row(const std::vector<const xmlNode*>& cells,
                           const std::vector<column>& columns, bool borrowed) {
        const auto title = std::find(columns.begin(), columns.end(), column::title);
        if (title == columns.end())
            return;
        row_draft draft;
        draft.row.title = visible_text(cells[static_cast<std::size_t>(title - columns.begin())],
                                       element_gaps::joined);
        if (draft.row.title.empty())
            return;
        read_headed_cells(cells, columns, draft, borrowed);
        if (draft.row.state == reply_state::unknown && !draft.row.dated)
            return;
        finish(draft);
    }

    void read_headed_cells(const std::vector<const xmlNode*>& cells,
                           const std::vector<column>& columns, row_draft& draft, bool borrowed) {
        message_row& row = draft.row;
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
            case column::handled:
                list_.reply_times_shown = true;
                if (!dates.empty()) {
                    (columns[i] == column::replied ? row.replied : draft.handled) =
                        latest_instant(dates.front().date);
                } else if (says_empty(text)) {
                    row.state = reply_state::unanswered;
                    row.status = text;
                } else if (is_blank(text)) {
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
        // An empty reply cell says less than a status column: it only decides when none speaks,
        // and under the table's own header (a borrowed one may name another table's columns).
        if (blank_reply && !borrowed && row.state == reply_state::unknown)
            row.state = reply_state::probably_unanswered;
    }

    // No header: the first date is when the message came; a second one may be its answer or a
    // step in handling it, so it waits for the row's status.
    void read_bare_cells(const std::vector<const xmlNode*>& cells, const xmlNode* link,
                         row_draft& draft) {
        message_row& row = draft.row;
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
            draft.handled = dates[1];
    }

    void read_other_row(const list_row& r) {
        const xmlNode* title = title_link(r.element, r.link);
        const std::string text = visible_text(r.element, element_gaps::separated, title);
        row_draft draft;
        message_row& row = draft.row;
        row.title = title == r.link ? r.title : visible_text(title, element_gaps::joined);
        row.url = absolute(title);
        row.dated = r.date.has_value();
        const labelled_facts labelled = read_labels(text, now_);
        merge(labelled, draft);
        if (row.state == reply_state::unknown)
            row.state = state_of_row_text(text, &row.status);
        if (!labelled.facts.asked && !labelled.facts.replied && !labelled.handled &&
            row.state == reply_state::unknown)
            return;
        if (labelled.facts.replied || labelled.handled)
            list_.reply_times_shown = true;
        // One unlabelled date is when the message came: Jiamusi's list shows its 发布时间, the
        // asked date of every letter. Were it a reply date, the message would read as answered
        // at once, never as late.
        if (!row.asked && !labelled.facts.replied && !labelled.handled && r.date)
            row.asked = latest_instant(*r.date);
        finish(draft);
    }

    static void merge(const labelled_facts& labelled, row_draft& draft) {
        const message_facts& facts = labelled.facts;
        message_row& row = draft.row;
        if (facts.asked)
            row.asked = facts.asked;
        if (facts.replied)
            row.replied = facts.replied;
        if (labelled.handled && !draft.handled)
            draft.handled = labelled.handled;
        if (facts.state != reply_state::unknown && row.state == reply_state::unknown) {
            row.state = facts.state;
            row.status = facts.status;
        }
        row.dated = row.dated || facts.asked || facts.replied || labelled.handled;
    }

    void finish(row_draft& draft) {
        settle_handled(draft.handled, draft.row.state, draft.row.replied);
        list_.rows.push_back(std::move(draft.row));
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
    std::optional<std::vector<column>> last_header_;
    const xmlNode* last_header_container_ = nullptr;
    std::set<const xmlNode*> cell_rows_;
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
    if (text == bare_reply_status) {
        note(bare_reply_status);
        return reply_state::answered;
    }
    return reply_state::unknown;
}

message_list read_message_list(const html::html_document& doc, std::string_view page_url,
                               std::int64_t now) {
    return list_reader(doc, page_url, now).read();
}

message_facts read_message_detail(const html::html_document& doc, std::int64_t now) {
    const std::string text = visible_text(doc.root(), element_gaps::separated);
    labelled_facts labelled = read_labels(text, now);
    message_facts& facts = labelled.facts;
    settle_handled(labelled.handled, facts.state, facts.replied);
    if (facts.state == reply_state::unknown && !answer_written(text))
        if (auto blank = blank_reply_cells(doc.root())) {
            facts.state = reply_state::probably_unanswered;
            facts.status = std::move(*blank);
        }
    return facts;
}

} // namespace govmon
