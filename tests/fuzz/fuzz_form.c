/* fuzz_form.c — libFuzzer driver for the request parsers in form.c.
 * Build and run with scripts/fuzz.sh SECONDS. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every pair a successful parse returns must honour the contract in form.h. */
static void
check_list(const struct kvlist *l, const struct form_limits *lim)
{
    if (l->n > lim->max_pairs) {
        abort();
    }
    for (size_t i = 0; i < l->n; i++) {
        const struct kv *kv = &l->v[i];
        size_t klen = strlen(kv->key);

        if (klen == 0 || klen > lim->max_key || kv->vlen > lim->max_value ||
            strlen(kv->val) != kv->vlen || !utf8_valid(kv->val, kv->vlen) ||
            kv_get(l, kv->key) == NULL) {
            abort();
        }
        for (size_t k = 0; k < kv->vlen; k++) {
            unsigned char c = (unsigned char)kv->val[k];

            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                abort();
            }
        }
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct form_limits tiny = { .max_pairs = 2, .max_key = 3, .max_value = 4 };
    struct pool p = { 0 };
    struct kvlist l;
    const char *s = (const char *)data;
    char *z;
    size_t n;

    /* exact-size heap copy, so ASan sees any read past size */
    z = malloc(size ? size : 1);
    if (z == NULL) {
        return 0;
    }
    if (size) {
        memcpy(z, data, size);
    }
    if (form_parse(&p, z, size, NULL, &l) == FORM_OK) {
        check_list(&l, &form_default_limits);
    }
    if (form_parse(&p, z, size, &tiny, &l) == FORM_OK) {
        check_list(&l, &tiny);
    }
    free(z);

    if (utf8_valid(s, size)) {
        /* valid UTF-8 without NUL: utf8_len and utf8_nfc must agree with it */
        if (memchr(s, '\0', size) == NULL) {
            char *t = pool_strndup(&p, s, size), *u;

            if (utf8_len(t) > size) {
                abort();
            }
            u = utf8_nfc(&p, t, size, &n);
            if (u == NULL || !utf8_valid(u, n) || strlen(u) != n) {
                abort();
            }
        }
    }

    /* cookie_parse takes a NUL-terminated string */
    z = pool_strndup(&p, s, size);
    cookie_parse(&p, z, &l);
    if (l.n > 64) {
        abort();
    }
    for (size_t i = 0; i < l.n; i++) {
        if (l.v[i].key[0] == '\0' || strlen(l.v[i].val) != l.v[i].vlen ||
            !utf8_valid(l.v[i].val, l.v[i].vlen)) {
            abort();
        }
    }
    pool_release(&p);
    return 0;
}
