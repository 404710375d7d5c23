/* pagecache.c — whole public pages kept by a worker for a few seconds.
 *
 * The public catalogue and the units' pages are the same for every visitor
 * and read many rows (a unit's page sums a year of its counters' days), while
 * they change a few times a day.  A worker keeps the answers of the routes
 * marked R_CACHE (worker.h) for Cache.PageSeconds, keyed by language, path and
 * query, so that a busy hour's visitors of one page cost one database read per
 * worker per interval.  Direct-mapped by key, a bounded table with a bounded
 * total: an entry simply replaces another; an answer that does not fit is
 * served and not kept. */
#include "pagecache.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct page_kept {
    char *key; /* NULL = empty slot */
    long long until;
    struct page_hit page; /* ctype, headers and body in data */
    char *data;
    size_t size; /* what this entry holds, key included */
};

static struct page_kept kept[PAGECACHE_SLOTS];
static size_t held;

static struct page_kept *
slot_of(const char *key)
{
    uint32_t h = 2166136261u; /* FNV-1a */

    for (const char *c = key; *c; c++) {
        h = (h ^ (unsigned char)*c) * 16777619u;
    }
    return &kept[h % PAGECACHE_SLOTS];
}

static void
drop(struct page_kept *e)
{
    free(e->key);
    free(e->data);
    held -= e->size;
    memset(e, 0, sizeof(*e));
}

int
pagecache_get(const char *key, long long now, struct page_hit *out)
{
    struct page_kept *e = slot_of(key);

    if (e->key == NULL || strcmp(e->key, key) != 0 || now >= e->until) {
        return 0;
    }
    *out = e->page;
    return 1;
}

int
pagecache_put(const char *key, long long until, const struct page_hit *page)
{
    struct page_kept *e = slot_of(key);
    size_t clen = strlen(page->ctype) + 1;
    size_t klen = strlen(key) + 1;
    size_t size = klen + clen + page->hlen + page->blen;
    char *p;

    if (e->key != NULL) {
        drop(e);
    }
    if (page->blen > PAGECACHE_MAX_ENTRY || held + size > PAGECACHE_BUDGET) {
        return 0;
    }
    e->key = memcpy(xmalloc(klen), key, klen);
    p = e->data = xmalloc(size - klen);
    e->page.status = page->status;
    e->page.ctype = memcpy(p, page->ctype, clen);
    p += clen;
    e->page.headers = page->hlen ? memcpy(p, page->headers, page->hlen) : p;
    e->page.hlen = page->hlen;
    p += page->hlen;
    e->page.body = page->blen ? memcpy(p, page->body, page->blen) : p;
    e->page.blen = page->blen;
    e->until = until;
    e->size = size;
    held += size;
    return 1;
}

size_t
pagecache_bytes(void)
{
    return held;
}

void
pagecache_clear(void)
{
    for (size_t i = 0; i < PAGECACHE_SLOTS; i++) {
        if (kept[i].key != NULL) {
            drop(&kept[i]);
        }
    }
}
