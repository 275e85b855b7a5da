#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace govmon {

struct smtp_settings {
    std::string url;  // smtp://host:port (STARTTLS when offered) or smtps://host:port
    std::string user; // empty: no AUTH
    std::string password;
    std::string ca_file; // empty: the system trust store
    std::chrono::seconds connect_timeout{10};
    std::chrono::seconds timeout{60};
};

struct smtp_result {
    bool sent = false;
    // The server could not be reached (DNS, connect, TLS) or refused our login: the other
    // queued mails would fail the same way, so delivery pauses as a whole.
    bool server_unreachable = false;
    // `stop` ended the transfer: not the server's doing, not an attempt.
    bool aborted = false;
    std::string error; // libcurl's words, with the SMTP reply when there is one
};

// Sends one RFC 5322 message with libcurl. Blocking; `stop` aborts a transfer in progress (the
// daemon is shutting down) until the message is uploaded: after that the server has likely
// taken it, and its reply is awaited (bounded by `timeout`). A recipient refused fails the
// whole attempt: the outbox gives each recipient a transaction of its own.
smtp_result send_mail(const smtp_settings& settings, const std::string& from,
                      const std::vector<std::string>& recipients, const std::string& message,
                      const std::atomic<bool>& stop);

} // namespace govmon
