/* store_canned.c — a unit's canned answers.  See store_canned.h. */
#include "store_canned.h"

enum db_rc
canned_list(struct db *db, struct pool *p, long long unit_id, struct canned_row **rows, size_t *n)
{
    enum { C_ID, C_TITLE, C_BODY };
    static const struct dbmap map[] = {
        DBM(C_ID, struct canned_row, id, DBM_LL),
        DBM(C_TITLE, struct canned_row, title, DBM_STR),
        DBM(C_BODY, struct canned_row, body, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT id, title, body FROM canned_answer WHERE unit_id = ? ORDER BY "
                         "title",
                         DB_ARGS(DV_I(unit_id)), DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
canned_insert(struct db *db, long long unit_id, const char *title, const char *body,
              long long user_id, long long *id)
{
    unsigned long long new_id = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "INSERT INTO canned_answer (unit_id, title, body, updated_by, updated_at)"
                 " VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
                 DB_ARGS(DV_I(unit_id), DV_S(title), DV_S(body), DV_I(user_id)), NULL, &new_id);
    *id = (long long)new_id;
    return rc;
}

enum db_rc
canned_update(struct db *db, long long id, long long unit_id, const char *title, const char *body,
              long long user_id, int *done)
{
    unsigned long long n = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "UPDATE canned_answer SET title = ?, body = ?, updated_by = ?,"
                 "       updated_at = UTC_TIMESTAMP() WHERE id = ? AND unit_id = ?",
                 DB_ARGS(DV_S(title), DV_S(body), DV_I(user_id), DV_I(id), DV_I(unit_id)), &n,
                 NULL);
    *done = rc == DB_OK && n > 0;
    return rc;
}

enum db_rc
canned_remove(struct db *db, long long id, long long unit_id, int *done)
{
    unsigned long long n = 0;
    enum db_rc rc;

    rc = db_exec(db, "DELETE FROM canned_answer WHERE id = ? AND unit_id = ?",
                 DB_ARGS(DV_I(id), DV_I(unit_id)), &n, NULL);
    *done = rc == DB_OK && n == 1;
    return rc;
}
