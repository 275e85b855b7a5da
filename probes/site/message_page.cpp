#include "probes/site/message_page.hpp"

#include "probes/site/message_labels.hpp"

#include <algorithm>

namespace govmon {
namespace {

using namespace message_labels;

// Every asked label ends in 时间 or 日期: the page is scanned for those two words only, and the
// label is looked for just before each, so that pages with no channel cost two searches.
bool labels_asked_time(std::string_view text) {
    for (std::string_view suffix : {std::string_view{"时间"}, std::string_view{"日期"}})
        for (auto at = text.find(suffix); at != std::string_view::npos;
             at = text.find(suffix, at + suffix.size())) {
            const std::size_t end = at + suffix.size();
            if (std::any_of(asked_labels.begin(), asked_labels.end(), [&](std::string_view label) {
                    return end >= label.size() &&
                           text.substr(end - label.size(), label.size()) == label;
                }))
                return true;
        }
    return false;
}

template <std::size_t N>
std::size_t first_of(std::string_view text, const std::array<std::string_view, N>& labels) {
    std::size_t first = std::string_view::npos;
    for (std::string_view label : labels)
        first = std::min(first, text.find(label));
    return first;
}

// 状态 alone is too common a word to tell a channel by.
bool labels_answer_or_state(std::string_view text) {
    const auto labelled_state = [text](std::string_view label) {
        return label != "状态" && text.find(label) != std::string_view::npos;
    };
    return first_of(text, replied_labels) != std::string_view::npos ||
           first_of(text, handled_labels) != std::string_view::npos ||
           first_of(text, reply_content_labels) != std::string_view::npos ||
           std::any_of(status_labels.begin(), status_labels.end(), labelled_state);
}

} // namespace

std::optional<std::string> office_written_text(std::string_view text) {
    if (!labels_asked_time(text) || !labels_answer_or_state(text))
        return std::nullopt;
    std::string office;
    for (std::size_t answer = first_of(text, reply_content_labels);
         answer != std::string_view::npos;) {
        const std::string_view rest = text.substr(answer);
        const std::size_t letter =
            std::min(first_of(rest, asked_labels), first_of(rest, letter_labels));
        office.append(rest.substr(0, letter)).push_back('\n');
        if (letter == std::string_view::npos)
            break;
        const std::size_t next = first_of(rest.substr(letter), reply_content_labels);
        answer = next == std::string_view::npos ? next : answer + letter + next;
    }
    return office;
}

} // namespace govmon
