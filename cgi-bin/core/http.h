/* http.h — one request and its response, routing, and the program skeleton. */
#ifndef MOTCUA_HTTP_H
#define MOTCUA_HTTP_H

#include <ClearSilver.h>
#include <fcgiapp.h>

#include "calendar.h"
#include "db.h"
#include "form.h"
#include "multipart.h"
#include "util.h"

struct user {
    long long id;
    long long unit_id;
    char *username;
    char *full_name;
    char *role;              /* "officer", "leader" or "admin" */
    char *session_hash;      /* hex of the stored hash of the session token */
    int must_change_pw;      /* set by an administrator: change it before anything else */
};

/* Per-process context, set up in main before the workers fork. */
struct app {
    const struct program *prog;
    HDF *conf;
    HDF *langs;              /* vi.*, en.*: read-only after start-up */
    HDF *page[2];            /* per worker: the page data in vi and en (worker.c) */
    struct db *db;
    unsigned char secret[32];
    const char *tmpl_dir;
    struct cal cal;          /* working-day calendar, reloaded every few minutes */
    time_t cal_loaded;
};

struct req {
    struct pool pool;        /* everything below that is allocated lives here */
    struct app *app;
    FCGX_Request *fcgi;

    const char *method, *path, *query, *remote_addr, *host, *origin, *content_type;
    const char *user_agent;
    int https;
    struct kvlist q, form, cookies;
    struct mp_file *files;   /* uploaded files of an R_UPLOAD form (data points into body) */
    size_t nfiles;
    const char *body;        /* raw body of a POST (NUL-terminated), or NULL */
    size_t body_len;
    const char *arg[4];      /* path segments captured by '*' in the route */
    HDF *hdf;                /* the page's data; templates see only this */
    const char *lang;        /* "vi" or "en" */
    struct user *user;       /* signed-in staff member, or NULL */
    char csrf[65];

    int status;
    const char *ctype;
    struct buf headers;
    struct buf out;
    int streamed;            /* resp_stream_begin sent the head; the body went out in parts */
};

/* Route flags */
#define R_FORM     0x1       /* POST with an urlencoded body, CSRF-checked */
#define R_RAWBODY  0x2       /* POST whose body the handler reads itself (API, uploads) */
#define R_NOCSRF   0x4       /* with R_FORM: token checked by the handler (API) */
#define R_UPLOAD   0x8       /* POST, multipart/form-data or urlencoded, up to Limits.UploadBody */

struct route {
    const char *method;      /* "GET" (also answers HEAD) or "POST" */
    const char *pattern;     /* "/ho-so/X", where a star matches one segment */
    int (*handler)(struct req *r);
    int flags;
};

/* Program traits: what the request cycle does for every route of a program.
 * P_STAFF_SESSION: the signed-in staff member (r->user) is loaded before the handler.
 * P_KEY_AUTH: clients authenticate by key, so no CSRF cookie is issued. */
#define P_STAFF_SESSION 0x1
#define P_KEY_AUTH 0x2

struct program {
    const char *name;        /* also the socket name and the DB account */
    const struct route *routes;
    size_t nroutes;
    /* P_* traits */
    int flags;
};

/* Run the master (socket + N workers, restarted when they die).  Never
 * returns until SIGTERM/SIGINT. */
int program_main(const struct program *prog, int argc, char **argv);

/* Request data */
const char *req_query(struct req *r, const char *key);
const char *req_form(struct req *r, const char *key);
const char *req_cookie(struct req *r, const char *key);
/* A form field without surrounding blanks; NULL when absent or blank (pool string). */
const char *req_form_trimmed(struct req *r, const char *key);
const char *req_header(struct req *r, const char *cgi_name);   /* e.g. "HTTP_ACCEPT" */

/* Response */
void resp_header(struct req *r, const char *name, const char *value);
void resp_cookie(struct req *r, const char *name, const char *value, long max_age, int httponly);
int resp_redirect(struct req *r, const char *location);        /* returns 303 */
void resp_raw(struct req *r, const char *ctype, const void *data, size_t len);
/* A body too large to hold (CSV exports): resp_stream_begin sends status 200
 * and the headers set so far at once (no Content-Length), resp_stream sends
 * each part as it is made; the handler then returns 200 and nothing else is
 * sent.  resp_stream returns -1 once the client has gone. */
void resp_stream_begin(struct req *r, const char *ctype);
int resp_stream(struct req *r, const void *data, size_t len);

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
/* Copy every column of every row of res into HDF prefix.N.colname. */
void hset_rows(struct req *r, const char *prefix, const struct dbres *res,
               const char *const *colnames);
const char *lang_str(struct req *r, const char *key);           /* L.<key> */

/* The working-day calendar (loaded from calendar_day, cached per worker for
 * five minutes), or NULL if the database is unreachable. */
const struct cal *req_calendar(struct req *r);

/* Map a database result to an HTTP status: DB_DOWN → 503, others → 500. */
int db_fail(struct req *r, enum db_rc rc);

/* Printed papers are Vietnamese whatever the reader's language (design.md
 * §5): the rest of the request renders with the Vietnamese page data, and
 * what the request had already put in the page data moves with it.  Call it
 * before anything reads language strings.  0, or -1 (the page stays as it was). */
int req_paper_lang(struct req *r);
/* A Vietnamese string whatever the request's language (CSV headers of the
 * papers, the letter sent by e-mail): vi.<key>, or key when missing. */
const char *paper_str(struct req *r, const char *key);

/* Load the language files (templates/lang/vi.hdf, en.hdf) into one HDF. */
HDF *lang_load(const char *tmpl_dir);
/* "vi" or "en" from ?lang=, then the cookie; Vietnamese otherwise. */
const char *lang_pick(struct req *r);

#endif
