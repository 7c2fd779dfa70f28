#ifndef PARTNERBOOK_ATOMIC_SWAP_H
#define PARTNERBOOK_ATOMIC_SWAP_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (including where the
/// system or file system cannot exchange).
int partnerbook_exchange_paths(const char *a, const char *b);

#endif
