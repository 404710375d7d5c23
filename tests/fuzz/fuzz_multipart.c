/* fuzz_multipart.c — libFuzzer driver for multipart.c: the input is a
 * multipart/form-data body with the fixed boundary "XyZ", and (as a
 * NUL-terminated string) a Content-Type value for multipart_boundary.
 * Build and run with scripts/fuzz.sh SECONDS. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "multipart.h"
#include "util.h"

#define BOUNDARY "XyZ"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
ctl(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

static int
key_chars_ok(const char *k)
{
    size_t n = strlen(k);

    if (n > 2 && k[n - 2] == '[' && k[n - 1] == ']') {
        n -= 2;
    }
    for (size_t i = 0; i < n; i++) {
        char c = k[i];

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.')) {
            return 0;
        }
    }
    return n > 0;
}

/* Everything a successful parse returns must honour the contract in multipart.h. */
static void
check(const char *body, size_t size, const struct multipart_limits *lim,
      const struct kvlist *l, const struct mp_file *f, size_t nf)
{
    if (l->n > lim->max_fields || nf > lim->max_files || (l->n > 0 && l->v == NULL) ||
        (nf > 0 && f == NULL)) {
        abort();
    }
    for (size_t i = 0; i < l->n; i++) {
        const struct kv *kv = &l->v[i];
        size_t klen = strlen(kv->key);

        if (klen == 0 || klen > lim->max_key || !key_chars_ok(kv->key) ||
            kv->vlen > lim->max_value || strlen(kv->val) != kv->vlen ||
            !utf8_valid(kv->val, kv->vlen)) {
            abort();
        }
        for (size_t k = 0; k < kv->vlen; k++) {
            unsigned char c = (unsigned char)kv->val[k];

            if (ctl(c) && c != '\t' && c != '\n' && c != '\r') {
                abort();
            }
        }
    }
    for (size_t i = 0; i < nf; i++) {
        const struct mp_file *m = &f[i];
        size_t fl;

        /* data lies inside the input (pointer comparisons on the same object) */
        if (m->data < body || m->len > size || m->data > body + (size - m->len)) {
            abort();
        }
        if (m->len > lim->max_file || m->field == NULL || strlen(m->field) > lim->max_key ||
            !key_chars_ok(m->field) || m->filename == NULL || m->content_type == NULL) {
            abort();
        }
        fl = strlen(m->filename);
        if (fl == 0 || fl > MP_MAX_FILENAME || !utf8_valid(m->filename, fl) ||
            strcmp(m->filename, ".") == 0 || strcmp(m->filename, "..") == 0 ||
            strpbrk(m->filename, "/\\") != NULL) {
            abort();
        }
        for (size_t k = 0; k < fl; k++) {
            if (ctl((unsigned char)m->filename[k])) {
                abort();
            }
        }
    }
}

static void
one(struct pool *p, const char *body, size_t size, const struct multipart_limits *lim)
{
    struct kvlist l;
    struct mp_file *f;
    size_t nf;
    enum form_err e = multipart_parse(p, body, size, BOUNDARY, lim, &l, &f, &nf);

    if (e == FORM_OK) {
        check(body, size, lim ? lim : &multipart_default_limits, &l, f, nf);
    } else if (l.n != 0 || nf != 0 || form_err_str(e)[0] == '?') {
        abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct multipart_limits tiny = {
        .max_fields = 2, .max_files = 1, .max_key = 3, .max_value = 4, .max_file = 5,
    };
    struct pool p = { 0 };
    char out[MP_MAX_BOUNDARY + 1], *z;

    /* exact-size heap copy, so ASan sees any read past size */
    z = malloc(size ? size : 1);
    if (z == NULL) {
        return 0;
    }
    if (size) {
        memcpy(z, data, size);
    }
    one(&p, z, size, NULL);
    one(&p, z, size, &tiny);
    free(z);

    /* the same bytes as a Content-Type header value */
    z = pool_strndup(&p, (const char *)data, size);
    if (multipart_boundary(z, out, sizeof out) == 0) {
        size_t n = strlen(out);

        if (n == 0 || n > MP_MAX_BOUNDARY || out[n - 1] == ' ' || strpbrk(out, "\"\\;\r\n\t")) {
            abort();
        }
    } else if (out[0] != '\0') {
        abort();
    }
    pool_release(&p);
    return 0;
}
