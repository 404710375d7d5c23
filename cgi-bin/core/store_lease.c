/* store_lease.c — job leases; see store_lease.h. */
#include "store_lease.h"

enum db_rc
lease_take(struct db *db, struct pool *p, const char *name, const char *holder, long long seconds,
           int *got)
{
    unsigned long long n = 0;
    enum db_rc rc;

    *got = 0;
    rc = db_exec(db,
                 "UPDATE job_lease SET holder = ?, expires_at = UTC_TIMESTAMP() + INTERVAL ? SECOND"
                 " WHERE name = ? AND (expires_at <= UTC_TIMESTAMP() OR holder = ?)",
                 DB_ARGS(DV_S(holder), DV_I(seconds), DV_S(name), DV_S(holder)), &n, NULL);
    if (rc == DB_OK && n == 0) {
        /* no row changed: another holds it, or this holder renewed it within
         * the same second (the same values: MariaDB counts no change) */
        struct dbres res;

        rc = db_query(db, p,
                      "SELECT 1 FROM job_lease WHERE name = ? AND holder = ?"
                      "   AND expires_at > UTC_TIMESTAMP()",
                      DB_ARGS(DV_S(name), DV_S(holder)), &res);
        n = rc == DB_OK ? res.nrows : 0;
    }
    if (rc == DB_OK) {
        *got = n == 1;
    } else if (db_take_conflict(db)) {
        rc = DB_OK; /* another node's sender took it at the same moment */
    }
    return rc;
}

enum db_rc
lease_release(struct db *db, const char *name, const char *holder)
{
    return db_exec(db,
                   "UPDATE job_lease SET expires_at = UTC_TIMESTAMP()"
                   " WHERE name = ? AND holder = ?",
                   DB_ARGS(DV_S(name), DV_S(holder)), NULL, NULL);
}
