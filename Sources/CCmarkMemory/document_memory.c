// The memory of one parsed Markdown document.
//
// cmark-gfm allocates every node, every text of the tree, every line buffer
// and every rendering's buffer on its own, and frees them one by one: a full
// build of 1,000 partners made 18.5 million allocations in cmark-gfm against
// 5.7 million in all of Swift's code (heaptrack), and the allocator's own
// work (finding and splitting free chunks of a heap of many threads) was a
// sixth of the build's CPU at 10,000 partners. A document's memory all ends
// at once, when the document is let go, so it is cut here from a few large
// blocks in turn and handed back in one go; nothing goes back to the system
// piece by piece.
//
// cmark-gfm lets a parser allocate through any `cmark_mem` (calloc, realloc
// and free, with no context argument), and its tree, iterators and renderers
// use the parser's. So the context is the thread's: the Swift side enters a
// document's memory around every call it makes into cmark-gfm for that
// document. Allocations of LARGE bytes or more (a rendering of a long
// document, grown by half again each time) are taken from the system one by
// one and given back when freed, so that a long document holds no more than
// its largest buffers. A small one freed right after it was made gives its
// room back to its block, and one of up to RECYCLED bytes freed later is used
// again for the next allocation of its size (a buffer that grew elsewhere, a
// node taken out of the tree): a megabyte of Markdown's tree holds 50 MB
// here, against 36-44 MB in glibc's heap.
#include <cmark-gfm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document_memory.h"

enum {
    ALIGNMENT = 16,
    FIRST_BLOCK = 32 * 1024,
    LARGEST_BLOCK = 512 * 1024,
    LARGE = 64 * 1024,
    /// Freed small allocations of up to this room are kept by size, for the next ones of their size.
    RECYCLED = 2048,
};

/// In front of every allocation: its size as asked, and whether it came from the system on its own.
typedef struct allocation {
    size_t size;
    size_t large;
} allocation;

/// A large allocation: its place in the document's list, then its `allocation`.
typedef struct large_allocation {
    struct large_allocation *previous, *next;
    allocation head;
} large_allocation;

/// A block small allocations are cut from, one after the other.
typedef struct block {
    struct block *next;
    size_t size, used, unused;
    unsigned char bytes[];
} block;

struct partnerbook_document_memory {
    block *blocks;                 // the newest first; allocations are cut from its bytes
    large_allocation *large;
    size_t next_block;
    size_t held;
    unsigned char *latest;         // the newest small allocation, which may grow or give its room back
    void *freed[RECYCLED / ALIGNMENT + 1];   // freed small allocations by room / ALIGNMENT, each pointing to the next
};

static _Thread_local partnerbook_document_memory *current;

static void stop(const char *why) {
    fprintf(stderr, "partnerbook: %s\n", why);
    abort();
}

static partnerbook_document_memory *entered(void) {
    if (!current) stop("cmark-gfm allocated outside a document's memory");
    return current;
}

/// The room a small allocation of `size` bytes takes after its head (never none).
static size_t room(size_t size) {
    if (size > SIZE_MAX - ALIGNMENT) stop("out of memory for a Markdown document");
    return size ? (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1) : ALIGNMENT;
}

static void *take_large(partnerbook_document_memory *memory, size_t size) {
    if (size > SIZE_MAX - sizeof(large_allocation)) stop("out of memory for a Markdown document");
    large_allocation *node = malloc(sizeof(large_allocation) + size);
    if (!node) stop("out of memory for a Markdown document");
    node->previous = NULL;
    node->next = memory->large;
    if (memory->large) memory->large->previous = node;
    memory->large = node;
    node->head.size = size;
    node->head.large = 1;
    memory->held += sizeof(large_allocation) + size;
    return node + 1;
}

static void *take_small(partnerbook_document_memory *memory, size_t size) {
    size_t has = room(size);
    if (has <= RECYCLED && memory->freed[has / ALIGNMENT]) {
        void *bytes = memory->freed[has / ALIGNMENT];
        memory->freed[has / ALIGNMENT] = *(void **)bytes;
        ((allocation *)bytes - 1)->size = size;
        return bytes;
    }
    size_t needed = sizeof(allocation) + has;
    block *top = memory->blocks;
    if (!top || top->size - top->used < needed) {
        size_t bytes = memory->next_block;
        while (bytes < needed) bytes *= 2;
        top = malloc(sizeof(block) + bytes);
        if (!top) stop("out of memory for a Markdown document");
        top->next = memory->blocks;
        top->size = bytes;
        top->used = 0;
        memory->blocks = top;
        memory->held += sizeof(block) + bytes;
        if (memory->next_block < LARGEST_BLOCK) memory->next_block *= 2;
    }
    allocation *head = (allocation *)(top->bytes + top->used);
    head->size = size;
    head->large = 0;
    top->used += needed;
    memory->latest = (unsigned char *)(head + 1);
    return head + 1;
}

// Under AddressSanitizer (scripts/fuzz) every allocation comes from the
// system on its own and goes back when freed, so that the sanitizer sees
// each one's bounds and lifetime, not a few blocks.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EACH_FROM_THE_SYSTEM 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define EACH_FROM_THE_SYSTEM 1
#endif

static void *take(partnerbook_document_memory *memory, size_t size) {
#ifdef EACH_FROM_THE_SYSTEM
    return take_large(memory, size);
#else
    return size >= LARGE ? take_large(memory, size) : take_small(memory, size);
#endif
}

/// A small allocation no longer used: the newest gives its room back to
/// its block; another of up to RECYCLED bytes waits for the next of its size.
static void give_back(partnerbook_document_memory *memory, void *bytes) {
    allocation *head = (allocation *)bytes - 1;
    size_t has = room(head->size);
    if ((unsigned char *)bytes == memory->latest) {
        memory->blocks->used -= sizeof(allocation) + has;
        memory->latest = NULL;
    } else if (has <= RECYCLED) {
        *(void **)bytes = memory->freed[has / ALIGNMENT];
        memory->freed[has / ALIGNMENT] = bytes;
    }
}

static void *document_calloc(size_t count, size_t size) {
    partnerbook_document_memory *memory = entered();
    if (size && count > SIZE_MAX / size) stop("out of memory for a Markdown document");
    void *bytes = take(memory, count * size);
    memset(bytes, 0, count * size);
    return bytes;
}

static void *document_realloc(void *bytes, size_t size) {
    partnerbook_document_memory *memory = entered();
    if (!bytes) return take(memory, size);
    allocation *head = (allocation *)bytes - 1;
    if (head->large) {
        large_allocation *node = (large_allocation *)bytes - 1;
        size_t before = node->head.size;
        if (size > SIZE_MAX - sizeof(large_allocation)) stop("out of memory for a Markdown document");
        large_allocation *moved = realloc(node, sizeof(large_allocation) + size);
        if (!moved) stop("out of memory for a Markdown document");
        if (moved->previous) moved->previous->next = moved; else memory->large = moved;
        if (moved->next) moved->next->previous = moved;
        moved->head.size = size;
        memory->held = memory->held - before + size;
        return moved + 1;
    }
    size_t has = room(head->size);
    if (size <= has) {
        head->size = size;
        return bytes;
    }
    if ((unsigned char *)bytes == memory->latest && size < LARGE) {
        // The newest allocation grows in place while its block has room.
        size_t more = room(size) - has;
        block *top = memory->blocks;
        if (top->size - top->used >= more) {
            top->used += more;
            head->size = size;
            return bytes;
        }
    }
    void *moved = take(memory, size);
    memcpy(moved, bytes, head->size);
    give_back(memory, bytes);
    return moved;
}

static void document_free(void *bytes) {
    if (!bytes) return;
    partnerbook_document_memory *memory = entered();
    allocation *head = (allocation *)bytes - 1;
    if (head->large) {
        large_allocation *node = (large_allocation *)bytes - 1;
        if (node->previous) node->previous->next = node->next; else memory->large = node->next;
        if (node->next) node->next->previous = node->previous;
        memory->held -= sizeof(large_allocation) + node->head.size;
        free(node);
    } else {
        give_back(memory, bytes);
    }
}

static cmark_mem allocator = { document_calloc, document_realloc, document_free };

partnerbook_document_memory *partnerbook_document_memory_new(void) {
    partnerbook_document_memory *memory = calloc(1, sizeof(partnerbook_document_memory));
    if (!memory) stop("out of memory for a Markdown document");
    memory->next_block = FIRST_BLOCK;
    return memory;
}

void partnerbook_document_memory_free(partnerbook_document_memory *memory) {
    if (!memory) return;
    for (block *top = memory->blocks; top;) {
        block *next = top->next;
        free(top);
        top = next;
    }
    for (large_allocation *node = memory->large; node;) {
        large_allocation *next = node->next;
        free(node);
        node = next;
    }
    free(memory);
}

void *partnerbook_document_memory_allocator(void) {
    return &allocator;
}

partnerbook_document_memory *partnerbook_document_memory_enter(partnerbook_document_memory *memory) {
    partnerbook_document_memory *previous = current;
    current = memory;
    return previous;
}

void partnerbook_document_memory_leave(partnerbook_document_memory *previous) {
    current = previous;
}

unsigned long partnerbook_document_memory_held(const partnerbook_document_memory *memory) {
    return (unsigned long)memory->held;
}
