#pragma once

#include <cstddef>

// Counts the bytes live in operator new, so that a test can tell streaming from buffering: a
// function that collects its rows shows them here, whatever the allocator or sanitizer (RSS
// under ASan mostly measures the quarantine). Replaces the global operator new/delete of the
// test binary.
namespace govmon::test {

std::size_t live_bytes() noexcept;
// The highest live_bytes() since the last reset_peak().
std::size_t peak_bytes() noexcept;
void reset_peak() noexcept;

} // namespace govmon::test
