#include "probes/site/cms_records.hpp"

#include "probes/site/node_text.hpp"
#include "text/utf8_reader.hpp"

#include <cstdint>
#include <optional>

namespace govmon {

namespace {

constexpr int max_depth = 512;
// Hanweb pages carry one datastore per list, TRS pages a few document.write lists: a page
// with more scripts than this holding lists is not worth reading them all.
constexpr std::size_t max_lists = 64;

std::string_view trimmed(std::string_view text) noexcept {
    while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ')
        text.remove_prefix(1);
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ')
        text.remove_suffix(1);
    return text;
}

// An element's content, CDATA markers taken off: Hanweb wraps every record in <![CDATA[…]]>.
std::string_view without_cdata(std::string_view content) noexcept {
    content = trimmed(content);
    constexpr std::string_view open = "<![CDATA[";
    if (!content.starts_with(open))
        return content;
    content.remove_prefix(open.size());
    if (const auto close = content.rfind("]]>"); close != std::string_view::npos)
        content = content.substr(0, close);
    return content;
}

// The content of every <tag>…</tag> in `text`, in order.
template <typename Visit>
void for_each_element(std::string_view text, std::string_view tag, Visit visit) {
    const std::string open = "<" + std::string(tag) + ">";
    const std::string close = "</" + std::string(tag) + ">";
    for (auto start = text.find(open); start != std::string_view::npos;) {
        start += open.size();
        const auto end = text.find(close, start);
        if (end == std::string_view::npos)
            return;
        visit(text.substr(start, end - start));
        start = text.find(open, end + close.size());
    }
}

std::string href_in(std::string_view fragment) {
    const auto at = fragment.find("href=");
    if (at == std::string_view::npos)
        return {};
    auto rest = fragment.substr(at + 5);
    if (rest.empty())
        return {};
    const char quote = rest.front();
    if (quote == '"' || quote == '\'') {
        rest.remove_prefix(1);
        return std::string(rest.substr(0, rest.find(quote)));
    }
    return std::string(rest.substr(0, rest.find_first_of(" >")));
}

constexpr std::size_t max_code_point_digits = 6;
constexpr std::uint32_t max_code_point = 0x10FFFF;

// Reads a JavaScript string literal starting at its quote; `at` ends past the closing quote.
class literal_reader {
public:
    literal_reader(std::string_view script, std::size_t& at) : script_(script), at_(at) {}

    std::string read() {
        const char quote = script_[at_++];
        std::string out;
        while (at_ < script_.size() && script_[at_] != quote) {
            const char c = script_[at_++];
            if (c != '\\' || at_ >= script_.size()) {
                out += c;
                continue;
            }
            escape(out);
        }
        ++at_;
        return out;
    }

private:
    void escape(std::string& out) {
        const char c = script_[at_++];
        switch (c) {
        case 'n':
            out += '\n';
            return;
        case 't':
            out += '\t';
            return;
        case 'r':
            out += '\r';
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'v':
            out += '\v';
            return;
        case '0':
            out += '\0';
            return;
        case '\r':
        case '\n':
            return; // a line continuation
        case 'x':
            code_point(out, 2);
            return;
        case 'u':
            unicode(out);
            return;
        default:
            out += c;
            return;
        }
    }

    void code_point(std::string& out, std::size_t digits) {
        if (const auto value = hex_number(script_.substr(at_, digits))) {
            at_ += digits;
            append_utf8(out, *value);
        }
    }

    void unicode(std::string& out) {
        if (at_ < script_.size() && script_[at_] == '{') {
            // \u{10FFFF} at most: a search for the brace further on would cost each of a hostile
            // answer's million \u{ the rest of the answer.
            const auto close = script_.substr(at_, max_code_point_digits + 2).find('}');
            if (close == std::string_view::npos)
                return;
            if (const auto value = hex_number(script_.substr(at_ + 1, close - 1));
                value && *value <= max_code_point) {
                append_utf8(out, *value);
                at_ += close + 1;
            }
            return;
        }
        const auto high = hex_number(script_.substr(at_, 4));
        if (!high)
            return;
        at_ += 4;
        if (*high >= 0xD800 && *high < 0xDC00 && script_.substr(at_, 2) == "\\u") {
            if (const auto low = hex_number(script_.substr(at_ + 2, 4));
                low && *low >= 0xDC00 && *low < 0xE000) {
                at_ += 6;
                append_utf8(out, 0x10000 + ((*high - 0xD800) << 10) + (*low - 0xDC00));
                return;
            }
        }
        append_utf8(out, *high);
    }

    std::string_view script_;
    std::size_t& at_;
};

// The literals the argument list at `at` (just past its "(") joins, up to its ")".
std::string written_argument(std::string_view script, std::size_t& at) {
    std::string out;
    int depth = 0;
    while (at < script.size()) {
        const char c = script[at];
        if (c == '"' || c == '\'' || c == '`') {
            auto literal = literal_reader(script, at).read();
            if (depth == 0)
                out += literal;
            continue;
        }
        ++at;
        if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if (c == ')' || c == ']' || c == '}')
            if (depth-- == 0)
                break;
    }
    return out;
}

// Whether `at` sits after a // comment on its line, string literals read as such: a minified
// line of several writes carries "http://" inside its literals.
bool is_line_commented(std::string_view script, std::size_t at) noexcept {
    const auto newline = script.rfind('\n', at);
    char quote = 0;
    for (auto i = newline == std::string_view::npos ? 0 : newline + 1; i < at; ++i) {
        const char c = script[i];
        if (quote != 0) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'' || c == '`') {
            quote = c;
        } else if (c == '/' && i + 1 < at && script[i + 1] == '/') {
            return true;
        }
    }
    return false;
}

void collect_scripts(const xmlNode* node, int depth, std::vector<cms_list>& lists) {
    if (depth > max_depth)
        return;
    for (auto* child = node->children; child != nullptr && lists.size() < max_lists;
         child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (!is_element(child, "script")) {
            collect_scripts(child, depth + 1, lists);
            continue;
        }
        const auto text = script_text(child);
        cms_list list;
        if (text.find("<datastore") != std::string::npos)
            list = read_datastore(text);
        else if (text.find("document.write") != std::string::npos)
            list.html = document_written_html(text);
        if (list.html.find("<a") == std::string::npos && list.next_group.empty())
            continue;
        list.line = static_cast<int>(xmlGetLineNo(child));
        lists.push_back(std::move(list));
    }
}

} // namespace

cms_list read_datastore(std::string_view text) {
    cms_list list;
    const auto store = text.find("<datastore");
    if (store == std::string_view::npos)
        return list;
    text.remove_prefix(store);
    for_each_element(text, "nextgroup", [&list](std::string_view group) {
        if (list.next_group.empty())
            list.next_group = href_in(without_cdata(group));
    });
    for_each_element(text, "record", [&list](std::string_view record) {
        list.html += without_cdata(record);
        list.html += '\n';
    });
    return list;
}

std::optional<std::string> read_datastore_array(std::string_view text) {
    text = trimmed(text);
    if (text.starts_with("var "))
        text = trimmed(text.substr(4));
    constexpr std::string_view name = "dataStore";
    if (!text.starts_with(name))
        return std::nullopt;
    text = trimmed(text.substr(name.size()));
    if (!text.starts_with('='))
        return std::nullopt;
    text = trimmed(text.substr(1));
    if (!text.starts_with('['))
        return std::nullopt;
    std::string html;
    for (std::size_t at = 1; at < text.size();) {
        const char c = text[at];
        if (c == ']')
            return html;
        if (c == '"' || c == '\'') {
            html += literal_reader(text, at).read();
            html += '\n';
        } else if (c == ',' || static_cast<unsigned char>(c) <= ' ') {
            ++at;
        } else {
            return std::nullopt; // not a list of literals: its rows are not known without a script
        }
    }
    return std::nullopt;
}

std::string document_written_html(std::string_view script) {
    std::string out;
    constexpr std::string_view call = "document.write";
    for (auto at = script.find(call); at != std::string_view::npos; at = script.find(call, at)) {
        const bool commented = is_line_commented(script, at);
        at += call.size();
        if (script.substr(at, 2) == "ln")
            at += 2;
        while (at < script.size() && (script[at] == ' ' || script[at] == '\t'))
            ++at;
        if (at >= script.size() || script[at] != '(')
            continue;
        ++at;
        auto written = written_argument(script, at);
        if (!commented)
            out += written;
    }
    return out;
}

std::vector<cms_list> find_cms_lists(const xmlDoc* doc) {
    std::vector<cms_list> lists;
    if (const auto* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc))
        collect_scripts(root, 0, lists);
    return lists;
}

} // namespace govmon
