/* util.c — pools, buffers, logging. */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct pool_blk {
    struct pool_blk *next;
    max_align_t data[];
};

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (p == NULL) {
        log_err("out of memory (%zu bytes)", n);
        abort();
    }
    return p;
}

void *
xcalloc(size_t n, size_t m)
{
    void *p = calloc(n ? n : 1, m ? m : 1);

    if (p == NULL) {
        log_err("out of memory");
        abort();
    }
    return p;
}

void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (q == NULL) {
        log_err("out of memory (%zu bytes)", n);
        abort();
    }
    return q;
}

char *
xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;

    return memcpy(xmalloc(n), s, n);
}

void *
pool_alloc(struct pool *p, size_t n)
{
    struct pool_blk *b = xcalloc(1, sizeof(*b) + n);

    b->next = p->head;
    p->head = b;
    return b->data;
}

char *
pool_strndup(struct pool *p, const char *s, size_t n)
{
    char *d;

    if (s == NULL) {
        return NULL;
    }
    d = pool_alloc(p, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
pool_strdup(struct pool *p, const char *s)
{
    return s ? pool_strndup(p, s, strlen(s)) : NULL;
}

char *
pool_printf(struct pool *p, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *d;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    d = pool_alloc(p, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

void
pool_release(struct pool *p)
{
    struct pool_blk *b, *next;

    for (b = p->head; b != NULL; b = next) {
        next = b->next;
        free(b);
    }
    p->head = NULL;
}

static void
buf_grow(struct buf *b, size_t need)
{
    size_t cap;

    if (b->len + need + 1 <= b->cap) {
        return;
    }
    cap = b->cap ? b->cap : 256;
    while (cap < b->len + need + 1) {
        cap *= 2;
    }
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void
buf_add(struct buf *b, const void *s, size_t n)
{
    buf_grow(b, n);
    if (n > 0) {
        memcpy(b->p + b->len, s, n);
    }
    b->len += n;
    b->p[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
    buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void
buf_csv_field(struct buf *b, const char *v)
{
    buf_addc(b, '"');
    if (v && *v) {
        const char *f = v + strspn(v, " \t\r\n");

        /* a spreadsheet skips leading blanks and line breaks before a formula */
        if (strchr("\t\r\n", *v) || (*f && strchr("=+-@", *f))) {
            buf_addc(b, '\'');
        }
    }
    for (; v && *v; v++) {
        if (*v == '"') {
            buf_addc(b, '"');
        }
        buf_addc(b, *v);
    }
    buf_addc(b, '"');
}

void
buf_reset(struct buf *b)
{
    b->len = 0;
    if (b->p) {
        b->p[0] = '\0';
    }
}

void
buf_free(struct buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

static const char *log_prog = "motcua";

void
log_set_program(const char *name)
{
    log_prog = name;
}

void
log_msg(enum log_level lvl, const char *fmt, ...)
{
    static const char *names[] = { "debug", "info", "warn", "error" };
    char msg[1024], ts[32];
    struct tm tm;
    time_t now = time(NULL);
    va_list ap;
    size_t i;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    /* one line per event: newlines and quotes in the message are neutralised */
    for (i = 0; msg[i]; i++) {
        if (msg[i] == '\n' || msg[i] == '\r' || msg[i] == '"') {
            msg[i] = msg[i] == '"' ? '\'' : ' ';
        }
    }
    gmtime_r(&now, &tm);
    strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(stderr, "ts=%s lvl=%s prog=%s pid=%ld msg=\"%s\"\n", ts, names[lvl], log_prog,
            (long)getpid(), msg);
}

int
str_in(const char *v, const char *const *list, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        if (strcmp(v, list[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

long long
util_num(const char *s)
{
    long long v = 0;

    return s && parse_int(s, -(1LL << 62), 1LL << 62, &v) == 0 ? v : 0;
}

unsigned long long
util_unum(const char *s)
{
    char *end;
    unsigned long long v;

    if (s == NULL || *s < '0' || *s > '9') {
        return 0;
    }
    errno = 0;
    v = strtoull(s, &end, 10);
    return errno == 0 && *end == '\0' ? v : 0;
}

int
parse_int(const char *s, long long min, long long max, long long *out)
{
    char *end;
    long long v;

    if (s == NULL || *s == '\0' || isspace((unsigned char)*s)) {
        return -1;
    }
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > max) {
        return -1;
    }
    *out = v;
    return 0;
}

uint32_t
str_hash(const char *s)
{
    uint32_t h = 2166136261u;

    for (const char *c = s; *c; c++) {
        h = (h ^ (unsigned char)*c) * 16777619u;
    }
    return h;
}

void
hex_encode(char *out, const unsigned char *in, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

int
util_safe_path(const char *p)
{
    if (p == NULL || p[0] != '/' || p[1] == '/' || strlen(p) >= 512) {
        return 0;
    }
    for (; *p; p++) {
        if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || *p == '\\') {
            return 0;
        }
    }
    return 1;
}

int
util_email_ok(const char *s)
{
    const char *at, *dot;
    size_t n;

    if (s == NULL || (n = strlen(s)) < 5 || n > 254 || (at = strchr(s, '@')) == NULL || at == s ||
        strchr(at + 1, '@') != NULL) {
        return 0;
    }
    for (const char *c = s; *c; c++) {
        if ((unsigned char)*c <= 0x20 || (unsigned char)*c >= 0x7f ||
            strchr(",;:<>()[]\\\"'`|", *c)) {
            return 0;
        }
    }
    /* the domain: labels of letters, digits and '-', at least one dot inside */
    dot = strrchr(at + 1, '.');
    if (dot == NULL || dot == at + 1 || dot[1] == '\0' || at[1] == '-' || at[1] == '.' ||
        strstr(at + 1, "..") != NULL) {
        return 0;
    }
    for (const char *c = at + 1; *c; c++) {
        if (!isalnum((unsigned char)*c) && *c != '-' && *c != '.') {
            return 0;
        }
    }
    return s[0] != '.' && at[-1] != '.' && strstr(s, "..") == NULL;
}

char *
util_filename(struct pool *p, const char *name)
{
    size_t n = name ? strlen(name) : 0;
    char *out;

    if (n > 120) {
        n = 120;
    }
    out = pool_alloc(p, n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];

        out[i] = (char)(isalnum(c) && c < 0x80 ? c : strchr(".-_", c) && c ? c : '_');
    }
    out[n] = '\0';
    return out;
}

char *
util_excerpt(struct pool *p, const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0, o = 0, chars = 0, last_space = 0;
    char *out = pool_alloc(p, n + 4);
    int cut = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (isspace(c)) {
            if (o == 0 || out[o - 1] == ' ') {
                continue;
            }
            c = ' ';
        }
        if ((c & 0xC0) != 0x80) { /* a character starts here */
            if (chars == max) {
                cut = c == ' ' ? 2 : 1; /* 2: the last word ended just in time */
                break;
            }
            chars++;
            if (c == ' ') {
                last_space = o;
            }
        }
        out[o++] = (char)c;
    }
    if (cut) {
        /* a word cut in two loses its head; a single long word keeps its part */
        if (cut == 1 && out[o - 1] != ' ' && last_space > 0) {
            o = last_space;
        }
        while (o > 0 && out[o - 1] == ' ') {
            o--;
        }
        memcpy(out + o, "\xE2\x80\xA6", 3);
        o += 3;
    } else {
        while (o > 0 && out[o - 1] == ' ') {
            o--;
        }
    }
    out[o] = '\0';
    return out;
}
