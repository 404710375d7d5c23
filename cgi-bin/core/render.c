/* render.c — ClearSilver rendering and the language files. */
#include "render.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "http.h"
#include "util.h"

static NEOERR *
out_cb(void *ctx, char *s)
{
    buf_adds(ctx, s);
    return STATUS_OK;
}

static void
log_nerr(const char *what, NEOERR *err)
{
    STRING s;

    string_init(&s);
    nerr_error_traceback(err, &s);
    log_err("%s: %s", what, s.buf ? s.buf : "?");
    string_clear(&s);
    nerr_ignore(&err);
}

void
hset(struct req *r, const char *key, const char *value)
{
    NEOERR *err = hdf_set_value(r->hdf, key, value ? value : "");

    if (err) {
        log_nerr("hdf_set_value", err);
    }
}

void
hsetf(struct req *r, const char *key, const char *fmt, ...)
{
    va_list ap;
    char *v;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    v = pool_alloc(&r->pool, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(v, (size_t)n + 1, fmt, ap);
    va_end(ap);
    hset(r, key, v);
}

void
hseti(struct req *r, const char *key, long long v)
{
    hsetf(r, key, "%lld", v);
}

void
hset_rows(struct req *r, const char *prefix, const struct dbres *res,
          const char *const *colnames)
{
    for (size_t i = 0; i < res->nrows; i++) {
        for (size_t c = 0; c < res->ncols && colnames[c]; c++) {
            const char *v = dbres_get(res, i, c);

            if (v) {
                char key[160];

                snprintf(key, sizeof(key), "%s.%zu.%s", prefix, i, colnames[c]);
                hset(r, key, v);
            }
        }
    }
}

void
row_set(struct req *r, const char *list, size_t i, const char *name, const char *value)
{
    if (value) {
        hset(r, pool_printf(&r->pool, "%s.%zu.%s", list, i, name), value);
    }
}

void
row_seti(struct req *r, const char *list, size_t i, const char *name, long long value)
{
    hseti(r, pool_printf(&r->pool, "%s.%zu.%s", list, i, name), value);
}

void
rows_hdf(struct req *r, const char *list, const void *rows, size_t n, size_t size,
         const struct out_field *f, size_t nf)
{
    for (size_t i = 0; i < n; i++) {
        const char *row = (const char *)rows + i * size;

        for (size_t k = 0; k < nf; k++) {
            const void *v = row + f[k].off;

            switch (f[k].type) {
            case OUT_STR: row_set(r, list, i, f[k].name, *(const char *const *)v); break;
            case OUT_INT: row_seti(r, list, i, f[k].name, *(const int *)v); break;
            case OUT_LL: row_seti(r, list, i, f[k].name, *(const long long *)v); break;
            }
        }
    }
}

const char *
lang_str(struct req *r, const char *key)
{
    char k[160];

    snprintf(k, sizeof(k), "L.%s", key);
    return hdf_get_value(r->hdf, k, key);
}

const char *
paper_str(struct req *r, const char *key)
{
    return app_paper_str(r->app, key);
}

const char *
app_paper_str(struct app *a, const char *key)
{
    return app_lang_str(a, "vi", key);
}

const char *
app_lang_str(struct app *a, const char *lang, const char *key)
{
    char k[160];

    snprintf(k, sizeof(k), "%s.%s", lang, key);
    return hdf_get_value(a->langs, k, key);
}

/* Parsed templates, per worker: a parse tree is bound to the HDF it was made
 * with, which is the worker's page data of one language (worker.c), so one
 * parse per template and language serves every later request.  The templates
 * include other files only by literal names, so a parse does not depend on
 * the page data.  A full table parses without keeping. */
#define TMPL_CACHE 96

struct tmpl_parsed {
    char *name;
    HDF *hdf;
    CSPARSE *cs;
};

static struct tmpl_parsed tmpl_cache[TMPL_CACHE];
static size_t ntmpl;

static NEOERR *
tmpl_parse(HDF *hdf, const char *file, CSPARSE **cs)
{
    NEOERR *err = cs_init(cs, hdf);

    if (err == STATUS_OK) {
        err = cgi_register_strfuncs(*cs);
    }
    if (err == STATUS_OK) {
        err = cs_parse_file(*cs, file);
    }
    if (err != STATUS_OK) {
        cs_destroy(cs);
    }
    return err;
}

int
render_status(struct req *r, int status, const char *tmpl)
{
    struct tmpl_parsed *t = NULL;
    CSPARSE *cs = NULL;
    NEOERR *err = STATUS_OK;
    char file[256];

    if (r->csrf[0]) {
        hset(r, "Req.CSRF", r->csrf);
    }
    snprintf(file, sizeof(file), "%s.cs", tmpl);
    buf_reset(&r->out);
    for (size_t i = 0; i < ntmpl; i++) {
        if (tmpl_cache[i].hdf == r->hdf && strcmp(tmpl_cache[i].name, file) == 0) {
            t = &tmpl_cache[i];
            break;
        }
    }
    if (t == NULL) {
        err = tmpl_parse(r->hdf, file, &cs);
        if (err == STATUS_OK && ntmpl < TMPL_CACHE) {
            t = &tmpl_cache[ntmpl++];
            t->name = xstrdup(file);
            t->hdf = r->hdf;
            t->cs = cs;
        }
    } else {
        cs = t->cs;
    }
    if (err == STATUS_OK) {
        err = cs_render(cs, &r->out, out_cb);
    }
    if (t == NULL || err != STATUS_OK) {
        /* not kept, or failed half-way: parse it again next time */
        cs_destroy(&cs);
        if (t != NULL) {
            free(t->name);
            *t = tmpl_cache[--ntmpl];
        }
    }
    if (err != STATUS_OK) {
        log_nerr(file, err);
        buf_reset(&r->out);
        r->ctype = "text/plain; charset=utf-8";
        buf_adds(&r->out, "500 Lỗi máy chủ / Internal Server Error\n");
        return 500;
    }
    r->ctype = "text/html; charset=utf-8";
    return status;
}

int
render(struct req *r, const char *tmpl)
{
    return render_status(r, 200, tmpl);
}

int
render_error(struct req *r, int status)
{
    hseti(r, "Page.Status", status);
    hsetf(r, "Page.ErrKey", "E%d", status);
    return render_status(r, status, "error") == 500 && status != 500 ? 500 : status;
}

int
db_fail(struct req *r, enum db_rc rc)
{
    return rc == DB_DOWN ? 503 : 500;
}

static const char *lang_prefix;

static int
is_lang_file(const struct dirent *d)
{
    size_t n = strlen(d->d_name), p = strlen(lang_prefix);

    return n >= p + 3 && strncmp(d->d_name, lang_prefix, p) == 0 &&
           strcmp(d->d_name + n - 4, ".hdf") == 0;
}

/* Each language is vi.hdf plus any vi.<part>.hdf (one file per area of the
 * application), merged in name order into one subtree. */
HDF *
lang_load(const char *tmpl_dir)
{
    static const char *codes[] = { "vi", "en" };
    HDF *all = NULL;
    NEOERR *err = hdf_init(&all);
    char dir[512];

    snprintf(dir, sizeof(dir), "%s/lang", tmpl_dir);
    for (size_t i = 0; err == STATUS_OK && i < NELEM(codes); i++) {
        struct dirent **names = NULL;
        char prefix[8];
        HDF *one = NULL;
        int n;

        snprintf(prefix, sizeof(prefix), "%s.", codes[i]);
        lang_prefix = prefix;   /* start-up only, before any worker exists */
        n = scandir(dir, &names, is_lang_file, alphasort);
        if (n <= 0) {
            log_err("no language files %s*.hdf in %s", prefix, dir);
            hdf_destroy(&all);
            return NULL;
        }
        err = hdf_init(&one);
        for (int k = 0; k < n; k++) {
            char path[1024];

            snprintf(path, sizeof(path), "%s/%s", dir, names[k]->d_name);
            if (err == STATUS_OK) {
                err = hdf_read_file(one, path);
            }
            free(names[k]);
        }
        free(names);
        if (err == STATUS_OK) {
            err = hdf_copy(all, codes[i], one);
        }
        hdf_destroy(&one);
    }
    if (err != STATUS_OK) {
        log_nerr("language files", err);
        hdf_destroy(&all);
        return NULL;
    }
    return all;
}

static int
supported(const char *s, size_t n)
{
    return (n == 2 && strncasecmp(s, "vi", 2) == 0) || (n == 2 && strncasecmp(s, "en", 2) == 0);
}

/* Vietnamese unless the person chose English (?lang=en, remembered by a
 * cookie): the language a phone is set to is not a choice of the person. */
const char *
lang_pick(struct req *r)
{
    const char *v = req_query(r, "lang");

    if (v && supported(v, strlen(v))) {
        const char *code = strcasecmp(v, "en") == 0 ? "en" : "vi";

        resp_cookie(r, "lang", code, 365L * 86400, 1);
        return code;
    }
    v = req_cookie(r, "lang");
    if (v && supported(v, strlen(v))) {
        return strcasecmp(v, "en") == 0 ? "en" : "vi";
    }
    return "vi";
}
