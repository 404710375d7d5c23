/* store_mail.c — the mail queue read and marked by the delivery.  See
 * store_mail.h. */
#include "store_mail.h"

enum db_rc
mail_pending(struct db *db, struct pool *p, size_t limit, struct mail_row **rows, size_t *n)
{
    enum { C_ID, C_TO, C_SUBJECT, C_BODY };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT id, to_addr, subject, body FROM mail_queue"
                  " WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT ?",
                  DB_ARGS(DV_I(limit)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].id = util_num(dbres_get(&res, i, C_ID));
        (*rows)[i].to = dbres_get(&res, i, C_TO);
        (*rows)[i].subject = dbres_get(&res, i, C_SUBJECT);
        (*rows)[i].body = dbres_get(&res, i, C_BODY);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
mail_attempted(struct db *db, long long id, int sent)
{
    return db_exec(db,
                   sent ? "UPDATE mail_queue SET sent_at = UTC_TIMESTAMP(), attempts = attempts + 1"
                          " WHERE id = ?"
                        : "UPDATE mail_queue SET attempts = attempts + 1 WHERE id = ?",
                   DB_ARGS(DV_I(id)), NULL, NULL);
}
