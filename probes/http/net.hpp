#pragma once

// The one header that includes Boost.Asio and Beast. <utility> must come first: Boost 1.74's
// awaitable.hpp uses std::exchange without including it (chriskohlhoff/asio#944).
// clang-format off
#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
// clang-format on

namespace govmon {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ssl = boost::asio::ssl;
} // namespace govmon
