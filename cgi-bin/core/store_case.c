/* store_case.c — the staff side of feedback cases: lists, the case page and
 * every action, each in one transaction with its event and audit row. */
#include "store_case.h"

#include <string.h>
#include <time.h>

#include "audit.h"
#include "conf.h"
#include "stats.h"
#include "store_feedback.h"

#define OPEN_STATES "'new','accepted','conduct','need_info','review'"
#define RUNNING_STATES "'new','accepted','conduct','review'"

/* The visibility rule, written once: four arguments, VIS_ARGS.  The unit set is
 * a small semi-join, so the feedback index (unit_id, status, due_at) is used. */
#define VISIBLE                                                                   \
    " f.unit_id IN (SELECT v.id FROM org_unit v WHERE (? = 1 AND v.path LIKE ?)"   \
    "                                               OR v.id = ?)"                   \
    " AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)"
#define VIS_ARGS(s) DV_I((s)->leader), DV_S((s)->subtree), DV_I((s)->unit_id), DV_I((s)->viewer_id)

/* The list filter: 13 arguments, FILTER_ARGS. */
#define FILTER                                                                    \
    " AND (? = 'all'"                                                            \
    "      OR (? = 'open' AND f.status IN (" OPEN_STATES "))"                     \
    "      OR (? = 'overdue' AND f.status IN (" RUNNING_STATES ")"                \
    "          AND f.due_at < UTC_TIMESTAMP())"                                   \
    "      OR (? = 'due_soon' AND f.status IN (" RUNNING_STATES ")"               \
    "          AND f.due_at >= UTC_TIMESTAMP() AND f.due_at <= FROM_UNIXTIME(?))" \
    "      OR f.status = ?)"                                                      \
    " AND (? = '' OR f.kind = ?)"                                                 \
    " AND (? = 0 OR f.counter_id = ?)"                                            \
    " AND (? = '' OR f.code = ? OR f.content LIKE ?)"
#define FILTER_ARGS(st, soon, kind, counter, q, like)                             \
    DV_S(st), DV_S(st), DV_S(st), DV_S(st), DV_I(soon), DV_S(st), DV_S(kind),     \
        DV_S(kind), DV_I(counter), DV_I(counter), DV_S(q), DV_S(q), DV_S(like)

enum db_rc
case_scope(struct req *r, struct scope *s)
{
    struct dbres res;
    enum db_rc rc;

    memset(s, 0, sizeof(*s));
    rc = db_query(r->app->db, &r->pool, "SELECT path FROM org_unit WHERE id = ?",
                  DB_ARGS(DV_I(r->user->unit_id)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    s->leader = strcmp(r->user->role, "leader") == 0;
    s->unit_id = r->user->unit_id;
    s->path = res.nrows ? dbres_get(&res, 0, 0) : "/none/";
    /* patterns are built here, not with CONCAT in SQL: a parameter and a
     * literal of different collations cannot meet in one expression */
    s->subtree = pool_printf(&r->pool, "%s%%", s->path);
    s->viewer_id = r->user->id;
    return DB_OK;
}

/* "%words%" with LIKE wildcards escaped, so a search for "50%" means those characters. */
static const char *
like_escape(struct req *r, const char *q)
{
    char *out = pool_alloc(&r->pool, 2 * strlen(q) + 3), *o = out;

    *o++ = '%';
    for (; *q; q++) {
        if (*q == '%' || *q == '_' || *q == '\\') {
            *o++ = '\\';
        }
        *o++ = *q;
    }
    *o++ = '%';
    *o = '\0';
    return out;
}

/* "còn N ngày" / "quá hạn N ngày" material: working days from today to due. */
static void
due_hdf(struct req *r, const char *prefix, long long due, int paused)
{
    const struct cal *cal = req_calendar(r);
    char d[11];

    if (due <= 0 || cal == NULL) {
        return;
    }
    cal_format(cal_local_day((time_t)due), d);
    hset(r, pool_printf(&r->pool, "%s.due", prefix), pool_printf(&r->pool, "%.2s/%.2s/%.4s",
                                                               d + 8, d + 5, d));
    if (paused) {
        hset(r, pool_printf(&r->pool, "%s.paused", prefix), "1");
        return;
    }
    if ((time_t)due < time(NULL)) {
        int late = cal_working_days_between(cal, cal_local_day((time_t)due),
                                            cal_local_day(time(NULL)));

        hseti(r, pool_printf(&r->pool, "%s.late", prefix), late > 0 ? late : 0);
        hset(r, pool_printf(&r->pool, "%s.overdue", prefix), "1");
    } else {
        hseti(r, pool_printf(&r->pool, "%s.left", prefix),
              cal_working_days_between(cal, cal_local_day(time(NULL)), cal_local_day((time_t)due)));
    }
}

enum db_rc
case_list(struct req *r, const struct scope *s, const struct case_filter *f, int per_page)
{
    static const char *const cols[] = { "code", "kind", "status", "created", "due_ts", "unit",
                                        "counter", "assignee", "excerpt", "paused_flag",
                                        "escalated", NULL };
    const struct cal *cal = req_calendar(r);
    const char *q = f->q ? f->q : "", *kind = f->kind ? f->kind : "";
    const char *like = like_escape(r, q);
    long long soon = 0;
    struct dbres res, cnt;
    enum db_rc rc;

    if (cal) {
        soon = (long long)cal_instant(cal_add_working_days(cal, cal_local_day(time(NULL)),
                                                           f->due_soon_days),
                                      cal->close_minutes);
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT f.code, f.kind, f.status,"
                  "       DATE_FORMAT(f.created_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "       UNIX_TIMESTAMP(f.due_at), u.short_name, c.name, a.full_name,"
                  "       LEFT(f.content, 140), f.paused_at IS NOT NULL, f.escalated_at IS NOT NULL"
                  "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                  "  LEFT JOIN counter c ON c.id = f.counter_id"
                  "  LEFT JOIN users a ON a.id = f.assigned_to"
                  " WHERE" VISIBLE FILTER
                  " ORDER BY (f.status IN (" RUNNING_STATES ") AND f.due_at < UTC_TIMESTAMP()) DESC,"
                  "          f.due_at, f.id"
                  " LIMIT ? OFFSET ?",
                  DB_ARGS(VIS_ARGS(s), FILTER_ARGS(f->status, soon, kind, f->counter_id, q, like),
                          DV_I(per_page), DV_I((long long)(f->page - 1) * per_page)),
                  &res);
    if (rc != DB_OK) {
        return rc;
    }
    hset_rows(r, "Page.Cases", &res, cols);
    for (size_t i = 0; i < res.nrows; i++) {
        const char *st = dbres_get(&res, i, 2);
        int open = strstr(OPEN_STATES, pool_printf(&r->pool, "'%s'", st)) != NULL;

        if (open) {
            due_hdf(r, pool_printf(&r->pool, "Page.Cases.%zu", i), util_num(dbres_get(&res, i, 4)),
                    strcmp(dbres_get(&res, i, 9), "1") == 0);
        }
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT COUNT(*) FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                  " WHERE" VISIBLE FILTER,
                  DB_ARGS(VIS_ARGS(s), FILTER_ARGS(f->status, soon, kind, f->counter_id, q, like)),
                  &cnt);
    if (rc != DB_OK) {
        return rc;
    }
    hset(r, "Page.Total", dbres_get(&cnt, 0, 0));
    rc = db_query(r->app->db, &r->pool,
                  "SELECT f.status, COUNT(*),"
                  "       SUM(f.status IN (" RUNNING_STATES ") AND f.due_at < UTC_TIMESTAMP()),"
                  "       SUM(f.escalated_at IS NOT NULL AND f.status IN (" RUNNING_STATES "))"
                  "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                  " WHERE" VISIBLE " GROUP BY f.status",
                  DB_ARGS(VIS_ARGS(s)), &cnt);
    if (rc != DB_OK) {
        return rc;
    }
    {
        long long overdue = 0, open = 0, escalated = 0;

        for (size_t i = 0; i < cnt.nrows; i++) {
            const char *st = dbres_get(&cnt, i, 0);

            hset(r, pool_printf(&r->pool, "Page.Counts.%s", st), dbres_get(&cnt, i, 1));
            overdue += util_num(dbres_get(&cnt, i, 2));
            escalated += util_num(dbres_get(&cnt, i, 3));
            if (strstr(OPEN_STATES, pool_printf(&r->pool, "'%s'", st))) {
                open += util_num(dbres_get(&cnt, i, 1));
            }
        }
        hseti(r, "Page.Counts.overdue", overdue);
        hseti(r, "Page.Counts.open", open);
        hseti(r, "Page.Counts.escalated", escalated);
    }
    return DB_OK;
}

enum db_rc
case_get(struct req *r, const struct scope *s, const char *code, struct case_row *c)
{
    struct dbres res;
    enum db_rc rc;

    memset(c, 0, sizeof(*c));
    rc = db_query(r->app->db, &r->pool,
                  "SELECT f.id, f.unit_id, COALESCE(f.officer_id, 0), COALESCE(f.assigned_to, 0),"
                  "       COALESCE(f.counter_id, 0), f.code, f.status, f.kind, f.identity,"
                  "       f.contact_email, UNIX_TIMESTAMP(f.due_at)"
                  "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                  " WHERE f.code = ? AND" VISIBLE,
                  DB_ARGS(DV_S(code), VIS_ARGS(s)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    c->id = util_num(dbres_get(&res, 0, 0));
    c->unit_id = util_num(dbres_get(&res, 0, 1));
    c->officer_id = util_num(dbres_get(&res, 0, 2));
    c->assigned_to = util_num(dbres_get(&res, 0, 3));
    c->counter_id = util_num(dbres_get(&res, 0, 4));
    c->code = dbres_get(&res, 0, 5);
    c->status = dbres_get(&res, 0, 6);
    c->kind = dbres_get(&res, 0, 7);
    c->identity = dbres_get(&res, 0, 8);
    c->email = dbres_get(&res, 0, 9);
    c->due_at = util_num(dbres_get(&res, 0, 10));
    return DB_OK;
}

enum db_rc
case_hdf(struct req *r, const struct case_row *c, int show_contact)
{
    static const char *const cols[] = { "Code", "Kind", "Status", "Content", "Identity",
                                        "Created", "UnitName", "CounterName", "OfficerName",
                                        "AssigneeName", "Formal", "Answered",
                                        "AnswerSatisfied", "ForwardDue", "Escalated",
                                        "PublicCode", "RatingLevel", NULL };
    static const char *const ccols[] = { "Name", "Phone", "Email", "Address", NULL };
    static const char *const fcols[] = { "name", "mime", "size", "stored", NULL };
    static const char *const ecols[] = { "event", "public", "body", "at", "actor", NULL };
    struct dbres res, files, ev, contact;
    enum db_rc rc;

    rc = db_query(r->app->db, &r->pool,
                  "SELECT f.code, f.kind, f.status, f.content, f.identity,"
                  "       DATE_FORMAT(f.created_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "       u.name, c.name, o.full_name, a.full_name, f.formal,"
                  "       DATE_FORMAT(f.answered_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "       f.answer_satisfied,"
                  "       DATE_FORMAT(f.forward_due + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                  "       f.escalated_at IS NOT NULL, CONCAT(f.code, '-', f.check_part),"
                  "       (SELECT level FROM rating WHERE id = f.rating_id),"
                  "       f.paused_at IS NOT NULL"
                  "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                  "  LEFT JOIN counter c ON c.id = f.counter_id"
                  "  LEFT JOIN users o ON o.id = f.officer_id"
                  "  LEFT JOIN users a ON a.id = f.assigned_to"
                  " WHERE f.id = ?",
                  DB_ARGS(DV_I(c->id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    for (size_t i = 0; cols[i]; i++) {
        if (dbres_get(&res, 0, i)) {
            hset(r, pool_printf(&r->pool, "Page.Case.%s", cols[i]), dbres_get(&res, 0, i));
        }
    }
    due_hdf(r, "Page.Case", c->due_at, strcmp(dbres_get(&res, 0, 17), "1") == 0);
    if (show_contact) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT contact_name, contact_phone, contact_email, contact_address"
                      "  FROM feedback WHERE id = ?",
                      DB_ARGS(DV_I(c->id)), &contact);
        if (rc != DB_OK) {
            return rc;
        }
        for (size_t i = 0; ccols[i]; i++) {
            if (dbres_get(&contact, 0, i)) {
                hset(r, pool_printf(&r->pool, "Page.Contact.%s", ccols[i]),
                     dbres_get(&contact, 0, i));
            }
        }
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT filename, mime, size, stored_name FROM feedback_file"
                  " WHERE feedback_id = ? ORDER BY id",
                  DB_ARGS(DV_I(c->id)), &files);
    if (rc != DB_OK) {
        return rc;
    }
    hset_rows(r, "Page.Files", &files, fcols);
    rc = db_query(r->app->db, &r->pool,
                  "SELECT e.event, e.public, e.body,"
                  "       DATE_FORMAT(e.at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'), a.full_name"
                  "  FROM feedback_event e LEFT JOIN users a ON a.id = e.actor_id"
                  " WHERE e.feedback_id = ? ORDER BY e.at, e.id",
                  DB_ARGS(DV_I(c->id)), &ev);
    if (rc != DB_OK) {
        return rc;
    }
    hset_rows(r, "Page.Events", &ev, ecols);
    return DB_OK;
}

/* ---- actions ----------------------------------------------------------- */

static enum db_rc
event(struct req *r, long long id, const char *ev, int public, const char *body)
{
    return db_exec(r->app->db,
                   "INSERT INTO feedback_event (feedback_id, at, actor_id, event, public, body)"
                   " VALUES (?, UTC_TIMESTAMP(), ?, ?, ?, ?)",
                   DB_ARGS(DV_I(id), r->user ? DV_I(r->user->id) : DV_NULL, DV_S(ev),
                           DV_I(public), DV_S(body ? body : "")),
                   NULL, NULL);
}

/* Run an UPDATE of case id guarded by the states it may leave; DB_DUP stands
 * for "not in a state that allows this" (the caller explains), so nothing
 * half-happens.  The case's row is locked first and its count in
 * feedback_count follows the change. */
static enum db_rc
transition(struct req *r, long long id, const char *sql, const struct dbv *args, size_t nargs)
{
    unsigned long long n = 0;
    struct dbres before;
    enum db_rc rc = feedback_count_lock(r, id, &before);

    if (rc == DB_OK) {
        rc = db_exec(r->app->db, sql, args, nargs, &n, NULL);
    }
    if (rc == DB_OK && n == 0) {
        return DB_DUP;
    }
    return rc == DB_OK ? feedback_count_move(r, id, &before) : rc;
}

static enum db_rc
finish(struct req *r, enum db_rc rc, const struct case_row *c, const char *ev, int public,
       const char *body, const char *action)
{
    if (rc == DB_OK && ev) {
        rc = event(r, c->id, ev, public, body);
    }
    if (rc == DB_OK) {
        rc = audit(r, action, "feedback", c->id, body ? body : ev);
    }
    if (rc == DB_OK) {
        rc = db_commit(r->app->db);
    }
    if (rc != DB_OK) {
        db_rollback(r->app->db);
    }
    return rc;
}

enum db_rc
case_classify(struct req *r, const struct case_row *c, const char *cls, const char *reason,
              long long forward_unit)
{
    enum db_rc rc = db_begin(r->app->db);

    if (rc != DB_OK) {
        return rc;
    }
    if (strcmp(cls, "rejected") == 0) {
        rc = transition(r, c->id,
                        "UPDATE feedback SET status = 'rejected', classified_at = UTC_TIMESTAMP(),"
                        "       closed_at = UTC_TIMESTAMP()"
                        " WHERE id = ? AND status IN ('new','accepted','conduct')",
                        DB_ARGS(DV_I(c->id)));
        return finish(r, rc, c, "rejected", 1, reason, "case.reject");
    }
    if (strcmp(cls, "forwarded") == 0) {
        struct dbres res;

        rc = db_query(r->app->db, &r->pool,
                      "SELECT name FROM org_unit WHERE id = ? AND valid_to IS NULL",
                      DB_ARGS(DV_I(forward_unit)), &res);
        if (rc == DB_OK && (res.nrows == 0 || forward_unit == c->unit_id)) {
            rc = DB_DUP;
        }
        if (rc == DB_OK) {
            /* the case moves to the competent unit's inbox and starts there anew */
            rc = transition(r, c->id,
                            "UPDATE feedback SET status = 'new', forwarded_to = ?, unit_id = ?,"
                            "       counter_id = NULL, assigned_to = NULL, classified_at = NULL,"
                            "       escalated_at = NULL"
                            " WHERE id = ? AND status IN ('new','accepted','conduct')",
                            DB_ARGS(DV_I(forward_unit), DV_I(forward_unit), DV_I(c->id)));
        }
        return finish(r, rc, c, "forwarded", 1, rc == DB_OK ? dbres_get(&res, 0, 0) : NULL,
                      "case.forward");
    }
    if (strcmp(cls, "accepted") != 0 && strcmp(cls, "conduct") != 0) {
        db_rollback(r->app->db);
        return DB_DUP;
    }
    rc = transition(r, c->id,
                    "UPDATE feedback SET status = ?, classified_at = UTC_TIMESTAMP()"
                    " WHERE id = ? AND status IN ('new','accepted','conduct')",
                    DB_ARGS(DV_S(cls), DV_I(c->id)));
    return finish(r, rc, c, "classified", 1, NULL, "case.classify");
}

enum db_rc
case_assign(struct req *r, const struct case_row *c, long long officer_id)
{
    struct dbres res;
    enum db_rc rc = db_begin(r->app->db);

    if (rc == DB_OK) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT full_name FROM users WHERE id = ? AND unit_id = ? AND disabled = 0"
                      "   AND role IN ('officer','leader')",
                      DB_ARGS(DV_I(officer_id), DV_I(c->unit_id)), &res);
    }
    if (rc == DB_OK && (res.nrows == 0 || officer_id == c->officer_id)) {
        rc = DB_DUP;  /* not of this unit, or the very officer the case is about */
    }
    if (rc == DB_OK) {
        rc = transition(r, c->id,
                        "UPDATE feedback SET assigned_to = ?"
                        " WHERE id = ? AND status IN (" OPEN_STATES ")",
                        DB_ARGS(DV_I(officer_id), DV_I(c->id)));
    }
    return finish(r, rc, c, "assigned", 0, rc == DB_OK ? dbres_get(&res, 0, 0) : NULL,
                  "case.assign");
}

enum db_rc
case_note(struct req *r, const struct case_row *c, const char *text)
{
    enum db_rc rc = db_begin(r->app->db);

    return finish(r, rc, c, "note", 0, text, "case.note");
}

enum db_rc
case_request_info(struct req *r, const struct case_row *c, const char *text)
{
    enum db_rc rc = db_begin(r->app->db);

    if (rc == DB_OK) {
        rc = transition(r, c->id,
                        "UPDATE feedback SET status = 'need_info', paused_at = UTC_TIMESTAMP()"
                        " WHERE id = ? AND status IN (" RUNNING_STATES ")",
                        DB_ARGS(DV_I(c->id)));
    }
    return finish(r, rc, c, "info_request", 1, text, "case.request_info");
}

enum db_rc
case_answer(struct req *r, const struct case_row *c, const char *text)
{
    struct stat_delta d = { .answered = 1 };
    char day[11];
    enum db_rc rc = db_begin(r->app->db);

    if (rc == DB_OK) {
        rc = transition(r, c->id,
                        "UPDATE feedback SET status = 'answered', answered_at = UTC_TIMESTAMP(),"
                        "       answer_satisfied = NULL, paused_at = NULL"
                        " WHERE id = ? AND status IN (" OPEN_STATES ")",
                        DB_ARGS(DV_I(c->id)));
    }
    if (rc == DB_OK) {
        /* on time or early counts as on time (QĐ 766) */
        d.answered_on_time = time(NULL) <= (time_t)c->due_at;
        stats_today(day);
        rc = stats_add(r, c->unit_id, c->counter_id, c->officer_id, day, &d);
    }
    if (rc == DB_OK && c->email && *c->email) {
        struct dbres res;

        rc = db_query(r->app->db, &r->pool,
                      "SELECT CONCAT(code, '-', check_part) FROM feedback WHERE id = ?",
                      DB_ARGS(DV_I(c->id)), &res);
        if (rc == DB_OK) {
            const char *pub = dbres_get(&res, 0, 0);
            const char *body = pool_printf(
                &r->pool, "%s %s\n\n%s\n\n%s\n%s/phan-anh/%s\n", lang_str(r, "Mail.Intro"), pub,
                text, lang_str(r, "Mail.Follow"),
                conf_str(r->app->conf, "Site.BaseURL", ""), pub);

            rc = db_exec(r->app->db,
                         "INSERT INTO mail_queue (to_addr, subject, body, created_at)"
                         " VALUES (?, ?, ?, UTC_TIMESTAMP())",
                         DB_ARGS(DV_S(c->email),
                                 DV_S(pool_printf(&r->pool, "%s %s", lang_str(r, "Mail.Subject"),
                                                  pub)),
                                 DV_S(body)),
                         NULL, NULL);
        }
    }
    return finish(r, rc, c, "answer", 1, text, "case.answer");
}

enum db_rc
case_close(struct req *r, const struct case_row *c)
{
    enum db_rc rc = db_begin(r->app->db);

    if (rc == DB_OK) {
        rc = transition(r, c->id,
                        "UPDATE feedback SET status = 'closed', closed_at = UTC_TIMESTAMP()"
                        " WHERE id = ? AND status IN ('answered','rejected','review')",
                        DB_ARGS(DV_I(c->id)));
    }
    return finish(r, rc, c, "closed", 1, NULL, "case.close");
}

enum db_rc
case_reopen(struct req *r, const struct case_row *c, const char *text)
{
    const struct cal *cal = req_calendar(r);
    struct dbres res;
    long long days = 10;
    enum db_rc rc;

    if (cal == NULL) {
        return DB_DOWN;
    }
    if ((rc = db_begin(r->app->db)) != DB_OK) {
        return rc;
    }
    rc = db_query(r->app->db, &r->pool, "SELECT answer_days FROM feedback_kind WHERE code = ?",
                  DB_ARGS(DV_S(c->kind)), &res);
    if (rc == DB_OK && res.nrows) {
        days = util_num(dbres_get(&res, 0, 0));
    }
    if (rc == DB_OK) {
        rc = transition(r, c->id,
                        "UPDATE feedback SET status = 'accepted', answered_at = NULL,"
                        "       answer_satisfied = NULL, closed_at = NULL, escalated_at = NULL,"
                        "       due_at = FROM_UNIXTIME(?)"
                        " WHERE id = ? AND status IN ('review','closed','answered')",
                        DB_ARGS(DV_I(cal_due(cal, time(NULL), (int)days, CAL_WORKING_DAYS, 0)),
                                DV_I(c->id)));
    }
    return finish(r, rc, c, "reopened", 1, text, "case.reopen");
}

enum db_rc
case_reveal(struct req *r, const struct case_row *c, const char *reason)
{
    enum db_rc rc = db_begin(r->app->db);

    return finish(r, rc, c, NULL, 0, reason, "identity.reveal");
}

enum db_rc
case_escalate_overdue(struct req *r, int *n)
{
    struct dbres res;
    enum db_rc rc;

    *n = 0;
    rc = db_query(r->app->db, &r->pool,
                  "SELECT id FROM feedback WHERE status IN (" RUNNING_STATES ")"
                  "   AND due_at < UTC_TIMESTAMP() AND escalated_at IS NULL LIMIT 5000",
                  DB_NOARGS, &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct case_row c = { .id = util_num(dbres_get(&res, i, 0)) };

        if ((rc = db_begin(r->app->db)) != DB_OK) {
            break;
        }
        rc = transition(r, c.id,
                        "UPDATE feedback SET escalated_at = UTC_TIMESTAMP()"
                        " WHERE id = ? AND escalated_at IS NULL",
                        DB_ARGS(DV_I(c.id)));
        if (rc == DB_DUP) {
            db_rollback(r->app->db);
            rc = DB_OK;
            continue;
        }
        rc = finish(r, rc, &c, "escalated", 0, NULL, "case.escalate");
        *n += rc == DB_OK;
    }
    return rc;
}
