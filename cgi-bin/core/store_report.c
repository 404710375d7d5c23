/* store_report.c — figures, lists and the audit trail for leaders. */
#include "store_report.h"

#include <string.h>

/* "85,3%" (vi) or "85.3%" (en); "—" without a base. */
static const char *
pct(struct req *r, long long part, long long whole)
{
    char *s;

    if (whole <= 0) {
        return "—";
    }
    s = pool_printf(&r->pool, "%.1f%%", 100.0 * (double)part / (double)whole);
    if (strcmp(r->lang, "vi") == 0 && strchr(s, '.')) {
        *strchr(s, '.') = ',';
    }
    return s;
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
                  "SELECT u.id, u.name, CONCAT(u.path, '%') FROM org_unit u"
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
    *ok = 1;
    return DB_OK;
}

/* The late-dossier condition, shared by counts and lists so they always agree:
 * the statutory appointment (original_due_at) falls in the period and was missed. */
#define LATE_IN_PERIOD                                                                      \
    "  FROM dossier d JOIN org_unit ru ON ru.id = d.unit_id"                                \
    " WHERE ru.path LIKE ?"                                                                 \
    "   AND d.original_due_at >= ? - INTERVAL 7 HOUR"                                       \
    "   AND d.original_due_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR"                       \
    "   AND d.status NOT IN ('refused','stopped')"                                          \
    "   AND ((d.finished_at IS NOT NULL AND DATE(d.finished_at + INTERVAL 7 HOUR) >"         \
    "         DATE(d.original_due_at + INTERVAL 7 HOUR))"                                   \
    "        OR (d.finished_at IS NULL AND d.original_due_at < UTC_TIMESTAMP()))"
#define NO_APOLOGY " AND NOT EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id AND a.status <> 'draft')"

enum db_rc
report_figures(struct req *r, const struct report_scope *s, const struct period *p,
               const char *prefix)
{
    struct dbres ds, late, rt, fb, med;
    enum db_rc rc;
    long long finished, early, ontime, lt, n, r1, ans, ans_ok;

#define K(name) pool_printf(&r->pool, "%s.%s", prefix, name)
    rc = db_query(r->app->db, &r->pool,
                  "SELECT COALESCE(SUM(received), 0), COALESCE(SUM(finished), 0),"
                  "       COALESCE(SUM(early), 0), COALESCE(SUM(on_time), 0), COALESCE(SUM(late), 0),"
                  "       COALESCE(SUM(apologies), 0), COALESCE(SUM(apologies_late), 0),"
                  "       COALESCE(SUM(delay_days), 0)"
                  "  FROM stat_dossier_day sd JOIN org_unit u ON u.id = sd.scope_id"
                  " WHERE sd.scope = 'unit' AND u.path LIKE ? AND sd.day BETWEEN ? AND ?",
                  DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to)), &ds);
    if (rc == DB_OK) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT COUNT(*), COALESCE(SUM(NOT EXISTS (SELECT 1 FROM apology a"
                      "        WHERE a.dossier_id = d.id AND a.status <> 'draft')), 0),"
                      "       COALESCE(SUM(d.escalated_at IS NOT NULL), 0),"
                      "       COALESCE(SUM(d.finished_at IS NOT NULL), 0)" LATE_IN_PERIOD,
                      DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to)), &late);
    }
    if (rc == DB_OK) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT COALESCE(SUM(ratings), 0), COALESCE(SUM(r3), 0), COALESCE(SUM(r2), 0),"
                      "       COALESCE(SUM(r1), 0), COALESCE(SUM(feedback), 0),"
                      "       COALESCE(SUM(answered), 0), COALESCE(SUM(answered_on_time), 0)"
                      "  FROM stat_day sd JOIN org_unit u ON u.id = sd.scope_id"
                      " WHERE sd.scope = 'unit' AND u.path LIKE ? AND sd.day BETWEEN ? AND ?",
                      DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to)), &rt);
    }
    if (rc == DB_OK) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT COALESCE(SUM(f.status IN ('new','accepted','conduct','review')"
                      "                    AND f.due_at < UTC_TIMESTAMP()), 0),"
                      "       COALESCE(SUM(f.answer_satisfied = 0), 0),"
                      "       COALESCE(SUM(f.answer_satisfied IS NOT NULL), 0),"
                      "       COALESCE(SUM(f.answered_at IS NOT NULL), 0)"
                      "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                      " WHERE u.path LIKE ? AND f.created_at >= ? - INTERVAL 7 HOUR"
                      "   AND f.created_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR",
                      DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to)), &fb);
    }
    if (rc == DB_OK && util_num(dbres_get(&fb, 0, 3)) > 0) {
        /* median time to answer, in hours, over the cases of the period answered */
        rc = db_query(r->app->db, &r->pool,
                      "SELECT TIMESTAMPDIFF(HOUR, f.created_at, f.answered_at)"
                      "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                      " WHERE u.path LIKE ? AND f.answered_at IS NOT NULL"
                      "   AND f.created_at >= ? - INTERVAL 7 HOUR"
                      "   AND f.created_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR"
                      " ORDER BY 1 LIMIT 1 OFFSET ?",
                      DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to),
                              DV_I(util_num(dbres_get(&fb, 0, 3)) / 2)), &med);
        if (rc == DB_OK && med.nrows) {
            hset(r, K("median_answer_hours"), dbres_get(&med, 0, 0));
        }
    }
    if (rc == DB_OK && util_num(dbres_get(&late, 0, 3)) > 0) {
        /* median delay of the late dossiers already finished, in days */
        rc = db_query(r->app->db, &r->pool,
                      "SELECT DATEDIFF(d.finished_at + INTERVAL 7 HOUR,"
                      "                d.original_due_at + INTERVAL 7 HOUR)" LATE_IN_PERIOD
                      " AND d.finished_at IS NOT NULL ORDER BY 1 LIMIT 1 OFFSET ?",
                      DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to),
                              DV_I(util_num(dbres_get(&late, 0, 3)) / 2)), &med);
        if (rc == DB_OK && med.nrows) {
            hset(r, K("median_delay"), dbres_get(&med, 0, 0));
        }
    }
    if (rc != DB_OK) {
        return rc;
    }
    /* criteria of the TT01 evaluation: mean on the 1..3 scale, ratings of the
     * period in the scope (an index range on rating (unit_id, created_at)) */
    {
        struct dbres cr;
        static const char *const names[] = { "crit_attitude", "crit_time", "crit_trips",
                                             "crit_guidance" };

        rc = db_query(r->app->db, &r->pool,
                      "SELECT ROUND(AVG(x.c_attitude), 2), ROUND(AVG(x.c_time), 2),"
                      "       ROUND(AVG(x.c_trips), 2), ROUND(AVG(x.c_guidance), 2)"
                      "  FROM rating x JOIN org_unit u ON u.id = x.unit_id"
                      " WHERE u.path LIKE ? AND x.created_at >= ? - INTERVAL 7 HOUR"
                      "   AND x.created_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR",
                      DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to)), &cr);
        if (rc != DB_OK) {
            return rc;
        }
        for (size_t i = 0; i < NELEM(names); i++) {
            const char *v = dbres_get(&cr, 0, i);

            if (v) {
                char *t = pool_strdup(&r->pool, v);

                if (strcmp(r->lang, "vi") == 0 && strchr(t, '.')) {
                    *strchr(t, '.') = ',';
                }
                hset(r, K(names[i]), pool_printf(&r->pool, "%s / 3", t));
            }
        }
    }
    finished = util_num(dbres_get(&ds, 0, 1));
    early = util_num(dbres_get(&ds, 0, 2));
    ontime = util_num(dbres_get(&ds, 0, 3));
    lt = util_num(dbres_get(&ds, 0, 4));
    hset(r, K("received"), dbres_get(&ds, 0, 0));
    hseti(r, K("finished"), finished);
    hseti(r, K("early"), early);
    hseti(r, K("on_time"), ontime);
    hseti(r, K("late_finished"), lt);
    /* QĐ 766: on time means on time or early */
    hset(r, K("on_time_rate"), pct(r, early + ontime, finished));
    hset(r, K("apologies"), dbres_get(&ds, 0, 5));
    hset(r, K("apologies_late"), dbres_get(&ds, 0, 6));
    hset(r, K("late"), dbres_get(&late, 0, 0));
    hset(r, K("late_no_apology"), dbres_get(&late, 0, 1));
    hset(r, K("escalated"), dbres_get(&late, 0, 2));
    n = util_num(dbres_get(&rt, 0, 0));
    r1 = util_num(dbres_get(&rt, 0, 3));
    hseti(r, K("ratings"), n);
    hset(r, K("satisfaction"), pct(r, n - r1, n));
    hset(r, K("p3"), pct(r, util_num(dbres_get(&rt, 0, 1)), n));
    hset(r, K("p2"), pct(r, util_num(dbres_get(&rt, 0, 2)), n));
    hset(r, K("p1"), pct(r, r1, n));
    /* bar widths (of 300) for the distribution chart */
    if (n > 0) {
        hseti(r, K("w3"), util_num(dbres_get(&rt, 0, 1)) * 300 / n);
        hseti(r, K("w2"), util_num(dbres_get(&rt, 0, 2)) * 300 / n);
        hseti(r, K("w1"), r1 * 300 / n);
    }
    ans = util_num(dbres_get(&rt, 0, 5));
    ans_ok = util_num(dbres_get(&rt, 0, 6));
    hset(r, K("feedback"), dbres_get(&rt, 0, 4));
    hseti(r, K("answered"), ans);
    hset(r, K("answered_on_time"), pct(r, ans_ok, ans));
    hset(r, K("feedback_overdue"), dbres_get(&fb, 0, 0));
    hset(r, K("answer_unsatisfied"), dbres_get(&fb, 0, 1));
    hset(r, K("answer_rated"), dbres_get(&fb, 0, 2));
#undef K
    return DB_OK;
}

enum db_rc
report_units(struct req *r, const struct report_scope *s, const struct period *p)
{
    struct dbres kids;
    enum db_rc rc;

    rc = db_query(r->app->db, &r->pool,
                  "SELECT id, name, code, CONCAT(path, '%') FROM org_unit"
                  " WHERE parent_id = ? AND valid_to IS NULL ORDER BY sort_order, name",
                  DB_ARGS(DV_I(s->unit_id)), &kids);
    for (size_t i = 0; rc == DB_OK && i < kids.nrows; i++) {
        struct report_scope k = { util_num(dbres_get(&kids, i, 0)), dbres_get(&kids, i, 1),
                                  dbres_get(&kids, i, 3) };
        const char *prefix = pool_printf(&r->pool, "Page.Units.%zu", i);

        hset(r, pool_printf(&r->pool, "%s.name", prefix), k.name);
        hset(r, pool_printf(&r->pool, "%s.code", prefix), dbres_get(&kids, i, 2));
        rc = report_figures(r, &k, p, prefix);
    }
    return rc;
}

enum db_rc
report_people(struct req *r, const struct report_scope *s, const struct period *p, int min_count)
{
    static const char *const kinds[] = { "counter", "officer" };
    static const char *const prefixes[] = { "Page.Counters", "Page.Officers" };
    enum db_rc rc = DB_OK;

    for (size_t k = 0; rc == DB_OK && k < 2; k++) {
        struct dbres res;

        if (k == 0) {
            rc = db_query(r->app->db, &r->pool,
                          "SELECT CONCAT(c.name, ' · ', u.short_name), SUM(sd.ratings), SUM(sd.r1),"
                          "       SUM(sd.r3)"
                          "  FROM stat_day sd JOIN counter c ON c.id = sd.scope_id"
                          "  JOIN org_unit u ON u.id = c.unit_id"
                          " WHERE sd.scope = 'counter' AND u.path LIKE ? AND sd.day BETWEEN ? AND ?"
                          " GROUP BY c.id, c.name, u.short_name"
                          " ORDER BY SUM(sd.ratings) >= ? DESC,"
                          "          (SUM(sd.ratings) - SUM(sd.r1)) / SUM(sd.ratings) DESC",
                          DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to), DV_I(min_count)),
                          &res);
        } else {
            rc = db_query(r->app->db, &r->pool,
                          "SELECT o.full_name, SUM(sd.ratings), SUM(sd.r1), SUM(sd.r3)"
                          "  FROM stat_day sd JOIN users o ON o.id = sd.scope_id"
                          "  JOIN org_unit u ON u.id = o.unit_id"
                          " WHERE sd.scope = 'officer' AND u.path LIKE ? AND sd.day BETWEEN ? AND ?"
                          " GROUP BY o.id, o.full_name"
                          " ORDER BY SUM(sd.ratings) >= ? DESC,"
                          "          (SUM(sd.ratings) - SUM(sd.r1)) / SUM(sd.ratings) DESC",
                          DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to), DV_I(min_count)),
                          &res);
        }
        for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
            long long n = util_num(dbres_get(&res, i, 1)), r1 = util_num(dbres_get(&res, i, 2));
            const char *pre = pool_printf(&r->pool, "%s.%zu", prefixes[k], i);

            hset(r, pool_printf(&r->pool, "%s.name", pre), dbres_get(&res, i, 0));
            hseti(r, pool_printf(&r->pool, "%s.ratings", pre), n);
            hset(r, pool_printf(&r->pool, "%s.kind", pre), kinds[k]);
            if (n >= min_count) {
                /* small numbers do not rank */
                hseti(r, pool_printf(&r->pool, "%s.rank", pre), (long long)i + 1);
                hset(r, pool_printf(&r->pool, "%s.satisfaction", pre), pct(r, n - r1, n));
                hset(r, pool_printf(&r->pool, "%s.p3", pre), pct(r, util_num(dbres_get(&res, i, 3)), n));
            }
        }
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
                  " WHERE sd.scope = 'unit' AND u.path LIKE ?"
                  "   AND sd.day >= DATE_FORMAT(CURDATE() - INTERVAL 11 MONTH, '%Y-%m-01')"
                  " GROUP BY DATE_FORMAT(sd.day, '%Y-%m'), DATE_FORMAT(sd.day, '%m/%Y')"
                  " ORDER BY DATE_FORMAT(sd.day, '%Y-%m')",
                  DB_ARGS(DV_S(s->subtree)), &res);
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

enum db_rc
report_list(struct req *r, const struct report_scope *s, const struct period *p,
            const char *kind, struct dbres *out)
{
    if (strcmp(kind, "late") == 0 || strcmp(kind, "late_no_apology") == 0 ||
        strcmp(kind, "escalated") == 0) {
        return db_query(r->app->db, &r->pool,
                        strcmp(kind, "late") == 0 ?
                        "SELECT d.code, ru.short_name, d.applicant_name,"
                        "       DATE_FORMAT(d.original_due_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                        "       COALESCE(DATE_FORMAT(d.finished_at + INTERVAL 7 HOUR, '%d/%m/%Y'), ''),"
                        "       d.status,"
                        "       (SELECT COUNT(*) FROM apology a WHERE a.dossier_id = d.id AND a.status <> 'draft')"
                        LATE_IN_PERIOD " ORDER BY d.original_due_at LIMIT 5000"
                        : strcmp(kind, "late_no_apology") == 0 ?
                        "SELECT d.code, ru.short_name, d.applicant_name,"
                        "       DATE_FORMAT(d.original_due_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                        "       COALESCE(DATE_FORMAT(d.finished_at + INTERVAL 7 HOUR, '%d/%m/%Y'), ''),"
                        "       d.status, 0"
                        LATE_IN_PERIOD NO_APOLOGY " ORDER BY d.original_due_at LIMIT 5000"
                        :
                        "SELECT d.code, ru.short_name, d.applicant_name,"
                        "       DATE_FORMAT(d.original_due_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                        "       COALESCE(DATE_FORMAT(d.finished_at + INTERVAL 7 HOUR, '%d/%m/%Y'), ''),"
                        "       d.status, d.reappointments"
                        LATE_IN_PERIOD " AND d.escalated_at IS NOT NULL ORDER BY d.original_due_at LIMIT 5000",
                        DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to)), out);
    }
    if (strcmp(kind, "apology_late") == 0) {
        return db_query(r->app->db, &r->pool,
                        "SELECT d.code, au.short_name, a.number,"
                        "       DATE_FORMAT(a.old_due_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                        "       DATE_FORMAT(a.signed_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                        "       a.status, a.signer_name"
                        "  FROM apology a JOIN dossier d ON d.id = a.dossier_id"
                        "  JOIN org_unit au ON au.id = d.unit_id"
                        " WHERE au.path LIKE ? AND a.on_time = 0"
                        "   AND a.signed_at >= ? - INTERVAL 7 HOUR"
                        "   AND a.signed_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR"
                        " ORDER BY a.signed_at LIMIT 5000",
                        DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to)), out);
    }
    if (strcmp(kind, "feedback_overdue") == 0) {
        return db_query(r->app->db, &r->pool,
                        "SELECT f.code, u.short_name, f.kind,"
                        "       DATE_FORMAT(f.created_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                        "       DATE_FORMAT(f.due_at + INTERVAL 7 HOUR, '%d/%m/%Y'), f.status, ''"
                        "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                        " WHERE u.path LIKE ? AND f.status IN ('new','accepted','conduct','review')"
                        "   AND f.due_at < UTC_TIMESTAMP()"
                        "   AND f.created_at >= ? - INTERVAL 7 HOUR"
                        "   AND f.created_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR"
                        "   AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)"
                        " ORDER BY f.due_at LIMIT 5000",
                        DB_ARGS(DV_S(s->subtree), DV_S(p->from), DV_S(p->to), DV_I(r->user->id)),
                        out);
    }
    memset(out, 0, sizeof(*out));
    return DB_ERR;
}

enum db_rc
report_audit(struct req *r, const struct report_scope *s, int page, int per_page)
{
    static const char *const cols[] = { "at", "actor", "action", "object_type", "object_id",
                                        "ip", "detail", NULL };
    struct dbres res;
    enum db_rc rc;

    rc = db_query(r->app->db, &r->pool,
                  "SELECT DATE_FORMAT(a.at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i:%s'), o.full_name,"
                  "       a.action, a.object_type, a.object_id, a.ip, LEFT(a.detail, 200)"
                  "  FROM audit_log a JOIN users o ON o.id = a.actor_id"
                  "  JOIN org_unit u ON u.id = o.unit_id"
                  " WHERE u.path LIKE ? ORDER BY a.id DESC LIMIT ? OFFSET ?",
                  DB_ARGS(DV_S(s->subtree), DV_I(per_page), DV_I((long long)(page - 1) * per_page)),
                  &res);
    if (rc == DB_OK) {
        hset_rows(r, "Page.Audit", &res, cols);
        hseti(r, "Page.AuditCount", (long long)res.nrows);
    }
    return rc;
}
