/* store_unit.c — units (the tree, created, edited, moved, closed), their
 * counters and the counters' rating tablets.  See store_unit.h. */
#include "store_unit.h"

#include <string.h>

#include "calendar.h"
#include "qrlink.h"

/* ---- units ------------------------------------------------------------- */

/* A counter's QR link in force, the newest: read from (kind, counter_id,
 * revoked_at, id), one entry.  Left to the optimizer, it was once read from
 * counter_id alone, whose entries are mostly the dossiers' receipts of the
 * counter (a hundred thousand at a million dossiers, for each counter of a
 * public page). */
#define QR_COUNTER_INDEX " FORCE INDEX (ix_qr_kind_counter)"

enum db_rc
unit_find(struct db *db, struct pool *p, const char *code, int lock, struct unit *u)
{
    enum { C_ID, C_CODE, C_PATH, C_FROM, C_TO, C_TRAINING };
#define UNIT_FIND                                                      \
    "SELECT id, code, path, DATE_FORMAT(valid_from, '%Y-%m-%d'),"      \
    "       COALESCE(DATE_FORMAT(valid_to, '%Y-%m-%d'), ''), training" \
    "  FROM org_unit WHERE code = ?"
    static const struct dbmap map[] = {
        DBM(C_ID, struct unit, id, DBM_LL),        DBM(C_CODE, struct unit, code, DBM_STR),
        DBM(C_PATH, struct unit, path, DBM_STR),   DBM(C_FROM, struct unit, valid_from, DBM_STR),
        DBM(C_TO, struct unit, valid_to, DBM_STR), DBM(C_TRAINING, struct unit, training, DBM_BOOL),
    };
    enum db_rc rc;

    memset(u, 0, sizeof(*u));
    if (code == NULL) {
        return DB_OK;
    }
    rc = db_query_row(db, p, lock ? UNIT_FIND " FOR UPDATE" : UNIT_FIND, DB_ARGS(DV_S(code)),
                      DB_MAP(map), sizeof(*u), u, NULL);
#undef UNIT_FIND
    return rc;
}

enum db_rc
unit_list_all(struct db *db, struct pool *p, struct unit_row **rows, size_t *n)
{
    enum { C_ID, C_PARENT, C_CODE, C_NAME, C_SHORT, C_LEVEL, C_PATH, C_TO, C_COUNTERS, C_TRAINING };
    static const struct dbmap map[] = {
        DBM(C_ID, struct unit_row, id, DBM_LL),
        DBM(C_PARENT, struct unit_row, parent, DBM_LL),
        DBM(C_CODE, struct unit_row, code, DBM_STR),
        DBM(C_NAME, struct unit_row, name, DBM_STR),
        DBM(C_SHORT, struct unit_row, short_name, DBM_STR),
        DBM(C_LEVEL, struct unit_row, level, DBM_STR),
        DBM(C_PATH, struct unit_row, path, DBM_STR),
        DBM(C_TO, struct unit_row, valid_to, DBM_STR),
        DBM(C_COUNTERS, struct unit_row, counters, DBM_LL),
        DBM(C_TRAINING, struct unit_row, training, DBM_BOOL),
    };

    return db_query_rows(db, p,
                         "SELECT u.id, COALESCE(u.parent_id, 0), u.code, u.name,"
                         "       COALESCE(u.short_name, ''), u.level, u.path,"
                         "       COALESCE(DATE_FORMAT(u.valid_to, '%Y-%m-%d'), ''),"
                         "       (SELECT COUNT(*) FROM counter c WHERE c.unit_id = u.id AND "
                         "c.active "
                         "= 1),"
                         "       u.training"
                         "  FROM org_unit u ORDER BY u.sort_order, u.name, u.id",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
unit_details_get(struct db *db, struct pool *p, const char *code, struct unit_details *d,
                 int *found)
{
    enum {
        C_PARENT,
        C_CODE,
        C_NAME,
        C_SHORT,
        C_LEVEL,
        C_ADDRESS,
        C_HOTLINE,
        C_EMAIL,
        C_HOURS,
        C_FROM,
        C_SORT,
        C_PLACE,
        C_HEAD,
        C_SIGNS,
        C_TRAINING,
        C_ID,
        C_PATH,
        C_TO,
        C_USERS
    };
    static const struct dbmap map[] = {
        DBM(C_PARENT, struct unit_details, f.parent, DBM_STR),
        DBM(C_CODE, struct unit_details, f.code, DBM_STR),
        DBM(C_NAME, struct unit_details, f.name, DBM_STR),
        DBM(C_SHORT, struct unit_details, f.short_name, DBM_STR),
        DBM(C_LEVEL, struct unit_details, f.level, DBM_STR),
        DBM(C_ADDRESS, struct unit_details, f.address, DBM_STR),
        DBM(C_HOTLINE, struct unit_details, f.hotline, DBM_STR),
        DBM(C_EMAIL, struct unit_details, f.email, DBM_STR),
        DBM(C_HOURS, struct unit_details, f.opening_hours, DBM_STR),
        DBM(C_FROM, struct unit_details, f.valid_from, DBM_STR),
        DBM(C_SORT, struct unit_details, f.sort_order, DBM_STR),
        DBM(C_PLACE, struct unit_details, f.place, DBM_STR),
        DBM(C_HEAD, struct unit_details, f.head_title, DBM_STR),
        DBM(C_SIGNS, struct unit_details, f.parent_signs, DBM_STR),
        DBM(C_TRAINING, struct unit_details, f.training, DBM_STR),
        DBM(C_ID, struct unit_details, id, DBM_LL),
        DBM(C_PATH, struct unit_details, path, DBM_STR),
        DBM(C_TO, struct unit_details, valid_to, DBM_STR),
        DBM(C_USERS, struct unit_details, users, DBM_LL),
    };

    return db_query_row(db, p,
                        "SELECT COALESCE(p.code, ''), u.code, u.name, COALESCE(u.short_name, ''),"
                        "       u.level, COALESCE(u.address, ''), COALESCE(u.hotline, ''),"
                        "       COALESCE(u.email, ''), COALESCE(u.opening_hours, ''),"
                        "       DATE_FORMAT(u.valid_from, '%Y-%m-%d'), u.sort_order,"
                        "       COALESCE(u.place, ''), COALESCE(u.head_title, ''), u.parent_signs,"
                        "       u.training, u.id, u.path, COALESCE(DATE_FORMAT(u.valid_to, "
                        "'%Y-%m-%d'), "
                        "''),"
                        "       (SELECT COUNT(*) FROM users s WHERE s.unit_id = u.id AND "
                        "s.disabled = 0)"
                        "  FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.code "
                        "= ?",
                        DB_ARGS(DV_S(code)), DB_MAP(map), sizeof(*d), d, found);
}

enum db_rc
unit_insert(struct db *db, const struct unit_in *in, const char *parent_path, long long *id)
{
    unsigned long long new_id = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "INSERT INTO org_unit (parent_id, code, name, short_name, level, address,"
                 "       hotline, email, opening_hours, valid_from, sort_order, place,"
                 "       head_title, parent_signs, training)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 DB_ARGS(in->parent_id ? DV_I(in->parent_id) : DV_NULL, DV_S(in->code),
                         DV_S(in->name), DV_S(in->short_name), DV_S(in->level), DV_S(in->address),
                         DV_S(in->hotline), DV_S(in->email), DV_S(in->opening_hours),
                         DV_S(in->valid_from), DV_I(in->sort_order), DV_S(in->place),
                         DV_S(in->head_title), DV_S(in->parent_signs ? in->parent_signs : "none"),
                         DV_I(in->training)),
                 NULL, &new_id);
    *id = (long long)new_id;
    /* the path names the new id, known only after the insert */
    if (rc == DB_OK) {
        rc = db_exec(db, "UPDATE org_unit SET path = CONCAT(?, id, '/') WHERE id = ?",
                     DB_ARGS(DV_S(parent_path), DV_I(*id)), NULL, NULL);
    }
    return rc;
}

enum db_rc
unit_update(struct db *db, long long id, const struct unit_in *in)
{
    return db_exec(db,
                   "UPDATE org_unit SET parent_id = ?, name = ?, short_name = ?, level = ?,"
                   "       address = ?, hotline = ?, email = ?, opening_hours = ?,"
                   "       valid_from = ?, sort_order = ?, place = ?, head_title = ?,"
                   "       parent_signs = ? WHERE id = ?",
                   DB_ARGS(in->parent_id ? DV_I(in->parent_id) : DV_NULL, DV_S(in->name),
                           DV_S(in->short_name), DV_S(in->level), DV_S(in->address),
                           DV_S(in->hotline), DV_S(in->email), DV_S(in->opening_hours),
                           DV_S(in->valid_from), DV_I(in->sort_order), DV_S(in->place),
                           DV_S(in->head_title), DV_S(in->parent_signs ? in->parent_signs : "none"),
                           DV_I(id)),
                   NULL, NULL);
}

enum db_rc
unit_set_training(struct db *db, const char *path, int training)
{
    return db_exec(db, "UPDATE org_unit SET training = ? WHERE path LIKE CONCAT(?, '%')",
                   DB_ARGS(DV_I(training != 0), DV_S(path)), NULL, NULL);
}

enum db_rc
unit_parent_of(struct db *db, struct pool *p, const char *code, long long *parent_id)
{
    struct dbres res;
    enum db_rc rc;

    *parent_id = 0;
    rc = db_query(db, p, "SELECT COALESCE(parent_id, 0) FROM org_unit WHERE code = ?",
                  DB_ARGS(DV_S(code)), &res);
    if (rc == DB_OK) {
        *parent_id = util_num(dbres_get(&res, 0, 0));
    }
    return rc;
}

enum db_rc
unit_move_paths(struct db *db, const char *from, const char *to)
{
    return db_exec(db,
                   "UPDATE org_unit SET path = CONCAT(?, SUBSTRING(path, ?))"
                   " WHERE path LIKE CONCAT(?, '%')",
                   DB_ARGS(DV_S(to), DV_I((long long)strlen(from) + 1), DV_S(from)), NULL, NULL);
}

enum db_rc
unit_set_valid_to(struct db *db, long long id, const char *valid_to)
{
    return db_exec(db, "UPDATE org_unit SET valid_to = ? WHERE id = ?",
                   DB_ARGS(DV_S(valid_to), DV_I(id)), NULL, NULL);
}

enum db_rc
unit_count(struct db *db, struct pool *p, long long *n)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p, "SELECT COUNT(*) FROM org_unit", DB_NOARGS, &res);
    *n = rc == DB_OK ? util_num(dbres_get(&res, 0, 0)) : 0;
    return rc;
}

enum db_rc
unit_paths_rebuild(struct db *db)
{
    enum db_rc rc;

    rc = db_exec(db,
                 "UPDATE org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id"
                 "   SET u.path = CONCAT('/', u.id, '/') WHERE u.parent_id IS NULL",
                 DB_NOARGS, NULL, NULL);
    for (int depth = 0; rc == DB_OK && depth < 8; depth++) {
        rc = db_exec(db,
                     "UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id"
                     "   SET u.path = CONCAT(p.path, u.id, '/') WHERE p.path <> ''",
                     DB_NOARGS, NULL, NULL);
    }
    return rc;
}

enum db_rc
unit_name_of(struct db *db, struct pool *p, long long id, const char **name)
{
    struct dbres res;
    enum db_rc rc;

    *name = NULL;
    rc = db_query(db, p, "SELECT name FROM org_unit WHERE id = ?", DB_ARGS(DV_I(id)), &res);
    if (rc == DB_OK && res.nrows > 0) {
        *name = dbres_get(&res, 0, 0);
    }
    return rc;
}

/* The units a statement selecting id, code, name gives: *rows (n) from p. */
static enum db_rc
unit_names(struct db *db, struct pool *p, const char *sql, const struct dbv *args, size_t nargs,
           struct unit_name **rows, size_t *n)
{
    enum { C_ID, C_CODE, C_NAME };
    static const struct dbmap map[] = {
        DBM(C_ID, struct unit_name, id, DBM_LL),
        DBM(C_CODE, struct unit_name, code, DBM_STR),
        DBM(C_NAME, struct unit_name, name, DBM_STR),
    };

    return db_query_rows(db, p, sql, args, nargs, DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
unit_list_open(struct db *db, struct pool *p, long long unit_id, int except_self,
               struct unit_name **rows, size_t *n)
{
    /* never between a training unit and a real one (sql/050_training.sql) */
    return unit_names(db, p,
                      "SELECT u.id, u.code, u.name FROM org_unit u JOIN org_unit me ON me.id = ?"
                      " WHERE u.valid_to IS NULL AND (? = 0 OR u.id <> me.id)"
                      "   AND u.training = me.training"
                      " ORDER BY u.sort_order, u.name",
                      DB_ARGS(DV_I(unit_id), DV_I(except_self)), rows, n);
}

enum db_rc
unit_list_subtree(struct db *db, struct pool *p, const char *subtree, struct unit_name **rows,
                  size_t *n)
{
    return unit_names(db, p,
                      "SELECT id, code, name FROM org_unit WHERE path LIKE ? AND valid_to IS NULL"
                      " ORDER BY path",
                      DB_ARGS(DV_S(subtree)), rows, n);
}

enum db_rc
unit_list_feedback(struct db *db, struct pool *p, struct unit_name **rows, size_t *n)
{
    return unit_names(db, p,
                      "SELECT u.id, u.code, u.name FROM org_unit u"
                      " WHERE u.valid_to IS NULL AND u.training = 0"
                      "   AND (u.level IN ('centre','department','commune','branch')"
                      "        OR EXISTS (SELECT 1 FROM counter c WHERE c.unit_id = u.id))"
                      " ORDER BY u.sort_order, u.name",
                      DB_NOARGS, rows, n);
}

enum db_rc
unit_list_public(struct db *db, struct pool *p, const char *code, struct public_unit **rows,
                 size_t *n)
{
    enum { C_ID, C_CODE, C_NAME, C_ADDRESS, C_HOTLINE, C_EMAIL, C_HOURS };
    static const struct dbmap map[] = {
        DBM(C_ID, struct public_unit, id, DBM_LL),
        DBM(C_CODE, struct public_unit, code, DBM_STR),
        DBM(C_NAME, struct public_unit, name, DBM_STR),
        DBM(C_ADDRESS, struct public_unit, address, DBM_STR),
        DBM(C_HOTLINE, struct public_unit, hotline, DBM_STR),
        DBM(C_EMAIL, struct public_unit, email, DBM_STR),
        DBM(C_HOURS, struct public_unit, hours, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT u.id, u.code, u.name, u.address, u.hotline, u.email, "
                         "u.opening_hours"
                         "  FROM org_unit u WHERE u.valid_to IS NULL AND u.training = 0"
                         "   AND (u.code = ? OR (? IS NULL AND EXISTS (SELECT 1 FROM counter c"
                         "                      WHERE c.unit_id = u.id AND c.active = 1)))"
                         " ORDER BY u.sort_order, u.name",
                         DB_ARGS(DV_S(code), DV_S(code)), DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
unit_top_centre(struct db *db, struct pool *p, struct top_centre *c)
{
    enum { C_NAME, C_HOTLINE, C_EMAIL, C_ADDRESS };
    static const struct dbmap map[] = {
        DBM(C_NAME, struct top_centre, name, DBM_STR),
        DBM(C_HOTLINE, struct top_centre, hotline, DBM_STR),
        DBM(C_EMAIL, struct top_centre, email, DBM_STR),
        DBM(C_ADDRESS, struct top_centre, address, DBM_STR),
    };

    return db_query_row(db, p,
                        "SELECT name, hotline, email, address FROM org_unit"
                        " WHERE level = 'centre' AND hotline IS NOT NULL AND valid_to IS NULL"
                        "   AND training = 0"
                        " ORDER BY CHAR_LENGTH(path), sort_order LIMIT 1",
                        DB_NOARGS, DB_MAP(map), sizeof(*c), c, &c->found);
}

enum db_rc
counter_list_public(struct db *db, struct pool *p, struct public_counter **rows, size_t *n)
{
    enum { C_UNIT, C_ID, C_NAME, C_NONCE };
    static const struct dbmap map[] = {
        DBM(C_UNIT, struct public_counter, unit_id, DBM_LL),
        DBM(C_ID, struct public_counter, id, DBM_LL),
        DBM(C_NAME, struct public_counter, name, DBM_STR),
        DBM(C_NONCE, struct public_counter, nonce, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT c.unit_id, c.id, c.name,"
                         "       (SELECT q.nonce FROM qr_link q" QR_COUNTER_INDEX
                         "         WHERE q.counter_id = c.id"
                         "           AND q.kind = 'counter' AND q.revoked_at IS NULL"
                         "         ORDER BY q.id DESC LIMIT 1)"
                         "  FROM counter c JOIN org_unit u ON u.id = c.unit_id AND u.training = 0"
                         " WHERE c.active = 1 ORDER BY c.unit_id, c.sort_order, c.code",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
unit_admin_counts(struct db *db, struct pool *p, struct admin_counts *c)
{
    enum { C_UNITS, C_COUNTERS, C_USERS, C_QR, C_API };
    static const struct dbmap map[] = {
        DBM(C_UNITS, struct admin_counts, units, DBM_LL),
        DBM(C_COUNTERS, struct admin_counts, counters, DBM_LL),
        DBM(C_USERS, struct admin_counts, users, DBM_LL),
        DBM(C_QR, struct admin_counts, qr, DBM_LL),
        DBM(C_API, struct admin_counts, api, DBM_LL),
    };

    return db_query_row(db, p,
                        "SELECT (SELECT COUNT(*) FROM org_unit WHERE valid_to IS NULL),"
                        "       (SELECT COUNT(*) FROM counter WHERE active = 1),"
                        "       (SELECT COUNT(*) FROM users WHERE disabled = 0),"
                        "       (SELECT COUNT(*) FROM qr_link WHERE revoked_at IS NULL"
                        "           AND " QR_NOT_DOSSIER "),"
                        "       (SELECT COUNT(*) FROM api_client WHERE active = 1)",
                        DB_NOARGS, DB_MAP(map), sizeof(*c), c, NULL);
}

/* ---- counters ---------------------------------------------------------- */

enum db_rc
counter_list_unit(struct db *db, struct pool *p, long long unit_id, struct counter_full_row **rows,
                  size_t *n)
{
    enum { C_ID, C_CODE, C_NAME, C_ACTIVE, C_NONCE };
    static const struct dbmap map[] = {
        DBM(C_ID, struct counter_full_row, id, DBM_LL),
        DBM(C_CODE, struct counter_full_row, code, DBM_STR),
        DBM(C_NAME, struct counter_full_row, name, DBM_STR),
        DBM(C_ACTIVE, struct counter_full_row, active, DBM_BOOL),
        DBM(C_NONCE, struct counter_full_row, nonce, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT c.id, c.code, c.name, c.active,"
                         "       (SELECT q.nonce FROM qr_link q" QR_COUNTER_INDEX
                         "         WHERE q.kind = 'counter'"
                         "           AND q.counter_id = c.id AND q.revoked_at IS NULL"
                         "         ORDER BY q.id DESC LIMIT 1)"
                         "  FROM counter c WHERE c.unit_id = ? ORDER BY c.sort_order, c.code",
                         DB_ARGS(DV_I(unit_id)), DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
counter_list_active(struct db *db, struct pool *p, long long unit_id, struct counter_row **rows,
                    size_t *n)
{
    enum { C_ID, C_CODE, C_NAME };
    static const struct dbmap map[] = {
        DBM(C_ID, struct counter_row, id, DBM_LL),
        DBM(C_CODE, struct counter_row, code, DBM_STR),
        DBM(C_NAME, struct counter_row, name, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT id, code, name FROM counter WHERE unit_id = ? AND active = 1"
                         " ORDER BY sort_order, code",
                         DB_ARGS(DV_I(unit_id)), DB_MAP(map), sizeof(**rows), rows, n);
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
    static const struct dbmap map[] = {
        DBM(C_ID, struct counter_row, id, DBM_LL),
        DBM(C_NAME, struct counter_row, name, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT c.id, CONCAT(c.name, ' · ', COALESCE(u.short_name, u.name))"
                         "  FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                         " WHERE c.active = 1 ORDER BY u.sort_order, c.sort_order",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
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

enum db_rc
counter_list_scope(struct db *db, struct pool *p, long long unit_id, int subtree_too,
                   const char *subtree, struct counter_row **rows, size_t *n)
{
    enum { C_ID, C_NAME };
    static const struct dbmap map[] = {
        DBM(C_ID, struct counter_row, id, DBM_LL),
        DBM(C_NAME, struct counter_row, name, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT c.id, CONCAT(c.name, ' · ', u.short_name) FROM counter c"
                         "  JOIN org_unit u ON u.id = c.unit_id"
                         " WHERE c.active = 1 AND (c.unit_id = ? OR (? = 1 AND u.path LIKE ?))"
                         " ORDER BY u.sort_order, c.sort_order",
                         DB_ARGS(DV_I(unit_id), DV_I(subtree_too ? 1 : 0), DV_S(subtree)),
                         DB_MAP(map), sizeof(**rows), rows, n);
}

/* ---- counters' rating tablets ------------------------------------------- */

enum db_rc
kiosk_list(struct db *db, struct pool *p, struct kiosk_row **rows, size_t *n)
{
    enum { C_ID, C_NAME, C_COUNTER, C_UNIT, C_CREATED, C_REVOKED, C_LAST };
    static const struct dbmap map[] = {
        DBM(C_ID, struct kiosk_row, id, DBM_LL),
        DBM(C_NAME, struct kiosk_row, name, DBM_STR),
        DBM(C_COUNTER, struct kiosk_row, counter, DBM_STR),
        DBM(C_UNIT, struct kiosk_row, unit, DBM_STR),
        DBM(C_CREATED, struct kiosk_row, created, DBM_STR),
        DBM(C_REVOKED, struct kiosk_row, revoked, DBM_BOOL),
        DBM(C_LAST, struct kiosk_row, last, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT k.id, k.name, c.name, COALESCE(u.short_name, u.name),"
                         "       DATE_FORMAT(k.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                         "       k.revoked_at IS NOT NULL,"
                         "       DATE_FORMAT(k.last_rating + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i')"
                         "  FROM kiosk_device k JOIN counter c ON c.id = k.counter_id"
                         "  JOIN org_unit u ON u.id = c.unit_id"
                         " ORDER BY k.revoked_at IS NOT NULL, u.sort_order, c.sort_order",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
kiosk_find(struct db *db, struct pool *p, const char *token_hash, int interval,
           struct kiosk_device *k)
{
    enum { C_ID, C_COUNTER, C_UNIT, C_COUNTER_NAME, C_UNIT_NAME, C_LINK, C_REVOKED, C_SOON };
    static const struct dbmap map[] = {
        DBM(C_ID, struct kiosk_device, id, DBM_LL),
        DBM(C_COUNTER, struct kiosk_device, counter_id, DBM_LL),
        DBM(C_UNIT, struct kiosk_device, unit_id, DBM_LL),
        DBM(C_COUNTER_NAME, struct kiosk_device, counter_name, DBM_STR),
        DBM(C_UNIT_NAME, struct kiosk_device, unit_name, DBM_STR),
        DBM(C_LINK, struct kiosk_device, link_id, DBM_LL),
        DBM(C_REVOKED, struct kiosk_device, revoked, DBM_BOOL),
        DBM(C_SOON, struct kiosk_device, too_soon, DBM_BOOL),
    };

    return db_query_row(db, p,
                        "SELECT k.id, k.counter_id, c.unit_id, c.name, u.name,"
                        "       (SELECT q.id FROM qr_link q" QR_COUNTER_INDEX
                        "         WHERE q.counter_id = c.id AND q.kind = 'counter'"
                        "          AND q.revoked_at IS NULL ORDER BY q.id DESC LIMIT 1),"
                        "       k.revoked_at IS NOT NULL OR c.active = 0,"
                        "       COALESCE(k.last_rating > UTC_TIMESTAMP() - INTERVAL ? SECOND, 0)"
                        "  FROM kiosk_device k JOIN counter c ON c.id = k.counter_id"
                        "  JOIN org_unit u ON u.id = c.unit_id WHERE k.token_hash = ?",
                        DB_ARGS(DV_I(interval), DV_S(token_hash)), DB_MAP(map), sizeof(*k), k,
                        NULL);
}

enum db_rc
kiosk_touch(struct db *db, long long id)
{
    return db_exec(db, "UPDATE kiosk_device SET last_rating = UTC_TIMESTAMP() WHERE id = ?",
                   DB_ARGS(DV_I(id)), NULL, NULL);
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

enum db_rc
counter_list_open(struct db *db, struct pool *p, struct counter_row **rows, size_t *n)
{
    enum { C_ID, C_UNIT, C_CODE, C_NAME };
    static const struct dbmap map[] = {
        DBM(C_ID, struct counter_row, id, DBM_LL),
        DBM(C_UNIT, struct counter_row, unit_code, DBM_STR),
        DBM(C_CODE, struct counter_row, code, DBM_STR),
        DBM(C_NAME, struct counter_row, name, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT c.id, u.code, c.code, c.name FROM counter c"
                         "  JOIN org_unit u ON u.id = c.unit_id"
                         " WHERE c.active = 1 AND u.valid_to IS NULL"
                         " ORDER BY u.sort_order, u.name, c.sort_order, c.code",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
counter_find(struct db *db, struct pool *p, long long unit_id, const char *code, long long *id)
{
    struct dbres res;
    enum db_rc rc;

    *id = 0;
    rc = db_query(db, p, "SELECT id FROM counter WHERE unit_id = ? AND code = ?",
                  DB_ARGS(DV_I(unit_id), DV_S(code)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        *id = util_num(dbres_get(&res, 0, 0));
    }
    return rc;
}

enum db_rc
unit_open_id(struct db *db, struct pool *p, const char *code, const char *path_like, long long *id)
{
    struct dbres res;
    enum db_rc rc = db_query(db, p,
                             "SELECT id FROM org_unit WHERE code = ? AND valid_to IS NULL"
                             "   AND path LIKE ?",
                             DB_ARGS(DV_S(code), DV_S(path_like)), &res);

    *id = rc == DB_OK && res.nrows ? util_num(dbres_get(&res, 0, 0)) : 0;
    return rc;
}
