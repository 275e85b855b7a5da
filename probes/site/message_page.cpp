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

// Where the next of a set of labels stands from a position on, each label's next place kept, so
// that walking a page of many letters and answers reads it once per label, not once per answer.
template <std::size_t N> class label_cursor {
public:
    label_cursor(std::string_view text, const std::array<std::string_view, N>& labels)
        : text_(text), labels_(labels) {
        for (std::size_t i = 0; i < N; ++i)
            next_[i] = text.find(labels[i]);
    }

    std::size_t first_from(std::size_t from) {
        std::size_t first = std::string_view::npos;
        for (std::size_t i = 0; i < N; ++i) {
            if (next_[i] != std::string_view::npos && next_[i] < from)
                next_[i] = text_.find(labels_[i], from);
            first = std::min(first, next_[i]);
        }
        return first;
    }

private:
    std::string_view text_;
    const std::array<std::string_view, N>& labels_;
    std::array<std::size_t, N> next_{};
};

} // namespace

std::optional<std::string> office_written_text(std::string_view text) {
    if (!labels_asked_time(text) || !labels_answer_or_state(text))
        return std::nullopt;
    label_cursor answers(text, reply_content_labels);
    label_cursor asked(text, asked_labels);
    label_cursor letters(text, letter_labels);
    std::string office;
    for (std::size_t answer = answers.first_from(0); answer != std::string_view::npos;) {
        const std::size_t letter =
            std::min(asked.first_from(answer + 1), letters.first_from(answer + 1));
        office
            .append(
                text.substr(answer, letter == std::string_view::npos ? letter : letter - answer))
            .push_back('\n');
        if (letter == std::string_view::npos)
            break;
        answer = answers.first_from(letter);
    }
    return office;
}

} // namespace govmon
