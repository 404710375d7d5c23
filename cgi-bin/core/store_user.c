/* store_user.c — staff accounts as other pages choose them, and API clients.
 * See store_user.h. */
#include "store_user.h"

#include "calendar.h"

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

/* ---- API clients -------------------------------------------------------- */

enum db_rc
api_client_list(struct db *db, struct pool *p, struct api_client_row **rows, size_t *n)
{
    enum { C_ID, C_NAME, C_UNIT_CODE, C_UNIT_NAME, C_ACTIVE, C_CREATED };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT a.id, a.name, u.code, COALESCE(u.short_name, u.name), a.active,"
                  "       DATE_FORMAT(a.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i')"
                  "  FROM api_client a JOIN org_unit u ON u.id = a.unit_id"
                  " ORDER BY a.active DESC, a.name",
                  DB_NOARGS, &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        struct api_client_row *a = &(*rows)[i];

        a->id = util_num(dbres_get(&res, i, C_ID));
        a->name = dbres_get(&res, i, C_NAME);
        a->unit_code = dbres_get(&res, i, C_UNIT_CODE);
        a->unit_name = dbres_get(&res, i, C_UNIT_NAME);
        a->active = util_num(dbres_get(&res, i, C_ACTIVE)) != 0;
        a->created = dbres_get(&res, i, C_CREATED);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
api_client_insert(struct db *db, const char *name, const char *key_hash, long long unit_id,
                  long long *id)
{
    unsigned long long new_id = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "INSERT INTO api_client (name, key_hash, unit_id, active, created_at)"
                 " VALUES (?, ?, ?, 1, UTC_TIMESTAMP())",
                 DB_ARGS(DV_S(name), DV_S(key_hash), DV_I(unit_id)), NULL, &new_id);
    *id = (long long)new_id;
    return rc;
}

enum db_rc
api_client_lock(struct db *db, struct pool *p, long long id, const char **name)
{
    struct dbres res;
    enum db_rc rc;

    *name = NULL;
    rc = db_query(db, p, "SELECT name FROM api_client WHERE id = ? FOR UPDATE", DB_ARGS(DV_I(id)),
                  &res);
    if (rc == DB_OK && res.nrows == 1) {
        *name = dbres_get(&res, 0, 0);
    }
    return rc;
}

enum db_rc
api_client_deactivate(struct db *db, long long id)
{
    return db_exec(db, "UPDATE api_client SET active = 0 WHERE id = ?", DB_ARGS(DV_I(id)), NULL,
                   NULL);
}
