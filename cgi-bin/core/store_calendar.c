/* store_calendar.c — the calendar's exception days and the rules of each
 * legal version, as the administrator and the operator write them.  See
 * store_calendar.h. */
#include "store_calendar.h"

#include <string.h>

/* Both day queries read these columns, in this order. */
#define DAY_COLS                                                                       \
    "SELECT DATE_FORMAT(day, '%Y-%m-%d'), is_working, kind, name_vi, name_en, source," \
    "       confirmed FROM calendar_day"
enum { D_DAY, D_WORKING, D_KIND, D_NAME_VI, D_NAME_EN, D_SOURCE, D_CONFIRMED };

static const struct dbmap day_map[] = {
    DBM(D_DAY, struct calendar_day_row, day, DBM_STR),
    DBM(D_WORKING, struct calendar_day_row, is_working, DBM_STR),
    DBM(D_KIND, struct calendar_day_row, kind, DBM_STR),
    DBM(D_NAME_VI, struct calendar_day_row, name_vi, DBM_STR),
    DBM(D_NAME_EN, struct calendar_day_row, name_en, DBM_STR),
    DBM(D_SOURCE, struct calendar_day_row, source, DBM_STR),
    DBM(D_CONFIRMED, struct calendar_day_row, confirmed, DBM_STR),
};

enum db_rc
calendar_day_list(struct db *db, struct pool *p, const char *from, const char *to,
                  struct calendar_day_row **rows, size_t *n)
{
    return db_query_rows(db, p, DAY_COLS " WHERE day BETWEEN ? AND ? ORDER BY day",
                         DB_ARGS(DV_S(from), DV_S(to)), DB_MAP(day_map), sizeof(**rows), rows, n);
}

enum db_rc
calendar_day_get(struct db *db, struct pool *p, const char *day, struct calendar_day_row *d,
                 int *found)
{
    return db_query_row(db, p, DAY_COLS " WHERE day = ?", DB_ARGS(DV_S(day)), DB_MAP(day_map),
                        sizeof(*d), d, found);
}

enum db_rc
calendar_day_save(struct db *db, const struct calendar_day_in *in)
{
    return db_exec(db,
                   "INSERT INTO calendar_day (day, is_working, kind, name_vi, name_en, source,"
                   "       confirmed) VALUES (?, ?, ?, ?, ?, ?, ?)"
                   " ON DUPLICATE KEY UPDATE is_working = VALUES(is_working),"
                   "       kind = VALUES(kind), name_vi = VALUES(name_vi),"
                   "       name_en = VALUES(name_en), source = VALUES(source),"
                   "       confirmed = VALUES(confirmed)",
                   DB_ARGS(DV_S(in->day), DV_I(in->is_working ? 1 : 0), DV_S(in->kind),
                           DV_S(in->name_vi), DV_S(in->name_en), DV_S(in->source),
                           DV_I(in->confirmed ? 1 : 0)),
                   NULL, NULL);
}

enum db_rc
calendar_day_delete(struct db *db, const char *day, int *done)
{
    unsigned long long n = 0;
    enum db_rc rc;

    rc = db_exec(db, "DELETE FROM calendar_day WHERE day = ?", DB_ARGS(DV_S(day)), &n, NULL);
    *done = rc == DB_OK && n > 0;
    return rc;
}

/* ---- the rules of each legal version ----------------------------------- */

enum db_rc
legal_rule_list(struct db *db, struct pool *p, struct legal_rule_row **rows, size_t *n)
{
    enum {
        C_VERSION,
        C_FROM,
        C_LEAD,
        C_UNIT,
        C_MAX,
        C_NEAR,
        C_SWITHIN,
        C_SMAX,
        C_SRULE,
        C_TITLE,
        C_ONTIME
    };
    static const struct dbmap map[] = {
        DBM(C_VERSION, struct legal_rule_row, legal_version, DBM_STR),
        DBM(C_FROM, struct legal_rule_row, effective_from, DBM_STR),
        DBM(C_LEAD, struct legal_rule_row, lead_days, DBM_STR),
        DBM(C_UNIT, struct legal_rule_row, lead_unit, DBM_STR),
        DBM(C_MAX, struct legal_rule_row, max_reappoint, DBM_STR),
        DBM(C_NEAR, struct legal_rule_row, near_due_days, DBM_STR),
        DBM(C_SWITHIN, struct legal_rule_row, supplement_within_days, DBM_STR),
        DBM(C_SMAX, struct legal_rule_row, supplement_max_restarts, DBM_STR),
        DBM(C_SRULE, struct legal_rule_row, supplement_rule, DBM_STR),
        DBM(C_TITLE, struct legal_rule_row, title, DBM_STR),
        DBM(C_ONTIME, struct legal_rule_row, ontime_base, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT legal_version, DATE_FORMAT(effective_from, '%Y-%m-%d'), lead_days,"
                         "       lead_unit, max_reappoint, near_due_days, supplement_within_days,"
                         "       supplement_max_restarts, supplement_rule, title, ontime_base"
                         "  FROM legal_version ORDER BY effective_from DESC, legal_version",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
legal_rule_insert(struct db *db, const struct legal_rule_in *in)
{
    return db_exec(db,
                   "INSERT INTO legal_version (legal_version, effective_from, title, lead_days,"
                   "       lead_unit, max_reappoint, near_due_days, supplement_within_days,"
                   "       supplement_max_restarts, supplement_rule, ontime_base, papers)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                   "         (SELECT p.papers FROM legal_version p WHERE p.effective_from <= ?"
                   "           ORDER BY p.effective_from DESC LIMIT 1))",
                   DB_ARGS(DV_S(in->legal_version), DV_S(in->effective_from),
                           DV_S(in->legal_version), DV_I(in->lead_days), DV_S(in->lead_unit),
                           DV_I(in->max_reappoint), DV_I(in->near_due_days),
                           DV_I(in->supplement_within_days), DV_I(in->supplement_max_restarts),
                           DV_S(in->supplement_rule), DV_S(in->ontime_base),
                           DV_S(in->effective_from)),
                   NULL, NULL);
}

enum db_rc
legal_rule_lock(struct db *db, struct pool *p, const char *legal_version, int *found)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p, "SELECT 1 FROM legal_version WHERE legal_version = ? FOR UPDATE",
                  DB_ARGS(DV_S(legal_version)), &res);
    *found = rc == DB_OK && res.nrows == 1;
    return rc;
}

enum db_rc
legal_rule_update(struct db *db, const struct legal_rule_in *in)
{
    return db_exec(db,
                   "UPDATE legal_version SET lead_days = ?, lead_unit = ?, max_reappoint = ?,"
                   "       near_due_days = ?, supplement_within_days = ?,"
                   "       supplement_max_restarts = ?, supplement_rule = ?, ontime_base = ?"
                   " WHERE legal_version = ?",
                   DB_ARGS(DV_I(in->lead_days), DV_S(in->lead_unit), DV_I(in->max_reappoint),
                           DV_I(in->near_due_days), DV_I(in->supplement_within_days),
                           DV_I(in->supplement_max_restarts), DV_S(in->supplement_rule),
                           DV_S(in->ontime_base), DV_S(in->legal_version)),
                   NULL, NULL);
}
