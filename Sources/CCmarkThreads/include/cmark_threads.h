#ifndef PARTNERBOOK_CMARK_THREADS_H
#define PARTNERBOOK_CMARK_THREADS_H

/// How many times cmark-gfm has called its
/// `cmark_manage_extensions_special_characters` through the definition in
/// cmark_threads.c: more than zero once a document was parsed when that
/// definition stands in for the library's (see there); zero where the
/// library calls its own, and parsing must then not run on two threads.
long partnerbook_cmark_special_character_calls(void);

#endif
