#ifndef PARTNERBOOK_FILESYSTEM_H
#define PARTNERBOOK_FILESYSTEM_H

#include <sys/stat.h>
#include <stddef.h>
#include <sys/types.h>

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (including where the
/// system or file system cannot exchange).
int partnerbook_exchange_paths(const char *a, const char *b);

/// Opens `path`, relative to the folder `root` (a descriptor), without
/// following a symbolic link anywhere on the way or at the end and without
/// leaving `root`: Linux's openat2 with RESOLVE_BENEATH and
/// RESOLVE_NO_SYMLINKS where the kernel has it, else one component at a
/// time with O_NOFOLLOW. A path that is empty, absolute, or has an empty,
/// `.` or `..` part is refused with EXDEV; a link on the way with ELOOP.
/// `flags` and `mode` are open(2)'s; O_CLOEXEC is always added.
int partnerbook_open_beneath(int root, const char *path, int flags, mode_t mode);

/// The folder that holds `path` below `root`, opened as partnerbook_open_beneath
/// does (O_PATH where the system has it), and where the last part of `path`
/// starts; -1 with errno set when it cannot be opened. A path with no folder
/// part gives a duplicate of `root`.
int partnerbook_open_parent_beneath(int root, const char *path, const char **last);

/// mkdir, unlink, lstat and link below `root`, with the folder that holds the
/// entry opened by partnerbook_open_parent_beneath: no link on the way is
/// followed, and the entry itself never is (lstat semantics; link(2) of a
/// link makes a link to the link). 0 on success, -1 with errno set.
int partnerbook_mkdir_beneath(int root, const char *path, mode_t mode);
int partnerbook_unlink_beneath(int root, const char *path);
int partnerbook_stat_beneath(int root, const char *path, struct stat *info);
int partnerbook_link_beneath(int from_root, const char *from, int to_root, const char *to);

/// Bytes the allocator has handed out and not had back (glibc's mallinfo2:
/// small blocks in use plus mapped large ones); 0 where it cannot say. For
/// `PARTNERBOOK_TIMINGS`, beside the resident size: the difference is what
/// the allocator holds free.
size_t partnerbook_heap_in_use(void);

/// Hands memory glibc holds free back to the system (malloc_trim(0)): 1 when
/// some was, 0 when none was or where it cannot.
int partnerbook_release_free_memory(void);

/// Has glibc map every block of `threshold` bytes or more on its own and
/// unmap it when freed (mallopt M_MMAP_THRESHOLD, which also stops glibc
/// raising the threshold after such a block is freed), and keep up to `trim`
/// bytes free at the top of a heap rather than hand them back on every free
/// (M_TRIM_THRESHOLD; `malloc_trim` still hands them back). 1 on success, 0
/// where it cannot.
int partnerbook_map_large_blocks(size_t threshold, size_t trim);

/// Appends `length` bytes of `from`, read at `offset`, to `to` at its
/// current offset (which moves past them): Linux's copy_file_range, which
/// copies inside the kernel (no bytes through this process), else pread and
/// write. Returns the bytes appended: fewer than `length` when `from` ends
/// first; -1 with errno set when a call fails.
long long partnerbook_append_range(int from, long long offset, int to, long long length);

#endif
