/* store_report.c — figures, lists and the audit trail for leaders: counts
 * and rows, which view_report.c shows. */
#include "store_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "case_fsm.h"
#include "conf.h"
#include "db.h"
#include "legal.h"
#include "stats.h"
#include "util.h"

enum db_rc
report_scope(struct sctx *x, const char *code, struct report_scope *s, int *ok)
{
    enum { SCOPE_ID, SCOPE_NAME, SCOPE_SUBTREE, SCOPE_TRAINING };
    struct dbres res;
    enum db_rc rc;

    *ok = 0;
    memset(s, 0, sizeof(*s));
    /* the unit must lie in the leader's own subtree */
    rc = db_query(x->db, x->pool,
                  "SELECT u.id, u.name, CONCAT(u.path, '%'), u.training FROM org_unit u"
                  "  JOIN org_unit me ON me.id = ?"
                  " WHERE (u.code = ? OR (? = '' AND u.id = me.id))"
                  "   AND u.path LIKE CONCAT(me.path, '%')",
                  DB_ARGS(DV_I(x->user->unit_id), DV_S(code ? code : ""), DV_S(code ? code : "")),
                  &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    s->unit_id = util_num(dbres_get(&res, 0, SCOPE_ID));
    s->name = dbres_get(&res, 0, SCOPE_NAME);
    s->subtree = dbres_get(&res, 0, SCOPE_SUBTREE);
    s->training = util_num(dbres_get(&res, 0, SCOPE_TRAINING)) != 0;
    *ok = 1;
    return DB_OK;
}

/* A unit of the scope: under its path, and a training unit only in the scope
 * of a training unit (a subtree is wholly one or the other: sql/050).  Takes
 * (subtree, training). */
#define IN_SCOPE(u) " " u ".path LIKE ? AND " u ".training = ?"

/* The late-dossier condition of the lists, as the counts' (LEGAL_LATE_COND):
 * the statutory appointment (original_due_at) falls in the period and was
 * missed.  The FROM is the list's (LIST_D). */
#define LATE_IN_PERIOD                                                                       \
    " WHERE" IN_SCOPE("ru") ""                                                               \
                            "   AND d.original_due_at >= ? - " SQL_VN_OFFSET                 \
                            "   AND d.original_due_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET \
                            "   AND" LEGAL_LATE_COND
#define NO_APOLOGY " AND" STATS_NO_APOLOGY

/* ---- figures ---------------------------------------------------------------
 * Each aggregate is read for the period only (an index range on the day),
 * grouped by unit, and added here to the figures of the scope or of the
 * direct sub-unit the unit belongs to: no join per row, whatever the scope. */

/* The units of the scope, sorted by id, each with the figures it adds to. */
struct unitmap {
    size_t n;
    long long *id;
    struct report_figs **to;
};

static int
cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return (x > y) - (x < y);
}

/* The direct sub-units of a scope: the query's columns. */
enum kid_col { KID_ID, KID_NAME, KID_CODE };

enum map_col { MAP_ID, MAP_PATH }; /* the columns of the SELECT below */

/* Each unit of the scope adds to the figures of the sub-unit (among kids, ids
 * in column 0) it lies under, or else to own (the scope's own unit, and units
 * under a closed sub-unit); the scope's figures are own plus every sub-unit's. */
static enum db_rc
unitmap_load(struct sctx *x, const struct report_scope *s, const struct dbres *kids,
             struct report_figs *kid_figs, struct report_figs *own, struct unitmap *m)
{
    struct dbres res;
    size_t plen = strlen(s->subtree) - 1;   /* the scope's path, without the '%' */
    enum db_rc rc =
        db_query(x->db, x->pool,
                 "SELECT id, path FROM org_unit WHERE" IN_SCOPE("org_unit") " ORDER BY id",
                 DB_ARGS(DV_S(s->subtree), DV_I(s->training)), &res);

    memset(m, 0, sizeof(*m));
    if (rc != DB_OK) {
        return rc;
    }
    m->id = pool_alloc(x->pool, (res.nrows + 1) * sizeof(*m->id));
    m->to = pool_alloc(x->pool, (res.nrows + 1) * sizeof(*m->to));
    for (size_t i = 0; i < res.nrows; i++) {
        const char *path = dbres_get(&res, i, MAP_PATH);
        struct report_figs *to = own;

        if (strlen(path) > plen) {
            long long kid = strtoll(path + plen, NULL, 10);   /* "/1/4/9/" under "/1/": 4 */

            for (size_t k = 0; k < kids->nrows; k++) {
                if (util_num(dbres_get(kids, k, KID_ID)) == kid) {
                    to = &kid_figs[k];
                }
            }
        }
        m->id[m->n] = util_num(dbres_get(&res, i, MAP_ID));
        m->to[m->n++] = to;
    }
    return DB_OK;
}

/* to += y, every count. */
static void
figs_add(struct report_figs *to, const struct report_figs *y)
{
    long long *a = (long long *)to;
    const long long *b = (const long long *)y;

    for (size_t i = 0; i < sizeof(*to) / sizeof(long long); i++) {
        a[i] += b[i];
    }
}

/* The figures a result row of unit `id` adds to, or NULL when outside the scope. */
static struct report_figs *
unitmap_get(const struct unitmap *m, const char *id)
{
    long long key = util_num(id);
    long long *hit = m->n ? bsearch(&key, m->id, m->n, sizeof(*m->id), cmp_ll) : NULL;

    return hit ? m->to[hit - m->id] : NULL;
}

static long long
col(const struct dbres *res, size_t row, size_t c)
{
    return util_num(dbres_get(res, row, c));
}

/* The columns of both SELECTs of figs_late, in late_rows' order. */
enum late_col { LATE_UNIT, LATE_DELAY, LATE_N, LATE_NO_APOLOGY, LATE_ESCALATED };

/* Rows (unit, delay, late, no apology, escalated) into the figures and the
 * histogram of delays of late dossiers with a result. */
static void
late_rows(const struct unitmap *m, const struct dbres *res, long long hist[], size_t nhist)
{
    for (size_t i = 0; i < res->nrows; i++) {
        struct report_figs *g = unitmap_get(m, dbres_get(res, i, LATE_UNIT));
        long long delay = col(res, i, LATE_DELAY);

        if (g) {
            g->late += col(res, i, LATE_N);
            g->late_no_apology += col(res, i, LATE_NO_APOLOGY);
            g->escalated += col(res, i, LATE_ESCALATED);
            if (hist && delay >= 0) {
                hist[(size_t)delay < nhist ? (size_t)delay : nhist - 1] += col(res, i, LATE_N);
            }
        }
    }
}

/* The whole local months inside period p, as their first days m1 to m2
 * ('YYYY-MM-01'), and the days of p before and after them (head, tail).  An
 * empty part runs from "9999-12-31" to "0001-01-01", which no day falls
 * between; no whole month: head is the whole period. */
static void
period_months(const struct period *p, char m1[11], char m2[11], struct period *head,
              struct period *tail)
{
    int from, to, y, m, d, first, last;

    memcpy(m1, "9999-12-31", 11);
    memcpy(m2, "0001-01-01", 11);
    *head = *p;
    memcpy(tail->from, "9999-12-31", 11);
    memcpy(tail->to, "0001-01-01", 11);
    if (cal_parse_date(p->from, &from) != 0 || cal_parse_date(p->to, &to) != 0) {
        return;
    }
    cal_ymd(from, &y, &m, &d);
    first = d == 1 ? from : cal_day_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
    cal_ymd(to, &y, &m, &d);
    last = cal_day_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
    if (last != to) {
        last = cal_day_from_ymd(y, m, 1) - 1;
    }
    if (first > last) {
        return;
    }
    cal_format(first, m1);
    cal_ymd(last, &y, &m, &d);
    cal_format(cal_day_from_ymd(y, m, 1), m2);
    cal_format(first - 1, head->to);
    cal_format(last + 1, tail->from);
    memcpy(tail->to, p->to, sizeof(tail->to));
}

/* An aggregate kept by day and by month read over period_months' parts: the
 * days of head from day_table, the whole months from month_table, the days
 * of tail from day_table; cols the columns of each.  Its arguments:
 * PARTS_ARGS. */
#define PARTS_SQL(cols, day_table, month_table)                                   \
    "SELECT " cols " FROM " day_table " WHERE day BETWEEN ? AND ?"                \
    " UNION ALL SELECT " cols " FROM " month_table " WHERE month BETWEEN ? AND ?" \
    " UNION ALL SELECT " cols " FROM " day_table " WHERE day BETWEEN ? AND ?"
#define PARTS_ARGS(head, m1, m2, tail) \
    DV_S((head).from), DV_S((head).to), DV_S(m1), DV_S(m2), DV_S((tail).from), DV_S((tail).to)

/* Late dossiers of days up to the mark from the aggregates: whole months from
 * stat_late_month, the days at either end from stat_late; of later days (up
 * to today: a later appointment cannot have been missed yet) from the
 * dossiers, only those whose appointment has passed (a dossier finished late
 * has one before the day it was finished).  The mark reaches today once all
 * of today's appointments have passed (stats_late_catch_up), so the dossiers
 * are read only for today's appointments already missed, or when the tick
 * lags. */
static enum db_rc
figs_late(struct sctx *x, const struct period *p, const struct unitmap *m, long long hist[],
          size_t nhist)
{
    char mark[11], today[11], f[11];
    const char *t;
    struct dbres res;
    enum db_rc rc = stats_late_mark(x, mark);

    stats_today(today);
    t = strcmp(p->to, mark) < 0 ? p->to : mark;
    if (rc == DB_OK && mark[0] && strcmp(p->from, t) <= 0) {
        struct period upto = *p, head, tail;
        char m1[11], m2[11];

        memcpy(upto.to, t, sizeof(upto.to));
        period_months(&upto, m1, m2, &head, &tail);
        rc = db_query(x->db, x->pool,
                      "SELECT unit_id, delay, SUM(late), SUM(no_apology), SUM(escalated)"
                      "  FROM (" PARTS_SQL("unit_id, delay, late, no_apology, escalated",
                                           "stat_late", "stat_late_month") ") l GROUP BY 1, 2",
                      DB_ARGS(PARTS_ARGS(head, m1, m2, tail)), &res);
        if (rc == DB_OK) {
            late_rows(m, &res, hist, nhist);
        }
    }
    if (rc != DB_OK) {
        return rc;
    }
    if (mark[0] && strcmp(mark, p->from) >= 0) {
        int d;

        cal_parse_date(mark, &d);
        cal_format(d + 1, f);
    } else {
        snprintf(f, sizeof(f), "%s", p->from);
    }
    t = strcmp(p->to, today) < 0 ? p->to : today;
    if (strcmp(f, t) > 0) {
        return DB_OK;
    }
    rc = db_query(x->db, x->pool,
                  "SELECT d.unit_id," STATS_DELAY ", COUNT(*), SUM(" STATS_NO_APOLOGY "),"
                  "       SUM(d.escalated_at IS NOT NULL)"
                  "  FROM dossier d"
                  " WHERE d.original_due_at >= ? - " SQL_VN_OFFSET
                  "   AND d.original_due_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET
                  "   AND d.original_due_at < UTC_TIMESTAMP()"
                  "   AND" LEGAL_LATE_COND " GROUP BY 1, 2",
                  DB_ARGS(DV_S(f), DV_S(t)), &res);
    if (rc == DB_OK) {
        late_rows(m, &res, hist, nhist);
    }
    return rc;
}

/* The columns of the SELECTs of figs_aggregates: stat_dossier_day's, then stat_day's. */
enum agg_col {
    AGG_UNIT,
    AGG_RECEIVED,
    AGG_FINISHED,
    AGG_EARLY,
    AGG_ON_TIME,
    AGG_LATE,
    AGG_APOLOGIES,
    AGG_APOLOGIES_LATE,
    AGG_UNHAPPY,
    AGG_RECV_IN_TIME,
    AGG_RECV_OUT
};
enum day_col { DAY_UNIT, DAY_SUMS }; /* then the rest of STATS_DAY_SUMS */

/* One statement of figs_aggregates: head (the sums over sd), then the rows
 * of the scope's units in the period, in three parts (period_months): the
 * days of head and of tail from day_table, the whole months between from
 * month_table (sql/340, keyed by scope and month first: one range), each
 * part its columns cols; then " GROUP BY 1".  Its arguments: PARTS_ARGS.
 * With the units' ids in the text (the database's own integers: a
 * province's scopes give at most one text each, kept by db_text), each
 * unit's days are one range of the primary key (scope, unit, day), read in
 * order; with more units, the period index.
 * Left to itself the optimizer walks the primary key over every day of the
 * scope's whole history to save the grouping's sort (7 ms for a month at a
 * million dossiers, more every year); the period index reads only the
 * period but looks each row up (18 ms for three years), the ranges 8 ms.
 * Report.UnitsInStatement (default 2000): the most units whose ids are
 * written. */
static const char *
agg_sql(struct sctx *x, const struct unitmap *m, const char *head, const char *cols,
        const char *day_table, const char *month_table)
{
    struct buf b = { 0 }, in = { 0 };
    const char *sql, *table[3] = { day_table, month_table, day_table };
    long long most = conf_int(x->app->conf, "Report.UnitsInStatement", 2000);
    int by_ids = most >= 0 && m->n <= (size_t)most;

    if (by_ids) {
        for (size_t i = 0; i < m->n; i++) {
            buf_printf(&in, "%s%lld", i ? "," : "", m->id[i]);
        }
    }
    buf_adds(&b, head);
    buf_adds(&b, " FROM (");
    for (size_t k = 0; k < 3; k++) {
        buf_printf(&b, "%sSELECT scope_id,%s FROM %s", k ? " UNION ALL " : "", cols, table[k]);
        if (k == 1) {
            /* keyed by (scope, month, unit): the period's months are one range */
            buf_adds(&b, " FORCE INDEX (PRIMARY) WHERE scope = 'unit' AND month BETWEEN ? AND ?");
        } else if (by_ids) {
            buf_adds(&b, " FORCE INDEX (PRIMARY) WHERE scope = 'unit' AND day BETWEEN ? AND ?");
        } else {
            buf_printf(&b,
                       " FORCE INDEX (ix_%s_period) WHERE scope = 'unit' AND day BETWEEN ? AND ?",
                       table[k]);
        }
        if (by_ids) {
            buf_printf(&b, " AND scope_id IN (%s)", in.p);
        }
    }
    buf_adds(&b, ") sd GROUP BY 1");
    sql = db_text(b.p);
    buf_free(&b);
    buf_free(&in);
    return sql;
}

/* The figures of the daily aggregates of the period (stat_dossier_day and
 * stat_day, their whole months from stat_dossier_month and stat_month) into
 * the figures m points to: a few hundred rows, whatever the number of
 * dossiers. */
static enum db_rc
figs_aggregates(struct sctx *x, const struct period *p, const struct unitmap *m)
{
    struct period head, tail;
    char m1[11], m2[11];
    struct dbres res;
    enum db_rc rc;

    if (m->n == 0) {
        return DB_OK; /* no unit in scope: nothing to add up */
    }
    period_months(p, m1, m2, &head, &tail);
    rc = db_query(x->db, x->pool,
                  agg_sql(x, m,
                          "SELECT scope_id, SUM(received), SUM(finished), SUM(early), SUM(on_time),"
                          "       SUM(late), SUM(apologies), SUM(apologies_late), SUM(unhappy),"
                          "       SUM(recv_in_time), SUM(recv_out)",
                          STATS_DOSSIER_DAY_COLS, "stat_dossier_day", "stat_dossier_month"),
                  DB_ARGS(PARTS_ARGS(head, m1, m2, tail)), &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct report_figs *g = unitmap_get(m, dbres_get(&res, i, AGG_UNIT));

        if (g) {
            g->received += col(&res, i, AGG_RECEIVED), g->finished += col(&res, i, AGG_FINISHED);
            g->early += col(&res, i, AGG_EARLY), g->on_time += col(&res, i, AGG_ON_TIME);
            g->late_finished += col(&res, i, AGG_LATE);
            g->apologies += col(&res, i, AGG_APOLOGIES);
            g->apologies_late += col(&res, i, AGG_APOLOGIES_LATE);
            g->unhappy += col(&res, i, AGG_UNHAPPY);
            g->recv_in_time += col(&res, i, AGG_RECV_IN_TIME);
            g->recv_out += col(&res, i, AGG_RECV_OUT);
        }
    }
    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool,
                      agg_sql(x, m, "SELECT sd.scope_id," STATS_DAY_SUMS, STATS_DAY_COLS,
                              "stat_day", "stat_month"),
                      DB_ARGS(PARTS_ARGS(head, m1, m2, tail)), &res);
    }
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct report_figs *g = unitmap_get(m, dbres_get(&res, i, DAY_UNIT));
        struct stat_sums t;

        if (g) {
            stats_sums_read(&res, i, DAY_SUMS, &t);
            g->ratings += t.ratings, g->r3 += t.r3, g->r2 += t.r2, g->r1 += t.r1;
            g->feedback += t.feedback;
            g->answered += t.answered, g->answered_on_time += t.answered_on_time;
            g->crit_sum[0] += t.att_sum, g->crit_n[0] += t.att_n;
            g->crit_sum[1] += t.time_sum, g->crit_n[1] += t.time_n;
            g->crit_sum[2] += t.trips_sum, g->crit_n[2] += t.trips_n;
            g->crit_sum[3] += t.guide_sum, g->crit_n[3] += t.guide_n;
            /* each verdict on an answer, by the day it was given, whatever
             * happened to the case afterwards */
            g->answer_rated += t.verdicts, g->answer_unsatisfied += t.verdicts_unsatisfied;
            g->forward_late += t.forward_late;
            g->pakn += t.pakn, g->anonymous += t.anonymous;
            g->praise += t.praise, g->pakn_answered += t.pakn_answered;
            g->pakn_on_time += t.pakn_on_time, g->pakn_unhappy += t.pakn_unhappy;
        }
    }
    return rc;
}

/* Hours to answer counted into a histogram of the scope. */
struct hours_in {
    long long *hours;
    size_t nhours;
};

static void
hours_add(long long h, long long n, void *arg)
{
    struct hours_in *in = arg;

    h = h < 0 ? 0 : h;
    in->hours[(size_t)h < in->nhours ? (size_t)h : in->nhours - 1] += n;
}

/* The columns of the SELECTs of hours to answer and of overdue cases below. */
enum overdue_col { OVR_UNIT, OVR_N };
enum month_col { MON_UNIT, MON_ANSWERED, MON_HOURS };

/* The hours to answer of the cases received in the period and answered, into
 * hours: the whole months from stat_answer_month, the days before and after
 * them from stat_answer_day (a row per unit and month or day, each with its
 * histogram). */
static enum db_rc
figs_answer_hours(struct sctx *x, const struct period *p, const struct unitmap *m,
                  long long hours[], size_t nhours)
{
    struct hours_in in = { hours, nhours };
    struct period head, tail;
    char m1[11], m2[11];
    struct dbres res;
    enum db_rc rc;

    period_months(p, m1, m2, &head, &tail);
    rc = db_query(x->db, x->pool,
                  PARTS_SQL("unit_id, answered, hours", "stat_answer_day", "stat_answer_month"),
                  DB_ARGS(PARTS_ARGS(head, m1, m2, tail)), &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct report_figs *g = unitmap_get(m, dbres_get(&res, i, MON_UNIT));

        if (g) {
            g->answer_known += col(&res, i, MON_ANSWERED);
            stats_answer_hist_each(dbres_get(&res, i, MON_HOURS), hours_add, &in);
        }
    }
    return rc;
}

/* Every figure of the period into the figures m points to. */
static enum db_rc
figs_load(struct sctx *x, const struct period *p, const struct unitmap *m, long long hist[],
          size_t nhist, long long hours[], size_t nhours)
{
    struct dbres res;
    enum db_rc rc = figs_aggregates(x, p, m);

    if (rc == DB_OK) {
        /* the cases of the period still running past their due time: those
         * due before today from the running cases' counts (stat_open, sql/330),
         * those due today before now from the cases due today */
        rc = db_query(x->db, x->pool,
                      "SELECT t.unit_id, SUM(t.n) FROM ("
                      " SELECT o.unit_id, o.n FROM stat_open o"
                      "  WHERE o.day BETWEEN ? AND ?"
                      "    AND o.due_day < " SQL_VN_TODAY " UNION ALL"
                      " SELECT f.unit_id, 1 FROM feedback f FORCE INDEX (ix_feedback_open)"
                      "  WHERE f.status IN (" CASE_RUNNING_SQL ") AND f.due_at < UTC_TIMESTAMP()"
                      "    AND f.due_at >= " SQL_TODAY_START
                      "    AND f.created_at >= ? - " SQL_VN_OFFSET
                      "    AND f.created_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET ") t GROUP BY 1",
                      DB_ARGS(DV_S(p->from), DV_S(p->to), DV_S(p->from), DV_S(p->to)), &res);
    }
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct report_figs *g = unitmap_get(m, dbres_get(&res, i, OVR_UNIT));

        if (g) {
            g->overdue += col(&res, i, OVR_N);
        }
    }
    if (rc == DB_OK) {
        rc = figs_answer_hours(x, p, m, hours, nhours);
    }
    if (rc == DB_OK) {
        rc = figs_late(x, p, m, hist, nhist);
    }
    return rc;
}

/* The element at n/2 of the sorted values a histogram counts, or -1. */
static long long
hist_median(const long long *hist, size_t nhist)
{
    long long n = 0, seen = 0;

    for (size_t i = 0; i < nhist; i++) {
        n += hist[i];
    }
    for (size_t i = 0; n > 0 && i < nhist; i++) {
        seen += hist[i];
        if (seen > n / 2) {
            return (long long)i;
        }
    }
    return -1;
}

/* The base of the on-time rate, a rule of the legal version in force on the
 * last day of the period (legal_version.ontime_base): dossiers received in the
 * period (Decree 61/2018 Art. 30(2)(c)) or finished in it (how QĐ 766 words it
 * is unconfirmed). */
enum db_rc
report_base_of(struct sctx *x, const struct period *p, struct report_base *b)
{
    struct legal_version v;
    int day;
    enum db_rc rc;

    b->base = b->version = NULL;
    if (cal_parse_date(p->to, &day) != 0) {
        return DB_OK;
    }
    rc = legal_version_for(x->db, x->pool, cal_instant(day, 12 * 60), &v);
    if (rc == DB_OK) {
        b->base = v.ontime_base ? v.ontime_base : "";
        b->version = v.title;
    }
    return rc;
}

void
report_on_time_parts(const struct report_base *b, const struct report_figs *f, long long *part,
                     long long *whole)
{
    if (b->base == NULL || strcmp(b->base, "received") == 0) {
        *part = f->recv_in_time, *whole = f->received - f->recv_out;
    } else {
        *part = f->early + f->on_time, *whole = f->finished;
    }
}

/* Rank 1 for the best value among the eligible (value >= 0), equal values
 * sharing a rank; 0 for the ineligible. */
static long long
rank_of(const double *v, size_t n, size_t i)
{
    long long rank = 1;

    if (v[i] < 0) {
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        rank += v[k] > v[i];
    }
    return rank;
}

/* One row per direct sub-unit with every figure, ranked on satisfaction and
 * on-time rate; small numbers do not rank. */
static struct report_unit *
units_ranked(struct sctx *x, const struct report_base *b, const struct dbres *kids,
             const struct report_figs *f, int min_count)
{
    struct report_unit *u = pool_alloc(x->pool, (kids->nrows + 1) * sizeof(*u));
    double *sat = pool_alloc(x->pool, (kids->nrows + 1) * sizeof(*sat));
    double *ont = pool_alloc(x->pool, (kids->nrows + 1) * sizeof(*ont));

    for (size_t i = 0; i < kids->nrows; i++) {
        long long part, whole;

        sat[i] = f[i].ratings >= min_count   /* the share of satisfied ratings */
                     ? (double)(f[i].ratings - f[i].r1) / (double)f[i].ratings : -1;
        report_on_time_parts(b, &f[i], &part, &whole);
        ont[i] = whole >= min_count ? (double)part / (double)whole : -1;
    }
    for (size_t i = 0; i < kids->nrows; i++) {
        u[i].name = dbres_get(kids, i, KID_NAME);
        u[i].code = dbres_get(kids, i, KID_CODE);
        u[i].f = f[i];
        u[i].rank_ratings_share = rank_of(sat, kids->nrows, i);
        u[i].rank_on_time = rank_of(ont, kids->nrows, i);
    }
    return u;
}

#define NHOURS (ANSWER_HOURS_MAX + 1) /* hours to answer counted one by one: over two years */

enum db_rc
report_figures(struct sctx *x, const struct report_scope *s, const struct period *p,
               const struct report_base *b, int units, int min_count, struct report_summary *out)
{
    static const struct dbres none = { 0 };
    struct report_figs *f = NULL;
    struct dbres kids = none;
    struct unitmap m;
    long long hist[4000] = { 0 }; /* days of delay: eleven years */
    long long *hours;             /* hours to answer */
    enum db_rc rc = DB_OK;

    memset(out, 0, sizeof(*out));
    if (units) {
        rc = db_query(x->db, x->pool,
                      "SELECT id, name, code FROM org_unit"
                      " WHERE parent_id = ? AND valid_to IS NULL AND training = ?"
                      " ORDER BY sort_order, name",
                      DB_ARGS(DV_I(s->unit_id), DV_I(s->training)), &kids);
    }
    if (rc == DB_OK) {
        f = pool_alloc(x->pool, (kids.nrows + 1) * sizeof(*f));
        memset(f, 0, (kids.nrows + 1) * sizeof(*f));
        /* one pass for the scope and its sub-units */
        rc = unitmap_load(x, s, &kids, f, &out->all, &m);
    }
    if (rc == DB_OK) {
        hours = pool_alloc(x->pool, NHOURS * sizeof(*hours));
        memset(hours, 0, NHOURS * sizeof(*hours));
        rc = figs_load(x, p, &m, hist, NELEM(hist), hours, NHOURS);
    }
    if (rc != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < kids.nrows; i++) {
        figs_add(&out->all, &f[i]);
    }
    if (units) {
        out->units = units_ranked(x, b, &kids, f, min_count);
        out->nunits = kids.nrows;
    }
    out->median_delay = hist_median(hist, NELEM(hist));
    /* median time to answer, in hours, over the cases of the period answered */
    out->median_answer_hours = hist_median(hours, NHOURS);
    return DB_OK;
}

enum units_col { UNITS_ID }; /* the first column of both callers' SELECTs */

/* Each unit of units (ids in column 0, sorted) with its own figures of the
 * period, none added to another's: *f[i] for row i, m mapping ids to them. */
static enum db_rc
figs_own(struct sctx *x, const struct period *p, const struct dbres *units, struct unitmap *m,
         struct report_figs **f)
{
    *f = pool_alloc(x->pool, (units->nrows + 1) * sizeof(**f));
    m->n = 0;
    m->id = pool_alloc(x->pool, (units->nrows + 1) * sizeof(*m->id));
    m->to = pool_alloc(x->pool, (units->nrows + 1) * sizeof(*m->to));
    for (size_t i = 0; i < units->nrows; i++) {
        m->id[m->n] = util_num(dbres_get(units, i, UNITS_ID));
        m->to[m->n++] = &(*f)[i];
    }
    return figs_aggregates(x, p, m);
}

enum db_rc
report_public(struct sctx *x, const struct period *p, struct report_public_row **out, size_t *n)
{
    enum { UNIT_ID, UNIT_NAME };
    struct dbres units;
    struct unitmap m = { 0 };
    struct report_figs *f;
    enum db_rc rc;

    *out = NULL;
    *n = 0;
    rc = db_query(x->db, x->pool,
                  "SELECT id, name FROM org_unit WHERE valid_to IS NULL AND training = 0 ORDER BY "
                  "id",
                  DB_NOARGS, &units);
    if (rc != DB_OK) {
        return rc;
    }
    /* each unit's own figures, as its own row of the table */
    if ((rc = figs_own(x, p, &units, &m, &f)) != DB_OK) {
        return rc;
    }
    rc = db_query(x->db, x->pool,
                  "SELECT id, name FROM org_unit WHERE valid_to IS NULL AND training = 0"
                  " ORDER BY sort_order, name",
                  DB_NOARGS, &units);
    if (rc != DB_OK) {
        return rc;
    }
    *out = pool_alloc(x->pool, (units.nrows + 1) * sizeof(**out));
    for (size_t i = 0; i < units.nrows; i++) {
        const struct report_figs *g = unitmap_get(&m, dbres_get(&units, i, UNIT_ID));

        if (g == NULL || g->finished + g->received + g->pakn_answered + g->pakn == 0) {
            continue;   /* nothing in the period */
        }
        (*out)[*n].name = dbres_get(&units, i, UNIT_NAME);
        (*out)[(*n)++].f = *g;
    }
    return DB_OK;
}

enum people_col { PPL_NAME, PPL_RATINGS, PPL_R3, PPL_R1 };

enum db_rc
report_people(struct sctx *x, const struct report_scope *s, const struct period *p, int min_count,
              struct report_person *out[REPORT_PEOPLE], size_t n[REPORT_PEOPLE])
{
    enum db_rc rc = DB_OK;

    /* the same ranking of counters and of officers: ratings of the period in
     * the scope, those under min_count last.  The period's rows are added up
     * per counter or officer first, and only those sums joined to names and
     * scope: a few hundred joins, not one per day's row. */
#define PEOPLE_DAYS(scope)                                                             \
    " SELECT scope_id, ratings, r3, r1 FROM stat_day FORCE INDEX (ix_stat_day_people)" \
    "  WHERE scope = '" scope "' AND day BETWEEN ? AND ?"
#define PEOPLE_MONTHS(scope)                                                  \
    " SELECT scope_id, ratings, r3, r1 FROM stat_month FORCE INDEX (PRIMARY)" \
    "  WHERE scope = '" scope "' AND month BETWEEN ? AND ?"
#define PEOPLE_SUMS(scope)                                                      \
    "  FROM (SELECT sd.scope_id, SUM(sd.ratings) AS ratings, SUM(sd.r3) AS r3," \
    "               SUM(sd.r1) AS r1"                                           \
    "          FROM (" PEOPLE_DAYS(scope) " UNION ALL" PEOPLE_MONTHS(           \
        scope) " UNION ALL" PEOPLE_DAYS(scope) ") sd GROUP BY sd.scope_id) t"
#define PEOPLE_TAIL " ORDER BY t.ratings >= ? DESC, (t.ratings - t.r1) / t.ratings DESC, t.scope_id"
    static const char *const sql[REPORT_PEOPLE] = {
        [REPORT_COUNTERS] =
            "SELECT CONCAT(x.name, ' · ', u.short_name), t.ratings, t.r3, t.r1" PEOPLE_SUMS(
                "counter") "  JOIN counter x ON x.id = t.scope_id"
                           "  JOIN org_unit u ON u.id = x.unit_id"
                           " WHERE" IN_SCOPE("u") PEOPLE_TAIL,
        [REPORT_OFFICERS] = "SELECT x.full_name, t.ratings, t.r3, t.r1" PEOPLE_SUMS(
            "officer") "  JOIN users x ON x.id = t.scope_id"
                       "  JOIN org_unit u ON u.id = x.unit_id"
                       " WHERE" IN_SCOPE("u") PEOPLE_TAIL,
    };
#undef PEOPLE_TAIL
#undef PEOPLE_SUMS
#undef PEOPLE_MONTHS
#undef PEOPLE_DAYS
    struct period head, tail;
    char m1[11], m2[11];

    period_months(p, m1, m2, &head, &tail);

    for (size_t k = 0; k < REPORT_PEOPLE; k++) {
        out[k] = NULL;
        n[k] = 0;
    }
    for (size_t k = 0; rc == DB_OK && k < REPORT_PEOPLE; k++) {
        struct dbres res;

        rc = db_query(x->db, x->pool, sql[k],
                      DB_ARGS(PARTS_ARGS(head, m1, m2, tail), DV_S(s->subtree), DV_I(s->training),
                              DV_I(min_count)),
                      &res);
        if (rc != DB_OK) {
            break;
        }
        out[k] = pool_alloc(x->pool, (res.nrows + 1) * sizeof(*out[k]));
        for (size_t i = 0; i < res.nrows; i++) {
            out[k][i].name = dbres_get(&res, i, PPL_NAME);
            out[k][i].ratings = col(&res, i, PPL_RATINGS);
            out[k][i].r3 = col(&res, i, PPL_R3);
            out[k][i].r1 = col(&res, i, PPL_R1);
        }
        n[k] = res.nrows;
    }
    return rc;
}

enum db_rc
report_corrections(struct sctx *x, const struct report_scope *s, const struct period *p,
                   struct dbres *out)
{
    return db_query(x->db, x->pool,
                    "SELECT DATE_FORMAT(c.month, '%m/%Y'),"
                    "       DATE_FORMAT(c.corrected_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                    "       SUM(c.late_before), SUM(c.late_after), SUM(c.ontime_before),"
                    "       SUM(c.ontime_after)"
                    "  FROM stat_correction c JOIN org_unit u ON u.id = c.unit_id"
                    " WHERE" IN_SCOPE(
                        "u") " AND c.month <= ? AND c.month >= DATE_FORMAT(?, '%Y-%m-01')"
                             " GROUP BY c.month, c.corrected_at"
                             " ORDER BY c.corrected_at DESC, c.month LIMIT 24",
                    DB_ARGS(DV_S(s->subtree), DV_I(s->training), DV_S(p->to), DV_S(p->from)), out);
}

enum db_rc
report_trend(struct sctx *x, const struct report_scope *s, struct dbres *out)
{
    return db_query(x->db, x->pool,
                    "SELECT DATE_FORMAT(sd.month, '%m/%Y'), SUM(sd.received), SUM(sd.late),"
                    "       SUM(sd.finished)"
                    "  FROM stat_dossier_month sd JOIN org_unit u ON u.id = sd.scope_id"
                    " WHERE sd.scope = 'unit' AND" IN_SCOPE(
                        "u") "   AND sd.month >= DATE_FORMAT(" SQL_VN_TODAY
                             " - INTERVAL 11 MONTH, '%Y-%m-01')"
                             " GROUP BY sd.month ORDER BY sd.month",
                    DB_ARGS(DV_S(s->subtree), DV_I(s->training)), out);
}

/* ---- the lists behind the figures ------------------------------------------
 * Each list selects: the page the row opens, then seven shown columns; its FROM
 * and WHERE take (subtree, training, from, to) and, for feedback, the viewer.  Counts and
 * lists of the same kind use the same conditions as the aggregates, so every
 * figure of the dashboard is the number of rows of its list. */

/* The column macros and the lists below are laid out by hand, column by column. */
/* clang-format off */
#define DOSSIER_LINK " CONCAT('/can-bo/ho-so/', d.code), d.code, ru.short_name,"
#define CASE_LINK " CONCAT('/can-bo/phan-anh/', f.code), f.code, u.short_name,"
#define LOCAL_DATE(c) " COALESCE(DATE_FORMAT(" c " + " SQL_VN_OFFSET ", '%d/%m/%Y'), '')"
#define IN_PERIOD(c)                                                                        \
    " AND " c " >= ? - " SQL_VN_OFFSET " AND " c " < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET
#define FINISHED_IN_PERIOD                                                                  \
    " WHERE" IN_SCOPE("ru") " AND d.status NOT IN ('refused','stopped')" IN_PERIOD("d.finished_at")
#define FINISHED_COLS                                                                       \
    DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.original_due_at") ","                  \
    LOCAL_DATE("d.finished_at") ", d.status,"                                              \
    " DATEDIFF(d.finished_at + " SQL_VN_OFFSET ", d.original_due_at + " SQL_VN_OFFSET ")"
#define LATE_COLS                                                                           \
    DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.original_due_at") ","                  \
    LOCAL_DATE("d.finished_at") ", d.status,"
#define RATINGS_FROM                                                                        \
    "  FROM rating x JOIN org_unit u ON u.id = x.unit_id"                                  \
    "  LEFT JOIN dossier d ON d.id = x.dossier_id"                                         \
    "  LEFT JOIN counter c ON c.id = x.counter_id LEFT JOIN users o ON o.id = x.officer_id" \
    " WHERE" IN_SCOPE("u") "" IN_PERIOD("x.created_at")
#define RATINGS_COLS                                                                        \
    " COALESCE(CONCAT('/can-bo/ho-so/', d.code), ''), COALESCE(d.code, x.ref), u.short_name," \
    " COALESCE(c.name, ''), COALESCE(o.full_name, ''),"                                     \
    " DATE_FORMAT(x.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'), x.level, x.comment"
#define FEEDBACK_FROM                                                                       \
    "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"                                \
    " WHERE" IN_SCOPE("u") "" IN_PERIOD("f.created_at")                                       \
    "   AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)"
#define FEEDBACK_COLS                                                                       \
    CASE_LINK " f.kind," LOCAL_DATE("f.created_at") "," LOCAL_DATE("f.due_at") ", f.status,"

/* Identified petitions first answered in the period (QĐ 766): on time, and
 * whether the case counts against the PAKN satisfaction rate. */
#define PAKN_ANSWER_FROM                                                                    \
    "  FROM feedback_event e JOIN feedback f ON f.id = e.feedback_id"                      \
    "  JOIN org_unit u ON u.id = f.unit_id"                                                \
    " WHERE" IN_SCOPE("u") " AND e.event = 'answer' AND f.formal = 1" IN_PERIOD("e.at")       \
    "   AND" STATS_FIRST_ANSWER                                                             \
    "   AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)"
#define PAKN_ANSWER_COLS                                                                    \
    CASE_LINK LOCAL_DATE("f.created_at") "," LOCAL_DATE("f.due_at") ","                    \
    " DATE_FORMAT(e.at + " SQL_VN_OFFSET ", '%d/%m/%Y'), IF(e.at <= f.due_at, 'yes', 'no'),"  \
    " IF(" STATS_PAKN_UNHAPPY ", 'yes', 'no')"

/* The prepared-statement cache knows a statement by the address of its text:
 * every list's two statements are whole string constants. */
#define LIST(kind, cols, from, order, viewer, ...)                                          \
    { kind, "SELECT COUNT(*) " from, "SELECT " cols " " from " " order " LIMIT ? OFFSET ?",  \
      viewer, __VA_ARGS__, NULL, NULL }

/* A list of a period's dossiers d (their unit ru) has two ways to be read.
 * Dossiers first: a range of the index of its period column, which holds the
 * unit and the columns its conditions test (sql/180, 290), each dossier's
 * unit checked against the scope; its cost is the period's dossiers of the
 * whole database.  Left to itself MariaDB starts from the scope's units and
 * reads each one's whole history through the table: right for a unit with
 * few dossiers, 1.1-1.5 s for a centre's year at 1,000,000.  list_sql
 * chooses by the scope's share of the period's dossiers.  Read from the
 * dossiers, a page's ids come from the index alone, as far as the page's end,
 * and only then its rows: a page deep into a year read every dossier before
 * it from the table. */
#define DOSSIERS_FIRST "  FROM dossier d STRAIGHT_JOIN org_unit ru ON ru.id = d.unit_id"
#define UNITS_FIRST "  FROM dossier d JOIN org_unit ru ON ru.id = d.unit_id"
#define LIST_D(kind, cols, where, order, viewer, ...)                                       \
    { kind, "SELECT COUNT(*) " DOSSIERS_FIRST where,                                        \
      "SELECT " cols " FROM (SELECT d.id" DOSSIERS_FIRST where " " order                    \
      " LIMIT ? OFFSET ?) pg JOIN dossier d ON d.id = pg.id"                                \
      " JOIN org_unit ru ON ru.id = d.unit_id " order, viewer, __VA_ARGS__,                 \
      "SELECT COUNT(*) " UNITS_FIRST where,                                                 \
      "SELECT " cols " " UNITS_FIRST where " " order " LIMIT ? OFFSET ?" }

/* the lists are laid out by hand */
/* clang-format off */
static const struct list_def {
    const char *kind;
    const char *count;       /* SELECT COUNT(*) of the list */
    const char *rows;        /* link, then the seven shown columns; LIMIT ? OFFSET ? */
    int viewer;              /* takes the viewer's id after the period */
    const char *tr[REPORT_LIST_SHOWN]; /* language prefix translating a column's codes */
    const char *count_few, *rows_few;  /* a period's dossiers of a small scope (LIST_D) */
} lists[] = {
    LIST_D("received",
      DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.received_at") ","
      LOCAL_DATE("d.original_due_at") ", d.status," LOCAL_DATE("d.finished_at"),
      " WHERE" IN_SCOPE("ru") "" IN_PERIOD("d.received_at"),
      " ORDER BY d.received_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST_D("finished", FINISHED_COLS, FINISHED_IN_PERIOD, " ORDER BY d.finished_at, d.id", 0,
      { [5] = "Dossier.St" }),
    LIST_D("early", FINISHED_COLS, FINISHED_IN_PERIOD
      " AND DATE(d.finished_at + " SQL_VN_OFFSET ") < DATE(d.original_due_at + " SQL_VN_OFFSET ")",
      " ORDER BY d.finished_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST_D("on_time", FINISHED_COLS, FINISHED_IN_PERIOD
      " AND DATE(d.finished_at + " SQL_VN_OFFSET ") = DATE(d.original_due_at + " SQL_VN_OFFSET ")",
      " ORDER BY d.finished_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST_D("late_finished", FINISHED_COLS, FINISHED_IN_PERIOD
      " AND DATE(d.finished_at + " SQL_VN_OFFSET ") > DATE(d.original_due_at + " SQL_VN_OFFSET ")",
      " ORDER BY d.finished_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST_D("late",
      LATE_COLS " (SELECT COUNT(*) FROM apology a WHERE a.dossier_id = d.id AND a.status <> 'draft')",
      LATE_IN_PERIOD, " ORDER BY d.original_due_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST_D("late_no_apology", LATE_COLS " d.reappointments", LATE_IN_PERIOD NO_APOLOGY,
      " ORDER BY d.original_due_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST_D("escalated", LATE_COLS " d.reappointments",
      LATE_IN_PERIOD " AND d.escalated_at IS NOT NULL", " ORDER BY d.original_due_at, d.id", 0,
      { [5] = "Dossier.St" }),
    LIST("apologies",
      DOSSIER_LINK " a.number," LOCAL_DATE("a.old_due_at") "," LOCAL_DATE("a.signed_at")
      ", a.status, a.signer_name",
      "  FROM apology a JOIN dossier d ON d.id = a.dossier_id"
      "  JOIN org_unit ru ON ru.id = d.unit_id"
      " WHERE" IN_SCOPE("ru") " AND a.status <> 'draft'" IN_PERIOD("a.signed_at"),
      " ORDER BY a.signed_at, a.id", 0, { [5] = "Apology.St" }),
    LIST("apology_late",
      DOSSIER_LINK " a.number," LOCAL_DATE("a.old_due_at") "," LOCAL_DATE("a.signed_at")
      ", a.status, a.signer_name",
      "  FROM apology a JOIN dossier d ON d.id = a.dossier_id"
      "  JOIN org_unit ru ON ru.id = d.unit_id"
      " WHERE" IN_SCOPE("ru") " AND a.status <> 'draft' AND a.on_time = 0" IN_PERIOD("a.signed_at"),
      " ORDER BY a.signed_at, a.id", 0, { [5] = "Apology.St" }),
    LIST("ratings", RATINGS_COLS, RATINGS_FROM, " ORDER BY x.created_at, x.id", 0,
      { [5] = "Level" }),
    LIST("ratings_3", RATINGS_COLS, RATINGS_FROM " AND x.level = 3", " ORDER BY x.created_at, x.id",
      0, { [5] = "Level" }),
    LIST("ratings_2", RATINGS_COLS, RATINGS_FROM " AND x.level = 2", " ORDER BY x.created_at, x.id",
      0, { [5] = "Level" }),
    LIST("ratings_1", RATINGS_COLS, RATINGS_FROM " AND x.level = 1", " ORDER BY x.created_at, x.id",
      0, { [5] = "Level" }),
    LIST("feedback", FEEDBACK_COLS LOCAL_DATE("f.answered_at"), FEEDBACK_FROM,
      " ORDER BY f.created_at, f.id", 1, { [2] = "Lead.Kind", [5] = "Fb.Statuses" }),
    LIST("answered",
      CASE_LINK " f.kind," LOCAL_DATE("f.created_at") "," LOCAL_DATE("f.due_at") ","
      " DATE_FORMAT(e.at + " SQL_VN_OFFSET ", '%d/%m/%Y'), IF(e.at <= f.due_at, 'yes', 'no')",
      "  FROM feedback_event e JOIN feedback f ON f.id = e.feedback_id"
      "  JOIN org_unit u ON u.id = f.unit_id"
      " WHERE" IN_SCOPE("u") " AND e.event = 'answer'" IN_PERIOD("e.at")
      "   AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)",
      " ORDER BY e.at, e.id", 1, { [2] = "Lead.Kind", [6] = "Lead.YesNo" }),
    LIST("feedback_overdue", FEEDBACK_COLS " ''",
      FEEDBACK_FROM " AND f.status IN (" CASE_RUNNING_SQL ")"
      " AND f.due_at < UTC_TIMESTAMP()", " ORDER BY f.due_at, f.id", 1,
      { [2] = "Lead.Kind", [5] = "Fb.Statuses" }),
    /* every answer rated not satisfied, by the time of the verdict, for the
     * unit that gave the answer: a reopen or a new answer does not remove it */
    LIST("answer_unsatisfied",
      CASE_LINK " f.kind," LOCAL_DATE("f.created_at") "," LOCAL_DATE("e.at") ","
      " DATE_FORMAT(v.at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'), f.status",
      "  FROM feedback_verdict v JOIN feedback f ON f.id = v.feedback_id"
      "  JOIN org_unit u ON u.id = v.unit_id"
      "  LEFT JOIN feedback_event e ON e.id = v.answer_id"
      " WHERE" IN_SCOPE("u") " AND v.satisfied = 0" IN_PERIOD("v.at")
      "   AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)",
      " ORDER BY v.at, v.id", 1, { [2] = "Lead.Kind", [6] = "Fb.Statuses" }),
    /* forwarding deadlines (Decree 20/2008 Art. 9(1)(d)) missed by a unit of
     * the scope, by the day of the deadline */
    LIST("forward_late",
      CASE_LINK " f.kind," LOCAL_DATE("f.created_at") "," LOCAL_DATE("x.due_at") ","
      LOCAL_DATE("(SELECT MIN(fe.at) FROM feedback_event fe WHERE fe.feedback_id = f.id"
                 " AND fe.event = 'forwarded' AND fe.at > x.due_at)") ", f.status",
      "  FROM feedback_forward_late x JOIN feedback f ON f.id = x.feedback_id"
      "  JOIN org_unit u ON u.id = x.unit_id"
      " WHERE" IN_SCOPE("u") "" IN_PERIOD("x.due_at")
      "   AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)",
      " ORDER BY x.due_at, x.id", 1, { [2] = "Lead.Kind", [6] = "Fb.Statuses" }),
    /* QĐ 766 */
    LIST_D("dossier_unhappy",
      DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.finished_at") ", d.status,"
      " COALESCE((SELECT x.level FROM rating x WHERE x.dossier_id = d.id), 0),"
      " (SELECT COUNT(*) FROM feedback f WHERE f.dossier_id = d.id AND" STATS_UNHAPPY_CASE ")",
      FINISHED_IN_PERIOD " AND EXISTS (SELECT 1 FROM dossier_unhappy du WHERE du.dossier_id = d.id)",
      " ORDER BY d.finished_at, d.id", 0, { [4] = "Dossier.St", [5] = "Level" }),
    LIST_D("received_in_time",
      DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.received_at") ","
      LOCAL_DATE("d.original_due_at") "," LOCAL_DATE("d.finished_at") ", d.status",
      " WHERE" IN_SCOPE("ru") "" IN_PERIOD("d.received_at")
      "   AND d.finished_at IS NOT NULL AND d.status NOT IN ('refused','stopped') AND" STATS_IN_TIME,
      " ORDER BY d.received_at, d.id", 0, { [6] = "Dossier.St" }),
    LIST("pakn", FEEDBACK_COLS LOCAL_DATE("f.answered_at"), FEEDBACK_FROM " AND f.formal = 1",
      " ORDER BY f.created_at, f.id", 1, { [2] = "Lead.Kind", [5] = "Fb.Statuses" }),
    LIST("anonymous", FEEDBACK_COLS LOCAL_DATE("f.answered_at"),
      FEEDBACK_FROM " AND f.identity = 'anonymous'", " ORDER BY f.created_at, f.id", 1,
      { [2] = "Lead.Kind", [5] = "Fb.Statuses" }),
    LIST("praise", FEEDBACK_COLS LOCAL_DATE("f.answered_at"), FEEDBACK_FROM " AND f.kind = 'praise'",
      " ORDER BY f.created_at, f.id", 1, { [2] = "Lead.Kind", [5] = "Fb.Statuses" }),
    LIST("pakn_answered", PAKN_ANSWER_COLS, PAKN_ANSWER_FROM, " ORDER BY e.at, e.id", 1,
      { [5] = "Lead.YesNo", [6] = "Lead.YesNo" }),
    LIST("pakn_unhappy", PAKN_ANSWER_COLS, PAKN_ANSWER_FROM " AND" STATS_PAKN_UNHAPPY,
      " ORDER BY e.at, e.id", 1, { [5] = "Lead.YesNo", [6] = "Lead.YesNo" }),
};
/* clang-format on */

static const struct list_def *
list_def(const char *kind)
{
    for (size_t i = 0; kind && i < NELEM(lists); i++) {
        if (strcmp(lists[i].kind, kind) == 0) {
            return &lists[i];
        }
    }
    return NULL;
}

int
report_list_kind(const char *kind)
{
    return list_def(kind) != NULL;
}

/* (subtree, training, from, to[, viewer]) into args: how many. */
static size_t
list_args(struct sctx *x, const struct list_def *l, const struct report_scope *s,
          const struct period *p, struct dbv args[8])
{
    size_t n = 0;

    args[n++] = DV_S(s->subtree);
    args[n++] = DV_I(s->training);
    args[n++] = DV_S(p->from);
    args[n++] = DV_S(p->to);
    if (l->viewer) {
        args[n++] = DV_I(x->user->id);
    }
    return n;
}

/* Below this share of the period's dossiers received in the scope, a list of
 * dossiers starts from the scope's units (LIST_D).  At 1,000,000 dossiers, a
 * year of the whole database is some 220,000 dossiers, read from an index in
 * about 0.2 s; a unit's history through the table costs about 4 us a dossier:
 * at 5 % of the dossiers the two ways cost alike. */
#define LIST_FEW_SHARE 0.05

/* The statements of list l for scope s and period p: *count and *rows. */
static enum db_rc
list_sql(struct sctx *x, const struct list_def *l, const struct report_scope *s,
         const struct period *p, const char **count, const char **rows)
{
    struct dbres res;
    double all, mine;
    enum db_rc rc;

    *count = l->count, *rows = l->rows;
    if (l->count_few == NULL || strchr(s->subtree + 1, '/') == strrchr(s->subtree, '/')) {
        return DB_OK; /* not a list of dossiers, or a whole tree ("/N/%") */
    }
    /* the scope's share of the period's dossiers, from the daily aggregates,
     * read for every unit of the period: for a sub-unit only */
    rc = db_query(x->db, x->pool,
                  "SELECT COALESCE(SUM(sd.received), 0),"
                  "       COALESCE(SUM(IF(u.path LIKE ?, sd.received, 0)), 0)"
                  "  FROM stat_dossier_day sd JOIN org_unit u ON u.id = sd.scope_id"
                  " WHERE sd.scope = 'unit' AND sd.day BETWEEN ? AND ? AND u.training = ?",
                  DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to), DV_I(s->training)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    all = (double)util_num(dbres_get(&res, 0, 0));
    mine = (double)util_num(dbres_get(&res, 0, 1));
    if (mine < all * LIST_FEW_SHARE) {
        *count = l->count_few, *rows = l->rows_few;
    }
    return DB_OK;
}

const char *const *
report_list_codes(const char *kind)
{
    const struct list_def *l = list_def(kind);

    return l ? l->tr : NULL;
}

enum db_rc
report_list(struct sctx *x, const struct report_scope *s, const struct period *p, const char *kind,
            long long offset, long long limit, struct dbres *out, long long *total)
{
    const struct list_def *l = list_def(kind);
    const char *count, *rows;
    struct dbres cnt;
    struct dbv args[8];
    size_t n;
    enum db_rc rc;

    memset(out, 0, sizeof(*out));
    if (l == NULL) {
        return DB_ERR;
    }
    if ((rc = list_sql(x, l, s, p, &count, &rows)) != DB_OK) {
        return rc;
    }
    /* the count, then the rows with LIMIT and OFFSET */
    n = list_args(x, l, s, p, args);
    if ((rc = db_query(x->db, x->pool, count, args, n, &cnt)) != DB_OK) {
        return rc;
    }
    *total = util_num(dbres_get(&cnt, 0, 0));
    args[n++] = DV_I(limit);
    args[n++] = DV_I(offset);
    return db_query(x->db, x->pool, rows, args, n, out);
}

enum db_rc
report_list_each(struct sctx *x, const struct report_scope *s, const struct period *p,
                 const char *kind, long long limit, db_each_fn each, void *arg)
{
    const struct list_def *l = list_def(kind);
    const char *count, *rows;
    struct dbv args[8];
    size_t n;
    enum db_rc rc;

    if (l == NULL) {
        return DB_ERR;
    }
    if ((rc = list_sql(x, l, s, p, &count, &rows)) != DB_OK) {
        return rc;
    }
    n = list_args(x, l, s, p, args);
    args[n++] = DV_I(limit);
    args[n++] = DV_I(0);
    return db_query_each(x->db, rows, args, n, 1000, each, arg);
}

#define AUDIT_SQL(limit)                                                                           \
    "SELECT DATE_FORMAT(a.at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i:%s'), o.full_name,"              \
    "       REPLACE(a.action, '.', '_'),"                                                          \
    "       COALESCE(f.code, d.code, ''),"                                                         \
    "       CASE WHEN f.code IS NOT NULL THEN CONCAT('/can-bo/phan-anh/', f.code)"                 \
    "            WHEN d.code IS NOT NULL THEN CONCAT('/can-bo/ho-so/', d.code) ELSE '' END,"       \
    "       a.ip, LEFT(a.detail, 200)"                                                             \
    "  FROM audit_log a JOIN users o ON o.id = a.actor_id"                                         \
    "  JOIN org_unit u ON u.id = o.unit_id"                                                        \
    "  LEFT JOIN feedback f ON a.object_type = 'feedback' AND f.id = a.object_id"                  \
    "  LEFT JOIN dossier d ON a.object_type = 'dossier' AND d.id = a.object_id"                    \
    " WHERE u.path LIKE ?" /* the confidential-subject rule: nothing of a case about the viewer */ \
    "   AND NOT COALESCE(a.object_type = 'feedback' AND f.identity = 'confidential'"               \
    "                    AND f.officer_id <=> ?, 0)"                                               \
    "   AND (? = 0 OR a.actor_id = ?)"                                                             \
    "   AND (? = '' OR REPLACE(a.action, '.', '_') = ?)"                                           \
    "   AND (? = '' OR f.code = ? OR d.code = ?)"                                                  \
    "   AND (? = '' OR a.at >= CAST(? AS DATETIME) - " SQL_VN_OFFSET ")"                           \
    "   AND (? = '' OR a.at < CAST(? AS DATETIME) + INTERVAL 1 DAY - " SQL_VN_OFFSET ")"           \
    " ORDER BY a.id DESC " limit

/* The arguments of AUDIT_SQL before its LIMIT; args holds 14. */
static void
audit_args(struct sctx *x, const struct report_scope *s, const struct audit_filter *f,
           struct dbv *args)
{
    const char *act = f->action_key ? f->action_key : "", *obj = f->object ? f->object : "";
    const char *from = f->from ? f->from : "", *to = f->to ? f->to : "";
    struct dbv a[] = { DV_S(s->subtree), DV_I(x->user->id), DV_I(f->actor), DV_I(f->actor),
                       DV_S(act),        DV_S(act),         DV_S(obj),      DV_S(obj),
                       DV_S(obj),        DV_S(from),        DV_S(from),     DV_S(to),
                       DV_S(to) };

    memcpy(args, a, sizeof(a));
}

enum db_rc
report_audit(struct sctx *x, const struct report_scope *s, const struct audit_filter *f, int page,
             int per_page, struct dbres *out)
{
    struct dbv args[15];

    audit_args(x, s, f, args);
    args[13] = DV_I(per_page);
    args[14] = DV_I((long long)(page - 1) * per_page);
    return db_query(x->db, x->pool, AUDIT_SQL("LIMIT ? OFFSET ?"), args, 15, out);
}

enum db_rc
report_audit_each(struct sctx *x, const struct report_scope *s, const struct audit_filter *f,
                  size_t max, db_each_fn each, void *arg)
{
    struct dbv args[14];

    audit_args(x, s, f, args);
    args[13] = DV_I((long long)max);
    return db_query_each(x->db, AUDIT_SQL("LIMIT ?"), args, 14, 500, each, arg);
}

/* A share in [0, 1] rounded to 4 places, or -1 when its base is under min. */
static double
share(long long part, long long whole, long long min)
{
    if (whole < min || whole <= 0) {
        return -1;
    }
    return (double)(long long)(10000.0 * (double)part / (double)whole + 0.5) / 10000.0;
}

enum db_rc
report_public_units(struct sctx *x, const struct period *p, const struct report_base *b,
                    int min_count, struct public_figs **out, size_t *n)
{
    enum { UNIT_ID, UNIT_CODE, UNIT_NAME };
    struct dbres units;
    struct unitmap m = { 0 };
    struct report_figs *f;
    enum db_rc rc;

    *out = NULL;
    *n = 0;
    rc = db_query(x->db, x->pool,
                  "SELECT id, code, name FROM org_unit WHERE training = 0 ORDER BY id", DB_NOARGS,
                  &units);
    if (rc != DB_OK) {
        return rc;
    }
    if ((rc = figs_own(x, p, &units, &m, &f)) != DB_OK) {
        return rc;
    }
    *out = pool_alloc(x->pool, (units.nrows + 1) * sizeof(**out));
    for (size_t i = 0; i < units.nrows; i++) {
        const struct report_figs *g = &f[i];
        struct public_figs *o = &(*out)[*n];
        long long part, base;

        if (g->ratings + g->feedback + g->finished + g->received + g->pakn_answered + g->pakn ==
            0) {
            continue; /* nothing in the period */
        }
        o->code = dbres_get(&units, i, UNIT_CODE);
        o->name = dbres_get(&units, i, UNIT_NAME);
        o->ratings = g->ratings, o->r3 = g->r3, o->r2 = g->r2, o->r1 = g->r1;
        o->feedback = g->feedback, o->answered = g->answered;
        o->answered_on_time = g->answered_on_time;
        /* the public statistics' shares (citizen.c, stats_rows) */
        o->satisfied_share = share(g->ratings - g->r1, g->ratings, min_count);
        o->p3 = share(g->r3, g->ratings, min_count);
        o->p2 = share(g->r2, g->ratings, min_count);
        o->p1 = share(g->r1, g->ratings, min_count);
        o->answered_on_time_rate = share(g->answered_on_time, g->answered, min_count);
        /* QĐ 766, as view_report.c shows them on the pages */
        report_on_time_parts(b, g, &part, &base);
        o->finished = g->finished, o->dossier_unhappy = g->unhappy;
        o->pakn = g->pakn, o->pakn_answered = g->pakn_answered;
        o->pakn_unhappy = g->pakn_unhappy, o->anonymous = g->anonymous, o->praise = g->praise;
        o->sat_dossier = share(g->finished - g->unhappy, g->finished, min_count);
        o->on_time_rate = share(part, base, min_count);
        o->pakn_on_time_rate = share(g->pakn_on_time, g->pakn_answered, min_count);
        o->pakn_satisfaction =
            share(g->pakn_answered - g->pakn_unhappy, g->pakn_answered, min_count);
        (*n)++;
    }
    return DB_OK;
}
