/* store_consent.c — consent to messages; see store_consent.h. */
#include "store_consent.h"

#include <string.h>

#include "calendar.h"

enum db_rc
consent_give(struct db *db, const char *type, long long id, const char *wording, const char *by)
{
    return db_exec(db,
                   "INSERT IGNORE INTO consent (object_type, object_id, purpose, wording, given_at,"
                   "                            given_by)"
                   " VALUES (?, ?, 'notify', ?, UTC_TIMESTAMP(), ?)",
                   DB_ARGS(DV_S(type), DV_I(id), DV_S(wording), DV_S(by)), NULL, NULL);
}

enum db_rc
consent_withdraw(struct db *db, const char *type, long long id, const char *by, int *done)
{
    unsigned long long n = 0;
    enum db_rc rc = db_exec(db,
                            "UPDATE consent SET withdrawn_at = UTC_TIMESTAMP(), withdrawn_by = ?"
                            " WHERE object_type = ? AND object_id = ? AND purpose = 'notify'"
                            "   AND withdrawn_at IS NULL",
                            DB_ARGS(DV_S(by), DV_S(type), DV_I(id)), &n, NULL);

    *done = rc == DB_OK && n > 0;
    return rc;
}

enum db_rc
consent_get(struct db *db, struct pool *p, const char *type, long long id, struct consent *c)
{
    enum { C_GIVEN, C_WORDING, C_BY, C_WITHDRAWN };
    struct dbres res;
    enum db_rc rc;

    memset(c, 0, sizeof(*c));
    rc = db_query(db, p,
                  "SELECT DATE_FORMAT(given_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'), wording,"
                  "       given_by,"
                  "       COALESCE(DATE_FORMAT(withdrawn_at + " SQL_VN_OFFSET
                  ", '%d/%m/%Y %H:%i'), '')"
                  "  FROM consent WHERE object_type = ? AND object_id = ? AND purpose = 'notify'",
                  DB_ARGS(DV_S(type), DV_I(id)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        c->given = 1;
        c->given_at = dbres_get(&res, 0, C_GIVEN);
        c->wording = dbres_get(&res, 0, C_WORDING);
        c->given_by = dbres_get(&res, 0, C_BY);
        c->withdrawn_at = dbres_get(&res, 0, C_WITHDRAWN);
    }
    return rc;
}
