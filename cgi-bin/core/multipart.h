/* multipart.h — strict, bounded parsing of multipart/form-data bodies (RFC 7578,
 * RFC 2046 §5.1).  Pure functions over bytes: no I/O, unit-tested and fuzzed. */
#ifndef MOTCUA_MULTIPART_H
#define MOTCUA_MULTIPART_H

#include <stddef.h>

#include "form.h"
#include "util.h"

#define MP_MAX_BOUNDARY 70     /* RFC 2046: 1..70 characters */
#define MP_MAX_HEADERS 16      /* header lines per part */
#define MP_MAX_HEADER 1024     /* bytes of one header line, without its CRLF */
#define MP_MAX_FILENAME 120    /* bytes of a sanitised filename */

/* One uploaded file.  data points INTO the parsed body (no copy): it lives as
 * long as the body does.  The strings are allocated from the pool. */
struct mp_file {
    char *field;         /* form field name, checked like a form_parse key */
    char *filename;      /* sanitised: no path, no control characters, valid UTF-8
                          * (NFC), 1..120 bytes, never "." or "..", "tep" as a
                          * fallback.  For display only: never use it as a path. */
    char *content_type;  /* as sent (trimmed), "application/octet-stream" if absent */
    const char *data;
    size_t len;
};

struct multipart_limits {
    size_t max_fields;   /* text parts */
    size_t max_files;    /* file parts (empty "no file chosen" parts not counted) */
    size_t max_key;      /* bytes of a field name */
    size_t max_value;    /* bytes of a text value, before and after NFC */
    size_t max_file;     /* bytes per file */
};

extern const struct multipart_limits multipart_default_limits;

/*
 * Copy the boundary parameter of a Content-Type value such as
 * "multipart/form-data; boundary=----X" (or boundary="...") into out.
 * Type and parameter names are case-insensitive; the boundary must be 1..70
 * RFC 2046 bchars, not end in a space, and appear once.  Returns 0, or -1 (out
 * is then "" when outsz > 0) for another type, a malformed value, or an out
 * too small.
 */
int multipart_boundary(const char *content_type, char *out, size_t outsz);

/*
 * Parse body[0..len) (need not be NUL-terminated; nothing outside it is read).
 * Text parts (no filename parameter) go into fields exactly like form_parse
 * results: same key rules, controls other than \t \n \r rejected, UTF-8
 * checked, NFC-normalised, duplicate keys only for names ending "[]" (file and
 * text names share one namespace).  File parts go into *files (*nfiles of
 * them); a part with an empty filename and no data is skipped.  The preamble
 * and epilogue are ignored; the close delimiter is required, so an empty body
 * is FORM_BAD_MULTIPART.  lim NULL means multipart_default_limits.  On error
 * fields->n and *nfiles are 0.
 */
enum form_err multipart_parse(struct pool *p, const char *body, size_t len, const char *boundary,
                              const struct multipart_limits *lim, struct kvlist *fields,
                              struct mp_file **files, size_t *nfiles);

#endif
