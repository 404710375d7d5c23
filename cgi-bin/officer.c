/* officer — the workspace under /can-bo/ (docs/architecture.md §1): sign-in, the inbox
 * of feedback cases, case handling, canned answers, evidence files.  Leaders
 * work cases here too, over their unit's subtree.  Account: motcua_officer.
 * Store: store_case.h (case work) and store_dossier.h (receipt, hand-overs,
 * apologies): the account may change a case's handling columns, dossiers and
 * their steps (sql/grants.sql, "-- 003" and "-- 004"). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "calendar.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "notify.h"
#include "password.h"
#include "qr.h"
#include "render.h"
#include "session.h"
#include "staff.h"
#include "store_case.h"
#include "store_dossier.h"
#include "token.h"
#include "util.h"
#include "worker.h"

#define PER_PAGE 25
#define MAX_TEXT_CHARS 4000

static const char *const statuses[] = { "open", "new", "overdue", "due_soon", "review",
                                         "need_info", "answered", "closed", "rejected", "all" };
static const char *const kinds[] = { "petition", "conduct", "suggestion", "praise" };

static int
is_leader(struct req *r)
{
    return strcmp(r->user->role, "leader") == 0;
}

/* ---- inbox ------------------------------------------------------------- */

static int
inbox(struct req *r)
{
    struct case_filter f = { 0 };
    struct scope s;
    struct dbres counters;
    static const char *const ccols[] = { "id", "name", NULL };
    const char *st = req_query(r, "trang-thai"), *kind = req_query(r, "loai");
    int rc = staff_begin(r, "officer,leader,admin");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (strcmp(r->user->role, "admin") == 0) {
        return render(r, "staff/home");
    }
    f.status = str_in(st, statuses, NELEM(statuses)) ? st : "open";
    f.kind = str_in(kind, kinds, NELEM(kinds)) ? kind : NULL;
    f.counter_id = util_num(req_query(r, "quay"));
    f.q = req_query(r, "q");
    if (f.q && (*f.q == '\0' || utf8_len(f.q) > 100)) {
        f.q = NULL;
    }
    f.page = (int)util_num(req_query(r, "trang"));
    if (f.page < 1 || f.page > 100000) {
        f.page = 1;
    }
    f.due_soon_days = (int)conf_int(r->app->conf, "Feedback.DueSoonDays", 2);
    if ((dr = case_scope(r, &s)) != DB_OK || (dr = case_list(r, &s, &f, PER_PAGE)) != DB_OK) {
        return db_fail(r, dr);
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT c.id, CONCAT(c.name, ' · ', u.short_name) FROM counter c"
                  "  JOIN org_unit u ON u.id = c.unit_id"
                  " WHERE c.active = 1 AND (c.unit_id = ? OR (? = 1 AND u.path LIKE ?))"
                  " ORDER BY u.sort_order, c.sort_order",
                  DB_ARGS(DV_I(s.unit_id), DV_I(s.leader), DV_S(s.subtree)), &counters);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Counters", &counters, ccols);
    for (size_t i = 0; i < NELEM(statuses); i++) {
        hset(r, pool_printf(&r->pool, "Page.Statuses.%zu", i), statuses[i]);
    }
    for (size_t i = 0; i < NELEM(kinds); i++) {
        hset(r, pool_printf(&r->pool, "Page.Kinds.%zu", i), kinds[i]);
    }
    hset(r, "Page.F.status", f.status);
    hset(r, "Page.F.kind", f.kind);
    hseti(r, "Page.F.counter", f.counter_id);
    hset(r, "Page.F.q", f.q);
    hseti(r, "Page.Page", f.page);
    if ((long long)f.page * PER_PAGE < util_num(hdf_get_value(r->hdf, "Page.Total", "0"))) {
        hseti(r, "Page.Next", f.page + 1);
    }
    if (f.page > 1) {
        hseti(r, "Page.Prev", f.page - 1);
    }
    hseti(r, "Page.Leader", s.leader);
    return render(r, "staff/inbox");
}

/* ---- one case ---------------------------------------------------------- */

/* Open the case named in the path, visible to this user; 0 or a status. */
static int
case_open(struct req *r, struct scope *s, struct case_row *c)
{
    int rc = staff_begin(r, "officer,leader");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = case_scope(r, s)) != DB_OK || (dr = case_get(r, s, r->arg[0], c)) != DB_OK) {
        return db_fail(r, dr);
    }
    return c->id ? 0 : 404;  /* invisible and missing look the same */
}

/* Named contact details are the unit's to see; confidential ones only a
 * leader's, after a reason is given (case_reveal), never the officer's. */
static int
contact_visible(struct req *r, const struct case_row *c, int revealed)
{
    if (strcmp(c->identity, "named") == 0) {
        return 1;
    }
    return strcmp(c->identity, "confidential") == 0 && is_leader(r) && revealed;
}

static int
case_render(struct req *r, struct case_row *c, int status, int revealed)
{
    struct dbres canned, staff, units;
    static const char *const kcols[] = { "id", "title", NULL };
    static const char *const scols[] = { "id", "name", NULL };
    static const char *const ucols[] = { "id", "name", NULL };
    long long mau = util_num(req_query(r, "mau"));
    enum db_rc dr;

    if ((dr = case_hdf(r, c, contact_visible(r, c, revealed))) != DB_OK ||
        (dr = notify_hdf(r, "feedback", c->id, contact_visible(r, c, revealed))) != DB_OK) {
        return db_fail(r, dr);
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT id, title, body FROM canned_answer WHERE unit_id = ? ORDER BY title",
                  DB_ARGS(DV_I(c->unit_id)), &canned);
    if (dr == DB_OK) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT id, CONCAT(full_name, COALESCE(CONCAT(' – ', title), ''))"
                      "  FROM users WHERE unit_id = ? AND disabled = 0"
                      "   AND role IN ('officer','leader') AND id <> ? ORDER BY full_name",
                      DB_ARGS(DV_I(c->unit_id), DV_I(c->officer_id)), &staff);
    }
    if (dr == DB_OK) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT id, name FROM org_unit WHERE valid_to IS NULL AND id <> ?"
                      " ORDER BY sort_order, name",
                      DB_ARGS(DV_I(c->unit_id)), &units);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Canned", &canned, kcols);
    hset_rows(r, "Page.Staff", &staff, scols);
    hset_rows(r, "Page.Units", &units, ucols);
    for (size_t i = 0; mau && i < canned.nrows; i++) {
        if (util_num(dbres_get(&canned, i, 0)) == mau) {
            hset(r, "Page.AnswerDraft", dbres_get(&canned, i, 2));
        }
    }
    if (req_form(r, "text")) {
        hset(r, "Page.AnswerDraft", req_form(r, "text"));
    }
    hseti(r, "Page.Leader", is_leader(r));
    hset(r, "Page.Revealed", revealed ? "1" : "0");
    return render_status(r, status, "staff/case");
}

static int
case_page(struct req *r)
{
    struct scope s;
    struct case_row c;
    int rc = case_open(r, &s, &c);

    return rc ? rc : case_render(r, &c, 200, 0);
}

static int
case_error(struct req *r, struct case_row *c, int status, const char *key)
{
    hset(r, "Page.Error", lang_str(r, key));
    return case_render(r, c, status, 0);
}

/* Every action answers the same way: back to the case, or the case with an error. */
static int
case_done(struct req *r, struct case_row *c, enum db_rc dr)
{
    if (dr == DB_DUP) {
        return case_error(r, c, 409, "Case.Err.State");
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/phan-anh/%s", c->code));
}

/* Not accepting a case ends it: asked on a page of its own first. */
static int
case_reject_confirm(struct req *r, const struct case_row *c, int status)
{
    static const char *const hidden[] = { "class", "rejected", NULL };

    return staff_confirm(r, status, "case_reject", c->code,
                         pool_printf(&r->pool, "/can-bo/phan-anh/%s/phan-loai", c->code),
                         pool_printf(&r->pool, "/can-bo/phan-anh/%s", c->code), "reason", hidden);
}

static int
case_reject_page(struct req *r)
{
    struct scope s;
    struct case_row c;
    int rc = case_open(r, &s, &c);

    return rc ? rc : case_reject_confirm(r, &c, 200);
}

static int
act_classify(struct req *r)
{
    struct scope s;
    struct case_row c;
    const char *cls = req_form(r, "class"), *reason = req_form_trimmed(r, "reason");
    int rc = case_open(r, &s, &c);

    if (rc != 0) {
        return rc;
    }
    if (cls == NULL || (strcmp(cls, "accepted") && strcmp(cls, "conduct") &&
                        strcmp(cls, "rejected") && strcmp(cls, "forwarded"))) {
        return case_error(r, &c, 422, "Case.Err.Class");
    }
    if (strcmp(cls, "rejected") == 0 && reason == NULL) {
        hset(r, "Page.Error", lang_str(r, "Case.Err.Reason"));
        return case_reject_confirm(r, &c, 422);
    }
    if (strcmp(cls, "forwarded") == 0 && util_num(req_form(r, "unit")) == 0) {
        return case_error(r, &c, 422, "Case.Err.Unit");
    }
    return case_done(r, &c, case_classify(r, &c, cls, reason, util_num(req_form(r, "unit"))));
}

static int
act_assign(struct req *r)
{
    struct scope s;
    struct case_row c;
    int rc = case_open(r, &s, &c);

    if (rc != 0) {
        return rc;
    }
    if (util_num(req_form(r, "officer")) <= 0) {
        return case_error(r, &c, 422, "Case.Err.Assignee");
    }
    return case_done(r, &c, case_assign(r, &c, util_num(req_form(r, "officer"))));
}

/* Actions that take one text: note, information request, answer, reopen. */
static int
act_text(struct req *r, enum db_rc (*fn)(struct req *, const struct case_row *, const char *),
         int leader_only)
{
    struct scope s;
    struct case_row c;
    const char *text = req_form_trimmed(r, "text");
    int rc = case_open(r, &s, &c);

    if (rc != 0) {
        return rc;
    }
    if (leader_only && !is_leader(r)) {
        hset(r, "Page.ErrDetail", lang_str(r, "Case.Err.LeaderOnly"));
        return 403;
    }
    if (text == NULL) {
        return case_error(r, &c, 422, "Case.Err.Text");
    }
    if (utf8_len(text) > MAX_TEXT_CHARS) {
        return case_error(r, &c, 422, "Case.Err.TextLong");
    }
    return case_done(r, &c, fn(r, &c, text));
}

static int
act_note(struct req *r)
{
    return act_text(r, case_note, 0);
}

static int
act_info(struct req *r)
{
    return act_text(r, case_request_info, 0);
}

static int
act_answer(struct req *r)
{
    return act_text(r, case_answer, 0);
}

static int
act_reopen(struct req *r)
{
    return act_text(r, case_reopen, 1);
}

static int
act_close(struct req *r)
{
    struct scope s;
    struct case_row c;
    int rc = case_open(r, &s, &c);

    return rc ? rc : case_done(r, &c, case_close(r, &c));
}

static int
act_reveal(struct req *r)
{
    struct scope s;
    struct case_row c;
    const char *reason = req_form_trimmed(r, "reason");
    int rc = case_open(r, &s, &c);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (!is_leader(r) || strcmp(c.identity, "confidential") != 0) {
        hset(r, "Page.ErrDetail", lang_str(r, "Case.Err.LeaderOnly"));
        return 403;
    }
    if (reason == NULL) {
        return case_error(r, &c, 422, "Case.Err.Reason");
    }
    if ((dr = case_reveal(r, &c, reason)) != DB_OK) {
        return db_fail(r, dr);
    }
    /* shown on this response only: every look is a new, logged request */
    return case_render(r, &c, 200, 1);
}

/* An evidence file, to staff who may see its case; never from the web root. */
static int
evidence(struct req *r)
{
    struct scope s;
    struct case_row c;
    struct dbres res;
    char path[1024];
    struct stat sb;
    char *data;
    int rc = staff_begin(r, "officer,leader"), fd;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (strlen(r->arg[0]) != 32 || strspn(r->arg[0], "0123456789abcdef") != 32) {
        return 404;
    }
    if ((dr = case_scope(r, &s)) != DB_OK ||
        (dr = db_query(r->app->db, &r->pool,
                       "SELECT f.code, ff.mime, ff.filename FROM feedback_file ff"
                       "  JOIN feedback f ON f.id = ff.feedback_id WHERE ff.stored_name = ?",
                       DB_ARGS(DV_S(r->arg[0])), &res)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        return 404;
    }
    if ((dr = case_get(r, &s, dbres_get(&res, 0, 0), &c)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (c.id == 0) {
        return 404;
    }
    snprintf(path, sizeof(path), "%s/%s", conf_str(r->app->conf, "Paths.Uploads", "var/uploads"),
             r->arg[0]);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &sb) != 0 || sb.st_size > (64 << 20)) {
        log_err("evidence %s: %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return 404;
    }
    data = pool_alloc(&r->pool, (size_t)sb.st_size + 1);
    if (read(fd, data, (size_t)sb.st_size) != sb.st_size) {
        close(fd);
        return 500;
    }
    close(fd);
    resp_raw(r, dbres_get(&res, 0, 1), data, (size_t)sb.st_size);
    /* inline only for images; a PDF downloads; never cached by proxies */
    resp_header(r, "Content-Disposition",
                strcmp(dbres_get(&res, 0, 1), "application/pdf") == 0 ? "attachment" : "inline");
    resp_header(r, "Cache-Control", "private, no-store");
    return 200;
}

/* ---- canned answers ---------------------------------------------------- */

static int
canned_page(struct req *r)
{
    struct dbres res;
    static const char *const cols[] = { "id", "title", "body", NULL };
    int rc = staff_begin(r, "officer,leader");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT id, title, body FROM canned_answer WHERE unit_id = ? ORDER BY title",
                  DB_ARGS(DV_I(r->user->unit_id)), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Canned", &res, cols);
    return render(r, "staff/canned");
}

static int
canned_save(struct req *r)
{
    const char *title = req_form_trimmed(r, "title"), *body = req_form_trimmed(r, "body");
    long long id = util_num(req_form(r, "id"));
    unsigned long long n = 0, new_id = 0;
    int rc = staff_begin(r, "officer,leader");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (title == NULL || body == NULL || utf8_len(title) > 120 || utf8_len(body) > 4000) {
        hset(r, "Page.Error", lang_str(r, "Canned.Err"));
        hset(r, "Page.F.title", req_form(r, "title"));
        hset(r, "Page.F.body", req_form(r, "body"));
        return canned_page(r) == 200 ? 422 : 500;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (id) {
        dr = db_exec(r->app->db,
                     "UPDATE canned_answer SET title = ?, body = ?, updated_by = ?,"
                     "       updated_at = UTC_TIMESTAMP() WHERE id = ? AND unit_id = ?",
                     DB_ARGS(DV_S(title), DV_S(body), DV_I(r->user->id), DV_I(id),
                             DV_I(r->user->unit_id)),
                     &n, NULL);
        if (dr == DB_OK && n == 0) {
            db_rollback(r->app->db);
            return 404;
        }
    } else {
        dr = db_exec(r->app->db,
                     "INSERT INTO canned_answer (unit_id, title, body, updated_by, updated_at)"
                     " VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
                     DB_ARGS(DV_I(r->user->unit_id), DV_S(title), DV_S(body), DV_I(r->user->id)),
                     NULL, &new_id);
        id = (long long)new_id;
    }
    if (dr == DB_OK) {
        dr = audit(r, "canned.save", "canned_answer", id, title);
    }
    if (dr == DB_OK) {
        dr = db_commit(r->app->db);
    }
    if (dr != DB_OK) {
        db_rollback(r->app->db);
        return db_fail(r, dr);
    }
    return resp_redirect(r, "/can-bo/mau-tra-loi");
}

static int
canned_delete(struct req *r)
{
    long long id = util_num(req_form(r, "id"));
    unsigned long long n = 0;
    int rc = staff_begin(r, "officer,leader");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db, "DELETE FROM canned_answer WHERE id = ? AND unit_id = ?",
                     DB_ARGS(DV_I(id), DV_I(r->user->unit_id)), &n, NULL);
    }
    if (dr == DB_OK && n == 1) {
        dr = audit(r, "canned.delete", "canned_answer", id, NULL);
    }
    if (dr == DB_OK) {
        dr = db_commit(r->app->db);
    }
    if (dr != DB_OK) {
        db_rollback(r->app->db);
        return db_fail(r, dr);
    }
    return n == 1 ? resp_redirect(r, "/can-bo/mau-tra-loi") : 404;
}

/* ---- own password ------------------------------------------------------ */

static int
password_page(struct req *r)
{
    int rc = staff_begin(r, "officer,leader,admin");

    return rc ? rc : render(r, "staff/password");
}

static int
password_change(struct req *r)
{
    const char *old = req_form(r, "old"), *pw = req_form(r, "new"), *again = req_form(r, "again");
    char hash[crypto_pwhash_STRBYTES];
    struct dbres res;
    int rc = staff_begin(r, "officer,leader,admin");
    enum db_rc dr;
    const char *err = NULL;

    if (rc != 0) {
        return rc;
    }
    dr = db_query(r->app->db, &r->pool, "SELECT password_hash FROM users WHERE id = ?",
                  DB_ARGS(DV_I(r->user->id)), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (old == NULL || res.nrows == 0 || !pw_verify(dbres_get(&res, 0, 0), old)) {
        err = "Password.Wrong";
    } else if (pw == NULL || utf8_len(pw) < 10 || strlen(pw) > 256) {
        err = "Password.Short";
    } else if (again == NULL || strcmp(pw, again) != 0) {
        err = "Password.Mismatch";
    }
    if (err) {
        hset(r, "Page.Error", lang_str(r, err));
        return render_status(r, 422, "staff/password");
    }
    if (pw_hash(pw, hash) != 0) {
        return 500;
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db,
                     "UPDATE users SET password_hash = ?, must_change_pw = 0 WHERE id = ?",
                     DB_ARGS(DV_S(hash), DV_I(r->user->id)), NULL, NULL);
    }
    /* a changed password shuts out whoever else held a session of the account */
    if (dr == DB_OK) {
        dr = session_close_others(r);
    }
    if (dr == DB_OK) {
        dr = audit(r, "user.password", "user", r->user->id, NULL);
    }
    if (dr == DB_OK) {
        dr = db_commit(r->app->db);
    }
    if (dr != DB_OK) {
        db_rollback(r->app->db);
        return db_fail(r, dr);
    }
    hset(r, "Page.Done", "1");
    return render(r, "staff/password");
}

/* ---- dossiers ---------------------------------------------------------- */

static const char *const dossier_filters[] = { "open", "late", "near", "supplement", "ready",
                                               "returned", "refused", "stopped", "all" };
static const char *const reasons[] = { "workload", "coordination", "verification", "site_visit",
                                       "missing_info", "system", "other" };

static int
dossiers_page(struct req *r)
{
    const char *f = req_query(r, "loc");
    int page = (int)util_num(req_query(r, "trang")), rc = staff_begin(r, "officer,leader");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    f = str_in(f, dossier_filters, NELEM(dossier_filters)) ? f : "open";
    page = page < 1 || page > 100000 ? 1 : page;
    if ((dr = dossier_list(r, f, page, PER_PAGE)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; i < NELEM(dossier_filters); i++) {
        hset(r, pool_printf(&r->pool, "Page.Filters.%zu", i), dossier_filters[i]);
    }
    hset(r, "Page.Filter", f);
    hseti(r, "Page.Page", page);
    if (util_num(hdf_get_value(r->hdf, "Page.Count", "0")) == PER_PAGE) {
        hseti(r, "Page.Next", page + 1);
    }
    return render(r, "staff/dossiers");
}

static enum db_rc
intake_hdf(struct req *r)
{
    struct dbres procs, counters;
    static const char *const pcols[] = { "id", "name", "national_code", "time_value",
                                         "time_unit", NULL };
    static const char *const ccols[] = { "id", "name", NULL };
    long long tt = util_num(req_query(r, "tt"));
    enum db_rc rc;

    rc = db_query(r->app->db, &r->pool,
                  "SELECT id, name, national_code, time_value, time_unit, documents"
                  "  FROM procedure_tthc WHERE unit_id = ? AND effective_from <= CURDATE()"
                  "   AND (effective_to IS NULL OR effective_to >= CURDATE()) ORDER BY name",
                  DB_ARGS(DV_I(r->user->unit_id)), &procs);
    if (rc == DB_OK) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT id, name FROM counter WHERE unit_id = ? AND active = 1"
                      " ORDER BY sort_order",
                      DB_ARGS(DV_I(r->user->unit_id)), &counters);
    }
    if (rc != DB_OK) {
        return rc;
    }
    hset_rows(r, "Page.Procedures", &procs, pcols);
    hset_rows(r, "Page.Counters", &counters, ccols);
    /* choosing a procedure (no JavaScript needed) fills in its document list */
    for (size_t i = 0; tt && i < procs.nrows; i++) {
        if (util_num(dbres_get(&procs, i, 0)) == tt && req_form(r, "documents") == NULL) {
            hset(r, "Page.F.procedure", dbres_get(&procs, i, 0));
            hset(r, "Page.F.documents", dbres_get(&procs, i, 5));
        }
    }
    return DB_OK;
}

static int
intake_page(struct req *r)
{
    int rc = staff_begin(r, "officer,leader");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = intake_hdf(r)) != DB_OK) {
        return db_fail(r, dr);
    }
    return render(r, "staff/intake");
}

static void
intake_err(struct req *r, int *n, const char *field, const char *key)
{
    hset(r, pool_printf(&r->pool, "Page.Err.%s", field), lang_str(r, key));
    (*n)++;
}

static int
intake_submit(struct req *r)
{
    static const char *const keep[] = { "procedure", "name", "address", "phone", "email",
                                        "documents", "sets", "channel", "collect", "counter" };
    static const char *const channels[] = { "counter", "online", "post" };
    struct dossier_in in = { 0 };
    struct dbres res;
    char code[64];
    int nerr = 0, rc = staff_begin(r, "officer,leader");
    long long sets = util_num(req_form(r, "sets"));
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    in.unit_id = r->user->unit_id;
    in.procedure_id = util_num(req_form(r, "procedure"));
    in.counter_id = util_num(req_form(r, "counter"));
    in.name = req_form_trimmed(r, "name");
    in.address = req_form_trimmed(r, "address");
    in.phone = req_form_trimmed(r, "phone");
    in.email = req_form_trimmed(r, "email");
    in.documents = req_form_trimmed(r, "documents");
    in.channel = req_form(r, "channel");
    in.collect = req_form(r, "collect");
    dr = db_query(r->app->db, &r->pool,
                  "SELECT id FROM procedure_tthc WHERE id = ? AND unit_id = ?",
                  DB_ARGS(DV_I(in.procedure_id), DV_I(in.unit_id)), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        intake_err(r, &nerr, "procedure", "Dossier.Err.Procedure");
    }
    if (in.name == NULL || utf8_len(in.name) > 120) {
        intake_err(r, &nerr, "name", "Dossier.Err.Name");
    }
    if (in.phone && (strlen(in.phone) > 20 || strspn(in.phone, "+0123456789 .") != strlen(in.phone))) {
        intake_err(r, &nerr, "phone", "Fb.Err.Phone");
    }
    if (in.email && !util_email_ok(in.email)) {
        intake_err(r, &nerr, "email", "Fb.Err.Email");
    }
    if (in.documents == NULL) {
        intake_err(r, &nerr, "documents", "Dossier.Err.Documents");
    }
    if (sets < 1 || sets > 99) {
        intake_err(r, &nerr, "sets", "Dossier.Err.Sets");
    }
    if (!str_in(in.channel, channels, NELEM(channels)) ||
        !str_in(in.collect, channels, NELEM(channels))) {
        intake_err(r, &nerr, "channel", "Dossier.Err.Channel");
    }
    if (nerr) {
        for (size_t i = 0; i < NELEM(keep); i++) {
            hset(r, pool_printf(&r->pool, "Page.F.%s", keep[i]), req_form(r, keep[i]));
        }
        if ((dr = intake_hdf(r)) != DB_OK) {
            return db_fail(r, dr);
        }
        return render_status(r, 422, "staff/intake");
    }
    in.sets = (int)sets;
    in.address = in.address ? in.address : "";
    in.phone = in.phone ? in.phone : "";
    in.email = in.email ? in.email : "";
    if ((dr = dossier_create(r, &in, code)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s/giay-hen", code));
}

/* Open the dossier named in the path (r->arg[0]); 0 or a status. */
static int
dossier_open(struct req *r, struct dossier_row *d)
{
    int rc = staff_begin(r, "officer,leader");
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = dossier_get(r, r->arg[0], d)) != DB_OK) {
        return db_fail(r, dr);
    }
    return d->id ? 0 : 404;
}

/* The dossier's public QR link, as a URL and an inline SVG. */
static enum db_rc
dossier_qr_hdf(struct req *r, long long dossier_id)
{
    struct dbres res;
    struct buf svg = { 0 };
    char tok[TOKEN_LEN + 1];
    const char *url;
    enum db_rc rc = db_query(r->app->db, &r->pool,
                             "SELECT nonce FROM qr_link WHERE dossier_id = ? AND revoked_at IS NULL"
                             " ORDER BY id DESC LIMIT 1",
                             DB_ARGS(DV_I(dossier_id)), &res);

    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    token_from_nonce(r->app->secret, dbres_get(&res, 0, 0), tok);
    url = pool_printf(&r->pool, "%s/ho-so/%s", conf_str(r->app->conf, "Site.BaseURL", ""), tok);
    qr_svg(url, url, &svg);
    hset(r, "Page.QrUrl", url);
    hset(r, "Page.QrSvg", svg.p ? svg.p : "");
    buf_free(&svg);
    return DB_OK;
}

static int
dossier_render(struct req *r, struct dossier_row *d, int status, const char *tmpl)
{
    struct dbres units;
    static const char *const ucols[] = { "id", "name", NULL };
    enum db_rc dr;

    if ((dr = dossier_staff_hdf(r, d)) != DB_OK || (dr = dossier_qr_hdf(r, d->id)) != DB_OK ||
        (dr = notify_hdf(r, "dossier", d->id, 1)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (strcmp(tmpl, "staff/dossier") == 0) {
        const struct cal *cal = req_calendar(r);

        dr = db_query(r->app->db, &r->pool,
                      "SELECT id, name FROM org_unit WHERE valid_to IS NULL ORDER BY sort_order",
                      DB_NOARGS, &units);
        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
        hset_rows(r, "Page.Units", &units, ucols);
        for (size_t i = 0; i < NELEM(reasons); i++) {
            hset(r, pool_printf(&r->pool, "Page.Reasons.%zu", i), reasons[i]);
        }
        if (cal) {
            /* suggested new date: the statutory time again from the old date */
            char day[11];

            cal_format(cal_add_working_days(cal, cal_local_day((time_t)d->due_at),
                                            d->time_value > 5 ? 5 : d->time_value),
                       day);
            if (req_form(r, "new_date") == NULL) {
                hset(r, "Page.NewDate", day);
            }
        }
        hset(r, "Page.NewDate", req_form(r, "new_date") ? req_form(r, "new_date")
                                                          : hdf_get_value(r->hdf, "Page.NewDate", ""));
        hset(r, "Page.ReasonText", req_form(r, "reason_text"));
        hseti(r, "Page.Leader", is_leader(r));
    }
    return render_status(r, status, tmpl);
}

static int
dossier_page(struct req *r)
{
    struct dossier_row d;
    int rc = dossier_open(r, &d);

    return rc ? rc : dossier_render(r, &d, 200, "staff/dossier");
}

static int
dossier_print(struct req *r, const char *tmpl)
{
    struct dossier_row d;
    int rc = req_paper_lang(r) ? 500 : dossier_open(r, &d);

    if (rc != 0) {
        return rc;
    }
    if (r->arg[1]) {
        hset(r, "Page.ApologyId", r->arg[1]);
    }
    return dossier_render(r, &d, 200, tmpl);
}

static int
receipt_page(struct req *r)
{
    return dossier_print(r, "staff/paper_receipt");
}

static int
control_slip_page(struct req *r)
{
    struct dossier_row d;
    struct buf b = { 0 };
    int rc;
    enum db_rc dr;

    if (req_query(r, "csv") == NULL) {
        return dossier_print(r, "staff/paper_slip");
    }
    if ((rc = req_paper_lang(r) ? 500 : dossier_open(r, &d)) != 0) {
        return rc;
    }
    if ((dr = dossier_staff_hdf(r, &d)) != DB_OK) {
        return db_fail(r, dr);
    }
    /* the control slip as CSV: one line per hand-over */
    buf_adds(&b, "\xEF\xBB\xBF");
    buf_adds(&b, lang_str(r, "Slip.CsvHeader"));
    buf_adds(&b, "\r\n");
    for (int i = 0;; i++) {
        static const char *const cols[] = { "seq", "from", "to", "handed", "giver", "receiver",
                                            "due", "done", "result", "note" };
        HDF *row = hdf_get_obj(r->hdf, pool_printf(&r->pool, "Page.Steps.%d", i));

        if (row == NULL) {
            break;
        }
        for (size_t c = 0; c < NELEM(cols); c++) {
            if (c) {
                buf_addc(&b, ',');
            }
            buf_csv_field(&b, hdf_get_value(row, cols[c], ""));
        }
        buf_adds(&b, "\r\n");
    }
    resp_raw(r, "text/csv; charset=utf-8", b.p, b.len);
    resp_header(r, "Content-Disposition",
                pool_printf(&r->pool, "attachment; filename=\"phieu-kiem-soat-%s.csv\"",
                            util_filename(&r->pool, d.code)));
    buf_free(&b);
    return 200;
}

/* The paper a move issued (supplement request, refusal, notice of stopping),
 * r->arg[1] the event; 404 when that move issued none (a Circular 01/2018
 * dossier stopped: its reason is recorded, there is no notice). */
static int
move_paper_page(struct req *r)
{
    struct dossier_row d;
    struct dbres res;
    int rc = req_paper_lang(r) ? 500 : dossier_open(r, &d);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT event FROM dossier_event WHERE id = ? AND dossier_id = ?"
                  "   AND paper_no IS NOT NULL",
                  DB_ARGS(DV_I(util_num(r->arg[1])), DV_I(d.id)), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        return 404;
    }
    hset(r, "Page.EventId", r->arg[1]);
    return dossier_render(r, &d, 200, "staff/paper_move");
}

static int
apology_page(struct req *r)
{
    return dossier_print(r, "staff/paper_letter");
}

static int
dossier_error(struct req *r, struct dossier_row *d, int status, const char *key)
{
    hset(r, "Page.Error", lang_str(r, key));
    return dossier_render(r, d, status, "staff/dossier");
}

/* Refusing and stopping end a dossier: asked on a page of their own first. */
static int
dossier_confirm(struct req *r, const struct dossier_row *d, enum dossier_move m, int status)
{
    const char *path = m == DM_REFUSE ? "tu-choi" : "dung";

    return staff_confirm(r, status, m == DM_REFUSE ? "dossier_refuse" : "dossier_stop", d->code,
                         pool_printf(&r->pool, "/can-bo/ho-so/%s/%s", d->code, path),
                         pool_printf(&r->pool, "/can-bo/ho-so/%s", d->code), "note", NULL);
}

static int
dossier_confirm_page(struct req *r, enum dossier_move m)
{
    struct dossier_row d;
    int rc = dossier_open(r, &d);

    return rc ? rc : dossier_confirm(r, &d, m, 200);
}

static int refuse_page(struct req *r) { return dossier_confirm_page(r, DM_REFUSE); }
static int stop_page(struct req *r) { return dossier_confirm_page(r, DM_STOP); }

static int
dossier_move(struct req *r, enum dossier_move m)
{
    struct dossier_row d;
    const char *note = req_form_trimmed(r, "note");
    long long to = util_num(req_form(r, "unit"));
    int rc = dossier_open(r, &d), day = 0;
    time_t step_due = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((m == DM_REFUSE || m == DM_STOP) && note == NULL) {
        hset(r, "Page.Error", lang_str(r, "Dossier.Err.Note"));
        return dossier_confirm(r, &d, m, 422);
    }
    if (m == DM_SUPPLEMENT && note == NULL) {
        return dossier_error(r, &d, 422, "Dossier.Err.Note");
    }
    if (m == DM_FORWARD && to == 0) {
        return dossier_error(r, &d, 422, "Case.Err.Unit");
    }
    if (note && utf8_len(note) > 1000) {
        return dossier_error(r, &d, 422, "Case.Err.TextLong");
    }
    if (req_form(r, "receiver") && utf8_len(req_form(r, "receiver")) > 120) {
        return dossier_error(r, &d, 422, "Case.Err.TextLong");
    }
    /* the receiving agency's own share of the time, judged on the control
     * slip: a working day from today to the dossier's appointment */
    if (m == DM_FORWARD && req_form_trimmed(r, "step_due")) {
        const struct cal *cal = req_calendar(r);

        if (cal_parse_date(req_form_trimmed(r, "step_due"), &day) != 0 || cal == NULL ||
            !cal_is_working(cal, day) || day < cal_local_day(time(NULL)) ||
            day > cal_local_day((time_t)d.due_at)) {
            return dossier_error(r, &d, 422, "Dossier.Err.StepDue");
        }
        step_due = cal_instant(day, cal->close_minutes);
    }
    dr = dossier_apply(r, &d, m, to, req_form_trimmed(r, "receiver"), note, step_due);
    if (dr == DB_DUP) {
        return dossier_error(r, &d, 409, "Dossier.Err.Move");
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s", d.code));
}

static int mv_forward(struct req *r) { return dossier_move(r, DM_FORWARD); }
static int mv_supplement(struct req *r) { return dossier_move(r, DM_SUPPLEMENT); }
static int mv_supplied(struct req *r) { return dossier_move(r, DM_SUPPLIED); }
static int mv_refuse(struct req *r) { return dossier_move(r, DM_REFUSE); }
static int mv_stop(struct req *r) { return dossier_move(r, DM_STOP); }
static int mv_ready(struct req *r) { return dossier_move(r, DM_READY); }
static int mv_return(struct req *r) { return dossier_move(r, DM_RETURN); }

static int
apology_new(struct req *r)
{
    struct dossier_row d;
    const char *code = req_form(r, "reason"), *text = req_form_trimmed(r, "reason_text");
    int rc = dossier_open(r, &d), day = 0;
    long long id;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = apology_can_draft(r, &d, &rc)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (!rc) {
        return dossier_error(r, &d, 409, "Apology.Err.Once");
    }
    if (!str_in(code, reasons, NELEM(reasons))) {
        return dossier_error(r, &d, 422, "Apology.Err.Reason");
    }
    if (text == NULL) {
        text = lang_str(r, pool_printf(&r->pool, "Apology.Reasons.%s", code));
    }
    if (utf8_len(text) > 2000) {
        return dossier_error(r, &d, 422, "Case.Err.TextLong");
    }
    if (cal_parse_date(req_form(r, "new_date"), &day) != 0 ||
        day <= cal_local_day((time_t)d.due_at) ||
        (req_calendar(r) && !cal_is_working(req_calendar(r), day))) {
        return dossier_error(r, &d, 422, "Apology.Err.Date");
    }
    dr = apology_draft(r, &d, code, text, day, &id);
    if (dr == DB_DUP) {
        return dossier_error(r, &d, 409, "Apology.Err.Once");
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s#xin-loi", d.code));
}

static int
apology_sign_act(struct req *r)
{
    struct dossier_row d;
    const char *title = req_form_trimmed(r, "title"), *position = req_form_trimmed(r, "position");
    int rc = dossier_open(r, &d), deputy = req_form(r, "deputy") != NULL, ok = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = apology_may_sign(r, util_num(r->arg[1]), &ok)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (!ok) {
        hset(r, "Page.ErrDetail", lang_str(r, "Apology.Err.Signer"));
        return 403;
    }
    if (title == NULL || utf8_len(title) > 120) {
        return dossier_error(r, &d, 422, "Apology.Err.Title");
    }
    if ((deputy && position == NULL) || (position && utf8_len(position) > 120)) {
        return dossier_error(r, &d, 422, "Apology.Err.Position");
    }
    dr = apology_sign(r, &d, util_num(r->arg[1]), deputy, title, position);
    if (dr == DB_DUP) {
        return dossier_error(r, &d, 409, "Apology.Err.Sign");
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s#xin-loi", d.code));
}

static int
apology_deliver_act(struct req *r)
{
    static const char *const channels[] = { "counter", "sms", "email", "post" };
    struct dossier_row d;
    const char *ch = req_form(r, "channel");
    int rc = dossier_open(r, &d);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (!str_in(ch, channels, NELEM(channels))) {
        return dossier_error(r, &d, 422, "Apology.Err.Channel");
    }
    dr = apology_deliver(r, &d, util_num(r->arg[1]), ch);
    if (dr == DB_DUP) {
        return dossier_error(r, &d, 409, "Apology.Err.Deliver");
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s#xin-loi", d.code));
}

/* The tracking book (Sổ theo dõi hồ sơ) of the unit for a period, printable (A4) and as CSV. */
static int
tracking_book(struct req *r)
{
    static const char *const cols[] = { "seq", "code", "procedure", "sets", "name", "contact",
                                        "procunit", "received", "due", "forwarded", "finished",
                                        "returned", "status", NULL };
    int from, to, rc = req_paper_lang(r) ? 500 : staff_begin(r, "officer,leader");
    struct dbres res;
    char f[11], t[11];
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    to = cal_local_day(time(NULL));
    from = to - 30;
    if (req_query(r, "tu") && cal_parse_date(req_query(r, "tu"), &from) != 0) {
        return 400;
    }
    if (req_query(r, "den") && cal_parse_date(req_query(r, "den"), &to) != 0) {
        return 400;
    }
    if (to < from || to - from > 400) {
        return 400;
    }
    cal_format(from, f);
    cal_format(to, t);
    dr = db_query(r->app->db, &r->pool,
                  "SELECT d.book_seq, d.code, p.name, d.sets, d.applicant_name,"
                  "       CONCAT_WS(' · ', NULLIF(d.applicant_address, ''), NULLIF(d.applicant_phone, '')),"
                  "       pu.name,"
                  "       DATE_FORMAT(d.received_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "       DATE_FORMAT(d.original_due_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                  "       (SELECT DATE_FORMAT(MIN(s.handed_at) + INTERVAL 7 HOUR, '%d/%m/%Y')"
                  "          FROM dossier_step s WHERE s.dossier_id = d.id),"
                  "       DATE_FORMAT(d.finished_at + INTERVAL 7 HOUR, '%d/%m/%Y'),"
                  "       DATE_FORMAT(d.returned_at + INTERVAL 7 HOUR, '%d/%m/%Y'), d.status"
                  "  FROM dossier d JOIN procedure_tthc p ON p.id = d.procedure_id"
                  "  LEFT JOIN org_unit pu ON pu.id = d.processing_unit_id"
                  " WHERE d.unit_id = ? AND d.received_at >= ? - INTERVAL 7 HOUR"
                  "   AND d.received_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR"
                  " ORDER BY d.received_at, d.id LIMIT 10000",
                  DB_ARGS(DV_I(r->user->unit_id), DV_S(f), DV_S(t)), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (req_query(r, "csv")) {
        struct buf b = { 0 };

        buf_adds(&b, "\xEF\xBB\xBF");
        buf_adds(&b, lang_str(r, "Book.CsvHeader"));
        buf_adds(&b, "\r\n");
        for (size_t i = 0; i < res.nrows; i++) {
            for (size_t c = 0; c < res.ncols; c++) {
                if (c) {
                    buf_addc(&b, ',');
                }
                /* the status in words, as on the printed book */
                buf_csv_field(&b, c == res.ncols - 1
                                      ? lang_str(r, pool_printf(&r->pool, "Dossier.St.%s",
                                                                dbres_get(&res, i, c)))
                                      : dbres_get(&res, i, c));
            }
            buf_adds(&b, "\r\n");
        }
        resp_raw(r, "text/csv; charset=utf-8", b.p, b.len);
        resp_header(r, "Content-Disposition",
                    pool_printf(&r->pool, "attachment; filename=\"so-theo-doi-%s-%s.csv\"", f, t));
        buf_free(&b);
        return 200;
    }
    hset_rows(r, "Page.Rows", &res, cols);
    hset(r, "Page.From", f);
    hset(r, "Page.To", t);
    hsetf(r, "Page.FromVi", "%.2s/%.2s/%.4s", f + 8, f + 5, f);
    hsetf(r, "Page.ToVi", "%.2s/%.2s/%.4s", t + 8, t + 5, t);
    dr = db_query(r->app->db, &r->pool, "SELECT name FROM org_unit WHERE id = ?",
                  DB_ARGS(DV_I(r->user->unit_id)), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset(r, "Page.UnitName", res.nrows ? dbres_get(&res, 0, 0) : "");
    return render(r, "staff/paper_book");
}

static const struct route routes[] = {
    { "GET", "/can-bo/", inbox, 0 },
    { "GET", "/can-bo/dang-nhap", staff_login_form, 0 },
    { "POST", "/can-bo/dang-nhap", staff_login, R_FORM },
    { "POST", "/can-bo/dang-xuat", staff_logout, R_FORM },
    { "GET", "/can-bo/phan-anh/*", case_page, 0 },
    { "GET", "/can-bo/phan-anh/*/tu-choi", case_reject_page, 0 },
    { "POST", "/can-bo/phan-anh/*/phan-loai", act_classify, R_FORM },
    { "POST", "/can-bo/phan-anh/*/giao", act_assign, R_FORM },
    { "POST", "/can-bo/phan-anh/*/ghi-chu", act_note, R_FORM },
    { "POST", "/can-bo/phan-anh/*/yeu-cau-bo-sung", act_info, R_FORM },
    { "POST", "/can-bo/phan-anh/*/tra-loi", act_answer, R_FORM },
    { "POST", "/can-bo/phan-anh/*/dong", act_close, R_FORM },
    { "POST", "/can-bo/phan-anh/*/mo-lai", act_reopen, R_FORM },
    { "POST", "/can-bo/phan-anh/*/xem-danh-tinh", act_reveal, R_FORM },
    { "GET", "/can-bo/tep/*", evidence, 0 },
    { "GET", "/can-bo/mau-tra-loi", canned_page, 0 },
    { "POST", "/can-bo/mau-tra-loi", canned_save, R_FORM },
    { "POST", "/can-bo/mau-tra-loi/xoa", canned_delete, R_FORM },
    { "GET", "/can-bo/ho-so/", dossiers_page, 0 },
    { "GET", "/can-bo/ho-so/moi", intake_page, 0 },
    { "POST", "/can-bo/ho-so/moi", intake_submit, R_FORM },
    { "GET", "/can-bo/ho-so/*", dossier_page, 0 },
    { "GET", "/can-bo/ho-so/*/giay-hen", receipt_page, 0 },
    { "GET", "/can-bo/ho-so/*/phieu-kiem-soat", control_slip_page, 0 },
    { "GET", "/can-bo/ho-so/*/xin-loi/*", apology_page, 0 },
    { "GET", "/can-bo/ho-so/*/phieu/*", move_paper_page, 0 },
    { "POST", "/can-bo/ho-so/*/chuyen", mv_forward, R_FORM },
    { "POST", "/can-bo/ho-so/*/yeu-cau-bo-sung", mv_supplement, R_FORM },
    { "POST", "/can-bo/ho-so/*/da-bo-sung", mv_supplied, R_FORM },
    { "GET", "/can-bo/ho-so/*/tu-choi", refuse_page, 0 },
    { "GET", "/can-bo/ho-so/*/dung", stop_page, 0 },
    { "POST", "/can-bo/ho-so/*/tu-choi", mv_refuse, R_FORM },
    { "POST", "/can-bo/ho-so/*/dung", mv_stop, R_FORM },
    { "POST", "/can-bo/ho-so/*/co-ket-qua", mv_ready, R_FORM },
    { "POST", "/can-bo/ho-so/*/tra-ket-qua", mv_return, R_FORM },
    { "POST", "/can-bo/ho-so/*/xin-loi", apology_new, R_FORM },
    { "POST", "/can-bo/ho-so/*/xin-loi/*/ky", apology_sign_act, R_FORM },
    { "POST", "/can-bo/ho-so/*/xin-loi/*/gui", apology_deliver_act, R_FORM },
    { "GET", "/can-bo/so-theo-doi", tracking_book, 0 },
    { "GET", "/can-bo/doi-mat-khau", password_page, 0 },
    { "POST", "/can-bo/doi-mat-khau", password_change, R_FORM },
};

static const struct program prog = { "officer", routes, NELEM(routes), P_STAFF_SESSION };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
