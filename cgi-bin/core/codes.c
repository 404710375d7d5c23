/* codes.c — codes as typed, made into codes as stored (codes.h). */
#include <ctype.h>
#include <string.h>

#include "util.h"

#include "codes.h"

/* s without leading and trailing white space (a copy in the pool). */
static char *
trimmed(struct pool *p, const char *s)
{
    size_t n;

    while (*s && isspace((unsigned char)*s)) {
        s++;
    }
    n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1])) {
        n--;
    }
    return pool_strndup(p, s, n);
}

/* s upper-cased without white space, dashes and underscores (in the pool). */
static char *
compact(struct pool *p, const char *s)
{
    char *out = pool_alloc(p, strlen(s) + 1), *o = out;

    for (; *s; s++) {
        if (!isspace((unsigned char)*s) && *s != '-' && *s != '_') {
            *o++ = (char)toupper((unsigned char)*s);
        }
    }
    *o = '\0';
    return out;
}

/* Crockford's decoding: I and L are 1, O is 0. */
static void
crockford(char *s)
{
    for (; *s; s++) {
        *s = *s == 'I' || *s == 'L' ? '1' : *s == 'O' ? '0' : *s;
    }
}

static int
all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    return 1;
}

char *
code_qr_token(struct pool *p, const char *s)
{
    char *c;

    if (s == NULL) {
        return NULL;
    }
    c = compact(p, s);
    crockford(c);
    return c;
}

char *
code_feedback(struct pool *p, const char *s)
{
    char *c;

    if (s == NULL) {
        return NULL;
    }
    c = compact(p, s);
    /* PA + 8 digits of the day + 4 of the number + 4 of the check part */
    if (strlen(c) != 18 || strncmp(c, "PA", 2) != 0 || !all_digits(c + 2, 12)) {
        return trimmed(p, s);
    }
    crockford(c + 14);
    return pool_printf(p, "PA-%.8s-%.4s-%s", c + 2, c + 10, c + 14);
}

char *
code_dossier(struct pool *p, const char *s)
{
    char *c, *t;
    size_t n;

    if (s == NULL) {
        return NULL;
    }
    /* typed with dashes: they are the code's own (an imported code may
     * place them elsewhere), only spaces go */
    if (strchr(s, '-')) {
        t = pool_alloc(p, strlen(s) + 1);
        c = t;
        for (; *s; s++) {
            if (!isspace((unsigned char)*s)) {
                *c++ = (char)toupper((unsigned char)*s);
            }
        }
        *c = '\0';
        return t;
    }
    c = compact(p, s);
    n = strlen(c);
    /* the unit's code, then 6 digits of the day and 4 of the number */
    if (n < 11 || !all_digits(c + n - 10, 10)) {
        return trimmed(p, s);
    }
    return pool_printf(p, "%.*s-%.6s-%s", (int)(n - 10), c, c + n - 10, c + n - 4);
}
