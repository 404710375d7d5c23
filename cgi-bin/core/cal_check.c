/* cal_check.c — the calendar's coverage warnings (cal_check.h). */
#include "cal_check.h"

#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "db.h"
#include "util.h"

/* The columns of the SELECTs below: the counts, then the years without a calendar. */
enum count_col { CNT_DAYS_OFF, CNT_UNCONFIRMED };
enum gap_col { GAP_YEAR, GAP_DOSSIERS };

enum db_rc
cal_check(struct db *db, struct pool *p, int today, struct cal_check *out)
{
    struct dbres res;
    char from[11], to[11], jan1[11];
    struct buf days = { 0 };
    int year;
    enum db_rc rc;

    memset(out, 0, sizeof(*out));
    out->from = today;
    out->to = today + CAL_CHECK_AHEAD;
    cal_format(out->from, from);
    cal_format(out->to, to);
    cal_ymd(today, &year, NULL, NULL);
    cal_format(cal_day_from_ymd(year, 1, 1), jan1);
    rc = db_query(db, p,
                  "SELECT (SELECT COUNT(*) FROM calendar_day"
                  "         WHERE day BETWEEN ? AND ? AND is_working = 0),"
                  "       (SELECT COUNT(*) FROM calendar_day WHERE confirmed = 0)",
                  DB_ARGS(DV_S(from), DV_S(to)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    out->days_off = util_num(dbres_get(&res, 0, CNT_DAYS_OFF));
    out->unconfirmed = util_num(dbres_get(&res, 0, CNT_UNCONFIRMED));
    rc = db_query(db, p,
                  "SELECT DATE_FORMAT(day, '%Y-%m-%d') FROM calendar_day WHERE confirmed = 0"
                  " ORDER BY day LIMIT ?",
                  DB_ARGS(DV_I(CAL_CHECK_LIST)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < res.nrows; i++) {
        buf_adds(&days, i ? ", " : "");
        buf_adds(&days, dbres_get(&res, i, 0));
    }
    out->unconfirmed_days = pool_strdup(p, days.len ? days.p : "");
    buf_free(&days);
    /* the appointments of dossiers still being handled, from this year on,
     * in years the table has no row for: their due dates skipped no holiday */
    rc = db_query(db, p,
                  "SELECT YEAR(d.due_at + " SQL_VN_OFFSET ") AS y, COUNT(*) FROM dossier d"
                  " WHERE d.status IN ('received','processing','supplement')"
                  "   AND d.due_at >= ? - " SQL_VN_OFFSET " GROUP BY y"
                  " HAVING y NOT IN (SELECT DISTINCT YEAR(c.day) FROM calendar_day c)"
                  " ORDER BY y",
                  DB_ARGS(DV_S(jan1)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < res.nrows && out->ngaps < NELEM(out->gaps); i++) {
        out->gaps[out->ngaps].year = (int)util_num(dbres_get(&res, i, GAP_YEAR));
        out->gaps[out->ngaps++].dossiers = util_num(dbres_get(&res, i, GAP_DOSSIERS));
    }
    return DB_OK;
}

int
cal_check_warnings(const struct cal_check *c)
{
    return (c->days_off == 0) + (c->unconfirmed > 0) + (int)c->ngaps;
}
