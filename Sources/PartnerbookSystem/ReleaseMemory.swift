import CFileSystem

/// Hands memory the allocator holds but no longer uses back to the system.
/// glibc keeps freed pages in its arenas (one per thread that allocated);
/// a build that frees the last build's cache before rendering the program
/// pages, or `serve` building again and again, would otherwise keep every
/// high-water mark.
package enum ReleaseMemory {
    /// Blocks of a megabyte or more (the program pages' texts: tens of
    /// megabytes each at 10,000 partners) mapped on their own and handed
    /// back when freed. glibc otherwise raises its threshold to the size of
    /// each such block freed, so the next ones come from the heap and stay
    /// resident after they are freed: at 10,000 partners that was a tenth
    /// of the build's peak (204 MB against 181 MB). Free memory at the top
    /// of a heap is kept up to 64 MB (what glibc's own raised threshold
    /// would keep) and handed back at each step's end (`now`): trimmed on
    /// every free past 128 KB, a one-partner rebuild at 10,000 partners
    /// took 8% longer; kept, as long as without the large blocks mapped.
    package static func mapLargeBlocks() {
        #if os(Linux)
        _ = partnerbook_map_large_blocks(1 << 20, 64 << 20)
        #endif
    }

    package static func now() {
        #if os(Linux)
        _ = partnerbook_release_free_memory()
        #endif
    }
}
