/* store_mail.h — the mail queue as motcuactl delivers it.  The functions take
 * the database handle and a pool, never a request. */
#ifndef MOTCUA_STORE_MAIL_H
#define MOTCUA_STORE_MAIL_H

#include <stddef.h>

#include "db.h"
#include "util.h"

struct mail_row {
    long long id;
    const char *to, *subject, *body;
};

/* The oldest messages not sent yet and tried fewer than 10 times, at most
 * limit: *rows (n) from p. */
enum db_rc mail_pending(struct db *db, struct pool *p, size_t limit, struct mail_row **rows,
                        size_t *n);

/* One more attempt at message id; sent: it went out. */
enum db_rc mail_attempted(struct db *db, long long id, int sent);

#endif
