#pragma once

// What of a consultation channel's page its office wrote. A message's page and a channel's list
// carry letters of the public (their titles, their text), whose slips of the pen are not the
// site's: the wrong-forms check reads only the office's answer there.

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// The part of a page's visible text written by the office when the page is a channel's: a
// label of when a message came (留言时间, 来信时间 …) beside a label of its answer or state.
// There it is each answer, from its label (答复内容：…) up to the next letter's label (a list
// that shows answers, a sidebar of related letters), joined by line breaks, or empty when none
// shows; nullopt when the page is no channel's (all of it is the office's).
std::optional<std::string> office_written_text(std::string_view text);

} // namespace govmon
