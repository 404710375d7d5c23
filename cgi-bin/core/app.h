/* app.h — the process's context (configuration, database, secret, calendar)
 * and the signed-in staff member: what HTTP and the store both know. */
#ifndef MOTCUA_APP_H
#define MOTCUA_APP_H

#include <ClearSilver.h>
#include <time.h>

#include "calendar.h"
#include "legal.h"
#include "refcache.h"

struct user {
    long long id;
    long long unit_id;
    char *username;
    char *full_name;
    char *role;         /* "officer", "leader" or "admin" */
    char *unit_name;    /* the unit's name and path (org_unit), read with the */
    char *unit_path;    /* session; NULL if the unit is gone */
    char *session_hash; /* hex of the stored hash of the session token */
    int must_change_pw; /* set by an administrator: change it before anything else */
};

struct program; /* worker.h */
struct db;      /* db.h */

/* Per-process context, set up in main before the workers fork. */
struct app {
    const struct program *prog;
    HDF *conf;
    HDF *langs;   /* vi.*, en.*: read-only after start-up */
    HDF *page[2]; /* per worker: the page data in vi and en (worker.c) */
    struct db *db;
    unsigned char secret[32];
    const char *tmpl_dir;
    struct cal cal; /* working-day calendar, reloaded every few minutes */
    time_t cal_loaded;
    struct legal_cache legal; /* the legal versions (legal.h), read again when written */
    struct ref_cache ref;     /* procedures, units, counters a page shows (refcache.h) */
    const char *helper_sock;  /* the program's helper's socket (worker.h), NULL without one */
};

/* The working-day calendar (loaded from calendar_day, cached per process
 * for five minutes), or NULL if the database is unreachable. */
const struct cal *app_calendar(struct app *a);

/* A language's string ("vi", "en") from the language files, outside a
 * request; the key itself when missing (render.c). */
const char *app_lang_str(struct app *a, const char *lang, const char *key);
/* The Vietnamese one: printed papers and messages are always Vietnamese. */
const char *app_paper_str(struct app *a, const char *key);

#endif
