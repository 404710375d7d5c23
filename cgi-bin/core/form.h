/* form.h — strict parsing of query strings, urlencoded bodies and cookies.
 * Pure functions over bytes: no I/O, so they are unit-tested and fuzzed. */
#ifndef MOTCUA_FORM_H
#define MOTCUA_FORM_H

#include <stddef.h>

#include "util.h"

enum form_err {
    FORM_OK = 0,
    FORM_TOO_MANY,       /* more pairs than allowed */
    FORM_KEY_TOO_LONG,
    FORM_VALUE_TOO_LONG,
    FORM_BAD_ESCAPE,     /* '%' not followed by two hex digits */
    FORM_BAD_UTF8,       /* invalid UTF-8 (overlong, surrogate, truncated …) */
    FORM_CONTROL,        /* NUL or another control character */
    FORM_BAD_KEY,        /* a key outside [A-Za-z0-9_.-] (plus a trailing "[]") */
    FORM_DUPLICATE,      /* the same key twice (allowed only for keys ending "[]") */
    FORM_BAD_MULTIPART,  /* malformed multipart/form-data body (multipart.c) */
    FORM_TOO_MANY_FILES, /* more file parts than allowed */
    FORM_FILE_TOO_LARGE, /* a file part over the per-file limit */
};

struct kv {
    char *key;
    char *val;           /* NUL-terminated, UTF-8, NFC-normalised */
    size_t vlen;
};

struct kvlist {
    struct kv *v;
    size_t n;
};

struct form_limits {
    size_t max_pairs;
    size_t max_key;
    size_t max_value;    /* bytes, after decoding */
};

extern const struct form_limits form_default_limits;

/* Parse "a=1&b=x%20y" into out; every string is allocated from p. */
enum form_err form_parse(struct pool *p, const char *s, size_t len, const struct form_limits *lim,
                         struct kvlist *out);

/* Parse a Cookie header leniently: malformed pairs are skipped, never fatal. */
void cookie_parse(struct pool *p, const char *s, struct kvlist *out);

/* 1 if k[0..n) is a field name we accept: [A-Za-z0-9_.-]+, optionally ending "[]". */
int form_key_ok(const char *k, size_t n);

/* First value for key, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);

/* 1 if s[0..n) is well-formed UTF-8 (no overlongs, surrogates, or > U+10FFFF). */
int utf8_valid(const char *s, size_t n);

/* Number of code points in valid UTF-8. */
size_t utf8_len(const char *s);

/* NFC-normalise valid UTF-8; the result is allocated from p. */
char *utf8_nfc(struct pool *p, const char *s, size_t n, size_t *outlen);

const char *form_err_str(enum form_err e);

#endif
