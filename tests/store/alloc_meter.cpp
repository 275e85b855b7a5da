#include "tests/store/alloc_meter.hpp"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace govmon::test {
namespace {

std::atomic<std::size_t> live{0};
std::atomic<std::size_t> peak{0};

void* allocate(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (!p)
        throw std::bad_alloc{};
    // The usable size, not the requested one: it is what delete can see again.
    const std::size_t now = live.fetch_add(malloc_usable_size(p)) + malloc_usable_size(p);
    std::size_t high = peak.load();
    while (now > high && !peak.compare_exchange_weak(high, now)) {
    }
    return p;
}

void release(void* p) noexcept {
    if (!p)
        return;
    live.fetch_sub(malloc_usable_size(p));
    std::free(p);
}

} // namespace

std::size_t live_bytes() noexcept {
    return live.load();
}
std::size_t peak_bytes() noexcept {
    return peak.load();
}
void reset_peak() noexcept {
    peak.store(live.load());
}

} // namespace govmon::test

// libstdc++ routes the nothrow forms through these; aligned forms keep their own allocator
// (consistently, new and delete both), and stay uncounted.
void* operator new(std::size_t size) {
    return govmon::test::allocate(size);
}
void* operator new[](std::size_t size) {
    return govmon::test::allocate(size);
}
void operator delete(void* p) noexcept {
    govmon::test::release(p);
}
void operator delete[](void* p) noexcept {
    govmon::test::release(p);
}
void operator delete(void* p, std::size_t) noexcept {
    govmon::test::release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    govmon::test::release(p);
}
