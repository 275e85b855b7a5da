#pragma once

#include <optional>
#include <string>

namespace govmon {

struct smtp_credentials {
    std::string user;
    std::string password;
};

// The SMTP login, never from the config's text: GOVMON_SMTP_USER and GOVMON_SMTP_PASSWORD
// when set, else `credentials_file` (user on the first line, password on the second), else
// $CREDENTIALS_DIRECTORY/smtp (systemd LoadCredential=smtp:...), else no login. An unreadable
// or malformed file is an error (message in `error`), not a silent anonymous login.
std::optional<smtp_credentials> load_smtp_credentials(const std::string& credentials_file,
                                                      std::string& error);

} // namespace govmon
