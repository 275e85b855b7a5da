// A slow disk for the store benchmark, linked only into govmon-slow-disk (bench/store/run):
// a SQLite VFS over the default one whose every write and sync of a database file (the
// database, its WAL, its journal) first sleeps GOVMON_SLOW_DISK_MS milliseconds, as a saturated
// or failing disk makes write(2) and fsync(2) wait. Registered as the default VFS before main,
// so the daemon's own store code runs unchanged on top of it.

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace {

sqlite3_vfs* base_vfs = nullptr;
sqlite3_vfs slow_vfs;
sqlite3_io_methods slow_methods;
const sqlite3_io_methods* base_methods = nullptr;
std::chrono::milliseconds delay{0};

// The base file's methods and state follow this header in the same allocation (szOsFile).
struct slow_file {
    sqlite3_file header;
};

sqlite3_file* base_of(sqlite3_file* f) {
    return reinterpret_cast<sqlite3_file*>(reinterpret_cast<slow_file*>(f) + 1);
}

void wait_for_disk() {
    std::this_thread::sleep_for(delay);
}

int slow_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    wait_for_disk();
    return base_of(f)->pMethods->xWrite(base_of(f), data, amount, offset);
}

int slow_sync(sqlite3_file* f, int flags) {
    wait_for_disk();
    return base_of(f)->pMethods->xSync(base_of(f), flags);
}

int slow_close(sqlite3_file* f) {
    return base_of(f)->pMethods->xClose(base_of(f));
}
int slow_read(sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
    return base_of(f)->pMethods->xRead(base_of(f), data, amount, offset);
}
int slow_truncate(sqlite3_file* f, sqlite3_int64 size) {
    return base_of(f)->pMethods->xTruncate(base_of(f), size);
}
int slow_file_size(sqlite3_file* f, sqlite3_int64* size) {
    return base_of(f)->pMethods->xFileSize(base_of(f), size);
}
int slow_lock(sqlite3_file* f, int level) {
    return base_of(f)->pMethods->xLock(base_of(f), level);
}
int slow_unlock(sqlite3_file* f, int level) {
    return base_of(f)->pMethods->xUnlock(base_of(f), level);
}
int slow_check_lock(sqlite3_file* f, int* out) {
    return base_of(f)->pMethods->xCheckReservedLock(base_of(f), out);
}
int slow_control(sqlite3_file* f, int op, void* arg) {
    return base_of(f)->pMethods->xFileControl(base_of(f), op, arg);
}
int slow_sector(sqlite3_file* f) {
    return base_of(f)->pMethods->xSectorSize(base_of(f));
}
int slow_device(sqlite3_file* f) {
    return base_of(f)->pMethods->xDeviceCharacteristics(base_of(f));
}
int slow_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return base_of(f)->pMethods->xShmMap(base_of(f), region, size, extend, out);
}
int slow_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return base_of(f)->pMethods->xShmLock(base_of(f), offset, n, flags);
}
void slow_shm_barrier(sqlite3_file* f) {
    base_of(f)->pMethods->xShmBarrier(base_of(f));
}
int slow_shm_unmap(sqlite3_file* f, int remove) {
    return base_of(f)->pMethods->xShmUnmap(base_of(f), remove);
}

int slow_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    sqlite3_file* base = base_of(f);
    const int rc = base_vfs->xOpen(base_vfs, name, base, flags, out_flags);
    if (rc != SQLITE_OK || !base->pMethods) {
        f->pMethods = nullptr;
        return rc;
    }
    if (!base_methods) {
        base_methods = base->pMethods;
        slow_methods = {2,
                        slow_close,
                        slow_read,
                        slow_write,
                        slow_truncate,
                        slow_sync,
                        slow_file_size,
                        slow_lock,
                        slow_unlock,
                        slow_check_lock,
                        slow_control,
                        slow_sector,
                        slow_device,
                        slow_shm_map,
                        slow_shm_lock,
                        slow_shm_barrier,
                        slow_shm_unmap,
                        nullptr,
                        nullptr};
    }
    f->pMethods = &slow_methods;
    return rc;
}

[[maybe_unused]] const bool registered = [] {
    const char* ms = std::getenv("GOVMON_SLOW_DISK_MS");
    delay = std::chrono::milliseconds(ms ? std::atoi(ms) : 0);
    base_vfs = sqlite3_vfs_find(nullptr);
    slow_vfs = *base_vfs;
    slow_vfs.zName = "govmon-slow-disk";
    slow_vfs.szOsFile = static_cast<int>(sizeof(slow_file)) + base_vfs->szOsFile;
    slow_vfs.xOpen = slow_open;
    return sqlite3_vfs_register(&slow_vfs, 1) == SQLITE_OK;
}();

} // namespace
