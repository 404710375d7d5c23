/* store_report.c — figures, lists and the audit trail for leaders. */
#include "store_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "case_fsm.h"
#include "db.h"
#include "http.h"
#include "legal.h"
#include "render.h"
#include "stats.h"
#include "util.h"

/* A number as the page's language writes it: "85,3" (vi), "85.3" (en). */
static const char *
decimal(struct req *r, char *s)
{
    if (strcmp(r->lang, "vi") == 0 && strchr(s, '.')) {
        *strchr(s, '.') = ',';
    }
    return s;
}

/* "85,3%" (vi) or "85.3%" (en); "—" without a base. */
static const char *
pct(struct req *r, long long part, long long whole)
{
    if (whole <= 0) {
        return "—";
    }
    return decimal(r, pool_printf(&r->pool, "%.1f%%", 100.0 * (double)part / (double)whole));
}

enum db_rc
report_scope(struct req *r, const char *code, struct report_scope *s, int *ok)
{
    struct dbres res;
    enum db_rc rc;

    *ok = 0;
    memset(s, 0, sizeof(*s));
    /* the unit must lie in the leader's own subtree */
    rc = db_query(r->app->db, &r->pool,
                  "SELECT u.id, u.name, CONCAT(u.path, '%'), u.training FROM org_unit u"
                  "  JOIN org_unit me ON me.id = ?"
                  " WHERE (u.code = ? OR (? = '' AND u.id = me.id))"
                  "   AND u.path LIKE CONCAT(me.path, '%')",
                  DB_ARGS(DV_I(r->user->unit_id), DV_S(code ? code : ""), DV_S(code ? code : "")),
                  &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    s->unit_id = util_num(dbres_get(&res, 0, 0));
    s->name = dbres_get(&res, 0, 1);
    s->subtree = dbres_get(&res, 0, 2);
    s->training = util_num(dbres_get(&res, 0, 3)) != 0;
    *ok = 1;
    return DB_OK;
}

/* A unit of the scope: under its path, and a training unit only in the scope
 * of a training unit (a subtree is wholly one or the other: sql/050).  Takes
 * (subtree, training). */
#define IN_SCOPE(u) " " u ".path LIKE ? AND " u ".training = ?"

/* The late-dossier condition, shared by counts and lists so they always agree:
 * the statutory appointment (original_due_at) falls in the period and was missed. */
#define LATE_IN_PERIOD                                                                       \
    "  FROM dossier d JOIN org_unit ru ON ru.id = d.unit_id"                                 \
    " WHERE" IN_SCOPE("ru") ""                                                               \
                            "   AND d.original_due_at >= ? - " SQL_VN_OFFSET                 \
                            "   AND d.original_due_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET \
                            "   AND" LEGAL_LATE_COND
#define NO_APOLOGY " AND" STATS_NO_APOLOGY

/* ---- figures ---------------------------------------------------------------
 * Each aggregate is read for the period only (an index range on the day),
 * grouped by unit, and added here to the figures of the scope or of the
 * direct sub-unit the unit belongs to: no join per row, whatever the scope. */

struct figs {
    long long received, finished, early, on_time, late_finished, apologies, apologies_late;
    long long late, late_no_apology, escalated;
    long long ratings, r3, r2, r1, feedback, answered, answered_on_time;
    long long crit_sum[4], crit_n[4];
    long long overdue, answer_rated, answer_unsatisfied, answer_known, forward_late;
    /* QĐ 766 (sql/012_qd766.sql) */
    long long unhappy, recv_in_time, recv_out;
    long long pakn, anonymous, praise, pakn_answered, pakn_on_time, pakn_unhappy;
};

/* The units of the scope, sorted by id, each with the figures it adds to. */
struct unitmap {
    size_t n;
    long long *id;
    struct figs **to;
};

static int
cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return (x > y) - (x < y);
}

/* Each unit of the scope adds to the figures of the sub-unit (among kids, ids
 * in column 0) it lies under, or else to own (the scope's own unit, and units
 * under a closed sub-unit); the scope's figures are own plus every sub-unit's. */
static enum db_rc
unitmap_load(struct req *r, const struct report_scope *s, const struct dbres *kids,
             struct figs *kid_figs, struct figs *own, struct unitmap *m)
{
    struct dbres res;
    size_t plen = strlen(s->subtree) - 1;   /* the scope's path, without the '%' */
    enum db_rc rc =
        db_query(r->app->db, &r->pool,
                 "SELECT id, path FROM org_unit WHERE" IN_SCOPE("org_unit") " ORDER BY id",
                 DB_ARGS(DV_S(s->subtree), DV_I(s->training)), &res);

    memset(m, 0, sizeof(*m));
    if (rc != DB_OK) {
        return rc;
    }
    m->id = pool_alloc(&r->pool, (res.nrows + 1) * sizeof(*m->id));
    m->to = pool_alloc(&r->pool, (res.nrows + 1) * sizeof(*m->to));
    for (size_t i = 0; i < res.nrows; i++) {
        const char *path = dbres_get(&res, i, 1);
        struct figs *to = own;

        if (strlen(path) > plen) {
            long long kid = strtoll(path + plen, NULL, 10);   /* "/1/4/9/" under "/1/": 4 */

            for (size_t k = 0; k < kids->nrows; k++) {
                if (util_num(dbres_get(kids, k, 0)) == kid) {
                    to = &kid_figs[k];
                }
            }
        }
        m->id[m->n] = util_num(dbres_get(&res, i, 0));
        m->to[m->n++] = to;
    }
    return DB_OK;
}

/* x += y, every count. */
static void
figs_add(struct figs *x, const struct figs *y)
{
    long long *a = (long long *)x;
    const long long *b = (const long long *)y;

    for (size_t i = 0; i < sizeof(*x) / sizeof(long long); i++) {
        a[i] += b[i];
    }
}

/* The figures a result row of unit `id` adds to, or NULL when outside the scope. */
static struct figs *
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

/* Rows (unit, delay, late, no apology, escalated) into the figures and the
 * histogram of delays of late dossiers with a result. */
static void
late_rows(const struct unitmap *m, const struct dbres *res, long long hist[], size_t nhist)
{
    for (size_t i = 0; i < res->nrows; i++) {
        struct figs *x = unitmap_get(m, dbres_get(res, i, 0));
        long long delay = col(res, i, 1);

        if (x) {
            x->late += col(res, i, 2);
            x->late_no_apology += col(res, i, 3);
            x->escalated += col(res, i, 4);
            if (hist && delay >= 0) {
                hist[(size_t)delay < nhist ? (size_t)delay : nhist - 1] += col(res, i, 2);
            }
        }
    }
}

/* Late dossiers of days up to the mark from stat_late, of later days (up to
 * today: a later appointment cannot have been missed yet) from the dossiers. */
static enum db_rc
figs_late(struct req *r, const struct period *p, const struct unitmap *m, long long hist[],
          size_t nhist)
{
    char mark[11], today[11], f[11];
    const char *t;
    struct dbres res;
    enum db_rc rc = stats_late_mark(req_sctx(r), mark);

    stats_today(today);
    t = strcmp(p->to, mark) < 0 ? p->to : mark;
    if (rc == DB_OK && mark[0] && strcmp(p->from, t) <= 0) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT unit_id, delay, SUM(late), SUM(no_apology), SUM(escalated)"
                      "  FROM stat_late WHERE day BETWEEN ? AND ? GROUP BY 1, 2",
                      DB_ARGS(DV_S(p->from), DV_S(t)), &res);
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
    rc = db_query(r->app->db, &r->pool,
                  "SELECT d.unit_id," STATS_DELAY ", COUNT(*), SUM(" STATS_NO_APOLOGY "),"
                  "       SUM(d.escalated_at IS NOT NULL)"
                  "  FROM dossier d"
                  " WHERE d.original_due_at >= ? - " SQL_VN_OFFSET
                  "   AND d.original_due_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET
                  "   AND" LEGAL_LATE_COND " GROUP BY 1, 2",
                  DB_ARGS(DV_S(f), DV_S(t)), &res);
    if (rc == DB_OK) {
        late_rows(m, &res, hist, nhist);
    }
    return rc;
}

/* The figures of the daily aggregates of the period (stat_dossier_day,
 * stat_day) into the figures m points to: a few hundred to a few thousand
 * rows, whatever the number of dossiers. */
static enum db_rc
figs_aggregates(struct req *r, const struct period *p, const struct unitmap *m)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(r->app->db, &r->pool,
                  "SELECT scope_id, SUM(received), SUM(finished), SUM(early), SUM(on_time),"
                  "       SUM(late), SUM(apologies), SUM(apologies_late), SUM(unhappy),"
                  "       SUM(recv_in_time), SUM(recv_out)"
                  "  FROM stat_dossier_day WHERE scope = 'unit' AND day BETWEEN ? AND ?"
                  " GROUP BY 1",
                  DB_ARGS(DV_S(p->from), DV_S(p->to)), &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct figs *x = unitmap_get(m, dbres_get(&res, i, 0));

        if (x) {
            x->received += col(&res, i, 1), x->finished += col(&res, i, 2);
            x->early += col(&res, i, 3), x->on_time += col(&res, i, 4);
            x->late_finished += col(&res, i, 5), x->apologies += col(&res, i, 6);
            x->apologies_late += col(&res, i, 7), x->unhappy += col(&res, i, 8);
            x->recv_in_time += col(&res, i, 9), x->recv_out += col(&res, i, 10);
        }
    }
    if (rc == DB_OK) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT sd.scope_id," STATS_DAY_SUMS "  FROM stat_day sd"
                      " WHERE sd.scope = 'unit' AND sd.day BETWEEN ? AND ? GROUP BY 1",
                      DB_ARGS(DV_S(p->from), DV_S(p->to)), &res);
    }
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct figs *x = unitmap_get(m, dbres_get(&res, i, 0));
        struct stat_sums t;

        if (x) {
            stats_sums_read(&res, i, 1, &t);
            x->ratings += t.ratings, x->r3 += t.r3, x->r2 += t.r2, x->r1 += t.r1;
            x->feedback += t.feedback;
            x->answered += t.answered, x->answered_on_time += t.answered_on_time;
            x->crit_sum[0] += t.att_sum, x->crit_n[0] += t.att_n;
            x->crit_sum[1] += t.time_sum, x->crit_n[1] += t.time_n;
            x->crit_sum[2] += t.trips_sum, x->crit_n[2] += t.trips_n;
            x->crit_sum[3] += t.guide_sum, x->crit_n[3] += t.guide_n;
            /* each verdict on an answer, by the day it was given, whatever
             * happened to the case afterwards */
            x->answer_rated += t.verdicts, x->answer_unsatisfied += t.verdicts_unsatisfied;
            x->forward_late += t.forward_late;
            x->pakn += t.pakn, x->anonymous += t.anonymous;
            x->praise += t.praise, x->pakn_answered += t.pakn_answered;
            x->pakn_on_time += t.pakn_on_time, x->pakn_unhappy += t.pakn_unhappy;
        }
    }
    return rc;
}

/* Every figure of the period into the figures m points to. */
static enum db_rc
figs_load(struct req *r, const struct period *p, const struct unitmap *m, long long hist[],
          size_t nhist, long long hours[], size_t nhours)
{
    struct dbres res;
    enum db_rc rc = figs_aggregates(r, p, m);

    if (rc == DB_OK) {
        /* open cases and the hours to answer: one range of the covering
         * index (created_at, unit_id, ...) */
        rc = db_query(r->app->db, &r->pool,
                      "SELECT f.unit_id, TIMESTAMPDIFF(HOUR, f.created_at, f.answered_at),"
                      "       SUM(f.status IN (" CASE_RUNNING_SQL ")"
                      "           AND f.due_at < UTC_TIMESTAMP()),"
                      "       COUNT(*)"
                      "  FROM feedback f"
                      " WHERE f.created_at >= ? - " SQL_VN_OFFSET
                      "   AND f.created_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET " GROUP BY 1, 2",
                      DB_ARGS(DV_S(p->from), DV_S(p->to)), &res);
    }
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct figs *x = unitmap_get(m, dbres_get(&res, i, 0));
        const char *h = dbres_get(&res, i, 1);

        if (x) {
            x->overdue += col(&res, i, 2);
            if (h) {   /* answered */
                long long n = util_num(h);

                x->answer_known += col(&res, i, 3);
                n = n < 0 ? 0 : n;
                hours[(size_t)n < nhours ? (size_t)n : nhours - 1] += col(&res, i, 3);
            }
        }
    }
    if (rc == DB_OK) {
        rc = figs_late(r, p, m, hist, nhist);
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

/* A mean on the 1..3 scale, "2,71 / 3" (vi) or "2.71 / 3"; NULL without answers. */
static const char *
mean3(struct req *r, long long sum, long long n)
{
    return n > 0 ? decimal(r, pool_printf(&r->pool, "%.2f / 3", (double)sum / (double)n)) : NULL;
}

/* The base of the on-time rate, a rule of the legal version in force on the
 * last day of the period (legal_version.ontime_base): dossiers received in the
 * period (Decree 61/2018 Art. 30(2)(c)) or finished in it (how QĐ 766 words it
 * is unconfirmed).  Chosen once a request (Page.OnTimeBase), so that a period
 * and the one it is compared with share it. */
static enum db_rc
ontime_base(struct req *r, const struct period *p)
{
    struct legal_version v;
    int day;
    enum db_rc rc;

    if (*hdf_get_value(r->hdf, "Page.OnTimeBase", "") || cal_parse_date(p->to, &day) != 0) {
        return DB_OK;
    }
    rc = legal_version_for(r->app->db, &r->pool, cal_instant(day, 12 * 60), &v);
    if (rc == DB_OK) {
        hset(r, "Page.OnTimeBase", v.ontime_base);
        hset(r, "Page.OnTimeVersion", v.title);
    }
    return rc;
}

static int
base_received(struct req *r)
{
    return strcmp(hdf_get_value(r->hdf, "Page.OnTimeBase", "received"), "received") == 0;
}

/* The on-time rate's numerator and base under Stats.OnTimeBase; on time
 * means on time or early. */
static void
on_time_parts(struct req *r, const struct figs *x, long long *part, long long *whole)
{
    if (base_received(r)) {
        *part = x->recv_in_time, *whole = x->received - x->recv_out;
    } else {
        *part = x->early + x->on_time, *whole = x->finished;
    }
}

/* A rate, left out when its base is under min (too few to show in public). */
static void
rate_hdf(struct req *r, const char *key, long long part, long long whole, long long min)
{
    if (whole >= min) {
        hset(r, key, pct(r, part, whole));
    }
}

/* The QĐ 766/QĐ-TTg figures of x as the decision defines them,
 * for the leader's dashboard and the public statistics alike. */
static void
qd766_hdf(struct req *r, const struct figs *x, const char *prefix, long long min)
{
    long long part, base;

    on_time_parts(r, x, &part, &base);
#define K(name) pool_printf(&r->pool, "%s.%s", prefix, name)
    /* (dossiers − dossiers a citizen was not satisfied with) / dossiers, over
     * the dossiers whose result was ready in the period */
    rate_hdf(r, K("sat_dossier"), x->finished - x->unhappy, x->finished, min);
    hseti(r, K("dossier_unhappy"), x->unhappy);
    rate_hdf(r, K("on_time_rate"), part, base, min);
    /* identified petitions answered in the period: on time, and satisfied */
    hseti(r, K("pakn_answered"), x->pakn_answered);
    hseti(r, K("pakn_unhappy"), x->pakn_unhappy);
    rate_hdf(r, K("pakn_on_time_rate"), x->pakn_on_time, x->pakn_answered, min);
    rate_hdf(r, K("pakn_satisfaction"), x->pakn_answered - x->pakn_unhappy, x->pakn_answered, min);
    hseti(r, K("pakn"), x->pakn);
    hseti(r, K("anonymous"), x->anonymous);
    hseti(r, K("praise"), x->praise);
#undef K
}

static void
figs_hdf(struct req *r, const struct figs *x, const char *prefix)
{
    static const char *const crit[] = { "crit_attitude", "crit_time", "crit_trips",
                                        "crit_guidance" };
    long long n = x->ratings;

#define K(name) pool_printf(&r->pool, "%s.%s", prefix, name)
    hseti(r, K("received"), x->received);
    hseti(r, K("finished"), x->finished);
    hseti(r, K("early"), x->early);
    hseti(r, K("on_time"), x->on_time);
    hseti(r, K("late_finished"), x->late_finished);
    qd766_hdf(r, x, prefix, 0);
    hseti(r, K("apologies"), x->apologies);
    hseti(r, K("apologies_late"), x->apologies_late);
    hseti(r, K("late"), x->late);
    hseti(r, K("late_no_apology"), x->late_no_apology);
    hseti(r, K("escalated"), x->escalated);
    hseti(r, K("ratings"), n);
    hseti(r, K("r3"), x->r3);
    hseti(r, K("r2"), x->r2);
    hseti(r, K("r1"), x->r1);
    /* the share of satisfied ratings: counter ratings without a dossier too */
    hset(r, K("ratings_share"), pct(r, n - x->r1, n));
    hset(r, K("p3"), pct(r, x->r3, n));
    hset(r, K("p2"), pct(r, x->r2, n));
    hset(r, K("p1"), pct(r, x->r1, n));
    if (n > 0) {
        /* bar widths (of 300) for the distribution chart */
        hseti(r, K("w3"), x->r3 * 300 / n);
        hseti(r, K("w2"), x->r2 * 300 / n);
        hseti(r, K("w1"), x->r1 * 300 / n);
    }
    for (size_t k = 0; k < NELEM(crit); k++) {
        hset(r, K(crit[k]), mean3(r, x->crit_sum[k], x->crit_n[k]));
    }
    hseti(r, K("feedback"), x->feedback);
    hseti(r, K("answered"), x->answered);
    hset(r, K("answered_on_time"), pct(r, x->answered_on_time, x->answered));
    hseti(r, K("feedback_overdue"), x->overdue);
    hseti(r, K("answer_unsatisfied"), x->answer_unsatisfied);
    hseti(r, K("answer_rated"), x->answer_rated);
    hseti(r, K("forward_late"), x->forward_late);
#undef K
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

/* One row per direct sub-unit with every figure (Page.Units), ranked on
 * satisfaction and on-time rate; small numbers do not rank. */
static void
units_hdf(struct req *r, const struct dbres *kids, const struct figs *f, int min_count)
{
    double *sat = pool_alloc(&r->pool, (kids->nrows + 1) * sizeof(*sat));
    double *ont = pool_alloc(&r->pool, (kids->nrows + 1) * sizeof(*ont));

    for (size_t i = 0; i < kids->nrows; i++) {
        long long part, whole;

        sat[i] = f[i].ratings >= min_count   /* the share of satisfied ratings */
                     ? (double)(f[i].ratings - f[i].r1) / (double)f[i].ratings : -1;
        on_time_parts(r, &f[i], &part, &whole);
        ont[i] = whole >= min_count ? (double)part / (double)whole : -1;
    }
    for (size_t i = 0; i < kids->nrows; i++) {
        const char *prefix = pool_printf(&r->pool, "Page.Units.%zu", i);

        hset(r, pool_printf(&r->pool, "%s.name", prefix), dbres_get(kids, i, 1));
        hset(r, pool_printf(&r->pool, "%s.code", prefix), dbres_get(kids, i, 2));
        figs_hdf(r, &f[i], prefix);
        if (sat[i] >= 0) {
            hseti(r, pool_printf(&r->pool, "%s.rank_ratings_share", prefix),
                  rank_of(sat, kids->nrows, i));
        }
        if (ont[i] >= 0) {
            hseti(r, pool_printf(&r->pool, "%s.rank_on_time", prefix),
                  rank_of(ont, kids->nrows, i));
        }
    }
}

#define NHOURS 20000   /* hours to answer counted one by one: over two years */

enum db_rc
report_figures(struct req *r, const struct report_scope *s, const struct period *p,
               const char *prefix, int units, int min_count)
{
    static const struct dbres none = { 0 };
    struct figs x = { 0 }, *f = NULL;
    struct dbres kids = none;
    struct unitmap m;
    long long hist[4000] = { 0 }, med;   /* days of delay: eleven years */
    long long *hours;                    /* hours to answer */
    enum db_rc rc = ontime_base(r, p);

    if (rc == DB_OK && units) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT id, name, code FROM org_unit"
                      " WHERE parent_id = ? AND valid_to IS NULL AND training = ?"
                      " ORDER BY sort_order, name",
                      DB_ARGS(DV_I(s->unit_id), DV_I(s->training)), &kids);
    }
    if (rc == DB_OK) {
        f = pool_alloc(&r->pool, (kids.nrows + 1) * sizeof(*f));
        memset(f, 0, (kids.nrows + 1) * sizeof(*f));
        /* one pass for the scope and its sub-units */
        rc = unitmap_load(r, s, &kids, f, &x, &m);
    }
    if (rc == DB_OK) {
        hours = pool_alloc(&r->pool, NHOURS * sizeof(*hours));
        memset(hours, 0, NHOURS * sizeof(*hours));
        rc = figs_load(r, p, &m, hist, NELEM(hist), hours, NHOURS);
    }
    if (rc != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < kids.nrows; i++) {
        figs_add(&x, &f[i]);
    }
    figs_hdf(r, &x, prefix);
    if (units) {
        units_hdf(r, &kids, f, min_count);
    }
    if ((med = hist_median(hist, NELEM(hist))) >= 0) {
        hseti(r, pool_printf(&r->pool, "%s.median_delay", prefix), med);
    }
    if ((med = hist_median(hours, NHOURS)) >= 0) {
        /* median time to answer, in hours, over the cases of the period answered */
        hseti(r, pool_printf(&r->pool, "%s.median_answer_hours", prefix), med);
    }
    return DB_OK;
}

/* Each unit of units (ids in column 0, sorted) with its own figures of the
 * period, none added to another's: *f[i] for row i, m mapping ids to them. */
static enum db_rc
figs_own(struct req *r, const struct period *p, const struct dbres *units, struct unitmap *m,
         struct figs **f)
{
    *f = pool_alloc(&r->pool, (units->nrows + 1) * sizeof(**f));
    m->n = 0;
    m->id = pool_alloc(&r->pool, (units->nrows + 1) * sizeof(*m->id));
    m->to = pool_alloc(&r->pool, (units->nrows + 1) * sizeof(*m->to));
    for (size_t i = 0; i < units->nrows; i++) {
        m->id[m->n] = util_num(dbres_get(units, i, 0));
        m->to[m->n++] = &(*f)[i];
    }
    return figs_aggregates(r, p, m);
}

enum db_rc
report_public(struct req *r, const struct period *p, const char *prefix, int min_count)
{
    static const char *const cols[] = { "name", NULL };
    struct dbres units;
    struct unitmap m = { 0 };
    struct figs *f;
    size_t shown = 0;
    enum db_rc rc;

    if ((rc = ontime_base(r, p)) != DB_OK) {
        return rc;
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT id, name FROM org_unit WHERE valid_to IS NULL AND training = 0 ORDER BY "
                  "id",
                  DB_NOARGS, &units);
    if (rc != DB_OK) {
        return rc;
    }
    /* each unit's own figures, as its own row of the table */
    if ((rc = figs_own(r, p, &units, &m, &f)) != DB_OK) {
        return rc;
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT id, name FROM org_unit WHERE valid_to IS NULL AND training = 0"
                  " ORDER BY sort_order, name",
                  DB_NOARGS, &units);
    for (size_t i = 0; rc == DB_OK && i < units.nrows; i++) {
        const struct figs *x = unitmap_get(&m, dbres_get(&units, i, 0));
        const char *pre;

        if (x == NULL || x->finished + x->received + x->pakn_answered + x->pakn == 0) {
            continue;   /* nothing in the period */
        }
        pre = pool_printf(&r->pool, "%s.%zu", prefix, shown++);
        hset(r, pool_printf(&r->pool, "%s.%s", pre, cols[0]), dbres_get(&units, i, 1));
        hseti(r, pool_printf(&r->pool, "%s.finished", pre), x->finished);
        qd766_hdf(r, x, pre, min_count);
    }
    return rc;
}

enum db_rc
report_people(struct req *r, const struct report_scope *s, const struct period *p, int min_count)
{
    static const char *const kinds[] = { "counter", "officer" };
    static const char *const prefixes[] = { "Page.Counters", "Page.Officers" };
    enum db_rc rc = DB_OK;

    /* the same ranking of counters and of officers: ratings of the period in
     * the scope, those under min_count last */
#define PEOPLE_TAIL                                \
    " AND sd.day BETWEEN ? AND ? GROUP BY 1, x.id" \
    " ORDER BY SUM(sd.ratings) >= ? DESC,"         \
    "          (SUM(sd.ratings) - SUM(sd.r1)) / SUM(sd.ratings) DESC"
    static const char *const sql[] = {
        "SELECT CONCAT(x.name, ' · ', u.short_name)," STATS_DAY_SUMS
        "  FROM stat_day sd JOIN counter x ON x.id = sd.scope_id"
        "  JOIN org_unit u ON u.id = x.unit_id"
        " WHERE sd.scope = 'counter' AND" IN_SCOPE("u") PEOPLE_TAIL,
        "SELECT x.full_name," STATS_DAY_SUMS "  FROM stat_day sd JOIN users x ON x.id = sd.scope_id"
        "  JOIN org_unit u ON u.id = x.unit_id"
        " WHERE sd.scope = 'officer' AND" IN_SCOPE("u") PEOPLE_TAIL,
    };
#undef PEOPLE_TAIL

    for (size_t k = 0; rc == DB_OK && k < 2; k++) {
        struct dbres res;

        rc = db_query(r->app->db, &r->pool, sql[k],
                      DB_ARGS(DV_S(s->subtree), DV_I(s->training), DV_S(p->from), DV_S(p->to),
                              DV_I(min_count)),
                      &res);
        for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
            const char *pre = pool_printf(&r->pool, "%s.%zu", prefixes[k], i);
            struct stat_sums t;
            long long n, r1;

            stats_sums_read(&res, i, 1, &t);
            n = t.ratings, r1 = t.r1;

            hset(r, pool_printf(&r->pool, "%s.name", pre), dbres_get(&res, i, 0));
            hseti(r, pool_printf(&r->pool, "%s.ratings", pre), n);
            hset(r, pool_printf(&r->pool, "%s.kind", pre), kinds[k]);
            if (n >= min_count) {
                /* small numbers do not rank */
                hseti(r, pool_printf(&r->pool, "%s.rank", pre), (long long)i + 1);
                hset(r, pool_printf(&r->pool, "%s.ratings_share", pre), pct(r, n - r1, n));
                hset(r, pool_printf(&r->pool, "%s.p3", pre), pct(r, t.r3, n));
            }
        }
    }
    return rc;
}

enum db_rc
report_corrections(struct req *r, const struct report_scope *s, const struct period *p)
{
    static const char *const cols[] = { "month", "at", "late_before", "late_after",
                                        "ontime_before", "ontime_after", NULL };
    struct dbres res;
    enum db_rc rc;

    rc = db_query(r->app->db, &r->pool,
                  "SELECT DATE_FORMAT(c.month, '%m/%Y'),"
                  "       DATE_FORMAT(c.corrected_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                  "       SUM(c.late_before), SUM(c.late_after), SUM(c.ontime_before),"
                  "       SUM(c.ontime_after)"
                  "  FROM stat_correction c JOIN org_unit u ON u.id = c.unit_id"
                  " WHERE" IN_SCOPE(
                      "u") " AND c.month <= ? AND c.month >= DATE_FORMAT(?, '%Y-%m-01')"
                           " GROUP BY c.month, c.corrected_at"
                           " ORDER BY c.corrected_at DESC, c.month LIMIT 24",
                  DB_ARGS(DV_S(s->subtree), DV_I(s->training), DV_S(p->to), DV_S(p->from)), &res);
    if (rc == DB_OK) {
        hset_rows(r, "Page.Corrections", &res, cols);
    }
    return rc;
}

enum db_rc
report_trend(struct req *r, const struct report_scope *s)
{
    struct dbres res;
    enum db_rc rc;
    long long max = 1;

    rc = db_query(r->app->db, &r->pool,
                  "SELECT DATE_FORMAT(sd.day, '%m/%Y'), SUM(sd.received), SUM(sd.late),"
                  "       SUM(sd.finished)"
                  "  FROM stat_dossier_day sd JOIN org_unit u ON u.id = sd.scope_id"
                  " WHERE sd.scope = 'unit' AND" IN_SCOPE(
                      "u") "   AND sd.day >= DATE_FORMAT(CURDATE() - INTERVAL 11 MONTH, '%Y-%m-01')"
                           " GROUP BY DATE_FORMAT(sd.day, '%Y-%m'), DATE_FORMAT(sd.day, '%m/%Y')"
                           " ORDER BY DATE_FORMAT(sd.day, '%Y-%m')",
                  DB_ARGS(DV_S(s->subtree), DV_I(s->training)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < res.nrows; i++) {
        max = util_num(dbres_get(&res, i, 1)) > max ? util_num(dbres_get(&res, i, 1)) : max;
    }
    /* bar geometry computed here: templates only place what they are given */
    for (size_t i = 0; i < res.nrows; i++) {
        const char *pre = pool_printf(&r->pool, "Page.Trend.%zu", i);
        long long rec = util_num(dbres_get(&res, i, 1)), late = util_num(dbres_get(&res, i, 2));

        hset(r, pool_printf(&r->pool, "%s.month", pre), dbres_get(&res, i, 0));
        hseti(r, pool_printf(&r->pool, "%s.received", pre), rec);
        hseti(r, pool_printf(&r->pool, "%s.late", pre), late);
        hseti(r, pool_printf(&r->pool, "%s.x", pre), 40 + (long long)i * 50);
        hseti(r, pool_printf(&r->pool, "%s.h", pre), rec * 150 / max);
        hseti(r, pool_printf(&r->pool, "%s.y", pre), 170 - rec * 150 / max);
        hseti(r, pool_printf(&r->pool, "%s.lh", pre), late * 150 / max);
        hseti(r, pool_printf(&r->pool, "%s.ly", pre), 170 - late * 150 / max);
    }
    hseti(r, "Page.TrendMax", max);
    return DB_OK;
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
    "  FROM dossier d JOIN org_unit ru ON ru.id = d.unit_id"                                \
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
      viewer, __VA_ARGS__ }

/* the lists are laid out by hand */
/* clang-format off */
static const struct list_def {
    const char *kind;
    const char *count;       /* SELECT COUNT(*) of the list */
    const char *rows;        /* link, then the seven shown columns; LIMIT ? OFFSET ? */
    int viewer;              /* takes the viewer's id after the period */
    const char *tr[7];       /* language prefix translating a column's codes */
} lists[] = {
    LIST("received",
      DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.received_at") ","
      LOCAL_DATE("d.original_due_at") ", d.status," LOCAL_DATE("d.finished_at"),
      "  FROM dossier d JOIN org_unit ru ON ru.id = d.unit_id"
      " WHERE" IN_SCOPE("ru") "" IN_PERIOD("d.received_at"),
      " ORDER BY d.received_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST("finished", FINISHED_COLS, FINISHED_IN_PERIOD, " ORDER BY d.finished_at, d.id", 0,
      { [5] = "Dossier.St" }),
    LIST("early", FINISHED_COLS, FINISHED_IN_PERIOD
      " AND DATE(d.finished_at + " SQL_VN_OFFSET ") < DATE(d.original_due_at + " SQL_VN_OFFSET ")",
      " ORDER BY d.finished_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST("on_time", FINISHED_COLS, FINISHED_IN_PERIOD
      " AND DATE(d.finished_at + " SQL_VN_OFFSET ") = DATE(d.original_due_at + " SQL_VN_OFFSET ")",
      " ORDER BY d.finished_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST("late_finished", FINISHED_COLS, FINISHED_IN_PERIOD
      " AND DATE(d.finished_at + " SQL_VN_OFFSET ") > DATE(d.original_due_at + " SQL_VN_OFFSET ")",
      " ORDER BY d.finished_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST("late",
      LATE_COLS " (SELECT COUNT(*) FROM apology a WHERE a.dossier_id = d.id AND a.status <> 'draft')",
      LATE_IN_PERIOD, " ORDER BY d.original_due_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST("late_no_apology", LATE_COLS " d.reappointments", LATE_IN_PERIOD NO_APOLOGY,
      " ORDER BY d.original_due_at, d.id", 0, { [5] = "Dossier.St" }),
    LIST("escalated", LATE_COLS " d.reappointments",
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
    LIST("dossier_unhappy",
      DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.finished_at") ", d.status,"
      " COALESCE((SELECT x.level FROM rating x WHERE x.dossier_id = d.id), 0),"
      " (SELECT COUNT(*) FROM feedback f WHERE f.dossier_id = d.id AND" STATS_UNHAPPY_CASE ")",
      FINISHED_IN_PERIOD " AND EXISTS (SELECT 1 FROM dossier_unhappy du WHERE du.dossier_id = d.id)",
      " ORDER BY d.finished_at, d.id", 0, { [4] = "Dossier.St", [5] = "Level" }),
    LIST("received_in_time",
      DOSSIER_LINK " d.applicant_name," LOCAL_DATE("d.received_at") ","
      LOCAL_DATE("d.original_due_at") "," LOCAL_DATE("d.finished_at") ", d.status",
      "  FROM dossier d JOIN org_unit ru ON ru.id = d.unit_id"
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
list_args(struct req *r, const struct list_def *l, const struct report_scope *s,
          const struct period *p, struct dbv args[8])
{
    size_t n = 0;

    args[n++] = DV_S(s->subtree);
    args[n++] = DV_I(s->training);
    args[n++] = DV_S(p->from);
    args[n++] = DV_S(p->to);
    if (l->viewer) {
        args[n++] = DV_I(r->user->id);
    }
    return n;
}

/* Codes in words of the page's language (status, level, kind); the words
 * are the language table's own strings, so nothing is allocated per row
 * (a CSV export streams any number of rows in bounded memory). */
static void
list_words(struct req *r, const struct list_def *l, const struct dbres *rows)
{
    char key[96];

    for (size_t i = 0; i < rows->nrows; i++) {
        for (size_t c = 0; c < 7; c++) {
            if (l->tr[c] && rows->ncols > c + 1) {
                const char *w;

                snprintf(key, sizeof(key), "%s.%s", l->tr[c], dbres_get(rows, i, c + 1));
                /* lang_str answers an unknown key with the key itself: keep the code */
                if ((w = lang_str(r, key)) != key) {
                    rows->cell[i * rows->ncols + c + 1] = (char *)w;
                }
            }
        }
    }
}

enum db_rc
report_list(struct req *r, const struct report_scope *s, const struct period *p,
            const char *kind, long long offset, long long limit, struct dbres *out,
            long long *total)
{
    const struct list_def *l = list_def(kind);
    struct dbres cnt;
    struct dbv args[8];
    size_t n;
    enum db_rc rc;

    memset(out, 0, sizeof(*out));
    if (l == NULL) {
        return DB_ERR;
    }
    /* the count, then the rows with LIMIT and OFFSET */
    n = list_args(r, l, s, p, args);
    if ((rc = db_query(r->app->db, &r->pool, l->count, args, n, &cnt)) != DB_OK) {
        return rc;
    }
    *total = util_num(dbres_get(&cnt, 0, 0));
    args[n++] = DV_I(limit);
    args[n++] = DV_I(offset);
    rc = db_query(r->app->db, &r->pool, l->rows, args, n, out);
    if (rc == DB_OK) {
        list_words(r, l, out);
    }
    return rc;
}

struct list_stream {
    struct req *r;
    const struct list_def *l;
    db_each_fn each;
    void *arg;
};

static int
list_batch(void *arg, const struct dbres *rows)
{
    struct list_stream *ls = arg;

    list_words(ls->r, ls->l, rows);
    return ls->each(ls->arg, rows);
}

enum db_rc
report_list_each(struct req *r, const struct report_scope *s, const struct period *p,
                 const char *kind, long long limit, db_each_fn each, void *arg)
{
    const struct list_def *l = list_def(kind);
    struct list_stream ls = { r, l, each, arg };
    struct dbv args[8];
    size_t n;

    if (l == NULL) {
        return DB_ERR;
    }
    n = list_args(r, l, s, p, args);
    args[n++] = DV_I(limit);
    args[n++] = DV_I(0);
    return db_query_each(r->app->db, l->rows, args, n, 1000, list_batch, &ls);
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
audit_args(struct req *r, const struct report_scope *s, const struct audit_filter *f,
           struct dbv *args)
{
    const char *act = f->action_key ? f->action_key : "", *obj = f->object ? f->object : "";
    const char *from = f->from ? f->from : "", *to = f->to ? f->to : "";
    struct dbv a[] = { DV_S(s->subtree), DV_I(r->user->id), DV_I(f->actor), DV_I(f->actor),
                       DV_S(act),        DV_S(act),         DV_S(obj),      DV_S(obj),
                       DV_S(obj),        DV_S(from),        DV_S(from),     DV_S(to),
                       DV_S(to) };

    memcpy(args, a, sizeof(a));
}

enum db_rc
report_audit(struct req *r, const struct report_scope *s, const struct audit_filter *f, int page,
             int per_page)
{
    static const char *const cols[] = { "at", "actor", "key", "code", "link", "ip", "detail",
                                        NULL };
    struct dbv args[15];
    struct dbres res;
    enum db_rc rc;

    audit_args(r, s, f, args);
    args[13] = DV_I(per_page);
    args[14] = DV_I((long long)(page - 1) * per_page);
    rc = db_query(r->app->db, &r->pool, AUDIT_SQL("LIMIT ? OFFSET ?"), args, 15, &res);
    if (rc == DB_OK) {
        hset_rows(r, "Page.Audit", &res, cols);
        hseti(r, "Page.AuditCount", (long long)res.nrows);
    }
    return rc;
}

enum db_rc
report_audit_each(struct req *r, const struct report_scope *s, const struct audit_filter *f,
                  size_t max, db_each_fn each, void *arg)
{
    struct dbv args[14];

    audit_args(r, s, f, args);
    args[13] = DV_I((long long)max);
    return db_query_each(r->app->db, AUDIT_SQL("LIMIT ?"), args, 14, 500, each, arg);
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
report_public_units(struct req *r, const struct period *p, int min_count, struct public_figs **out,
                    size_t *n)
{
    struct dbres units;
    struct unitmap m = { 0 };
    struct figs *f;
    enum db_rc rc;

    *out = NULL;
    *n = 0;
    if ((rc = ontime_base(r, p)) != DB_OK) {
        return rc;
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT id, code, name FROM org_unit WHERE training = 0 ORDER BY id", DB_NOARGS,
                  &units);
    if (rc != DB_OK) {
        return rc;
    }
    if ((rc = figs_own(r, p, &units, &m, &f)) != DB_OK) {
        return rc;
    }
    *out = pool_alloc(&r->pool, (units.nrows + 1) * sizeof(**out));
    for (size_t i = 0; i < units.nrows; i++) {
        const struct figs *x = &f[i];
        struct public_figs *o = &(*out)[*n];
        long long part, base;

        if (x->ratings + x->feedback + x->finished + x->received + x->pakn_answered + x->pakn ==
            0) {
            continue; /* nothing in the period */
        }
        o->code = dbres_get(&units, i, 1);
        o->name = dbres_get(&units, i, 2);
        o->ratings = x->ratings, o->r3 = x->r3, o->r2 = x->r2, o->r1 = x->r1;
        o->feedback = x->feedback, o->answered = x->answered;
        o->answered_on_time = x->answered_on_time;
        /* the public statistics' shares (citizen.c, stats_rows) */
        o->satisfied_share = share(x->ratings - x->r1, x->ratings, min_count);
        o->p3 = share(x->r3, x->ratings, min_count);
        o->p2 = share(x->r2, x->ratings, min_count);
        o->p1 = share(x->r1, x->ratings, min_count);
        o->answered_on_time_rate = share(x->answered_on_time, x->answered, min_count);
        /* QĐ 766, as qd766_hdf defines them */
        on_time_parts(r, x, &part, &base);
        o->finished = x->finished, o->dossier_unhappy = x->unhappy;
        o->pakn = x->pakn, o->pakn_answered = x->pakn_answered;
        o->pakn_unhappy = x->pakn_unhappy, o->anonymous = x->anonymous, o->praise = x->praise;
        o->sat_dossier = share(x->finished - x->unhappy, x->finished, min_count);
        o->on_time_rate = share(part, base, min_count);
        o->pakn_on_time_rate = share(x->pakn_on_time, x->pakn_answered, min_count);
        o->pakn_satisfaction =
            share(x->pakn_answered - x->pakn_unhappy, x->pakn_answered, min_count);
        (*n)++;
    }
    return DB_OK;
}
