/* papers.c — the receipt's documents table from the documents list. */
#include "papers.h"

#include <string.h>

const char *const paper_doc_forms[4] = { "", "original", "certified_copy", "copy" };

static void
trim(const char **s, size_t *n)
{
    while (*n > 0 && (**s == ' ' || **s == '\t' || **s == '\r')) {
        (*s)++, (*n)--;
    }
    while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r')) {
        (*n)--;
    }
}

/* "bản chính", "Bản sao chứng thực", "bản sao": the whole of s[0..n). */
static enum paper_doc_form
form_of(const char *s, size_t n)
{
    static const struct { const char *words; enum paper_doc_form f; } forms[] = {
        { "ản sao chứng thực", DOC_CERTIFIED_COPY },
        { "ản chính", DOC_ORIGINAL },
        { "ản sao", DOC_COPY },
    };

    trim(&s, &n);
    if (n < 1 || (s[0] != 'b' && s[0] != 'B')) {
        return DOC_UNSAID;
    }
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        if (n - 1 == strlen(forms[i].words) && memcmp(s + 1, forms[i].words, n - 1) == 0) {
            return forms[i].f;
        }
    }
    return DOC_UNSAID;
}

static int
count_of(const char *s, size_t n)
{
    int v = 0;

    trim(&s, &n);
    if (n == 0 || n > 2) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int
paper_doc_parse(const char *line, size_t len, struct paper_doc *d)
{
    const char *semi = memchr(line, ';', len);
    size_t n = semi ? (size_t)(semi - line) : len;

    memset(d, 0, sizeof(*d));
    d->name = line;
    d->name_len = n;
    trim(&d->name, &d->name_len);
    if (semi) {
        const char *rest = semi + 1, *semi2;
        size_t rn = len - n - 1, fn;

        semi2 = memchr(rest, ';', rn);
        fn = semi2 ? (size_t)(semi2 - rest) : rn;
        d->form = form_of(rest, fn);
        d->count = semi2 ? count_of(semi2 + 1, rn - fn - 1) : 0;
        if (d->form == DOC_UNSAID && d->count == 0) {
            /* not the documented shape: the whole line is the name */
            d->name = line;
            d->name_len = len;
            trim(&d->name, &d->name_len);
        }
    } else if (d->name_len > 2 && d->name[d->name_len - 1] == ')') {
        /* "Giấy khai sinh (bản sao)" */
        const char *open = NULL;

        for (size_t i = d->name_len - 1; i-- > 0;) {
            if (d->name[i] == '(') {
                open = d->name + i;
                break;
            }
        }
        if (open) {
            enum paper_doc_form f = form_of(open + 1, (size_t)(d->name + d->name_len - 1 - open - 1));

            if (f != DOC_UNSAID) {
                d->form = f;
                d->name_len = (size_t)(open - d->name);
                trim(&d->name, &d->name_len);
            }
        }
    }
    return d->name_len == 0 && d->form == DOC_UNSAID && d->count == 0 ? -1 : 0;
}
