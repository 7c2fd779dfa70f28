#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <linux/openat2.h>
#include <sys/syscall.h>
#endif
#include "filesystem.h"

#ifndef O_PATH
#define PARTNERBOOK_FOLDER_FLAGS (O_RDONLY | O_DIRECTORY)
#else
#define PARTNERBOOK_FOLDER_FLAGS (O_PATH | O_DIRECTORY)
#endif

int partnerbook_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

/// Whether `path` is relative with no empty, `.` or `..` part.
static int is_plain_relative(const char *path) {
    if (path[0] == '\0' || path[0] == '/') return 0;
    const char *part = path;
    for (const char *p = path;; p++) {
        if (*p == '/' || *p == '\0') {
            size_t length = (size_t)(p - part);
            if (length == 0) return 0;
            if (length == 1 && part[0] == '.') return 0;
            if (length == 2 && part[0] == '.' && part[1] == '.') return 0;
            if (*p == '\0') return 1;
            part = p + 1;
        }
    }
}

#if defined(__linux__) && defined(SYS_openat2)
/// 1 once openat2 is known to work, -1 once it is known not to (an old
/// kernel, or a sandbox that filters it), 0 before the first call.
static int openat2_state = 0;
#endif

/// One component at a time, each opened with O_NOFOLLOW.
static int open_walking(int root, const char *path, int flags, mode_t mode) {
    int folder = dup(root);
    if (folder < 0) return -1;
    const char *part = path;
    char name[4096];
    for (;;) {
        const char *slash = strchr(part, '/');
        if (slash == NULL) {
            int fd = openat(folder, part, flags | O_NOFOLLOW | O_CLOEXEC, mode);
            int saved = errno;
            close(folder);
            errno = saved;
            return fd;
        }
        size_t length = (size_t)(slash - part);
        if (length >= sizeof name) {
            close(folder);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(name, part, length);
        name[length] = '\0';
        int next = openat(folder, name, PARTNERBOOK_FOLDER_FLAGS | O_NOFOLLOW | O_CLOEXEC);
        int saved = errno;
        close(folder);
        if (next < 0) {
            errno = saved;
            return -1;
        }
        folder = next;
        part = slash + 1;
    }
}

int partnerbook_open_beneath(int root, const char *path, int flags, mode_t mode) {
    if (!is_plain_relative(path)) {
        errno = EXDEV;
        return -1;
    }
#if defined(__linux__) && defined(SYS_openat2)
    if (openat2_state >= 0) {
        struct open_how how;
        memset(&how, 0, sizeof how);
        how.flags = (unsigned long long)(flags | O_CLOEXEC | O_NOFOLLOW);
        // A mode only with O_CREAT or O_TMPFILE (whose bits include O_DIRECTORY's): openat2 refuses one otherwise.
        how.mode = ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) ? (unsigned long long)mode : 0;
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
        int fd = (int)syscall(SYS_openat2, root, path, &how, sizeof how);
        if (fd >= 0) {
            openat2_state = 1;
            return fd;
        }
        if (!(openat2_state == 0 && (errno == ENOSYS || errno == EPERM || errno == E2BIG))) return -1;
        openat2_state = -1;
    }
#endif
    return open_walking(root, path, flags, mode);
}

int partnerbook_open_parent_beneath(int root, const char *path, const char **last) {
    if (!is_plain_relative(path)) {
        errno = EXDEV;
        return -1;
    }
    const char *slash = strrchr(path, '/');
    if (slash == NULL) {
        *last = path;
        return fcntl(root, F_DUPFD_CLOEXEC, 0);
    }
    size_t length = (size_t)(slash - path);
    char *folder = malloc(length + 1);
    if (folder == NULL) return -1;
    memcpy(folder, path, length);
    folder[length] = '\0';
    int fd = partnerbook_open_beneath(root, folder, PARTNERBOOK_FOLDER_FLAGS, 0);
    int saved = errno;
    free(folder);
    errno = saved;
    *last = slash + 1;
    return fd;
}

int partnerbook_mkdir_beneath(int root, const char *path, mode_t mode) {
    const char *last;
    int folder = partnerbook_open_parent_beneath(root, path, &last);
    if (folder < 0) return -1;
    int result = mkdirat(folder, last, mode);
    int saved = errno;
    close(folder);
    errno = saved;
    return result;
}

int partnerbook_unlink_beneath(int root, const char *path) {
    const char *last;
    int folder = partnerbook_open_parent_beneath(root, path, &last);
    if (folder < 0) return -1;
    int result = unlinkat(folder, last, 0);
    int saved = errno;
    close(folder);
    errno = saved;
    return result;
}

int partnerbook_stat_beneath(int root, const char *path, struct stat *info) {
    const char *last;
    int folder = partnerbook_open_parent_beneath(root, path, &last);
    if (folder < 0) return -1;
    int result = fstatat(folder, last, info, AT_SYMLINK_NOFOLLOW);
    int saved = errno;
    close(folder);
    errno = saved;
    return result;
}

int partnerbook_link_beneath(int from_root, const char *from, int to_root, const char *to) {
    const char *from_last, *to_last;
    int from_folder = partnerbook_open_parent_beneath(from_root, from, &from_last);
    if (from_folder < 0) return -1;
    int to_folder = partnerbook_open_parent_beneath(to_root, to, &to_last);
    if (to_folder < 0) {
        int saved = errno;
        close(from_folder);
        errno = saved;
        return -1;
    }
    int result = linkat(from_folder, from_last, to_folder, to_last, 0);
    int saved = errno;
    close(from_folder);
    close(to_folder);
    errno = saved;
    return result;
}

long long partnerbook_append_range(int from, long long offset, int to, long long length) {
    long long done = 0;
    off_t at = (off_t)offset;
#if defined(__linux__) && defined(SYS_copy_file_range)
    while (done < length) {
        ssize_t copied = copy_file_range(from, &at, to, NULL, (size_t)(length - done), 0);
        if (copied > 0) { done += copied; continue; }
        if (copied == 0) return done;
        // Not between these two files (another file system on an old kernel, ...): the bytes go through here.
        if (errno == ENOSYS || errno == EXDEV || errno == EINVAL || errno == EOPNOTSUPP) break;
        if (errno == EINTR) continue;
        return -1;
    }
#endif
    char buffer[1 << 16];
    while (done < length) {
        size_t want = (size_t)(length - done) < sizeof buffer ? (size_t)(length - done) : sizeof buffer;
        ssize_t got = pread(from, buffer, want, at);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return -1;
        if (got == 0) return done;
        ssize_t written = 0;
        while (written < got) {
            ssize_t put = write(to, buffer + written, (size_t)(got - written));
            if (put < 0 && errno == EINTR) continue;
            if (put < 0) return -1;
            written += put;
        }
        at += got;
        done += got;
    }
    return done;
}
