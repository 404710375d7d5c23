/* render.h — the page data, ClearSilver rendering and the language files. */
#ifndef MOTCUA_RENDER_H
#define MOTCUA_RENDER_H

#include <ClearSilver.h>
#include <stddef.h>

#include "db.h"
#include "http.h"

/* Rendering: templates/<tmpl>.cs with r->hdf (Config.VarEscapeMode=html).
 * Returns 200 or 500.  A worker parses each template once per language and
 * keeps the parse: templates are read at start-up, like the configuration. */
int render(struct req *r, const char *tmpl);
int render_status(struct req *r, int status, const char *tmpl);
int render_error(struct req *r, int status);
void hset(struct req *r, const char *key, const char *value);
void hsetf(struct req *r, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void hseti(struct req *r, const char *key, long long v);
/* One field of row i of a list in the page data (list.i.name); NULL, an SQL
 * NULL, is left out. */
void row_set(struct req *r, const char *list, size_t i, const char *name, const char *value);
void row_seti(struct req *r, const char *list, size_t i, const char *name, long long value);

/* A field of a store's row struct shown in a list: its name in the page
 * data, where it is in the struct, and its type. */
struct out_field {
    const char *name;
    size_t off;
    enum { OUT_STR, OUT_INT, OUT_LL } type;
};

#define OUT(name, st, field, type)      \
    {                                   \
        name, offsetof(st, field), type \
    }

/* rows (n structs of size bytes) into list.i.<name> for each of the fields. */
void rows_hdf(struct req *r, const char *list, const void *rows, size_t n, size_t size,
              const struct out_field *f, size_t nf);

/* Copy every column of every row of res into HDF prefix.N.colname. */
void hset_rows(struct req *r, const char *prefix, const struct dbres *res,
               const char *const *colnames);
const char *lang_str(struct req *r, const char *key); /* L.<key> */

/* Map a database result to an HTTP status: DB_DOWN → 503, others → 500. */
int db_fail(struct req *r, enum db_rc rc);

/* A Vietnamese string whatever the request's language (CSV headers of the
 * papers, the letter sent by e-mail): vi.<key>, or key when missing. */
const char *paper_str(struct req *r, const char *key);
/* The same outside a request: app_paper_str (app.h). */

/* Load the language files (templates/lang/vi.hdf, en.hdf) into one HDF. */
HDF *lang_load(const char *tmpl_dir);
/* "vi" or "en" from ?lang=, then the cookie; Vietnamese otherwise. */
const char *lang_pick(struct req *r);

#endif
