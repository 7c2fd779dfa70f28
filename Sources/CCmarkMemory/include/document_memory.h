#ifndef PARTNERBOOK_DOCUMENT_MEMORY_H
#define PARTNERBOOK_DOCUMENT_MEMORY_H

/// The memory of one parsed Markdown document: everything cmark-gfm
/// allocates for its parse, its tree and its renderings is cut from a few
/// large blocks and handed back at once when the document is freed (see
/// document_memory.c).
typedef struct partnerbook_document_memory partnerbook_document_memory;

/// A document's memory, empty.
partnerbook_document_memory *partnerbook_document_memory_new(void);

/// Hands back everything allocated from `memory`: its nodes, parser and
/// renderings are gone after this.
void partnerbook_document_memory_free(partnerbook_document_memory *memory);

/// The allocator (a `cmark_mem *`) to give cmark-gfm for a document. It
/// allocates from the memory this thread has entered, so every call into
/// cmark-gfm for that document must be made between
/// `partnerbook_document_memory_enter` and `partnerbook_document_memory_leave`.
void *partnerbook_document_memory_allocator(void);

/// Makes `memory` the one this thread allocates from; returns the one it
/// replaces (for `leave`), so documents may nest.
partnerbook_document_memory *partnerbook_document_memory_enter(partnerbook_document_memory *memory);

/// Makes `previous` (what `enter` returned) current again.
void partnerbook_document_memory_leave(partnerbook_document_memory *previous);

/// Bytes `memory` holds from the system now (its blocks and its large
/// allocations), for tests.
unsigned long partnerbook_document_memory_held(const partnerbook_document_memory *memory);

#endif
