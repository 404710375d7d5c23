/* leader — audit under /lanh-dao/ (docs/architecture.md §1): lateness, apologies,
 * satisfaction and answers for the leader's subtree, drill-down to the case,
 * CSV export, the audit trail.  Database account: motcua_leader.
 * Store: store_report.h (figures, lists, the audit trail; view_report.h
 * shows them), and store_unit.h and store_user.h for the names of the units
 * and people in the trail's filters: the account reads its subtree and writes
 * only audit rows (sql/grants.sql, "-- 004 leader audit"); cases are worked in
 * the officer program. */
#include <string.h>
#include <time.h>

#include "access.h"
#include "audit.h"
#include "calendar.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "input.h"
#include "render.h"
#include "staff.h"
#include "store_report.h"
#include "store_unit.h"
#include "store_user.h"
#include "util.h"
#include "view_report.h"
#include "worker.h"

#define LIST_PAGE 100          /* rows of a list per page */
#define CSV_MAX_ROWS 500000    /* a list's CSV: every row, up to this many */

/* 1 if day is the last of its month. */
static int
is_month_end(int day)
{
    int d;

    cal_ymd(day + 1, NULL, NULL, &d);
    return d == 1;
}

/* What a leader calls the period [from, to] (templates: leader/_figs.cs
 * period_label): a calendar month ("Tháng 11/2026"), a quarter ("Quý IV/2026"),
 * a year ("Năm 2026"), else the two dates as dd/mm/yyyy; under prefix. */
static void
period_hdf(struct req *r, const char *prefix, int from, int to)
{
    static const char *const roman[] = { "I", "II", "III", "IV" };
    int y1, m1, d1, y2, m2, d2, months;
    const char *kind = "range";

    cal_ymd(from, &y1, &m1, &d1);
    cal_ymd(to, &y2, &m2, &d2);
    months = (y2 - y1) * 12 + m2 - m1 + 1;
    if (d1 == 1 && is_month_end(to)) {
        kind = months == 1                                   ? "month"
               : months == 3 && (m1 - 1) % 3 == 0            ? "quarter"
               : months == 12 && m1 == 1                     ? "year"
                                                             : "range";
    }
    hset(r, pool_printf(&r->pool, "%s.Kind", prefix), kind);
    hset(r, pool_printf(&r->pool, "%s.Month", prefix), pool_printf(&r->pool, "%02d", m1));
    hset(r, pool_printf(&r->pool, "%s.Quarter", prefix), roman[(m1 - 1) / 3]);
    hseti(r, pool_printf(&r->pool, "%s.Year", prefix), y1);
    hset(r, pool_printf(&r->pool, "%s.From", prefix),
         pool_printf(&r->pool, "%02d/%02d/%04d", d1, m1, y1));
    hset(r, pool_printf(&r->pool, "%s.To", prefix),
         pool_printf(&r->pool, "%02d/%02d/%04d", d2, m2, y2));
}

/* The period from ?ky=thang|quy|nam (the current month, quarter or year) or
 * ?tu=&den= (local dates); the current month by default.  prev gets the
 * period it is compared with (cal_period_prev: the previous calendar month,
 * quarter or year, else the range of the same length just before). */
static const char *const period_kinds[] = { "thang", "quy", "nam", NULL };

enum { PQ_KIND, PQ_FROM, PQ_TO, PQ__MAX };

/* a period's selectors; one that is not valid is ignored (the current month) */
static const struct fld period_fields[PQ__MAX] = {
    [PQ_KIND] = { "ky", V_CHOICE, 0, 0, 0, period_kinds, NULL },
    [PQ_FROM] = { "tu", V_DATE, 0, 0, 0, NULL, NULL },
    [PQ_TO] = { "den", V_DATE, 0, 0, 0, NULL, NULL },
};

static int
period_of(struct req *r, struct period *p, struct period *prev)
{
    int today = cal_local_day(time(NULL)), from, to, pfrom, pto;
    struct val v[PQ__MAX];
    const char *ky;

    input_query(r, period_fields, PQ__MAX, v);
    ky = v[PQ_KIND].s;
    if (v[PQ_FROM].s && v[PQ_TO].s) {
        from = v[PQ_FROM].day;
        to = v[PQ_TO].day;
        if (to < from || to - from > 3700) {
            return -1;
        }
    } else if (ky && strcmp(ky, "nam") == 0) {
        cal_period_of(today, CAL_PERIOD_YEAR, &from, &to);
    } else if (ky && strcmp(ky, "quy") == 0) {
        cal_period_of(today, CAL_PERIOD_QUARTER, &from, &to);
    } else {
        cal_period_of(today, CAL_PERIOD_MONTH, &from, &to);
    }
    cal_period_prev(from, to, &pfrom, &pto);
    cal_format(from, p->from);
    cal_format(to, p->to);
    cal_format(pfrom, prev->from);
    cal_format(pto, prev->to);
    hset(r, "Page.From", p->from);
    hset(r, "Page.To", p->to);
    hset(r, "Page.PrevFrom", prev->from);
    hset(r, "Page.PrevTo", prev->to);
    period_hdf(r, "Page.Period", from, to);
    period_hdf(r, "Page.PrevPeriod", pfrom, pto);
    return 0;
}

/* ?don-vi=<unit code>: the leader's own unit when absent or not a code */
static int
scope_of(struct req *r, struct report_scope *s)
{
    static const struct fld q[] = { { "don-vi", V_CODE, 0, 1, 64, NULL, NULL } };
    struct val v[NELEM(q)];
    int ok, rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_query(r, q, NELEM(q), v);
    if ((dr = report_scope(req_sctx(r), v[0].s, s, &ok)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (!ok) {
        hset(r, "Page.ErrDetail", lang_str(r, "Lead.OutOfScope"));
        return 403;
    }
    hset(r, "Page.ScopeName", s->name);
    hset(r, "Page.ScopeCode", v[0].s);
    return 0;
}

/* A CSV download (UTF-8 with BOM, so Excel reads Vietnamese): the export is
 * audited before any of it is sent, with its purpose when it names people
 * (NULL: figures only), and named by list and period. */
static int
csv_start(struct req *r, const char *name, const char *purpose, const struct period *p,
          const struct report_scope *s)
{
    enum db_rc dr;

    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = audit(req_sctx(r), "report.export", "report", 0,
                   pool_printf(&r->pool, "%s %s..%s %s%s%s", name, p->from, p->to, s->name,
                               purpose ? " muc-dich=" : "", purpose ? purpose : ""));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    resp_header(r, "Content-Disposition",
                pool_printf(&r->pool, "attachment; filename=\"%s.csv\"",
                            util_filename(&r->pool, pool_printf(&r->pool, "%s-%s-%s", name,
                                                                p->from, p->to))));
    return 0;
}

static void
csv_row(struct buf *b, const char *const *cells, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        if (c) {
            buf_addc(b, ',');
        }
        buf_csv_field(b, cells[c]);
    }
    buf_adds(b, "\r\n");
}

/* The dashboard's tables as CSV: ?csv=don-vi (sub-units), quay (counters),
 * can-bo (officers), thang (the monthly trend). */
static int
dashboard_csv(struct req *r, const char *which, const struct period *p,
              const struct report_scope *s)
{
    static const char *const unit_cols[] = { "name", "rank_on_time", "rank_ratings_share", "received", "finished", "on_time_rate",
                                             "early", "on_time", "late_finished", "late",
                                             "late_no_apology", "apologies", "apologies_late",
                                             "escalated", "sat_dossier", "dossier_unhappy",
                                             "ratings", "ratings_share", "p3", "p2",
                                             "p1", "feedback", "pakn", "anonymous", "praise",
                                             "pakn_answered", "pakn_on_time_rate", "pakn_unhappy",
                                             "pakn_satisfaction", "answered", "answered_on_time",
                                             "feedback_overdue", "answer_unsatisfied", "forward_late",
                                             NULL };
    static const char *const people_cols[] = { "rank", "name", "ratings", "ratings_share", "p3",
                                               NULL };
    static const char *const trend_cols[] = { "month", "received", "late", NULL };
    const char *node, *const *cols;
    struct buf b = { 0 };
    HDF *h;
    size_t n;
    int rc;

    if (strcmp(which, "don-vi") == 0) {
        node = "Page.Units", cols = unit_cols;
    } else if (strcmp(which, "quay") == 0) {
        node = "Page.Counters", cols = people_cols;
    } else if (strcmp(which, "can-bo") == 0) {
        node = "Page.Officers", cols = people_cols;
    } else if (strcmp(which, "thang") == 0) {
        node = "Page.Trend", cols = trend_cols;
    } else {
        return 400;
    }
    for (n = 0; cols[n]; n++) {
    }
    {
        const char **cells = pool_alloc(&r->pool, n * sizeof(*cells));

        buf_adds(&b, "\xEF\xBB\xBF");   /* BOM: Excel then reads UTF-8 Vietnamese */
        for (size_t c = 0; c < n; c++) {
            cells[c] = lang_str(r, pool_printf(&r->pool, "Lead.CsvCol.%s", cols[c]));
        }
        csv_row(&b, cells, n);
        for (h = hdf_obj_child(hdf_get_obj(r->hdf, node)); h; h = hdf_obj_next(h)) {
            for (size_t c = 0; c < n; c++) {
                cells[c] = hdf_get_value(h, cols[c], "");
            }
            csv_row(&b, cells, n);
        }
    }
    if ((rc = csv_start(r, pool_printf(&r->pool, "bang-%s", which), NULL, p, s)) == 0) {
        resp_raw(r, "text/csv; charset=utf-8", b.p, b.len);
        rc = 200;
    }
    buf_free(&b);
    return rc;
}

/* A list's CSV, every row, streamed: a batch of rows from the database is
 * written out before the next is read, so no export is held in memory. */
struct csv_stream {
    struct req *r;
    const char *kind; /* a list's: its codes in words */
    struct buf b;
};

static int
csv_batch(void *arg, const struct dbres *rows)
{
    struct csv_stream *cs = arg;
    int gone;

    view_report_list_words(cs->r, cs->kind, rows);
    for (size_t i = 0; i < rows->nrows; i++) {
        csv_row(&cs->b, (const char *const *)&rows->cell[i * rows->ncols + RL_SHOWN],
                REPORT_LIST_SHOWN);
    }
    gone = resp_stream(cs->r, cs->b.p, cs->b.len) != 0;
    buf_reset(&cs->b);
    return gone;
}

static int
drill_csv(struct req *r, const char *kind, const char *purpose, const struct period *p,
          const struct report_scope *s)
{
    struct csv_stream cs = { r, kind, { 0 } };
    const char *head[REPORT_LIST_SHOWN];
    enum db_rc dr;
    int rc;

    if ((rc = csv_start(r, kind, purpose, p, s)) != 0) {
        return rc;
    }
    buf_adds(&cs.b, "\xEF\xBB\xBF");
    for (size_t c = 0; c < REPORT_LIST_SHOWN; c++) {
        head[c] = lang_str(r, pool_printf(&r->pool, "Lead.Cols.%s.%zu", kind, c));
    }
    csv_row(&cs.b, head, REPORT_LIST_SHOWN);
    resp_stream_begin(r, "text/csv; charset=utf-8");
    dr = report_list_each(req_sctx(r), s, p, kind, CSV_MAX_ROWS, csv_batch, &cs);
    if (cs.b.len) {
        /* an empty list: the header line alone */
        resp_stream(r, cs.b.p, cs.b.len);
    }
    buf_free(&cs.b);
    if (dr != DB_OK) {
        /* the head is sent: the operator's log says the export is cut short */
        log_err("CSV export %s cut short: %s", kind, db_error(r->app->db));
    }
    return 200;
}

/* What to produce: a CSV (?csv=<which>) or the printable report (?in=1).  An
 * unknown CSV is a 400: unlike a filter, there is no default to fall back to. */
static const char *const dashboard_csvs[] = { "don-vi", "quay", "can-bo", "thang", NULL };

enum { DQ_CSV, DQ_PRINT, DQ__MAX };

static const struct fld dashboard_fields[DQ__MAX] = {
    [DQ_CSV] = { "csv", V_CHOICE, 0, 0, 0, dashboard_csvs, NULL },
    [DQ_PRINT] = { "in", V_FLAG, 0, 0, 0, NULL, NULL },
};

static int
dashboard(struct req *r)
{
    struct report_scope s;
    struct period p, prev;
    struct val v[DQ__MAX];
    struct report_base b;
    struct report_summary fig, prev_fig;
    struct report_person *people[REPORT_PEOPLE];
    size_t npeople[REPORT_PEOPLE];
    struct dbres corrections, trend;
    int rc = scope_of(r, &s);
    enum db_rc dr;
    int min_count = (int)conf_int(r->app->conf, "Stats.MinCount", 10);

    if (rc != 0) {
        return rc;
    }
    if (period_of(r, &p, &prev) != 0 ||
        input_check(&r->pool, &r->q, dashboard_fields, DQ__MAX, v) != 0) {
        return 400;
    }
    /* the period and the one it is compared with share the on-time base */
    if ((dr = report_base_of(req_sctx(r), &p, &b)) != DB_OK ||
        (dr = report_figures(req_sctx(r), &s, &p, &b, 1, min_count, &fig)) != DB_OK ||
        (dr = report_figures(req_sctx(r), &s, &prev, &b, 0, 0, &prev_fig)) != DB_OK ||
        (dr = report_people(req_sctx(r), &s, &p, min_count, people, npeople)) != DB_OK ||
        (dr = report_corrections(req_sctx(r), &s, &p, &corrections)) != DB_OK ||
        (dr = report_trend(req_sctx(r), &s, &trend)) != DB_OK) {
        return db_fail(r, dr);
    }
    view_report_base(r, &b);
    view_report_summary(r, "Page.Fig", &b, &fig);
    view_report_summary(r, "Page.Prev", &b, &prev_fig);
    view_report_people(r, people, npeople, min_count);
    view_report_corrections(r, &corrections);
    view_report_trend(r, &trend);
    if (v[DQ_CSV].s) {
        return dashboard_csv(r, v[DQ_CSV].s, &p, &s);
    }
    return render(r, v[DQ_PRINT].i ? "leader/report" : "leader/dashboard");
}

static int
drill(struct req *r)
{
    static const char *const cols[] = { "link", "code", "unit", "c2", "c3", "c4", "status", "c6",
                                        NULL };
    /* loai names the list (400 when unknown: store_report.c knows them); a
     * page number that is not one is page 1 */
    /* a list names people (citizens, officers): its CSV says why it is taken,
     * and the audit row keeps it (Luật Bảo vệ dữ liệu cá nhân 91/2025) */
    static const struct fld q[] = {
        { "loai", V_CODE, 1, 1, 64, NULL, NULL },
        { "trang", V_INT, 0, 1, 1000000, NULL, NULL },
        { "csv", V_FLAG, 0, 0, 0, NULL, NULL },
        { "muc-dich", V_CHOICE, 0, 0, 0, audit_export_purposes, NULL },
    };
    struct val v[NELEM(q)];
    const char *kind;
    struct report_scope s;
    struct period p, prev;
    struct dbres res;
    long long page, total = 0;
    int csv, rc = scope_of(r, &s);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_query(r, q, NELEM(q), v);
    kind = v[0].s;
    page = v[1].i ? v[1].i : 1;
    csv = (int)v[2].i;
    if (!report_list_kind(kind) || period_of(r, &p, &prev) != 0) {
        return 400;
    }
    if (csv && v[3].s && !v[3].err) {
        return drill_csv(r, kind, v[3].s, &p, &s);
    }
    if (csv) {
        /* the list again, with the question it has to answer first */
        hset(r, "Page.Err.purpose", lang_str(r, "Lead.Csv.NoPurpose"));
    }
    dr = report_list(req_sctx(r), &s, &p, kind, (page - 1) * LIST_PAGE, LIST_PAGE, &res, &total);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    view_report_list_words(r, kind, &res);
    hset_rows(r, "Page.Rows", &res, cols);
    hseti(r, "Page.Count", total);
    hset(r, "Page.Kind", kind);
    hseti(r, "Page.Page", page);
    if (page * LIST_PAGE < total) {
        hseti(r, "Page.Next", page + 1);
    }
    if (page > 1) {
        hseti(r, "Page.Prev", page - 1);
    }
    return render_status(r, csv ? 422 : 200, "leader/list");
}

/* The trail's lines as CSV: time, person, action in words, object, detail, address. */
static int
audit_csv_batch(void *arg, const struct dbres *rows)
{
    struct csv_stream *cs = arg;
    int gone;

    for (size_t i = 0; i < rows->nrows; i++) {
        const char *const *c = (const char *const *)&rows->cell[i * rows->ncols];
        const char *cells[6] = {
            c[RA_AT],
            c[RA_ACTOR],
            lang_str(cs->r, pool_printf(&cs->r->pool, "Trail.Act.%s", c[RA_KEY])),
            c[RA_CODE],
            c[RA_DETAIL],
            c[RA_IP],
        };

        csv_row(&cs->b, cells, 6);
    }
    gone = resp_stream(cs->r, cs->b.p, cs->b.len) != 0;
    buf_reset(&cs->b);
    return gone;
}

enum { AQ_PAGE, AQ_ACTOR, AQ_ACTION, AQ_OBJECT, AQ_CSV, AQ__MAX };

/* The trail's filters: one that is not valid is ignored, except the dates,
 * which the leader types: those come back with a message (422). */
static const struct fld audit_fields[AQ__MAX] = {
    [AQ_PAGE] = { "trang", V_INT, 0, 1, 100000, NULL, NULL },
    [AQ_ACTOR] = { "nguoi", V_INT, 0, 1, 1LL << 62, NULL, NULL },
    [AQ_ACTION] = { "thao-tac", V_CODE, 0, 1, 63, NULL, NULL },
    [AQ_OBJECT] = { "ma", V_TEXT, 0, 1, 64, NULL, NULL },
    [AQ_CSV] = { "csv", V_FLAG, 0, 0, 0, NULL, NULL },
};

static int
audit_page(struct req *r)
{
    static const struct out_field pout[] = {
        OUT("id", struct staff_row, id, OUT_LL),
        OUT("name", struct staff_row, full_name, OUT_STR),
    };
    static const struct out_field uout[] = {
        OUT("code", struct unit_name, code, OUT_STR),
        OUT("name", struct unit_name, name, OUT_STR),
    };
    struct report_scope s;
    struct audit_filter f = { 0 };
    struct staff_row *people;
    struct dbres trail;
    struct unit_name *units;
    size_t npeople, nunits;
    struct val v[AQ__MAX], day[2];
    const char *key;
    long long page;
    int rc = scope_of(r, &s), bad = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_query(r, audit_fields, AQ__MAX, v);
    page = v[AQ_PAGE].i ? v[AQ_PAGE].i : 1;
    f.actor = v[AQ_ACTOR].i;
    key = v[AQ_ACTION].s;
    /* an action is one the language file names (letters and '_' only) */
    if (key && strspn(key, "abcdefghijklmnopqrstuvwxyz_") == strlen(key) &&
        hdf_get_obj(r->hdf, pool_printf(&r->pool, "L.Trail.Act.%s", key))) {
        f.action_key = key;
    }
    f.object = v[AQ_OBJECT].s;
    bad = input_period(r, day);
    f.from = day[0].s;
    f.to = day[1].s;
    if (!bad && v[AQ_CSV].i) {
        struct csv_stream cs = { r, NULL, { 0 } };
        const char *what = pool_printf(&r->pool, "nhat-ky %s", s.name);

        if ((dr = db_begin(r->app->db)) == DB_OK) {
            dr = audit(req_sctx(r), "report.export", "report", 0, what);
        }
        if ((dr = db_end(r->app->db, dr)) != DB_OK) {
            return db_fail(r, dr);
        }
        resp_header(r, "Content-Disposition", "attachment; filename=\"nhat-ky.csv\"");
        buf_adds(&cs.b, "\xEF\xBB\xBF");
        buf_adds(&cs.b, lang_str(r, "Trail.CsvHeader"));
        buf_adds(&cs.b, "\r\n");
        resp_stream_begin(r, "text/csv; charset=utf-8");
        dr = report_audit_each(req_sctx(r), &s, &f, CSV_MAX_ROWS, audit_csv_batch, &cs);
        if (cs.b.len) {
            resp_stream(r, cs.b.p, cs.b.len);
        }
        buf_free(&cs.b);
        if (dr != DB_OK) {
            log_err("CSV export of the audit trail cut short: %s", db_error(r->app->db));
        }
        return 200;
    }
    dr = user_list_subtree(r->app->db, &r->pool, s.subtree, &people, &npeople);
    if (dr == DB_OK) {
        dr = unit_list_subtree(r->app->db, &r->pool, s.subtree, &units, &nunits);
    }
    if (dr == DB_OK && !bad) {
        dr = report_audit(req_sctx(r), &s, &f, (int)page, 50, &trail);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (!bad) {
        view_report_audit(r, &trail);
    }
    rows_hdf(r, "Page.People", people, npeople, sizeof(*people), pout, NELEM(pout));
    rows_hdf(r, "Page.Units", units, nunits, sizeof(*units), uout, NELEM(uout));
    hseti(r, "Page.F.actor", f.actor);
    hset(r, "Page.F.key", f.action_key);
    hset(r, "Page.F.object", f.object);
    hset(r, "Page.F.from", day[0].s);
    hset(r, "Page.F.to", day[1].s);
    hseti(r, "Page.Page", page);
    if (strcmp(hdf_get_value(r->hdf, "Page.AuditCount", "0"), "50") == 0) {
        hseti(r, "Page.Next", page + 1);
    }
    return render_status(r, bad ? 422 : 200, "leader/audit");
}

static const struct route routes[] = {
    { "GET", "/lanh-dao/", dashboard, 0, ACCESS_AUDIT },
    { "GET", "/lanh-dao/danh-sach", drill, 0, ACCESS_AUDIT },
    { "GET", "/lanh-dao/nhat-ky", audit_page, 0, ACCESS_AUDIT },
};

static const struct program prog = {
    .name = "leader", .routes = routes, .nroutes = NELEM(routes), .flags = P_STAFF_SESSION
};

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
