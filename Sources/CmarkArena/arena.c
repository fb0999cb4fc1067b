#include "cmark_arena.h"

#include <cmark.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Each allocation is preceded by its size, so that realloc knows how much to copy.
typedef struct chunk {
    struct chunk *next;
    size_t capacity;
    size_t used;
    size_t last; // offset of the last allocation's header, for in-place growth
    _Alignas(16) unsigned char data[];
} chunk;

typedef struct {
    size_t size;
    size_t pad; // keeps the data 16-byte aligned
} header;

enum { MIN_CHUNK = 1 << 20, KEEP_LIMIT = 16 << 20 };

static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void free_chunks(void *p) {
    chunk *c = p;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
}

static void make_key(void) {
    if (pthread_key_create(&key, free_chunks) != 0) {
        fprintf(stderr, "sitegen: cannot create the cmark arena's thread key\n");
        abort();
    }
}

static chunk *head(void) {
    pthread_once(&once, make_key);
    return pthread_getspecific(key);
}

static size_t round16(size_t n) { return (n + 15) & ~(size_t)15; }

static void *bump(size_t size) {
    chunk *c = head();
    size_t need = sizeof(header) + round16(size ? size : 1);
    if (!c || c->capacity - c->used < need) {
        size_t capacity = need > MIN_CHUNK ? need : MIN_CHUNK;
        chunk *fresh = malloc(sizeof(chunk) + capacity);
        if (!fresh) {
            fprintf(stderr, "sitegen: out of memory in the cmark arena\n");
            abort();
        }
        fresh->next = c;
        fresh->capacity = capacity;
        fresh->used = 0;
        fresh->last = SIZE_MAX;
        pthread_setspecific(key, fresh);
        c = fresh;
    }
    header *h = (header *)(c->data + c->used);
    h->size = size;
    c->last = c->used;
    c->used += need;
    return h + 1;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) {
        fprintf(stderr, "sitegen: cmark asked for too much memory\n");
        abort();
    }
    void *p = bump(count * size);
    memset(p, 0, count * size);
    return p;
}

static void *arena_realloc(void *p, size_t size) {
    if (!p) return bump(size);
    header *h = (header *)p - 1;
    chunk *c = head();
    // The last allocation of the current chunk grows in place when there is room.
    if (c && c->last != SIZE_MAX && (unsigned char *)h == c->data + c->last) {
        size_t need = sizeof(header) + round16(size ? size : 1);
        if (c->capacity - c->last >= need) {
            h->size = size;
            c->used = c->last + need;
            return p;
        }
    }
    size_t old = h->size;
    void *q = bump(size);
    memcpy(q, p, old < size ? old : size);
    return q;
}

static void arena_free(void *p) { (void)p; }

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

void *sitegen_arena_mem(void) { return &allocator; }

int sitegen_arena_owns(const void *p) {
    for (chunk *c = head(); c; c = c->next) {
        if ((const unsigned char *)p >= c->data && (const unsigned char *)p < c->data + c->capacity) return 1;
    }
    return 0;
}

void sitegen_arena_reset(void) {
    chunk *c = head();
    if (!c) return;
    size_t total = 0;
    for (chunk *k = c; k; k = k->next) total += k->used;
    // One chunk that fits the whole last document is kept, if it is not large.
    if (!c->next && c->capacity <= KEEP_LIMIT) {
        c->used = 0;
        c->last = SIZE_MAX;
        return;
    }
    free_chunks(c);
    pthread_setspecific(key, NULL);
    if (total > KEEP_LIMIT) return;
    size_t capacity = total > MIN_CHUNK ? total : MIN_CHUNK;
    chunk *fresh = malloc(sizeof(chunk) + capacity);
    if (!fresh) return;
    fresh->next = NULL;
    fresh->capacity = capacity;
    fresh->used = 0;
    fresh->last = SIZE_MAX;
    pthread_setspecific(key, fresh);
}
