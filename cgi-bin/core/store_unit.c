/* store_unit.c — units' counters: listed, created, renamed, taken out of
 * service.  See store_unit.h. */
#include "store_unit.h"

enum db_rc
counter_list_active(struct db *db, struct pool *p, long long unit_id, struct counter_row **rows,
                    size_t *n)
{
    enum { C_ID, C_CODE, C_NAME };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT id, code, name FROM counter WHERE unit_id = ? AND active = 1"
                  " ORDER BY sort_order, code",
                  DB_ARGS(DV_I(unit_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].id = util_num(dbres_get(&res, i, C_ID));
        (*rows)[i].code = dbres_get(&res, i, C_CODE);
        (*rows)[i].name = dbres_get(&res, i, C_NAME);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
counter_is_in_unit(struct db *db, struct pool *p, long long counter_id, long long unit_id, int *yes)
{
    struct dbres res;
    enum db_rc rc;

    *yes = 0;
    rc = db_query(db, p, "SELECT 1 FROM counter WHERE id = ? AND unit_id = ? AND active = 1",
                  DB_ARGS(DV_I(counter_id), DV_I(unit_id)), &res);
    *yes = rc == DB_OK && res.nrows == 1;
    return rc;
}

enum db_rc
counter_find_locked(struct db *db, struct pool *p, const char *unit_code, const char *code,
                    long long *id)
{
    struct dbres res;
    enum db_rc rc;

    *id = 0;
    rc = db_query(db, p,
                  "SELECT c.id FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                  " WHERE u.code = ? AND c.code = ? FOR UPDATE",
                  DB_ARGS(DV_S(unit_code), DV_S(code)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        *id = util_num(dbres_get(&res, 0, 0));
    }
    return rc;
}

enum db_rc
counter_insert(struct db *db, long long unit_id, const char *code, const char *name, long long *id)
{
    unsigned long long new_id = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "INSERT INTO counter (unit_id, code, name, sort_order)"
                 " SELECT ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM counter WHERE unit_id = ?",
                 DB_ARGS(DV_I(unit_id), DV_S(code), DV_S(name), DV_I(unit_id)), NULL, &new_id);
    *id = (long long)new_id;
    return rc;
}

enum db_rc
counter_set_name(struct db *db, long long id, const char *name)
{
    return db_exec(db, "UPDATE counter SET name = ? WHERE id = ?", DB_ARGS(DV_S(name), DV_I(id)),
                   NULL, NULL);
}

enum db_rc
counter_set_active(struct db *db, long long id, int active)
{
    return db_exec(db, "UPDATE counter SET active = ? WHERE id = ?",
                   DB_ARGS(DV_I(active ? 1 : 0), DV_I(id)), NULL, NULL);
}

enum db_rc
counter_active_code(struct db *db, struct pool *p, const char *unit_code, const char *code,
                    const char **stored)
{
    struct dbres res;
    enum db_rc rc;

    *stored = NULL;
    rc = db_query(db, p,
                  "SELECT c.code FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                  " WHERE u.code = ? AND c.code = ? AND c.active = 1",
                  DB_ARGS(DV_S(unit_code), DV_S(code)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        *stored = dbres_get(&res, 0, 0);
    }
    return rc;
}
