/* store_user.c — staff accounts as other pages choose them.  See store_user.h. */
#include "store_user.h"

enum db_rc
user_list_staff(struct db *db, struct pool *p, long long unit_id, struct staff_row **rows,
                size_t *n)
{
    enum { C_ID, C_NAME };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT id, full_name FROM users WHERE unit_id = ? AND disabled = 0"
                  "   AND role IN ('officer', 'leader') ORDER BY full_name",
                  DB_ARGS(DV_I(unit_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].id = util_num(dbres_get(&res, i, C_ID));
        (*rows)[i].full_name = dbres_get(&res, i, C_NAME);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
user_staff_in_unit(struct db *db, struct pool *p, long long user_id, long long unit_id, int *yes,
                   long long *counter_id)
{
    struct dbres res;
    enum db_rc rc;

    *yes = 0;
    *counter_id = 0;
    rc = db_query(db, p,
                  "SELECT id, COALESCE(counter_id, 0) FROM users WHERE id = ? AND unit_id = ?"
                  "   AND disabled = 0 AND role IN ('officer', 'leader')",
                  DB_ARGS(DV_I(user_id), DV_I(unit_id)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        *yes = 1;
        *counter_id = util_num(dbres_get(&res, 0, 1));
    }
    return rc;
}
