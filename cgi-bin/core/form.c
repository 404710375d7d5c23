/* form.c — query string, urlencoded body and cookie parsing. */
#include "form.h"

#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

#include "util.h"

const struct form_limits form_default_limits = {
    .max_pairs = 64,
    .max_key = 64,
    .max_value = 16384,
};

static int
hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int
utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;

    while (i < n) {
        unsigned c = s[i];
        size_t need;
        unsigned cp, min;

        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            need = 1, cp = c & 0x1f, min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2, cp = c & 0x0f, min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return 0;
        }
        if (n - i <= need) {
            return 0;
        }
        for (size_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xc0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return 0;
        }
        i += need + 1;
    }
    return 1;
}

size_t
utf8_len(const char *s)
{
    size_t n = 0;

    for (; *s; s++) {
        if (((unsigned char)*s & 0xc0) != 0x80) {
            n++;
        }
    }
    return n;
}

char *
utf8_nfc(struct pool *p, const char *s, size_t n, size_t *outlen)
{
    size_t len = 0;
    uint8_t *r;
    char *out;
    int ascii = 1;

    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            ascii = 0;
            break;
        }
    }
    if (ascii) {
        *outlen = n;
        return pool_strndup(p, s, n);
    }
    r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
    if (r == NULL) {
        /* only on allocation failure: keep the input as it came */
        *outlen = n;
        return pool_strndup(p, s, n);
    }
    out = pool_strndup(p, (const char *)r, len);
    free(r);
    *outlen = len;
    return out;
}

/* Decode one percent-encoded key or value s[0..n) into a pool string. */
static enum form_err
decode(struct pool *p, const char *s, size_t n, size_t max, char **out, size_t *outlen)
{
    char *d = pool_alloc(p, n + 1);
    size_t j = 0;

    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];

        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            int hi, lo;

            if (i + 2 >= n) {
                return FORM_BAD_ESCAPE;
            }
            hi = hexval((unsigned char)s[i + 1]);
            lo = hexval((unsigned char)s[i + 2]);
            if (hi < 0 || lo < 0) {
                return FORM_BAD_ESCAPE;
            }
            c = hi * 16 + lo;
            i += 2;
        }
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            return FORM_CONTROL;
        }
        d[j++] = (char)c;
        if (j > max) {
            return FORM_VALUE_TOO_LONG;
        }
    }
    d[j] = '\0';
    if (!utf8_valid(d, j)) {
        return FORM_BAD_UTF8;
    }
    *out = utf8_nfc(p, d, j, outlen);
    if (*outlen > max) {
        /* NFC can expand text (up to 3x, e.g. U+1D160): the limit holds after it too */
        return FORM_VALUE_TOO_LONG;
    }
    return FORM_OK;
}

int
form_key_ok(const char *k, size_t n)
{
    if (n == 0) {
        return 0;
    }
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
    return 1;
}

enum form_err
form_parse(struct pool *p, const char *s, size_t len, const struct form_limits *lim,
           struct kvlist *out)
{
    size_t cap = 0, start = 0;
    enum form_err e;

    out->v = NULL;
    out->n = 0;
    if (lim == NULL) {
        lim = &form_default_limits;
    }
    if (s == NULL) {
        return FORM_OK;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\0') {
            return FORM_CONTROL;
        }
    }
    /* count pairs first, so the array is allocated once */
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == '&') {
            if (i > start) {
                cap++;
            }
            start = i + 1;
        }
    }
    if (cap > lim->max_pairs) {
        return FORM_TOO_MANY;
    }
    out->v = pool_alloc(p, (cap ? cap : 1) * sizeof(struct kv));
    start = 0;
    for (size_t i = 0; i <= len; i++) {
        const char *pair, *eq;
        size_t plen, klen;
        struct kv *kv;
        size_t dummy;

        if (i < len && s[i] != '&') {
            continue;
        }
        pair = s + start;
        plen = i - start;
        start = i + 1;
        if (plen == 0) {
            continue;
        }
        eq = memchr(pair, '=', plen);
        klen = eq ? (size_t)(eq - pair) : plen;
        kv = &out->v[out->n];
        if ((e = decode(p, pair, klen, lim->max_key, &kv->key, &dummy)) != FORM_OK) {
            return e == FORM_VALUE_TOO_LONG ? FORM_KEY_TOO_LONG : e;
        }
        if (!form_key_ok(kv->key, strlen(kv->key))) {
            return FORM_BAD_KEY;
        }
        if (eq) {
            e = decode(p, eq + 1, plen - klen - 1, lim->max_value, &kv->val, &kv->vlen);
            if (e != FORM_OK) {
                return e;
            }
        } else {
            kv->val = pool_strdup(p, "");
            kv->vlen = 0;
        }
        for (size_t k = 0; k < out->n; k++) {
            size_t kl = strlen(kv->key);

            if (strcmp(out->v[k].key, kv->key) == 0 &&
                !(kl > 2 && kv->key[kl - 2] == '[' && kv->key[kl - 1] == ']')) {
                return FORM_DUPLICATE;
            }
        }
        out->n++;
    }
    return FORM_OK;
}

void
cookie_parse(struct pool *p, const char *s, struct kvlist *out)
{
    size_t cap = 1, n;
    const char *c;

    out->v = NULL;
    out->n = 0;
    if (s == NULL) {
        return;
    }
    for (c = s; *c; c++) {
        cap += *c == ';';
    }
    if (cap > 64) {
        cap = 64;
    }
    out->v = pool_alloc(p, cap * sizeof(struct kv));
    while (*s && out->n < cap) {
        const char *end = strchr(s, ';'), *eq;
        size_t len;

        len = end ? (size_t)(end - s) : strlen(s);
        while (len > 0 && (*s == ' ' || *s == '\t')) {
            s++, len--;
        }
        eq = memchr(s, '=', len);
        if (eq && eq > s) {
            size_t klen = (size_t)(eq - s), vlen = len - klen - 1;
            int ok = utf8_valid(eq + 1, vlen);

            for (n = 0; n < vlen && ok; n++) {
                ok = (unsigned char)eq[1 + n] >= 0x20;
            }
            if (ok && klen <= 64 && vlen <= 4096) {
                out->v[out->n].key = pool_strndup(p, s, klen);
                out->v[out->n].val = pool_strndup(p, eq + 1, vlen);
                out->v[out->n].vlen = vlen;
                out->n++;
            }
        }
        if (!end) {
            break;
        }
        s = end + 1;
    }
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->v[i].key, key) == 0) {
            return l->v[i].val;
        }
    }
    return NULL;
}

const char *
form_err_str(enum form_err e)
{
    switch (e) {
    case FORM_OK: return "ok";
    case FORM_TOO_MANY: return "too many fields";
    case FORM_KEY_TOO_LONG: return "field name too long";
    case FORM_VALUE_TOO_LONG: return "value too long";
    case FORM_BAD_ESCAPE: return "bad percent-escape";
    case FORM_BAD_UTF8: return "invalid UTF-8";
    case FORM_CONTROL: return "control character";
    case FORM_BAD_KEY: return "bad field name";
    case FORM_DUPLICATE: return "duplicate field";
    case FORM_BAD_MULTIPART: return "malformed multipart body";
    case FORM_TOO_MANY_FILES: return "too many files";
    case FORM_FILE_TOO_LARGE: return "file too large";
    }
    return "?";
}
