/// Hands memory the allocator holds but no longer uses back to the system.
/// glibc keeps freed pages in its arenas (one per thread that allocated);
/// a build that frees the last build's cache before rendering the program
/// pages, or `serve` building again and again, would otherwise keep every
/// high-water mark.
package enum ReleaseMemory {
    package static func now() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
// `malloc_trim` is declared in <malloc.h>, which Swift's Glibc module does not include.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
