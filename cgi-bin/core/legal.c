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
    LV_SUPPLEMENT_MAX_RESTARTS,
    LV_EFFECTIVE_FROM /* the cache's read only */
};
#define LV_COLS                                                                     \
    "SELECT legal_version, title, lead_unit, supplement_rule, ontime_base, papers," \
    "       lead_days, max_reappoint, near_due_days, supplement_within_days,"       \
    "       supplement_max_restarts"

static void
lv_from_row(const struct dbres *res, size_t i, struct legal_version *v)
{
    static const struct dbmap map[] = {
        DBM(LV_CODE, struct legal_version, code, DBM_STR),
        DBM(LV_TITLE, struct legal_version, title, DBM_STR),
        DBM(LV_LEAD_UNIT, struct legal_version, lead_unit, DBM_STR),
        DBM(LV_SUPPLEMENT_RULE, struct legal_version, supplement_rule, DBM_STR),
        DBM(LV_ONTIME_BASE, struct legal_version, ontime_base, DBM_STR),
        DBM(LV_PAPERS, struct legal_version, papers, DBM_STR),
        DBM(LV_LEAD_DAYS, struct legal_version, lead_days, DBM_INT),
        DBM(LV_MAX_REAPPOINT, struct legal_version, max_reappoint, DBM_INT),
        DBM(LV_NEAR_DUE_DAYS, struct legal_version, near_due_days, DBM_INT),
        DBM(LV_SUPPLEMENT_WITHIN_DAYS, struct legal_version, supplement_within_days, DBM_INT),
        DBM(LV_SUPPLEMENT_MAX_RESTARTS, struct legal_version, supplement_max_restarts, DBM_INT),
    };

    db_map_row(res, i, DB_MAP(map), v);
}

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
                  LV_COLS
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
    lv_from_row(&res, 0, v);
    return DB_OK;
}

enum db_rc
legal_cache_sync(struct legal_cache *c, struct db *db, unsigned long long gen)
{
    struct pool fresh = { 0 };
    struct dbres res;
    enum db_rc rc;

    if (gen != 0 && gen == c->gen) {
        return DB_OK;
    }
    /* read at a number at least as new as gen: a write after it moves the
     * number again, and the next statement reads the rows again */
    rc = db_query(db, &fresh,
                  LV_COLS
                  ", effective_from FROM legal_version ORDER BY effective_from, legal_version",
                  DB_NOARGS, &res);
    if (rc != DB_OK) {
        pool_release(&fresh);
        return rc;
    }
    pool_release(&c->pool);
    c->pool = fresh;
    c->n = res.nrows;
    c->from = pool_alloc(&c->pool, (res.nrows + 1) * sizeof(*c->from));
    c->v = pool_alloc(&c->pool, (res.nrows + 1) * sizeof(*c->v));
    for (size_t i = 0; i < res.nrows; i++) {
        lv_from_row(&res, i, &c->v[i]);
        if (cal_parse_date(dbres_get(&res, i, LV_EFFECTIVE_FROM), &c->from[i]) != 0) {
            c->from[i] = 0;
        }
    }
    c->gen = gen;
    return DB_OK;
}

const struct legal_version *
legal_cache_for(const struct legal_cache *c, int day)
{
    size_t i = 0;

    if (c->n == 0) {
        return NULL;
    }
    /* the newest version in force that day; a day before every version
     * takes the oldest */
    while (i + 1 < c->n && c->from[i + 1] <= day) {
        i++;
    }
    return &c->v[i];
}

void
legal_cache_free(struct legal_cache *c)
{
    pool_release(&c->pool);
    memset(c, 0, sizeof(*c));
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
