/* store_unit.c — units' counters: listed, created, renamed, taken out of
 * service; and their rating tablets.  See store_unit.h. */
#include "store_unit.h"

#include "calendar.h"

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

enum db_rc
counter_list_all_active(struct db *db, struct pool *p, struct counter_row **rows, size_t *n)
{
    enum { C_ID, C_NAME };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT c.id, CONCAT(c.name, ' · ', COALESCE(u.short_name, u.name))"
                  "  FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                  " WHERE c.active = 1 ORDER BY u.sort_order, c.sort_order",
                  DB_NOARGS, &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].id = util_num(dbres_get(&res, i, C_ID));
        (*rows)[i].name = dbres_get(&res, i, C_NAME);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
counter_exists_active(struct db *db, struct pool *p, long long counter_id, int *yes)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p, "SELECT id FROM counter WHERE id = ? AND active = 1",
                  DB_ARGS(DV_I(counter_id)), &res);
    *yes = rc == DB_OK && res.nrows == 1;
    return rc;
}

/* ---- counters' rating tablets ------------------------------------------- */

enum db_rc
kiosk_list(struct db *db, struct pool *p, struct kiosk_row **rows, size_t *n)
{
    enum { C_ID, C_NAME, C_COUNTER, C_UNIT, C_CREATED, C_REVOKED, C_LAST };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT k.id, k.name, c.name, COALESCE(u.short_name, u.name),"
                  "       DATE_FORMAT(k.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                  "       k.revoked_at IS NOT NULL,"
                  "       DATE_FORMAT(k.last_rating + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i')"
                  "  FROM kiosk_device k JOIN counter c ON c.id = k.counter_id"
                  "  JOIN org_unit u ON u.id = c.unit_id"
                  " ORDER BY k.revoked_at IS NOT NULL, u.sort_order, c.sort_order",
                  DB_NOARGS, &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        struct kiosk_row *k = &(*rows)[i];

        k->id = util_num(dbres_get(&res, i, C_ID));
        k->name = dbres_get(&res, i, C_NAME);
        k->counter = dbres_get(&res, i, C_COUNTER);
        k->unit = dbres_get(&res, i, C_UNIT);
        k->created = dbres_get(&res, i, C_CREATED);
        k->revoked = util_num(dbres_get(&res, i, C_REVOKED)) != 0;
        k->last = dbres_get(&res, i, C_LAST);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
kiosk_insert(struct db *db, long long counter_id, const char *name, const char *token_hash,
             long long *id)
{
    unsigned long long new_id = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "INSERT INTO kiosk_device (counter_id, name, token_hash, created_at)"
                 " VALUES (?, ?, ?, UTC_TIMESTAMP())",
                 DB_ARGS(DV_I(counter_id), DV_S(name), DV_S(token_hash)), NULL, &new_id);
    *id = (long long)new_id;
    return rc;
}

enum db_rc
kiosk_set_revoked(struct db *db, long long id, int *done)
{
    unsigned long long n = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "UPDATE kiosk_device SET revoked_at = UTC_TIMESTAMP()"
                 " WHERE id = ? AND revoked_at IS NULL",
                 DB_ARGS(DV_I(id)), &n, NULL);
    *done = rc == DB_OK && n == 1;
    return rc;
}
