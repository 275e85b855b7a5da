#include "daemon/alerts/delivery_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace govmon {

delivery_lock::delivery_lock(const std::string& database)
    : path_(database == ":memory:" ? "" : database + ".mail-lock") {}

delivery_lock::~delivery_lock() {
    if (fd_ >= 0)
        ::close(fd_); // releases the flock
}

delivery_lock::state delivery_lock::try_hold() {
    if (held_ || path_.empty())
        return state::held;
    if (fd_ < 0)
        fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        // Without the file nobody can coordinate; a unit missing a veto mail is worse than a
        // mail sent twice by two processes.
        failure_ = "cannot open " + path_ + ": " + std::strerror(errno);
        path_.clear();
        return state::unavailable;
    }
    held_ = ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
    return held_ ? state::held : state::busy;
}

} // namespace govmon
