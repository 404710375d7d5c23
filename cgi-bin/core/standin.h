/* standin.h — the store context outside HTTP (motcuactl, the store tests):
 * the process's context (configuration, database, secret, language files,
 * calendar) and a pool, in the struct sctx the store functions take.  No
 * request is made up: nothing here knows HTTP or page data. */
#ifndef MOTCUA_STANDIN_H
#define MOTCUA_STANDIN_H

#include "app.h"
#include "db.h"
#include "sctx.h"
#include "util.h"

struct standin {
    struct app app;
    struct pool pool;
    struct sctx x; /* app, its database, pool; user NULL (the operator); addr `who` */
};

/* Fill s (zeroed, not to be moved afterwards) from conf and db, which the
 * caller keeps: the audit log records the address `who`; the language files
 * load for the messages of shared code; the calendar loads on first use
 * (sctx_calendar).  No connection is made.  -1 when Secret.Key is not 64 hex
 * digits. */
int standin_init(struct standin *s, HDF *conf, struct db *db, const char *who);

/* Free what standin_init and the calls made with s.x allocated (not conf, not db). */
void standin_free(struct standin *s);

#endif
