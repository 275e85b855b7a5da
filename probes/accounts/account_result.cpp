#include "probes/accounts/account_result.hpp"

namespace govmon {

std::string_view to_string(account_outcome o) noexcept {
    switch (o) {
    case account_outcome::ok:
        return "ok";
    case account_outcome::ok_empty:
        return "ok_empty";
    case account_outcome::not_found:
        return "not_found";
    case account_outcome::blocked:
        return "blocked";
    case account_outcome::no_timestamp:
        return "no_timestamp";
    case account_outcome::parse_error:
        return "parse_error";
    case account_outcome::partial:
        return "partial";
    }
    return "";
}

std::optional<account_outcome> parse_account_outcome(std::string_view name) noexcept {
    for (const account_outcome o :
         {account_outcome::ok, account_outcome::ok_empty, account_outcome::not_found,
          account_outcome::blocked, account_outcome::no_timestamp, account_outcome::parse_error,
          account_outcome::partial})
        if (to_string(o) == name)
            return o;
    return std::nullopt;
}

} // namespace govmon
