#pragma once

#include <string>
#include <string_view>

namespace govmon {

// RFC 4648 base64 with padding, no line breaks (mail parts and data: URLs add their own).
std::string base64_encode(std::string_view bytes);

} // namespace govmon
