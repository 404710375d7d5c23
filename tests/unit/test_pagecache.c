/* test_pagecache.c — the worker's kept public pages (pagecache.c): found by
 * their key until their time, replaced by another page of their slot,
 * bounded per page and in all. */

#include <stdlib.h>

#include "pagecache.h"
#include "tap.h"

static struct page_hit
page(const char *body, size_t blen)
{
    struct page_hit p = { 200, "text/html; charset=utf-8", "X-A: 1\r\n", 8, body, blen };

    return p;
}

int
main(void)
{
    struct page_hit got, p = page("<p>a</p>", 8);
    char key[32];
    size_t kept = 0;
    char *big;

    CHECK(pagecache_get("vi /thu-tuc/?", 100, &got) == 0, "nothing kept at first");
    CHECK(pagecache_put("vi /thu-tuc/?", 110, &p) == 1, "a page kept");
    CHECK(pagecache_get("vi /thu-tuc/?", 109, &got) == 1 && got.status == 200 && got.blen == 8 &&
              memcmp(got.body, "<p>a</p>", 8) == 0 && got.hlen == 8 &&
              memcmp(got.headers, "X-A: 1\r\n", 8) == 0,
          "found, with its headers and body, before its time");
    CHECK_STR(got.ctype, "text/html; charset=utf-8", "its content type");
    CHECK(pagecache_get("vi /thu-tuc/?", 110, &got) == 0, "not at its time");
    CHECK(pagecache_get("en /thu-tuc/?", 100, &got) == 0, "another key: not found");
    CHECK(pagecache_bytes() == strlen("vi /thu-tuc/?") + 1 + 25 + 8 + 8, "the bytes held: %zu",
          pagecache_bytes());

    /* the same key again replaces it, with no bytes left behind */
    p = page("<p>bb</p>", 9);
    CHECK(pagecache_put("vi /thu-tuc/?", 120, &p) == 1, "kept again");
    CHECK(pagecache_get("vi /thu-tuc/?", 115, &got) == 1 && got.blen == 9, "the new page");
    CHECK(pagecache_bytes() == strlen("vi /thu-tuc/?") + 1 + 25 + 8 + 9, "one page held");

    /* many keys: at most one per slot, so the table stays bounded */
    for (int i = 0; i < 10 * PAGECACHE_SLOTS; i++) {
        snprintf(key, sizeof(key), "vi /don-vi/%d?", i);
        kept += (size_t)pagecache_put(key, 200, &p);
    }
    CHECK(kept == 10 * PAGECACHE_SLOTS, "every small page kept when it comes");
    kept = 0;
    for (int i = 0; i < 10 * PAGECACHE_SLOTS; i++) {
        snprintf(key, sizeof(key), "vi /don-vi/%d?", i);
        kept += (size_t)pagecache_get(key, 150, &got);
    }
    CHECK(kept <= PAGECACHE_SLOTS && kept > 0, "at most one page a slot remains (%zu)", kept);

    /* too large: served by the caller, not kept (and the slot's page is gone) */
    big = calloc(1, PAGECACHE_MAX_ENTRY + 1);
    p = page(big, PAGECACHE_MAX_ENTRY + 1);
    CHECK(pagecache_put("vi /thu-tuc/?", 300, &p) == 0, "a page over the limit is not kept");
    CHECK(pagecache_get("vi /thu-tuc/?", 150, &got) == 0, "nor the one it would replace");

    /* the budget: pages of the largest size kept until the total would pass it */
    pagecache_clear();
    CHECK(pagecache_bytes() == 0, "cleared");
    p = page(big, PAGECACHE_MAX_ENTRY);
    kept = 0;
    for (int i = 0; i < PAGECACHE_SLOTS; i++) {
        snprintf(key, sizeof(key), "vi /x/%d?", i);
        kept += (size_t)pagecache_put(key, 200, &p);
    }
    CHECK(pagecache_bytes() <= PAGECACHE_BUDGET, "within the budget (%zu bytes)",
          pagecache_bytes());
    CHECK(kept < PAGECACHE_SLOTS, "some were refused (%zu kept as they came)", kept);
    kept = 0;
    for (int i = 0; i < PAGECACHE_SLOTS; i++) {
        snprintf(key, sizeof(key), "vi /x/%d?", i);
        kept += (size_t)pagecache_get(key, 150, &got);
    }
    /* each holds a little more than the largest body: one fewer than 4 MiB / 256 KiB */
    CHECK(kept == PAGECACHE_BUDGET / PAGECACHE_MAX_ENTRY - 1, "%zu large pages held", kept);
    pagecache_clear();
    free(big);
    return tap_done();
}
