/* standin.h — a request stand-in for code that calls the store outside HTTP
 * (motcuactl, the store tests): the store functions that still take a
 * struct req find in it the application (configuration, database, secret,
 * calendar), a pool and the operator's messages. */
#ifndef MOTCUA_STANDIN_H
#define MOTCUA_STANDIN_H

#include "db.h"
#include "http.h"

/* Fill a (zeroed) and r from conf and db, which the caller keeps: r->app is
 * a, r->remote_addr `who` (the audit log's address), the messages of shared
 * code (L.*) in Vietnamese; a's calendar loads on first use (req_calendar).
 * No connection is made.  -1 when Secret.Key is not 64 hex digits. */
int standin_init(struct app *a, struct req *r, HDF *conf, struct db *db, const char *who);

/* Free what standin_init and the calls made with r allocated (not conf, not db). */
void standin_free(struct app *a, struct req *r);

#endif
