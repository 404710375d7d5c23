/* util.h — memory (per-request pools, growable buffers), logging, small helpers. */
#ifndef MOTCUA_UTIL_H
#define MOTCUA_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * A pool owns every allocation made for one request; pool_release() frees
 * them all at once.  Allocation failure aborts the process (a worker dies,
 * the master restarts it): callers never check for NULL.
 */
struct pool_blk;
struct pool {
    struct pool_blk *head;
};

void *pool_alloc(struct pool *p, size_t n);          /* zeroed */
char *pool_strdup(struct pool *p, const char *s);   /* NULL stays NULL */
char *pool_strndup(struct pool *p, const char *s, size_t n);
char *pool_printf(struct pool *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void pool_release(struct pool *p);

/* A growable byte buffer on the heap, always NUL-terminated; buf_free() frees. */
struct buf {
    char *p;
    size_t len, cap;
};

void buf_add(struct buf *b, const void *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
/* One CSV field, quoted, quotes doubled; a field whose first character after
 * any leading spaces, TABs, CRs or LFs is = + - @ (or that starts with a TAB,
 * CR or LF) gets a leading ' so a spreadsheet never runs it as a formula. */
void buf_csv_field(struct buf *b, const char *v);
void buf_free(struct buf *b);

/* Structured logging to stderr: "ts=… lvl=… prog=… pid=… msg=…" plus key=value pairs. */
enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERR };
void log_set_program(const char *name);
void log_msg(enum log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_err(...)  log_msg(LOG_ERR, __VA_ARGS__)

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* 1 if v equals one of the n strings of list (NULL never does). */
int str_in(const char *v, const char *const *list, size_t n);

/* A database cell as a number: 0 for NULL or anything that is not one. */
long long util_num(const char *s);

/* A database cell as an unsigned 64-bit number (UUID_SHORT(): a server id of
 * 64 or more puts it past util_num's range): 0 for NULL or anything that is
 * not one. */
unsigned long long util_unum(const char *s);

/* Parse a decimal integer in [min, max]; the whole string must be consumed. */
int parse_int(const char *s, long long min, long long max, long long *out);

/* 1 if p is a path of this site safe to send a browser to (a redirect's
 * Location, a link): "/" then printable ASCII with no backslash, and not
 * "//" (another host); 0 for NULL, control characters, spaces, non-ASCII. */
int util_safe_path(const char *p);

/* 1 if s is one plain e-mail address "local@domain.tld" (printable ASCII, no
 * spaces, commas, semicolons, angle brackets, quotes or line breaks, one @,
 * a dotted domain), at most 254 bytes: what may reach sendmail -t. */
int util_email_ok(const char *s);

/* A file name for Content-Disposition: the characters of name that are
 * ASCII letters, digits, '.', '-' or '_' (others become '_'), at most 120. */
char *util_filename(struct pool *p, const char *name);

/* An excerpt of s for a list: at most max characters (UTF-8), cut after the
 * last whole word and followed by "…" when s is longer; s itself when it fits.
 * White space runs (line breaks included) become one space.  From p. */
char *util_excerpt(struct pool *p, const char *s, size_t max);

/* Lowercase hex of n bytes into out (2n+1 bytes). */
void hex_encode(char *out, const unsigned char *in, size_t n);

/* FNV-1a of a string: the slot of a worker's direct-mapped cache. */
uint32_t str_hash(const char *s);

#endif
