/* legal.c — legal versions and the one lateness rule. */
#include "legal.h"

#include <string.h>

#include "calendar.h"
#include "db.h"
#include "util.h"

const char *const supplement_clocks[4] = { "restart", "pause", "late_request", "too_many" };

const char *const lateness_names[8] = { "none", "early", "on_time", "late",
                                        "overdue", "near", "ok", "paused" };

/* The columns of the SELECT below. */
enum legal_version_col {
    LV_CODE,
    LV_TITLE,
    LV_LEAD_UNIT,
    LV_SUPPLEMENT_RULE,
    LV_ONTIME_BASE,
    LV_PAPERS,
    LV_LEAD_DAYS,
    LV_MAX_REAPPOINT,
    LV_NEAR_DUE_DAYS,
    LV_SUPPLEMENT_WITHIN_DAYS,
    LV_SUPPLEMENT_MAX_RESTARTS
};

enum db_rc
legal_version_for(struct db *db, struct pool *p, time_t received, struct legal_version *v)
{
    char day[11];
    struct dbres res;
    enum db_rc rc;

    cal_format(cal_local_day(received), day);
    /* the newest version in force that day; a dossier older than every row
     * (an import from before 2018) takes the oldest */
    rc = db_query(db, p,
                  "SELECT legal_version, title, lead_unit, supplement_rule, ontime_base, papers,"
                  "       lead_days, max_reappoint, near_due_days, supplement_within_days,"
                  "       supplement_max_restarts"
                  "  FROM legal_version"
                  " ORDER BY effective_from <= ? DESC,"
                  "          IF(effective_from <= ?, effective_from, NULL) DESC, effective_from"
                  " LIMIT 1",
                  DB_ARGS(DV_S(day), DV_S(day)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    if (res.nrows == 0) {
        return DB_ERR;
    }
    v->code = dbres_get(&res, 0, LV_CODE);
    v->title = dbres_get(&res, 0, LV_TITLE);
    v->lead_unit = dbres_get(&res, 0, LV_LEAD_UNIT);
    v->supplement_rule = dbres_get(&res, 0, LV_SUPPLEMENT_RULE);
    v->ontime_base = dbres_get(&res, 0, LV_ONTIME_BASE);
    v->papers = dbres_get(&res, 0, LV_PAPERS);
    v->lead_days = (int)util_num(dbres_get(&res, 0, LV_LEAD_DAYS));
    v->max_reappoint = (int)util_num(dbres_get(&res, 0, LV_MAX_REAPPOINT));
    v->near_due_days = (int)util_num(dbres_get(&res, 0, LV_NEAR_DUE_DAYS));
    v->supplement_within_days = (int)util_num(dbres_get(&res, 0, LV_SUPPLEMENT_WITHIN_DAYS));
    v->supplement_max_restarts = (int)util_num(dbres_get(&res, 0, LV_SUPPLEMENT_MAX_RESTARTS));
    return DB_OK;
}

enum supplement_clock
legal_supplement_clock(const struct cal *cal, const struct legal_version *v, time_t cycle_start,
                       int restarts, time_t now)
{
    int pause = strcmp(v->supplement_rule, "pause") == 0;

    /* "không quá 03 ngày làm việc kể từ ngày tiếp nhận hồ sơ": the day of
     * receipt itself is not counted (Civil Code Art. 147(2)) */
    if (cal_working_days_between(cal, cal_local_day(cycle_start), cal_local_day(now)) >
        v->supplement_within_days) {
        return SC_LATE_REQUEST;
    }
    if (!pause && restarts >= v->supplement_max_restarts) {
        return SC_TOO_MANY;
    }
    return pause ? SC_PAUSE : SC_RESTART;
}

enum lateness
legal_lateness(const struct cal *cal, time_t now, const char *status, const char *wait_clock,
               time_t statutory_due, time_t finished, int near_days)
{
    int f, u;

    if (strcmp(status, "refused") == 0 || strcmp(status, "stopped") == 0) {
        return LATE_NONE;
    }
    if (finished) {
        f = cal_local_day(finished);
        u = cal_local_day(statutory_due);
        return f < u ? LATE_EARLY : f == u ? LATE_ON_TIME : LATE_LATE;
    }
    if (strcmp(status, "supplement") == 0 && wait_clock &&
        (strcmp(wait_clock, "restart") == 0 || strcmp(wait_clock, "pause") == 0)) {
        return LATE_WAITING;
    }
    if (now > statutory_due) {
        return LATE_OVERDUE;
    }
    if (cal && cal_working_days_between(cal, cal_local_day(now), cal_local_day(statutory_due)) <=
                   near_days) {
        return LATE_NEAR;
    }
    return LATE_OK;
}
