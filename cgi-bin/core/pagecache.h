/* pagecache.h — whole public pages kept by a worker for a few seconds. */
#ifndef MOTCUA_PAGECACHE_H
#define MOTCUA_PAGECACHE_H

#include <stddef.h>

/* A kept answer: its strings belong to the cache, valid until the next put. */
struct page_hit {
    int status;
    const char *ctype;
    const char *headers; /* the handler's own header lines, "Name: value\r\n"... */
    size_t hlen;
    const char *body;
    size_t blen;
};

#define PAGECACHE_SLOTS 64
#define PAGECACHE_MAX_ENTRY (256u << 10) /* a larger page is not kept */
#define PAGECACHE_BUDGET (4u << 20)      /* all kept pages together */

/* The answer kept under key, if it is still fresh at now: 1, else 0. */
int pagecache_get(const char *key, long long now, struct page_hit *out);

/* Keep an answer under key until the time until (it replaces whatever held
 * its slot): 1 when kept, 0 when it is too large or the budget is spent. */
int pagecache_put(const char *key, long long until, const struct page_hit *page);

/* The bytes held now (keys, headers and bodies). */
size_t pagecache_bytes(void);

/* Forget everything. */
void pagecache_clear(void);

#endif
