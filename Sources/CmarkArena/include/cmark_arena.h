#ifndef SITEGEN_CMARK_ARENA_H
#define SITEGEN_CMARK_ARENA_H

#include <stddef.h>

/// A bump allocator for libcmark, one per thread. libcmark allocates every node, buffer and
/// string of a document through the allocator it is given; most of its time outside parsing
/// was malloc and free. This one hands out memory from large chunks and forgets frees; all of
/// it is taken back at once by `sitegen_arena_reset` when the document is rendered.

/// The allocator, as libcmark's `cmark_mem *` (opaque here: cmark.h is included by the Ccmark
/// module, and a second copy of its types would not be the same types to Swift).
void *sitegen_arena_mem(void);

/// Whether `p` was handed out by this thread's arena since its last reset.
int sitegen_arena_owns(const void *p);

/// Takes back everything this thread's arena handed out. Keeps one chunk for the next document,
/// unless it grew large.
void sitegen_arena_reset(void);

#endif
