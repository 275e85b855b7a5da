#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace govmon {

struct smtp_settings {
    std::string url;      // smtp://host:port (STARTTLS when offered) or smtps://host:port
    std::string user;     // empty: no AUTH
    std::string password;
    std::string ca_file;  // empty: the system trust store
    std::chrono::seconds connect_timeout{10};
    std::chrono::seconds timeout{60};
};

struct smtp_result {
    bool sent = false;
    // The server could not be reached at all (DNS, connect, TLS): the other queued mails
    // would fail the same way, so delivery stops for this round.
    bool server_unreachable = false;
    std::string error; // libcurl's words, with the SMTP reply when there is one
};

// Sends one RFC 5322 message with libcurl. Blocking; `stop` aborts a transfer in progress
// (the daemon is shutting down). One recipient refused does not stop delivery to the others.
smtp_result send_mail(const smtp_settings& settings, const std::string& from,
                      const std::vector<std::string>& recipients, const std::string& message,
                      const std::atomic<bool>& stop);

} // namespace govmon
