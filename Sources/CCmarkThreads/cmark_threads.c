// cmark-gfm (0.29.0.gfm.6, Debian's) keeps the characters that start an
// extension's inline syntax (`~` for strikethrough, `:` and `w` for
// autolinks) in one table for the whole process. Each parse adds its
// extensions' characters when it starts parsing inlines and removes them
// when it ends, so a parse ending on one thread took them away from a parse
// still running on another: a document parsed beside another could lose its
// strikethrough and its autolinks (github/cmark-gfm pull request 176, open).
// Every parser here attaches the same extensions, so the characters are
// added and never removed: the library calls this definition through its
// procedure linkage table, and the one it would have called is found with
// dlsym(RTLD_NEXT). Writing the same 1 from two threads is harmless.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>

#include "cmark_threads.h"

struct cmark_parser;
typedef void (*manage_characters)(struct cmark_parser *, int);

static atomic_long calls;
static manage_characters library;
static pthread_once_t found = PTHREAD_ONCE_INIT;

static void find_library(void) {
    library = (manage_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) {
    pthread_once(&found, find_library);
    atomic_fetch_add(&calls, 1);
    if (add && library) library(parser, add);
}

long partnerbook_cmark_special_character_calls(void) {
    return atomic_load(&calls);
}
