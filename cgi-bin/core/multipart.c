/* multipart.c — multipart/form-data bodies (RFC 7578 over RFC 2046 §5.1).
 *
 * body    := preamble? "--" b OWS CRLF part *( CRLF "--" b OWS CRLF part )
 *            CRLF "--" b "--" [ OWS CRLF epilogue ]
 * part    := *( header CRLF ) CRLF data
 *
 * A part ends at the first CRLF "--" b that follows it (found with memmem, so
 * the whole parse is O(len)); "--" b not preceded by CRLF is plain data.  Every
 * read is bounded by len. */
#include "multipart.h"

#include <string.h>
#include <strings.h>

#include "form.h"
#include "util.h"

const struct multipart_limits multipart_default_limits = {
    .max_fields = 64,
    .max_files = 16,
    .max_key = 64,
    .max_value = 16384,
    .max_file = 10 * 1024 * 1024,
};

/* One part's headers, decoded. */
struct part {
    char *name;          /* Content-Disposition name, NULL if absent */
    size_t namelen;
    char *filename;      /* raw filename parameter, NULL if absent */
    size_t fnlen;
    char *ctype;         /* Content-Type, NULL if absent */
    const char *data;
    size_t len;
};

/* Where parts go, and how many fit (arrays sized once, before the parse). */
struct sink {
    struct pool *p;
    const struct multipart_limits *lim;
    struct kvlist *fields;
    size_t capf;
    struct mp_file *files;
    size_t *nfiles;
    size_t capx;
};

static int
is_ows(int c)
{
    return c == ' ' || c == '\t';
}

/* RFC 7230 tchar */
static int
is_tchar(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* RFC 2046 bchars */
static int
is_bchar(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("'()+_,-./:=? ", c) != NULL);
}

static int
is_array_key(const char *k, size_t n)
{
    return n > 2 && k[n - 2] == '[' && k[n - 1] == ']';
}

/*
 * Parse one parameter "name=value" at s[*i..n): name is a token, value a
 * token or a quoted-string.  In a quoted-string a backslash escapes only '"'
 * and '\'; any other backslash is literal (old browsers send raw Windows
 * paths).  The unquoted value goes to val, truncated to valsz - 1 bytes and
 * NUL-terminated; *vlen is its full length.  Returns 0 and moves *i past the
 * value, or -1.
 */
static int
param_next(const char *s, size_t n, size_t *i, size_t *nat, size_t *nlen, char *val,
           size_t valsz, size_t *vlen)
{
    size_t k = *i, j = 0;

    *nat = k;
    while (k < n && is_tchar((unsigned char)s[k])) {
        k++;
    }
    *nlen = k - *nat;
    if (*nlen == 0 || k >= n || s[k] != '=') {
        return -1;
    }
    k++;
    if (k < n && s[k] == '"') {
        for (k++;; k++) {
            unsigned char c;

            if (k >= n) {
                return -1;          /* unterminated */
            }
            c = (unsigned char)s[k];
            if (c == '"') {
                k++;
                break;
            }
            if (c == '\\' && k + 1 < n && (s[k + 1] == '"' || s[k + 1] == '\\')) {
                c = (unsigned char)s[++k];
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return -1;
            }
            if (j + 1 < valsz) {
                val[j] = (char)c;
            }
            j++;
        }
    } else {
        for (; k < n && is_tchar((unsigned char)s[k]); k++, j++) {
            if (j + 1 < valsz) {
                val[j] = s[k];
            }
        }
        if (j == 0) {
            return -1;
        }
    }
    val[j < valsz ? j : valsz - 1] = '\0';
    *vlen = j;
    *i = k;
    return 0;
}

/*
 * Next parameter of *( OWS ";" OWS parameter ) OWS at s[*i..n) (empty
 * parameters and a trailing ';' are tolerated).  Returns 1 with one parsed
 * (see param_next), 0 at the end, -1 on a syntax error.
 */
static int
param_iter(const char *s, size_t n, size_t *i, size_t *nat, size_t *nlen, char *val,
           size_t valsz, size_t *vlen)
{
    size_t k = *i;

    for (;;) {
        while (k < n && is_ows((unsigned char)s[k])) {
            k++;
        }
        if (k >= n) {
            *i = k;
            return 0;
        }
        if (s[k] != ';') {
            return -1;
        }
        k++;
        while (k < n && is_ows((unsigned char)s[k])) {
            k++;
        }
        if (k < n && s[k] != ';') {
            break;
        }
    }
    *i = k;
    return param_next(s, n, i, nat, nlen, val, valsz, vlen) == 0 ? 1 : -1;
}

int
multipart_boundary(const char *ct, char *out, size_t outsz)
{
    static const char type[] = "multipart/form-data";
    const size_t tlen = sizeof type - 1;
    char val[MP_MAX_BOUNDARY + 1], got[MP_MAX_BOUNDARY + 1];
    size_t n, i = 0, nat, nlen, vlen, glen = 0;
    int r, found = 0;

    if (out != NULL && outsz > 0) {
        out[0] = '\0';
    }
    if (ct == NULL || out == NULL || outsz == 0) {
        return -1;
    }
    n = strlen(ct);
    while (i < n && is_ows((unsigned char)ct[i])) {
        i++;
    }
    if (n - i < tlen || strncasecmp(ct + i, type, tlen) != 0) {
        return -1;
    }
    i += tlen;                      /* param_iter rejects "multipart/form-datax" */
    while ((r = param_iter(ct, n, &i, &nat, &nlen, val, sizeof val, &vlen)) == 1) {
        if (nlen != 8 || strncasecmp(ct + nat, "boundary", 8) != 0) {
            continue;
        }
        if (found || vlen == 0 || vlen > MP_MAX_BOUNDARY || val[vlen - 1] == ' ') {
            return -1;
        }
        for (size_t k = 0; k < vlen; k++) {
            if (!is_bchar((unsigned char)val[k])) {
                return -1;
            }
        }
        memcpy(got, val, vlen + 1);
        glen = vlen;
        found = 1;
    }
    if (r < 0 || !found || glen + 1 > outsz) {
        return -1;
    }
    memcpy(out, got, glen + 1);
    return 0;
}

/* Content-Disposition: form-data; name="..."; filename="..." (filename* ignored). */
static int
parse_disposition(struct pool *p, const char *v, size_t n, struct part *pt)
{
    char val[MP_MAX_HEADER + 1];
    size_t i = 0, nat, nlen, vlen;
    int r;

    while (i < n && is_tchar((unsigned char)v[i])) {
        i++;
    }
    if (i != 9 || strncasecmp(v, "form-data", 9) != 0) {
        return -1;
    }
    while ((r = param_iter(v, n, &i, &nat, &nlen, val, sizeof val, &vlen)) == 1) {
        /* v is one header line, so val is never truncated */
        if (nlen == 4 && strncasecmp(v + nat, "name", 4) == 0) {
            if (pt->name != NULL) {
                return -1;
            }
            pt->name = pool_strndup(p, val, vlen);
            pt->namelen = vlen;
        } else if (nlen == 8 && strncasecmp(v + nat, "filename", 8) == 0) {
            if (pt->filename != NULL) {
                return -1;
            }
            pt->filename = pool_strndup(p, val, vlen);
            pt->fnlen = vlen;
        }
    }
    return r;
}

/*
 * Split part s[0..n) (from after its delimiter line up to the CRLF of the
 * next delimiter) into headers and data.  At most MP_MAX_HEADERS lines of at
 * most MP_MAX_HEADER bytes, each ending CRLF; no controls but HTAB, no folding.
 * Content-Disposition with a name is required; Content-Type (ASCII) is kept.
 */
static enum form_err
parse_part(struct pool *p, const char *s, size_t n, struct part *pt)
{
    size_t i = 0, nh = 0;
    int have_cd = 0;

    memset(pt, 0, sizeof *pt);
    for (;;) {
        const char *line = s + i, *lf, *colon, *v, *ve;
        size_t max = n - i, ll;

        if (max > MP_MAX_HEADER + 2) {
            max = MP_MAX_HEADER + 2;
        }
        lf = memchr(line, '\n', max);
        if (lf == NULL || lf == line || lf[-1] != '\r') {
            return FORM_BAD_MULTIPART;  /* unterminated, too long, or a bare LF */
        }
        ll = (size_t)(lf - line) - 1;
        i += ll + 2;
        if (ll == 0) {
            break;                      /* the empty line: data follows */
        }
        if (++nh > MP_MAX_HEADERS) {
            return FORM_BAD_MULTIPART;
        }
        for (size_t k = 0; k < ll; k++) {
            unsigned char c = (unsigned char)line[k];

            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return FORM_BAD_MULTIPART;
            }
        }
        colon = memchr(line, ':', ll);
        if (colon == NULL || colon == line) {
            return FORM_BAD_MULTIPART;
        }
        for (const char *c = line; c < colon; c++) {
            if (!is_tchar((unsigned char)*c)) {
                return FORM_BAD_MULTIPART;  /* also folding and space before ':' */
            }
        }
        v = colon + 1;
        ve = line + ll;
        while (v < ve && is_ows((unsigned char)*v)) {
            v++;
        }
        while (ve > v && is_ows((unsigned char)ve[-1])) {
            ve--;
        }
        if (colon - line == 19 && strncasecmp(line, "Content-Disposition", 19) == 0) {
            if (have_cd || parse_disposition(p, v, (size_t)(ve - v), pt) != 0) {
                return FORM_BAD_MULTIPART;
            }
            have_cd = 1;
        } else if (colon - line == 12 && strncasecmp(line, "Content-Type", 12) == 0) {
            if (pt->ctype != NULL || v == ve) {
                return FORM_BAD_MULTIPART;
            }
            for (const char *c = v; c < ve; c++) {
                if ((unsigned char)*c >= 0x80) {
                    return FORM_BAD_MULTIPART;
                }
            }
            pt->ctype = pool_strndup(p, v, (size_t)(ve - v));
        }
    }
    if (!have_cd || pt->name == NULL) {
        return FORM_BAD_MULTIPART;
    }
    pt->data = s + i;
    pt->len = n - i;
    return FORM_OK;
}

/* Strip the path (after the last '/' or '\'), drop controls, NFC, cap at
 * MP_MAX_FILENAME bytes on a character boundary; "tep" when nothing usable is left. */
static char *
clean_filename(struct pool *p, const char *s, size_t n)
{
    const char *base = s;
    char *t, *out;
    size_t j = 0, olen;

    for (size_t k = 0; k < n; k++) {
        if (s[k] == '/' || s[k] == '\\') {
            base = s + k + 1;
        }
    }
    n -= (size_t)(base - s);
    t = pool_alloc(p, n + 1);
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)base[k];

        if (c >= 0x20 && c != 0x7f) {
            t[j++] = (char)c;
        }
    }
    if (!utf8_valid(t, j)) {
        return pool_strdup(p, "tep");
    }
    out = utf8_nfc(p, t, j, &olen);
    if (olen > MP_MAX_FILENAME) {
        olen = MP_MAX_FILENAME;
        while (olen > 0 && ((unsigned char)out[olen] & 0xc0) == 0x80) {
            olen--;
        }
        out[olen] = '\0';
    }
    if (olen == 0 || strcmp(out, ".") == 0 || strcmp(out, "..") == 0) {
        return pool_strdup(p, "tep");
    }
    return out;
}

/* 1 if name is already a field or a file and is not an array key. */
static int
is_dup(const struct sink *k, const char *name, size_t n)
{
    if (is_array_key(name, n)) {
        return 0;
    }
    for (size_t i = 0; i < k->fields->n; i++) {
        if (strcmp(k->fields->v[i].key, name) == 0) {
            return 1;
        }
    }
    for (size_t i = 0; i < *k->nfiles; i++) {
        if (strcmp(k->files[i].field, name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Check one parsed part against the limits and store it. */
static enum form_err
add_part(struct sink *k, const struct part *pt)
{
    const struct multipart_limits *lim = k->lim;

    if (pt->namelen > lim->max_key) {
        return FORM_KEY_TOO_LONG;
    }
    if (!form_key_ok(pt->name, pt->namelen)) {
        return FORM_BAD_KEY;
    }
    if (pt->filename != NULL) {
        struct mp_file *f;

        if (pt->fnlen == 0 && pt->len == 0) {
            return FORM_OK;             /* a file input left empty */
        }
        if (*k->nfiles >= lim->max_files || *k->nfiles >= k->capx) {
            return FORM_TOO_MANY_FILES;
        }
        if (pt->len > lim->max_file) {
            return FORM_FILE_TOO_LARGE;
        }
        if (is_dup(k, pt->name, pt->namelen)) {
            return FORM_DUPLICATE;
        }
        f = &k->files[*k->nfiles];
        f->field = pt->name;
        f->filename = clean_filename(k->p, pt->filename, pt->fnlen);
        f->content_type = pt->ctype ? pt->ctype : pool_strdup(k->p, "application/octet-stream");
        f->data = pt->data;
        f->len = pt->len;
        (*k->nfiles)++;
    } else {
        struct kv *kv;
        char *val;
        size_t vlen;

        if (k->fields->n >= lim->max_fields || k->fields->n >= k->capf) {
            return FORM_TOO_MANY;
        }
        if (pt->len > lim->max_value) {
            return FORM_VALUE_TOO_LONG;
        }
        for (size_t i = 0; i < pt->len; i++) {
            unsigned char c = (unsigned char)pt->data[i];

            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return FORM_CONTROL;
            }
        }
        if (!utf8_valid(pt->data, pt->len)) {
            return FORM_BAD_UTF8;
        }
        val = utf8_nfc(k->p, pt->data, pt->len, &vlen);
        if (vlen > lim->max_value) {
            return FORM_VALUE_TOO_LONG;  /* NFC can expand text */
        }
        if (is_dup(k, pt->name, pt->namelen)) {
            return FORM_DUPLICATE;
        }
        kv = &k->fields->v[k->fields->n++];
        kv->key = pt->name;
        kv->val = val;
        kv->vlen = vlen;
    }
    return FORM_OK;
}

static size_t
min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

enum form_err
multipart_parse(struct pool *p, const char *body, size_t len, const char *boundary,
                const struct multipart_limits *lim, struct kvlist *fields,
                struct mp_file **files, size_t *nfiles)
{
    char delim[4 + MP_MAX_BOUNDARY];    /* CRLF "--" boundary */
    size_t blen, dlen, pos, bound = 1, nparts = 0;
    int preamble = 0;
    const char *hit;
    struct sink k;
    enum form_err e = FORM_OK;

    fields->v = NULL;
    fields->n = 0;
    *files = NULL;
    *nfiles = 0;
    if (lim == NULL) {
        lim = &multipart_default_limits;
    }
    if (body == NULL || boundary == NULL) {
        return FORM_BAD_MULTIPART;
    }
    blen = strnlen(boundary, MP_MAX_BOUNDARY + 1);
    if (blen == 0 || blen > MP_MAX_BOUNDARY) {
        return FORM_BAD_MULTIPART;
    }
    memcpy(delim, "\r\n--", 4);
    memcpy(delim + 4, boundary, blen);
    dlen = 4 + blen;

    /* the first delimiter opens the body or follows the preamble's CRLF */
    if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
        pos = dlen - 2;
    } else if ((hit = memmem(body, len, delim, dlen)) != NULL) {
        pos = (size_t)(hit - body) + dlen;
        preamble = 1;
    } else {
        return FORM_BAD_MULTIPART;
    }

    /* every part consumes one later delimiter: the count bounds the arrays */
    for (size_t at = pos; (hit = memmem(body + at, len - at, delim, dlen)) != NULL;
         at = (size_t)(hit - body) + dlen) {
        bound++;
    }
    k.p = p;
    k.lim = lim;
    k.fields = fields;
    k.capf = min_size(bound, lim->max_fields);
    k.capx = min_size(bound, lim->max_files);
    k.nfiles = nfiles;
    fields->v = pool_alloc(p, (k.capf ? k.capf : 1) * sizeof(struct kv));
    k.files = pool_alloc(p, (k.capx ? k.capx : 1) * sizeof(struct mp_file));
    *files = k.files;

    for (;;) {
        struct part pt;
        size_t start, end;

        /* pos is just after a "--" boundary */
        if (len - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-') {
            /* close delimiter: then padding and CRLF before any epilogue.  A
             * form without parts is the close delimiter alone: after a
             * preamble it would hide whatever came before it. */
            if (nparts == 0 && preamble) {
                e = FORM_BAD_MULTIPART;
                break;
            }
            pos += 2;
            while (pos < len && is_ows((unsigned char)body[pos])) {
                pos++;
            }
            if (pos < len && (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')) {
                e = FORM_BAD_MULTIPART;
            }
            break;
        }
        while (pos < len && is_ows((unsigned char)body[pos])) {
            pos++;
        }
        if (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n') {
            e = FORM_BAD_MULTIPART;
            break;
        }
        start = pos + 2;
        hit = memmem(body + start, len - start, delim, dlen);
        if (hit == NULL) {
            e = FORM_BAD_MULTIPART;     /* truncated: nothing closes this part */
            break;
        }
        end = (size_t)(hit - body);
        if ((e = parse_part(p, body + start, end - start, &pt)) != FORM_OK ||
            (e = add_part(&k, &pt)) != FORM_OK) {
            break;
        }
        pos = end + dlen;
        nparts++;
    }
    if (e != FORM_OK) {
        fields->n = 0;
        *nfiles = 0;
    }
    return e;
}
