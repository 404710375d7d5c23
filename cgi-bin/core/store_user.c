/* store_user.c — staff accounts (listed, created, edited, disabled, their
 * passwords reset) and API clients.  See store_user.h. */
#include "store_user.h"

#include <string.h>

#include "calendar.h"

/* ---- accounts ----------------------------------------------------------- */

enum db_rc
user_list(struct db *db, struct pool *p, const char *unit_code, size_t limit,
          struct user_row **rows, size_t *n)
{
    enum {
        C_USERNAME,
        C_NAME,
        C_TITLE,
        C_ROLE,
        C_UNIT,
        C_UNIT_NAME,
        C_COUNTER,
        C_DISABLED,
        C_MUST_CHANGE
    };
    static const struct dbmap map[] = {
        DBM(C_USERNAME, struct user_row, username, DBM_STR),
        DBM(C_NAME, struct user_row, full_name, DBM_STR),
        DBM(C_TITLE, struct user_row, title, DBM_STR),
        DBM(C_ROLE, struct user_row, role, DBM_STR),
        DBM(C_UNIT, struct user_row, unit_code, DBM_STR),
        DBM(C_UNIT_NAME, struct user_row, unit_name, DBM_STR),
        DBM(C_COUNTER, struct user_row, counter_code, DBM_STR),
        DBM(C_DISABLED, struct user_row, disabled, DBM_BOOL),
        DBM(C_MUST_CHANGE, struct user_row, must_change, DBM_BOOL),
    };

    return db_query_rows(db, p,
                         "SELECT s.username, s.full_name, COALESCE(s.title, ''), s.role, u.code,"
                         "       COALESCE(u.short_name, u.name), COALESCE(c.code, ''), s.disabled,"
                         "       s.must_change_pw"
                         "  FROM users s JOIN org_unit u ON u.id = s.unit_id"
                         "  LEFT JOIN counter c ON c.id = s.counter_id"
                         " WHERE (? IS NULL OR u.code = ?)"
                         " ORDER BY u.sort_order, u.name, s.username LIMIT ?",
                         DB_ARGS(DV_S(unit_code), DV_S(unit_code), DV_I(limit)), DB_MAP(map),
                         sizeof(**rows), rows, n);
}

enum db_rc
user_details_get(struct db *db, struct pool *p, const char *username, struct user_details *d,
                 int *found)
{
    enum {
        C_NAME,
        C_TITLE,
        C_ROLE,
        C_UNIT,
        C_COUNTER,
        C_USERNAME,
        C_DISABLED,
        C_MUST_CHANGE,
        C_CREATED,
        C_SESSIONS,
        C_ID
    };
    static const struct dbmap map[] = {
        DBM(C_NAME, struct user_details, full_name, DBM_STR),
        DBM(C_TITLE, struct user_details, title, DBM_STR),
        DBM(C_ROLE, struct user_details, role, DBM_STR),
        DBM(C_UNIT, struct user_details, unit_code, DBM_STR),
        DBM(C_COUNTER, struct user_details, counter_id, DBM_LL),
        DBM(C_USERNAME, struct user_details, username, DBM_STR),
        DBM(C_DISABLED, struct user_details, disabled, DBM_BOOL),
        DBM(C_MUST_CHANGE, struct user_details, must_change, DBM_BOOL),
        DBM(C_CREATED, struct user_details, created, DBM_STR),
        DBM(C_SESSIONS, struct user_details, sessions, DBM_LL),
        DBM(C_ID, struct user_details, id, DBM_LL),
    };

    return db_query_row(db, p,
                        "SELECT s.full_name, COALESCE(s.title, ''), s.role, u.code,"
                        "       COALESCE(s.counter_id, 0), s.username, s.disabled, "
                        "s.must_change_pw,"
                        "       DATE_FORMAT(s.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                        "       (SELECT COUNT(*) FROM session x WHERE x.user_id = s.id"
                        "           AND x.expires_at > UTC_TIMESTAMP()), s.id"
                        "  FROM users s JOIN org_unit u ON u.id = s.unit_id WHERE s.username = ?",
                        DB_ARGS(DV_S(username)), DB_MAP(map), sizeof(*d), d, found);
}

enum db_rc
user_find(struct db *db, struct pool *p, const char *username, int lock, long long *id)
{
#define USER_FIND "SELECT id FROM users WHERE username = ?"
    struct dbres res;
    enum db_rc rc;

    *id = 0;
    rc = db_query(db, p, lock ? USER_FIND " FOR UPDATE" : USER_FIND, DB_ARGS(DV_S(username)), &res);
#undef USER_FIND
    if (rc == DB_OK && res.nrows == 1) {
        *id = util_num(dbres_get(&res, 0, 0));
    }
    return rc;
}

enum db_rc
user_insert(struct db *db, const struct user_in *in, const char *password_hash, int must_change,
            long long *id)
{
    unsigned long long new_id = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "INSERT INTO users (username, full_name, title, role, unit_id, counter_id,"
                 "       password_hash, must_change_pw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 DB_ARGS(DV_S(in->username), DV_S(in->full_name), DV_S(in->title), DV_S(in->role),
                         DV_I(in->unit_id), in->counter_id ? DV_I(in->counter_id) : DV_NULL,
                         DV_S(password_hash), DV_I(must_change ? 1 : 0)),
                 NULL, &new_id);
    *id = (long long)new_id;
    return rc;
}

enum db_rc
user_update(struct db *db, long long id, const struct user_in *in)
{
    return db_exec(db,
                   "UPDATE users SET full_name = ?, title = ?, role = ?, unit_id = ?,"
                   "       counter_id = ? WHERE id = ?",
                   DB_ARGS(DV_S(in->full_name), DV_S(in->title), DV_S(in->role), DV_I(in->unit_id),
                           in->counter_id ? DV_I(in->counter_id) : DV_NULL, DV_I(id)),
                   NULL, NULL);
}

enum db_rc
user_set_disabled(struct db *db, long long id, int disabled)
{
    return db_exec(db, "UPDATE users SET disabled = ? WHERE id = ?",
                   DB_ARGS(DV_I(disabled ? 1 : 0), DV_I(id)), NULL, NULL);
}

enum db_rc
user_set_password(struct db *db, long long id, const char *password_hash, int must_change)
{
    return db_exec(db, "UPDATE users SET password_hash = ?, must_change_pw = ? WHERE id = ?",
                   DB_ARGS(DV_S(password_hash), DV_I(must_change ? 1 : 0), DV_I(id)), NULL, NULL);
}

enum db_rc
user_password_hash(struct db *db, struct pool *p, long long id, const char **hash)
{
    struct dbres res;
    enum db_rc rc;

    *hash = NULL;
    rc = db_query(db, p, "SELECT password_hash FROM users WHERE id = ?", DB_ARGS(DV_I(id)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        *hash = dbres_get(&res, 0, 0);
    }
    return rc;
}

enum db_rc
user_end_sessions(struct db *db, long long id)
{
    return db_exec(db, "DELETE FROM session WHERE user_id = ?", DB_ARGS(DV_I(id)), NULL, NULL);
}

/* ---- staff of a unit ---------------------------------------------------- */

enum db_rc
user_list_on_duty(struct db *db, struct pool *p, struct duty_row **rows, size_t *n)
{
    enum { C_COUNTER, C_NAME, C_TITLE };
    static const struct dbmap map[] = {
        DBM(C_COUNTER, struct duty_row, counter_id, DBM_LL),
        DBM(C_NAME, struct duty_row, full_name, DBM_STR),
        DBM(C_TITLE, struct duty_row, title, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT counter_id, full_name, title FROM users"
                         " WHERE counter_id IS NOT NULL AND disabled = 0 AND role = 'officer'"
                         " ORDER BY full_name",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
}

/* The accounts a statement selecting id, full_name gives: *rows (n) from p. */
static enum db_rc
staff_rows(struct db *db, struct pool *p, const char *sql, const struct dbv *args, size_t nargs,
           struct staff_row **rows, size_t *n)
{
    enum { C_ID, C_NAME };
    static const struct dbmap map[] = {
        DBM(C_ID, struct staff_row, id, DBM_LL),
        DBM(C_NAME, struct staff_row, full_name, DBM_STR),
    };

    return db_query_rows(db, p, sql, args, nargs, DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
user_list_staff(struct db *db, struct pool *p, long long unit_id, struct staff_row **rows,
                size_t *n)
{
    return staff_rows(db, p,
                      "SELECT id, full_name FROM users WHERE unit_id = ? AND disabled = 0"
                      "   AND role IN ('officer', 'leader') ORDER BY full_name",
                      DB_ARGS(DV_I(unit_id)), rows, n);
}

enum staff_in_unit_col { SIU_ID, SIU_COUNTER }; /* the columns of the SELECT below */

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
        *counter_id = util_num(dbres_get(&res, 0, SIU_COUNTER));
    }
    return rc;
}

/* ---- API clients -------------------------------------------------------- */

enum db_rc
api_client_list(struct db *db, struct pool *p, struct api_client_row **rows, size_t *n)
{
    enum { C_ID, C_NAME, C_UNIT_CODE, C_UNIT_NAME, C_ACTIVE, C_CREATED };
    static const struct dbmap map[] = {
        DBM(C_ID, struct api_client_row, id, DBM_LL),
        DBM(C_NAME, struct api_client_row, name, DBM_STR),
        DBM(C_UNIT_CODE, struct api_client_row, unit_code, DBM_STR),
        DBM(C_UNIT_NAME, struct api_client_row, unit_name, DBM_STR),
        DBM(C_ACTIVE, struct api_client_row, active, DBM_BOOL),
        DBM(C_CREATED, struct api_client_row, created, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT a.id, a.name, u.code, COALESCE(u.short_name, u.name), a.active,"
                         "       DATE_FORMAT(a.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i')"
                         "  FROM api_client a JOIN org_unit u ON u.id = a.unit_id"
                         " ORDER BY a.active DESC, a.name",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
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

enum db_rc
user_list_colleagues(struct db *db, struct pool *p, long long unit_id, long long except_id,
                     struct colleague_row **rows, size_t *n)
{
    enum { C_ID, C_NAME, C_TITLE };
    static const struct dbmap map[] = {
        DBM(C_ID, struct colleague_row, id, DBM_LL),
        DBM(C_NAME, struct colleague_row, full_name, DBM_STR),
        DBM(C_TITLE, struct colleague_row, title, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT id, full_name, title FROM users WHERE unit_id = ? AND disabled = 0"
                         "   AND role IN ('officer','leader') AND id <> ? ORDER BY full_name",
                         DB_ARGS(DV_I(unit_id), DV_I(except_id)), DB_MAP(map), sizeof(**rows), rows,
                         n);
}

enum db_rc
user_list_subtree(struct db *db, struct pool *p, const char *subtree, struct staff_row **rows,
                  size_t *n)
{
    return staff_rows(db, p,
                      "SELECT o.id, o.full_name FROM users o JOIN org_unit u ON u.id = o.unit_id"
                      " WHERE u.path LIKE ? ORDER BY o.full_name",
                      DB_ARGS(DV_S(subtree)), rows, n);
}

enum by_key_col { BK_ID, BK_SUBTREE }; /* the columns of the SELECT below */

enum db_rc
api_client_by_key(struct db *db, struct pool *p, const char *key_hash, long long *id,
                  const char **subtree)
{
    struct dbres res;
    enum db_rc rc;

    *subtree = NULL;
    rc = db_query(db, p,
                  "SELECT c.id, CONCAT(u.path, '%') FROM api_client c"
                  "  JOIN org_unit u ON u.id = c.unit_id WHERE c.key_hash = ? AND c.active = 1",
                  DB_ARGS(DV_S(key_hash)), &res);
    if (rc == DB_OK && res.nrows) {
        *id = util_num(dbres_get(&res, 0, BK_ID));
        *subtree = dbres_get(&res, 0, BK_SUBTREE);
    }
    return rc;
}
