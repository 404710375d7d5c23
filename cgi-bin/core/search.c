/* search.c — folding, synonyms and ranking for the catalogue search. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uninorm.h>

#include "util.h"

#include "search.h"

/* "ký"/"kí", "lý"/"lí", "quý"/"quí": a y that ends a word as its only vowel
 * (alone, after a consonant, or after "qu") is written either way, so it is
 * read as i.  Not in "giay" or "thuy", where y follows another vowel. */
static void
fold_final_y(char *s)
{
    for (char *w = s; *w;) {
        size_t n = strcspn(w, " ");
        char *y = w + n - 1;

        if (*y == 'y' && (n == 1 || !strchr("aeiou", y[-1]) ||
                          (n >= 3 && y[-1] == 'u' && y[-2] == 'q'))) {
            *y = 'i';
        }
        w += n;
        w += *w == ' ';
    }
}

char *
search_fold(struct pool *p, const char *s)
{
    uint8_t *nfd;
    size_t len = 0, i = 0;
    char *out, *o;
    int space = 1;   /* drop leading spaces */

    if (s == NULL || u8_check((const uint8_t *)s, strlen(s)) != NULL) {
        return NULL;
    }
    nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s), NULL, &len);
    if (nfd == NULL) {
        return NULL;
    }
    out = o = pool_alloc(p, len + 1);
    while (i < len) {
        ucs4_t uc;
        int n = u8_mbtouc(&uc, nfd + i, len - i);

        if (uc >= 0x300 && uc <= 0x36F) {
            /* a combining mark: the tone or the hat goes, the letter stays */
        } else if (uc == 0x110 || uc == 0x111 || (uc < 128 && isalnum((int)uc))) {
            *o++ = (char)(uc >= 128 ? 'd' : tolower((int)uc));
            space = 0;
        } else if (uc < 128 || uc == 0xA0) {
            if (!space) {
                *o++ = ' ';
                space = 1;
            }
        } else {
            /* another script: kept as written */
            memcpy(o, nfd + i, (size_t)n);
            o += n;
            space = 0;
        }
        i += (size_t)n;
    }
    if (o > out && o[-1] == ' ') {
        o--;
    }
    *o = '\0';
    free(nfd);
    fold_final_y(out);
    return out;
}

/* Where the words w (n bytes, whole words) occur in t as whole words; NULL if not. */
static const char *
find_words(const char *t, const char *w, size_t n)
{
    for (const char *h = strstr(t, w); h; h = strstr(h + 1, w)) {
        if ((h == t || h[-1] == ' ') && (h[n] == '\0' || h[n] == ' ')) {
            return h;
        }
    }
    return NULL;
}

size_t
search_variants(struct pool *p, const char *query, const struct search_synonym *syn,
                size_t nsyn, const char **out, size_t max)
{
    size_t k = 0;

    if (max == 0) {
        return 0;
    }
    out[k++] = query;
    for (size_t i = 0; i < nsyn && k < max; i++) {
        size_t n = strlen(syn[i].term);
        const char *at = n ? find_words(query, syn[i].term, n) : NULL;

        if (at) {
            out[k++] = pool_printf(p, "%.*s%s%s", (int)(at - query), query, syn[i].expansion,
                                   at + n);
        }
    }
    return k;
}

int
search_score(const char *text, const char *query)
{
    int score = 0;
    const char *w = query;
    size_t qlen = strlen(query);

    if (qlen == 0) {
        return 0;
    }
    while (*w) {
        size_t n = strcspn(w, " ");
        int best = 0;

        for (const char *t = text; *t;) {
            size_t m = strcspn(t, " ");

            if (m >= n && strncmp(t, w, n) == 0) {
                best = m == n ? 10 : (best > 5 ? best : 5);
                if (best == 10) {
                    break;
                }
            }
            t += m;
            t += *t == ' ';
        }
        if (best == 0) {
            return 0;
        }
        score += best;
        w += n;
        w += *w == ' ';
    }
    if (find_words(text, query, qlen)) {
        score += 20;
        if (strncmp(text, query, qlen) == 0) {
            score += 10;
        }
    }
    return score;
}

char *
search_ft_query(struct pool *p, const char *const *variants, size_t n)
{
    struct buf b = { 0 };
    char *out;

    for (size_t v = 0; v < n; v++) {
        const char *w = variants[v];

        if (w == NULL || *w == '\0') {
            continue;
        }
        buf_adds(&b, b.p ? " " : "");
        buf_adds(&b, n > 1 ? "(" : "");
        while (*w) {
            size_t len = strcspn(w, " ");

            buf_adds(&b, w == variants[v] ? "+" : " +");
            buf_add(&b, w, len);
            buf_adds(&b, "*");
            w += len;
            w += *w == ' ';
        }
        buf_adds(&b, n > 1 ? ")" : "");
    }
    out = pool_strdup(p, b.p);
    buf_free(&b);
    return out;
}

/* Append, for each two neighbouring words of folded text, sep then the two
 * joined by "_" ("a b c", " " → " a_b b_c").  How many pairs. */
static size_t
add_pairs(struct buf *b, const char *folded, const char *sep)
{
    const char *prev = NULL;
    size_t pairs = 0;

    for (const char *w = folded; *w;) {
        size_t n = strcspn(w, " ");

        if (prev) {
            buf_adds(b, sep);
            buf_add(b, prev, strcspn(prev, " "));
            buf_adds(b, "_");
            buf_add(b, w, n);
            pairs++;
        }
        prev = w;
        w += n;
        w += *w == ' ';
    }
    return pairs;
}

char *
search_index_text(struct pool *p, const char *s)
{
    const char *folded = search_fold(p, s);
    struct buf b = { 0 };
    char *out;

    if (folded == NULL) {
        return pool_strdup(p, "");
    }
    buf_adds(&b, folded);
    add_pairs(&b, folded, " ");
    out = pool_strdup(p, b.p ? b.p : "");
    buf_free(&b);
    return out;
}

/* s cut at SEARCH_TERM_MAX characters (UTF-8), in the pool. */
static const char *
term_cut(struct pool *p, const char *s, size_t len)
{
    size_t i = 0;

    for (size_t chars = 0; i < len && chars < SEARCH_TERM_MAX; chars++) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80) {
            i++;
        }
    }
    return pool_strndup(p, s, i);
}

size_t
search_terms(struct pool *p, const char *folded, const char **out, size_t max)
{
    const char *prev = NULL;
    size_t n = 0;

    for (const char *w = folded; *w && n < max;) {
        size_t len = strcspn(w, " ");

        if (prev) {
            size_t plen = (size_t)(w - prev) + len; /* "a b" → "a_b" */
            char *pair = pool_strndup(p, prev, plen);

            pair[w - prev - 1] = '_';
            out[n++] = term_cut(p, pair, plen);
        }
        prev = w;
        w += len;
        w += *w == ' ';
    }
    if (n == 0 && *folded) {
        out[n++] = term_cut(p, folded, strlen(folded)); /* one word: the word itself */
    }
    return n;
}
