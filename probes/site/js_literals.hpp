#pragma once

#include <string>
#include <string_view>

namespace govmon {

// A script as a reader of its string literals sees it: the escapes \xNN, \uNNNN (a surrogate
// pair as one character) and \/ decoded to UTF-8, and literals split to hide a word from
// scanners ("ifr" + "ame", 'do' + 'cu' + 'ment.wr' + 'ite') joined again. Page-tampering kits
// hide their search-engine names, hosts and document.write behind exactly these two tricks;
// nothing else of the script changes, so its words stay where a reader of the source finds them.
std::string readable_script(std::string_view script);

} // namespace govmon
