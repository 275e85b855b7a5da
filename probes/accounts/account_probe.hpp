#pragma once

#include "probes/accounts/account_result.hpp"
#include "probes/accounts/account_source.hpp"
#include "probes/http/http_client.hpp"

#include <cstdint>
#include <optional>

namespace govmon {

// Fetches an account's source and reads its newest post. A network failure, a refusal or an
// answer the parser does not recognise never yields a date: only `ok`/`ok_empty` results carry
// freshness. Never throws for network conditions.
// Feeds and app pages are parsed on `parse_on` (a small thread pool) when given.
asio::awaitable<account_result> probe_account(http::client& client, account_source source,
                                              std::int64_t now,
                                              std::optional<asio::any_io_executor> parse_on = {});

} // namespace govmon
