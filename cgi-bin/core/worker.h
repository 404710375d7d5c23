/* worker.h — the program skeleton: routes, program traits, the master and its
 * workers, and what a worker keeps between requests. */
#ifndef MOTCUA_WORKER_H
#define MOTCUA_WORKER_H

#include "calendar.h"
#include "http.h"

/* Route flags */
#define R_FORM 0x1    /* POST with an urlencoded body, CSRF-checked */
#define R_RAWBODY 0x2 /* POST whose body the handler reads itself (API, uploads) */
#define R_NOCSRF 0x4  /* with R_FORM: token checked by the handler (API) */
#define R_UPLOAD 0x8  /* POST, multipart/form-data or urlencoded, up to Limits.UploadBody */
#define R_PUBLIC 0x10 /* in a staff program: open without signing in (sign-in, sign-out) */
#define R_CACHE \
    0x20 /* GET of a page the same for every visitor: its answer kept by the
                       * worker for Cache.PageSeconds (pagecache.h) */

struct route {
    const char *method;  /* "GET" (also answers HEAD) or "POST" */
    const char *pattern; /* "/ho-so/X", where a star matches one segment */
    int (*handler)(struct req *r);
    int flags;
    /* in a staff program: the access rule (ACCESS_*, access.h), checked by
     * the worker before the handler; unused elsewhere */
    unsigned roles;
};

/* Program traits: what the request cycle does for every route of a program.
 * P_STAFF_SESSION: the signed-in staff member (r->user) is loaded before the handler.
 * P_KEY_AUTH: clients authenticate by key, so no CSRF cookie is issued. */
#define P_STAFF_SESSION 0x1
#define P_KEY_AUTH 0x2

struct program {
    const char *name; /* also the socket name and the DB account */
    const struct route *routes;
    size_t nroutes;
    /* P_* traits */
    int flags;
    /* A process the master keeps running beside the workers (the citizen
     * program's rating writer, ratebatch.h), or NULL: it serves a unix
     * socket of its own, <Paths.Run>/<name>-helper.sock, whose path the
     * workers find in app.helper_sock.  Started unless the configuration
     * key helper_key is 0; restarted when it dies. */
    void (*helper)(struct app *a, int listen_fd);
    const char *helper_key;
};

/* Run the master (socket + N workers, restarted when they die).  Never
 * returns until SIGTERM/SIGINT. */
int program_main(const struct program *prog, int argc, char **argv);

/* The working-day calendar (loaded from calendar_day, cached per worker for
 * five minutes), or NULL if the database is unreachable. */
const struct cal *req_calendar(struct req *r);

/* Printed papers are Vietnamese whatever the reader's language (docs/papers.md):
 * the rest of the request renders with the Vietnamese page data, and
 * what the request had already put in the page data moves with it.  Call it
 * before anything reads language strings.  0, or -1 (the page stays as it was). */
int req_paper_lang(struct req *r);

#endif
