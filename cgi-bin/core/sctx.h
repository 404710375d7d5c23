/* sctx.h — what a store function works with: the database, a pool for what
 * it returns, the process's configuration and calendar, and who acts.  No
 * request, no page: the programs (and motcuactl, and the store tests) turn
 * what the store returns into page data or text. */
#ifndef MOTCUA_SCTX_H
#define MOTCUA_SCTX_H

#include "app.h"
#include "util.h"

struct sctx {
    struct app *app; /* configuration, secret, calendar */
    struct db *db;
    struct pool *pool;       /* what the call returns lives here */
    const struct user *user; /* the staff member acting, or NULL (a citizen, the system) */
    const char *addr;        /* the address the audit log records */
};

/* The working-day calendar, or NULL if the database is unreachable. */
static inline const struct cal *
sctx_calendar(struct sctx *x)
{
    return app_calendar(x->app);
}

#endif
