/* officer — the workspace under /can-bo/ (docs/architecture.md §1): sign-in, the inbox
 * of feedback cases, case handling, canned answers, evidence files.  Leaders
 * work cases here too, over their unit's subtree.  Account: motcua_officer.
 * Store: store_case.h (case work), store_dossier.h (receipt, hand-overs,
 * apologies; view_dossier.h shows a dossier and the lists), store_datareq.h
 * (the citizens' personal data requests): the account may change a case's
 * handling columns, dossiers and their steps (sql/grants.sql, "-- 003" and
 * "-- 004"), and answer personal data requests ("-- 070"); store_canned.h
 * (its unit's canned answers); and, to read only, store_unit.h, store_user.h
 * and store_procedure.h (the units, counters,
 * colleagues and procedures its forms offer). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "access.h"
#include "audit.h"
#include "calendar.h"
#include "crypto.h"
#include "case_fsm.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "fsm.h"
#include "http.h"
#include "input.h"
#include "notify.h"
#include "password.h"
#include "qr.h"
#include "qrlink.h"
#include "render.h"
#include "search.h"
#include "session.h"
#include "staff.h"
#include "store_canned.h"
#include "store_datareq.h"
#include "store_case.h"
#include "store_dossier.h"
#include "store_procedure.h"
#include "store_unit.h"
#include "store_user.h"
#include "token.h"
#include "util.h"
#include "view_case.h"
#include "view_dossier.h"
#include "worker.h"

#define PER_PAGE 25
#define MAX_TEXT_CHARS 4000

static const char *const statuses[] = { "open",     "new",       "overdue",  "due_soon",
                                        "review",   "need_info", "answered", "closed",
                                        "rejected", "all",       NULL };
static const char *const kinds[] = { "petition", "conduct", "suggestion", "praise", NULL };

static int
is_leader(struct req *r)
{
    return strcmp(r->user->role, "leader") == 0;
}

/* the banner of a restricted case or dossier (personal data requests, below) */
static enum db_rc dr_banner_hdf(struct req *r, enum datareq_object o, long long id);

/* ---- inbox ------------------------------------------------------------- */

/* The inbox's filters (GET): a value out of place is ignored, as if absent. */
enum { Q_STATUS, Q_KIND, Q_COUNTER, Q_TEXT, Q_PAGE, Q__MAX };

static const struct fld inbox_fields[Q__MAX] = {
    [Q_STATUS] = { "trang-thai", V_CHOICE, 0, 0, 0, statuses, NULL },
    [Q_KIND] = { "loai", V_CHOICE, 0, 0, 0, kinds, NULL },
    [Q_COUNTER] = { "quay", V_INT, 0, 1, 1LL << 62, NULL, NULL },
    [Q_TEXT] = { "q", V_TEXT, 0, 1, 100, NULL, NULL },
    [Q_PAGE] = { "trang", V_INT, 0, 1, 100000, NULL, NULL },
};

/* Page.Counters: the counters a list is filtered on or a dossier received at. */
static void
counters_hdf(struct req *r, const struct counter_row *c, size_t n)
{
    static const struct out_field f[] = {
        OUT("id", struct counter_row, id, OUT_LL),
        OUT("name", struct counter_row, name, OUT_STR),
    };

    rows_hdf(r, "Page.Counters", c, n, sizeof(*c), f, NELEM(f));
}

static int
inbox(struct req *r)
{
    struct case_filter f = { 0 };
    struct case_page page;
    struct scope s;
    struct counter_row *counters;
    size_t ncounters;
    struct val v[Q__MAX];
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (strcmp(r->user->role, "admin") == 0) {
        return render(r, "staff/home");
    }
    input_query(r, inbox_fields, Q__MAX, v);
    f.status = v[Q_STATUS].s ? v[Q_STATUS].s : "open";
    f.kind = v[Q_KIND].s;
    f.counter_id = v[Q_COUNTER].i;
    f.q = v[Q_TEXT].s;
    f.page = v[Q_PAGE].i ? (int)v[Q_PAGE].i : 1;
    f.due_soon_days = (int)conf_int(r->app->conf, "Feedback.DueSoonDays", 2);
    if ((dr = case_scope(req_sctx(r), &s)) != DB_OK ||
        (dr = case_list(req_sctx(r), &s, &f, PER_PAGE, &page)) != DB_OK) {
        return db_fail(r, dr);
    }
    case_page_hdf(r, &page);
    dr = counter_list_scope(r->app->db, &r->pool, s.unit_id, s.leader, s.subtree, &counters,
                            &ncounters);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    counters_hdf(r, counters, ncounters);
    for (size_t i = 0; statuses[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Statuses.%zu", i), statuses[i]);
    }
    for (size_t i = 0; kinds[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Kinds.%zu", i), kinds[i]);
    }
    hset(r, "Page.F.status", f.status);
    hset(r, "Page.F.kind", f.kind);
    hseti(r, "Page.F.counter", f.counter_id);
    hset(r, "Page.F.q", f.q);
    hseti(r, "Page.Page", f.page);
    if ((long long)f.page * PER_PAGE < page.total || page.total_more) {
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
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = case_scope(req_sctx(r), s)) != DB_OK ||
        (dr = case_get(req_sctx(r), s, r->arg[0], c)) != DB_OK) {
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

/* Page.Units: the units a case or a dossier can be sent to. */
static void
units_hdf(struct req *r, const struct unit_name *u, size_t n)
{
    static const struct out_field f[] = {
        OUT("id", struct unit_name, id, OUT_LL),
        OUT("name", struct unit_name, name, OUT_STR),
    };

    rows_hdf(r, "Page.Units", u, n, sizeof(*u), f, NELEM(f));
}

static int
case_render(struct req *r, struct case_row *c, int status, int revealed)
{
    struct case_detail detail;
    struct canned_row *canned;
    struct colleague_row *staff;
    struct unit_name *units;
    size_t ncanned, nstaff, nunits;
    static const struct fld q[] = { { "mau", V_INT, 0, 1, 1LL << 62, NULL, NULL } };
    struct val v[NELEM(q)];
    long long mau;
    enum db_rc dr;

    input_query(r, q, NELEM(q), v);
    mau = v[0].i;
    if ((dr = case_read(req_sctx(r), c, contact_visible(r, c, revealed), &detail)) != DB_OK) {
        return db_fail(r, dr);
    }
    case_detail_hdf(r, c, &detail);
    if ((dr = notify_hdf(r, "feedback", c->id, contact_visible(r, c, revealed))) != DB_OK) {
        return db_fail(r, dr);
    }
    dr = canned_list(r->app->db, &r->pool, c->unit_id, &canned, &ncanned);
    if (dr == DB_OK) {
        dr = user_list_colleagues(r->app->db, &r->pool, c->unit_id, c->officer_id, &staff, &nstaff);
    }
    if (dr == DB_OK) {
        dr = unit_list_open(r->app->db, &r->pool, c->unit_id, 1, &units, &nunits);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; i < ncanned; i++) {
        row_seti(r, "Page.Canned", i, "id", canned[i].id);
        row_set(r, "Page.Canned", i, "title", canned[i].title);
        if (mau && canned[i].id == mau) {
            hset(r, "Page.AnswerDraft", canned[i].body);
        }
    }
    for (size_t i = 0; i < nstaff; i++) {
        row_seti(r, "Page.Staff", i, "id", staff[i].id);
        row_set(r, "Page.Staff", i, "name",
                staff[i].title
                    ? pool_printf(&r->pool, "%s – %s", staff[i].full_name, staff[i].title)
                    : staff[i].full_name);
    }
    units_hdf(r, units, nunits);
    if (input_typed(r, "text")) {
        hset(r, "Page.AnswerDraft", input_typed(r, "text"));
    }
    hseti(r, "Page.Leader", is_leader(r));
    fsm_can_hdf(r, &case_fsm, c->status, fsm_staff_role(r->user->role));
    hset(r, "Page.Revealed", revealed ? "1" : "0");
    if ((dr = dr_banner_hdf(r, DRO_FEEDBACK, c->id)) != DB_OK) {
        return db_fail(r, dr);
    }
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

static const char *const classes[] = { "accepted", "conduct", "rejected", "forwarded", NULL };

enum { C_CLASS, C_REASON, C_UNIT, C__MAX };

static const struct fld classify_fields[C__MAX] = {
    [C_CLASS] = { "class", V_CHOICE, 1, 0, 0, classes, "Case.Err.Class" },
    [C_REASON] = { "reason", V_LINES, 0, 1, MAX_TEXT_CHARS, NULL, "Case.Err.TextLong" },
    [C_UNIT] = { "unit", V_INT, 0, 1, 1LL << 62, NULL, "Case.Err.Unit" },
};

static int
act_classify(struct req *r)
{
    struct scope s;
    struct case_row c;
    struct val v[C__MAX];
    const char *cls;
    int rc = case_open(r, &s, &c);

    if (rc != 0) {
        return rc;
    }
    input_form(r, NULL, classify_fields, C__MAX, v);
    cls = v[C_CLASS].s;
    if (v[C_CLASS].err) {
        return case_error(r, &c, 422, "Case.Err.Class");
    }
    if (v[C_REASON].err) {
        return case_error(r, &c, 422, "Case.Err.TextLong");
    }
    if (strcmp(cls, "rejected") == 0 && v[C_REASON].s == NULL) {
        hset(r, "Page.Error", lang_str(r, "Case.Err.Reason"));
        return case_reject_confirm(r, &c, 422);
    }
    if (strcmp(cls, "forwarded") == 0 && v[C_UNIT].i == 0) {
        return case_error(r, &c, 422, "Case.Err.Unit");
    }
    return case_done(r, &c, case_classify(req_sctx(r), &c, cls, v[C_REASON].s, v[C_UNIT].i));
}

static int
act_assign(struct req *r)
{
    struct scope s;
    struct case_row c;
    static const struct fld f[] = {
        { "officer", V_INT, 1, 1, 1LL << 62, NULL, "Case.Err.Assignee" },
    };
    struct val v[NELEM(f)];
    int rc = case_open(r, &s, &c);

    if (rc != 0) {
        return rc;
    }
    if (input_form(r, NULL, f, NELEM(f), v) != 0) {
        return case_error(r, &c, 422, "Case.Err.Assignee");
    }
    return case_done(r, &c, case_assign(req_sctx(r), &c, v[0].i));
}

/* Actions that take one text: note, information request, answer, reopen. */
static int
act_text(struct req *r, enum db_rc (*fn)(struct sctx *, const struct case_row *, const char *),
         int leader_only)
{
    static const struct fld f[] = {
        { "text", V_LINES, 1, 1, MAX_TEXT_CHARS, NULL, "Case.Err.TextLong" },
    };
    struct scope s;
    struct case_row c;
    struct val v[NELEM(f)];
    int rc = case_open(r, &s, &c);

    if (rc != 0) {
        return rc;
    }
    if (leader_only && !is_leader(r)) {
        hset(r, "Page.ErrDetail", lang_str(r, "Case.Err.LeaderOnly"));
        return 403;
    }
    if (input_form(r, NULL, f, NELEM(f), v) != 0) {
        return case_error(r, &c, 422,
                          v[0].err == INPUT_MISSING ? "Case.Err.Text" : "Case.Err.TextLong");
    }
    return case_done(r, &c, fn(req_sctx(r), &c, v[0].s));
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

    return rc ? rc : case_done(r, &c, case_close(req_sctx(r), &c));
}

static int
act_reveal(struct req *r)
{
    static const struct fld f[] = {
        { "reason", V_LINES, 1, 1, MAX_TEXT_CHARS, NULL, "Case.Err.Reason" },
    };
    struct scope s;
    struct case_row c;
    struct val v[NELEM(f)];
    int rc = case_open(r, &s, &c);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (!is_leader(r) || strcmp(c.identity, "confidential") != 0) {
        hset(r, "Page.ErrDetail", lang_str(r, "Case.Err.LeaderOnly"));
        return 403;
    }
    if (input_form(r, NULL, f, NELEM(f), v) != 0) {
        return case_error(r, &c, 422,
                          v[0].err == INPUT_MISSING ? "Case.Err.Reason" : "Case.Err.TextLong");
    }
    if ((dr = case_reveal(req_sctx(r), &c, v[0].s)) != DB_OK) {
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
    struct case_file f;
    char path[1024];
    struct stat sb;
    char *data;
    int rc = staff_page(r), fd;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (strlen(r->arg[0]) != 32 || strspn(r->arg[0], "0123456789abcdef") != 32) {
        return 404;
    }
    if ((dr = case_scope(req_sctx(r), &s)) != DB_OK ||
        (dr = case_file_find(r->app->db, &r->pool, r->arg[0], &f)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (f.case_code == NULL) {
        return 404;
    }
    if ((dr = case_get(req_sctx(r), &s, f.case_code, &c)) != DB_OK) {
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
    resp_raw(r, f.mime, data, (size_t)sb.st_size);
    /* inline only for images; a PDF downloads; never cached by proxies */
    resp_header(r, "Content-Disposition",
                strcmp(f.mime, "application/pdf") == 0 ? "attachment" : "inline");
    resp_header(r, "Cache-Control", "private, no-store");
    return 200;
}

/* ---- canned answers ---------------------------------------------------- */

static int
canned_page(struct req *r)
{
    struct canned_row *c;
    size_t n;
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = canned_list(r->app->db, &r->pool, r->user->unit_id, &c, &n);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; i < n; i++) {
        hseti(r, pool_printf(&r->pool, "Page.Canned.%zu.id", i), c[i].id);
        hset(r, pool_printf(&r->pool, "Page.Canned.%zu.title", i), c[i].title);
        hset(r, pool_printf(&r->pool, "Page.Canned.%zu.body", i), c[i].body);
    }
    return render(r, "staff/canned");
}

enum { K_ID, K_TITLE, K_BODY, K__MAX };

/* an id of 0 (or none) makes a new answer */
static const struct fld canned_fields[K__MAX] = {
    [K_ID] = { "id", V_INT, 0, 0, 1LL << 62, NULL, NULL },
    [K_TITLE] = { "title", V_TEXT, 1, 1, 120, NULL, "Canned.Err" },
    [K_BODY] = { "body", V_LINES, 1, 1, 4000, NULL, "Canned.Err" },
};

static int
canned_save(struct req *r)
{
    const char *title, *body;
    struct val v[K__MAX];
    long long id;
    int rc = staff_page(r), done = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (input_form(r, NULL, canned_fields, K__MAX, v) != 0) {
        return canned_page(r) == 200 ? 422 : 500;
    }
    title = v[K_TITLE].s;
    body = v[K_BODY].s;
    id = v[K_ID].i;
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (id) {
        dr = canned_update(r->app->db, id, r->user->unit_id, title, body, r->user->id, &done);
        if (dr == DB_OK && !done) {
            db_rollback(r->app->db);
            return 404;
        }
    } else {
        dr = canned_insert(r->app->db, r->user->unit_id, title, body, r->user->id, &id);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "canned.save", "canned_answer", id, title);
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
    static const struct fld f[] = { { "id", V_INT, 1, 1, 1LL << 62, NULL, NULL } };
    struct val v[NELEM(f)];
    long long id;
    int rc = staff_page(r), done = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (input_form(r, NULL, f, NELEM(f), v) != 0) {
        return canned_page(r) == 200 ? 422 : 500;
    }
    id = v[0].i;
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = canned_remove(r->app->db, id, r->user->unit_id, &done);
    }
    if (dr == DB_OK && done) {
        dr = audit(req_sctx(r), "canned.delete", "canned_answer", id, NULL);
    }
    if (dr == DB_OK) {
        dr = db_commit(r->app->db);
    }
    if (dr != DB_OK) {
        db_rollback(r->app->db);
        return db_fail(r, dr);
    }
    return done ? resp_redirect(r, "/can-bo/mau-tra-loi") : 404;
}

/* ---- own password ------------------------------------------------------ */

static int
password_page(struct req *r)
{
    int rc = staff_page(r);

    return rc ? rc : render(r, "staff/password");
}

enum { P_OLD, P_NEW, P_AGAIN, P__MAX };

/* the bounds of a new password; the messages are chosen below, in the order asked */
static const struct fld password_fields[P__MAX] = {
    [P_OLD] = { "old", V_SECRET, 1, 1, 1024, NULL, "Password.Wrong" },
    [P_NEW] = { "new", V_SECRET, 1, 10, 256, NULL, "Password.Short" },
    [P_AGAIN] = { "again", V_SECRET, 1, 1, 1024, NULL, "Password.Mismatch" },
};

static int
password_change(struct req *r)
{
    const char *old, *pw, *again;
    char hash[crypto_pwhash_STRBYTES];
    struct val v[P__MAX];
    const char *stored;
    int rc = staff_page(r);
    enum db_rc dr;
    const char *err = NULL;

    if (rc != 0) {
        return rc;
    }
    input_form(r, NULL, password_fields, P__MAX, v);
    old = v[P_OLD].err ? NULL : v[P_OLD].s;
    pw = v[P_NEW].err ? NULL : v[P_NEW].s;
    again = v[P_AGAIN].err ? NULL : v[P_AGAIN].s;
    dr = user_password_hash(r->app->db, &r->pool, r->user->id, &stored);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (old == NULL || stored == NULL || !pw_verify(stored, old)) {
        err = "Password.Wrong";
    } else if (pw == NULL || strlen(pw) > 256) {
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
        dr = user_set_password(r->app->db, r->user->id, hash, 0);
    }
    /* a changed password shuts out whoever else held a session of the account */
    if (dr == DB_OK) {
        dr = session_close_others(r);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "user.password", "user", r->user->id, NULL);
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

static const char *const dossier_filters[] = { "open",  "late",     "near",    "supplement",
                                               "ready", "returned", "refused", "stopped",
                                               "all",   NULL };
static const char *const reasons[] = { "workload",     "coordination", "verification", "site_visit",
                                       "missing_info", "system",       "other",        NULL };

static int
dossiers_page(struct req *r)
{
    static const struct fld q[] = {
        { "loc", V_CHOICE, 0, 0, 0, dossier_filters, NULL },
        { "trang", V_INT, 0, 1, 100000, NULL, NULL },
    };
    struct val v[NELEM(q)];
    const char *f;
    int page, rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_query(r, q, NELEM(q), v);
    f = v[0].s ? v[0].s : "open";
    page = v[1].i ? (int)v[1].i : 1;
    if ((dr = dossier_list_hdf(r, f, page, PER_PAGE)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; dossier_filters[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Filters.%zu", i), dossier_filters[i]);
    }
    hset(r, "Page.Filter", f);
    hseti(r, "Page.Page", page);
    if (util_num(hdf_get_value(r->hdf, "Page.Count", "0")) == PER_PAGE) {
        hseti(r, "Page.Next", page + 1);
    }
    return render(r, "staff/dossiers");
}

/* The procedure an officer picked in the intake form's one picker: the
 * procedure field's id (a client posting it), else the text of the picker
 * (thu_tuc) as the list offers it, "Name (national code)", or the national
 * code alone, or the name with or without its diacritics.  Returns the row
 * of procs, -1 when nothing matches, -2 when the text fits several. */
static long long
intake_pick(struct req *r, const struct intake_procedure *procs, size_t n, long long id,
            const char *text)
{
    const char *code = NULL, *open, *folded;
    long long hit = -1;

    for (size_t i = 0; id && i < n; i++) {
        if (procs[i].id == id) {
            return (long long)i;
        }
    }
    if (id || text == NULL || *text == '\0') {
        return -1;
    }
    /* "Name (1.000123)": the code in the last parentheses */
    if ((open = strrchr(text, '(')) && text[strlen(text) - 1] == ')') {
        code = pool_strndup(&r->pool, open + 1, strlen(open + 1) - 1);
    }
    folded = search_fold(&r->pool, text);
    for (size_t i = 0; i < n; i++) {
        const char *nat = procs[i].national_code, *name = procs[i].name;

        if ((code && strcmp(nat, code) == 0) || strcmp(nat, text) == 0) {
            return (long long)i; /* a national code names one procedure */
        }
        if (folded && strcmp(search_fold(&r->pool, name), folded) == 0) {
            hit = hit == -1 ? (long long)i : -2;
        }
    }
    return hit;
}

/* The intake form's lists, and the procedure picked (its id; 0: ?tt= names
 * it, if anything does) shown in the picker with its time and documents. */
static enum db_rc
intake_hdf(struct req *r, long long proc_id)
{
    static const struct out_field proc_out[] = {
        OUT("id", struct intake_procedure, id, OUT_LL),
        OUT("name", struct intake_procedure, name, OUT_STR),
        OUT("national_code", struct intake_procedure, national_code, OUT_STR),
        OUT("time_value", struct intake_procedure, time_value, OUT_STR),
        OUT("time_unit", struct intake_procedure, time_unit, OUT_STR),
    };
    struct intake_procedure *procs;
    struct counter_row *counters;
    size_t nprocs, ncounters;
    long long picked;
    enum db_rc rc;

    rc = procedure_list_intake(r->app->db, &r->pool, r->user->unit_id, &procs, &nprocs);
    if (rc == DB_OK) {
        rc = counter_list_active(r->app->db, &r->pool, r->user->unit_id, &counters, &ncounters);
    }
    if (rc != DB_OK) {
        return rc;
    }
    rows_hdf(r, "Page.Procedures", procs, nprocs, sizeof(*procs), proc_out, NELEM(proc_out));
    counters_hdf(r, counters, ncounters);
    if (proc_id == 0) {
        /* a link from elsewhere names the procedure: ?tt=<id> */
        static const struct fld q[] = { { "tt", V_INT, 0, 1, 1LL << 62, NULL, NULL } };
        struct val v[NELEM(q)];

        input_query(r, q, NELEM(q), v);
        proc_id = v[0].i;
    }
    picked = proc_id ? intake_pick(r, procs, nprocs, proc_id, NULL) : -1;
    if (picked >= 0) {
        const struct intake_procedure *c = &procs[picked];
        const char *typed = input_typed(r, "documents");

        /* the picker shows the choice as the list offers it; its time and,
         * unless the officer has already written them, its documents */
        hseti(r, "Page.F.procedure", c->id);
        hsetf(r, "Page.F.thu_tuc", "%s (%s)", c->name, c->national_code);
        hset(r, "Page.Chosen.time_value", c->time_value);
        hset(r, "Page.Chosen.time_unit", c->time_unit);
        if (typed == NULL || *typed == '\0') {
            hset(r, "Page.F.documents", c->documents);
        }
    }
    if (!hdf_get_value(r->hdf, "Page.F.idem", NULL)) {
        /* the form's idempotency key: a resend of this form is one dossier */
        char k[33];

        random_hex(k, 16);
        hset(r, "Page.F.idem", k);
    }
    return DB_OK;
}

static int
intake_page(struct req *r)
{
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = intake_hdf(r, 0)) != DB_OK) {
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

static const char *const intake_channels[] = { "counter", "online", "post", NULL };
static const char *const intake_notify[] = { "1", NULL };

enum {
    I_PROC,
    I_PICK,
    I_COUNTER,
    I_NAME,
    I_ADDRESS,
    I_PHONE,
    I_EMAIL,
    I_DOCS,
    I_SETS,
    I_CHANNEL,
    I_COLLECT,
    I_NOTIFY,
    I_IDEM,
    I__MAX
};

static const struct fld intake_fields[I__MAX] = {
    [I_PROC] = { "procedure", V_INT, 0, 1, 1LL << 62, NULL, "Dossier.Err.Procedure" },
    [I_PICK] = { "thu_tuc", V_TEXT, 0, 1, 400, NULL, "Dossier.Err.Procedure" },
    [I_COUNTER] = { "counter", V_INT, 0, 0, 1LL << 62, NULL, NULL },
    [I_NAME] = { "name", V_TEXT, 1, 1, 120, NULL, "Dossier.Err.Name" },
    [I_ADDRESS] = { "address", V_TEXT, 0, 0, 255, NULL, NULL },
    [I_PHONE] = { "phone", V_PHONE, 0, 0, 20, NULL, "Fb.Err.Phone" },
    [I_EMAIL] = { "email", V_EMAIL, 0, 0, 254, NULL, "Fb.Err.Email" },
    [I_DOCS] = { "documents", V_LINES, 1, 1, 4000, NULL, "Dossier.Err.Documents" },
    [I_SETS] = { "sets", V_INT, 1, 1, 99, NULL, "Dossier.Err.Sets" },
    [I_CHANNEL] = { "channel", V_CHOICE, 1, 0, 0, intake_channels, "Dossier.Err.Channel" },
    [I_COLLECT] = { "collect", V_CHOICE, 1, 0, 0, intake_channels, "Dossier.Err.Channel" },
    /* the citizen's yes to messages, ticked by the officer: absent when not */
    [I_NOTIFY] = { "notify", V_CHOICE, 0, 0, 0, intake_notify, NULL },
    /* the form's idempotency key, 32 hex digits (intake_hdf): kept on errors */
    [I_IDEM] = { "idem", V_CODE, 0, 32, 32, NULL, NULL },
};

static int
intake_submit(struct req *r)
{
    struct dossier_in in = { 0 };
    struct val v[I__MAX];
    struct intake_procedure *procs;
    size_t nprocs;
    char code[64];
    long long picked;
    int nerr, rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    nerr = input_form(r, NULL, intake_fields, I__MAX, v) != 0;
    in.unit_id = r->user->unit_id;
    in.counter_id = v[I_COUNTER].i;
    in.name = v[I_NAME].s;
    in.address = v[I_ADDRESS].s;
    in.phone = v[I_PHONE].s;
    in.email = v[I_EMAIL].s;
    in.documents = v[I_DOCS].s;
    in.channel = v[I_CHANNEL].s;
    in.collect = v[I_COLLECT].s;
    in.idem = v[I_IDEM].err ? NULL : v[I_IDEM].s;
    if (v[I_NOTIFY].s && (in.phone || in.email)) {
        in.consent = notify_consent_wording(r);
    }
    dr = procedure_list_intake(r->app->db, &r->pool, in.unit_id, &procs, &nprocs);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    picked = intake_pick(r, procs, nprocs, v[I_PROC].err ? 0 : v[I_PROC].i, v[I_PICK].s);
    if (picked >= 0) {
        in.procedure_id = procs[picked].id;
    } else if (v[I_PROC].err == INPUT_OK && v[I_PICK].err == INPUT_OK) {
        intake_err(r, &nerr, "procedure",
                   picked == -2 ? "Dossier.Err.ProcedureMany" : "Dossier.Err.Procedure");
    }
    /* a procedure picked and no documents written yet: the form again with
     * the procedure's documents to check, what was typed kept, nothing
     * received (Enter in any field does this first, then receives) */
    if (picked >= 0 && v[I_DOCS].err == INPUT_MISSING) {
        HDF *errs;

        hdf_remove_tree(r->hdf, "Page.Err.documents");
        errs = hdf_get_obj(r->hdf, "Page.Err");
        if (errs == NULL || hdf_obj_child(errs) == NULL) {
            hdf_remove_tree(r->hdf, "Page.Err");
            hdf_remove_tree(r->hdf, "Page.Error");
            hset(r, "Page.Filled", "1");
        }
        if ((dr = intake_hdf(r, in.procedure_id)) != DB_OK) {
            return db_fail(r, dr);
        }
        return render_status(r, hdf_get_obj(r->hdf, "Page.Filled") ? 200 : 422, "staff/intake");
    }
    if (nerr) {
        if ((dr = intake_hdf(r, picked >= 0 ? in.procedure_id : -1)) != DB_OK) {
            return db_fail(r, dr);
        }
        return render_status(r, 422, "staff/intake");
    }
    in.sets = (int)v[I_SETS].i;
    in.address = in.address ? in.address : "";
    in.phone = in.phone ? in.phone : "";
    in.email = in.email ? in.email : "";
    if ((dr = dossier_create(req_sctx(r), &in, code)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s/giay-hen", code));
}

/* Open the dossier named in the path (r->arg[0]); 0 or a status. */
static int
dossier_open(struct req *r, struct dossier_row *d)
{
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = dossier_get(req_sctx(r), r->arg[0], d)) != DB_OK) {
        return db_fail(r, dr);
    }
    return d->id ? 0 : 404;
}

/* The dossier's public QR link, as a URL and an inline SVG. */
static enum db_rc
dossier_qr_hdf(struct req *r, long long dossier_id)
{
    struct buf svg = { 0 };
    char tok[TOKEN_LEN + 1];
    const char *url, *nonce;
    enum db_rc rc = qrlink_dossier_nonce(r->app->db, &r->pool, dossier_id, &nonce);

    if (rc != DB_OK || nonce == NULL) {
        return rc;
    }
    token_from_nonce(r->app->secret, nonce, tok);
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
    struct unit_name *units;
    size_t nunits;
    enum db_rc dr;

    if ((dr = dossier_staff_hdf(r, d)) != DB_OK || (dr = dossier_qr_hdf(r, d->id)) != DB_OK ||
        (dr = notify_hdf(r, "dossier", d->id, 1)) != DB_OK ||
        (dr = dr_banner_hdf(r, DRO_DOSSIER, d->id)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (strcmp(tmpl, "staff/dossier") == 0) {
        const struct cal *cal = req_calendar(r);

        dr = unit_list_open(r->app->db, &r->pool, d->unit_id, 0, &units, &nunits);
        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
        units_hdf(r, units, nunits);
        for (size_t i = 0; reasons[i]; i++) {
            hset(r, pool_printf(&r->pool, "Page.Reasons.%zu", i), reasons[i]);
        }
        if (cal) {
            /* suggested new date: the statutory time again from the old date */
            char day[11];

            cal_format(cal_add_working_days(cal, cal_local_day((time_t)d->due_at),
                                            d->time_value > 5 ? 5 : d->time_value),
                       day);
            if (input_typed(r, "new_date") == NULL) {
                hset(r, "Page.NewDate", day);
            }
        }
        hset(r, "Page.NewDate",
             input_typed(r, "new_date") ? input_typed(r, "new_date")
                                        : hdf_get_value(r->hdf, "Page.NewDate", ""));
        hset(r, "Page.ReasonText", input_typed(r, "reason_text"));
        hseti(r, "Page.Leader", is_leader(r));
        fsm_can_hdf(r, &dossier_fsm, d->status, fsm_staff_role(r->user->role));
        if (fsm_state_is(&dossier_fsm, d->status, DSF_OPEN)) {
            hset(r, "Page.Can.apology", "1"); /* an apology re-appoints a dossier in hand */
        }
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
        /* the apology letter's id: a number, else there is no such letter */
        if (input_path_id(r->arg[1]) == 0) {
            return 404;
        }
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
    static const struct fld q[] = { { "csv", V_FLAG, 0, 0, 0, NULL, NULL } };
    struct val v[NELEM(q)];
    struct dossier_row d;
    struct buf b = { 0 };
    int rc;
    enum db_rc dr;

    input_query(r, q, NELEM(q), v);
    if (!v[0].i) {
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
    long long event_id = input_path_id(r->arg[1]);
    int rc = req_paper_lang(r) ? 500 : dossier_open(r, &d), paper;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (event_id == 0) {
        return 404;
    }
    dr = dossier_event_has_paper(r->app->db, &r->pool, d.id, event_id, &paper);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (!paper) {
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

enum { M_NOTE, M_UNIT, M_RECEIVER, M_STEP_DUE, M__MAX };

/* what a move may carry; which of them it needs depends on the move (below) */
static const struct fld move_fields[M__MAX] = {
    [M_NOTE] = { "note", V_LINES, 0, 1, 1000, NULL, "Case.Err.TextLong" },
    [M_UNIT] = { "unit", V_INT, 0, 1, 1LL << 62, NULL, "Case.Err.Unit" },
    [M_RECEIVER] = { "receiver", V_TEXT, 0, 1, 120, NULL, "Case.Err.TextLong" },
    [M_STEP_DUE] = { "step_due", V_DATE, 0, 0, 0, NULL, "Dossier.Err.StepDue" },
};

static int
dossier_move(struct req *r, enum dossier_move m)
{
    struct dossier_row d;
    struct val v[M__MAX];
    const char *note;
    long long to;
    int rc = dossier_open(r, &d), day = 0;
    time_t step_due = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_form(r, NULL, move_fields, M__MAX, v);
    note = v[M_NOTE].s;
    to = v[M_UNIT].i;
    if (v[M_UNIT].err) {
        return dossier_error(r, &d, 422, "Case.Err.Unit");
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
    if (v[M_NOTE].err || v[M_RECEIVER].err) {
        return dossier_error(r, &d, 422, "Case.Err.TextLong");
    }
    /* the receiving agency's own share of the time, judged on the control
     * slip: a working day from today to the dossier's appointment */
    if (m == DM_FORWARD && v[M_STEP_DUE].s) {
        const struct cal *cal = req_calendar(r);

        day = v[M_STEP_DUE].day;
        if (v[M_STEP_DUE].err || cal == NULL || !cal_is_working(cal, day) ||
            day < cal_local_day(time(NULL)) || day > cal_local_day((time_t)d.due_at)) {
            return dossier_error(r, &d, 422, "Dossier.Err.StepDue");
        }
        step_due = cal_instant(day, cal->close_minutes);
    }
    dr = dossier_apply(req_sctx(r), &d, m, to, v[M_RECEIVER].s, note, step_due);
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

enum { AP_REASON, AP_TEXT, AP_DATE, AP__MAX };

static const struct fld apology_fields[AP__MAX] = {
    [AP_REASON] = { "reason", V_CHOICE, 1, 0, 0, reasons, "Apology.Err.Reason" },
    [AP_TEXT] = { "reason_text", V_LINES, 0, 1, 2000, NULL, "Case.Err.TextLong" },
    [AP_DATE] = { "new_date", V_DATE, 1, 0, 0, NULL, "Apology.Err.Date" },
};

static int
apology_new(struct req *r)
{
    struct dossier_row d;
    struct val v[AP__MAX];
    const char *code, *text;
    int rc = dossier_open(r, &d), day;
    long long id;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_form(r, NULL, apology_fields, AP__MAX, v);
    code = v[AP_REASON].s;
    text = v[AP_TEXT].s;
    day = v[AP_DATE].day;
    if ((dr = apology_can_draft(req_sctx(r), &d, &rc)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (!rc) {
        return dossier_error(r, &d, 409, "Apology.Err.Once");
    }
    if (v[AP_REASON].err) {
        return dossier_error(r, &d, 422, "Apology.Err.Reason");
    }
    if (v[AP_TEXT].err) {
        return dossier_error(r, &d, 422, "Case.Err.TextLong");
    }
    if (text == NULL) {
        text = lang_str(r, pool_printf(&r->pool, "Apology.Reasons.%s", code));
    }
    if (v[AP_DATE].err || day <= cal_local_day((time_t)d.due_at) ||
        (req_calendar(r) && !cal_is_working(req_calendar(r), day))) {
        return dossier_error(r, &d, 422, "Apology.Err.Date");
    }
    dr = apology_draft(req_sctx(r), &d, code, text, day, &id);
    if (dr == DB_DUP) {
        return dossier_error(r, &d, 409, "Apology.Err.Once");
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s#xin-loi", d.code));
}

enum { SG_TITLE, SG_POSITION, SG_DEPUTY, SG__MAX };

static const struct fld sign_fields[SG__MAX] = {
    [SG_TITLE] = { "title", V_TEXT, 1, 1, 120, NULL, "Apology.Err.Title" },
    [SG_POSITION] = { "position", V_TEXT, 0, 1, 120, NULL, "Apology.Err.Position" },
    [SG_DEPUTY] = { "deputy", V_FLAG, 0, 0, 0, NULL, NULL },
};

static int
apology_sign_act(struct req *r)
{
    struct dossier_row d;
    struct val v[SG__MAX];
    const char *title, *position;
    long long id = input_path_id(r->arg[1]);
    int rc = dossier_open(r, &d), deputy, ok = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (id == 0) {
        return 404;
    }
    input_form(r, NULL, sign_fields, SG__MAX, v);
    title = v[SG_TITLE].s;
    position = v[SG_POSITION].s;
    deputy = (int)v[SG_DEPUTY].i;
    if ((dr = apology_may_sign(req_sctx(r), id, &ok)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (!ok) {
        hset(r, "Page.ErrDetail", lang_str(r, "Apology.Err.Signer"));
        return 403;
    }
    if (v[SG_TITLE].err) {
        return dossier_error(r, &d, 422, "Apology.Err.Title");
    }
    if ((deputy && position == NULL) || v[SG_POSITION].err) {
        return dossier_error(r, &d, 422, "Apology.Err.Position");
    }
    dr = apology_sign(req_sctx(r), &d, id, deputy, title, position);
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
    static const char *const channels[] = { "counter", "sms", "email", "post", NULL };
    static const struct fld f[] = {
        { "channel", V_CHOICE, 1, 0, 0, channels, "Apology.Err.Channel" },
    };
    struct dossier_row d;
    struct val v[NELEM(f)];
    long long id = input_path_id(r->arg[1]);
    int rc = dossier_open(r, &d);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (id == 0) {
        return 404;
    }
    if (input_form(r, NULL, f, NELEM(f), v) != 0) {
        return dossier_error(r, &d, 422, "Apology.Err.Channel");
    }
    dr = apology_deliver(req_sctx(r), &d, id, v[0].s);
    if (dr == DB_DUP) {
        return dossier_error(r, &d, 409, "Apology.Err.Deliver");
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/ho-so/%s#xin-loi", d.code));
}

/* The tracking book's columns, in the order of its header (Book.CsvHeader). */
static const char *const book_cols[] = { "seq",      "code",     "procedure", "sets", "name",
                                         "contact",  "procunit", "received",  "due",  "forwarded",
                                         "finished", "returned", "status",    NULL };

/* A line of the book as its columns (book_cols); in_words: the status in
 * words, as on the printed book (the CSV), else as stored. */
static const char *const *
book_cells(struct req *r, const struct book_row *b, int in_words)
{
    const char **cell = pool_alloc(&r->pool, NELEM(book_cols) * sizeof(*cell));

    cell[0] = b->seq;
    cell[1] = b->code;
    cell[2] = b->procedure;
    cell[3] = b->sets;
    cell[4] = b->name;
    cell[5] = b->contact;
    cell[6] = b->procunit;
    cell[7] = b->received;
    cell[8] = b->due;
    cell[9] = b->forwarded;
    cell[10] = b->finished;
    cell[11] = b->returned;
    cell[12] = in_words ? lang_str(r, pool_printf(&r->pool, "Dossier.St.%s", b->status))
                        : b->status;
    return cell;
}

/* The tracking book (Sổ theo dõi hồ sơ) of the unit for a period, printable (A4) and as CSV. */
static int
tracking_book(struct req *r)
{
    /* a date that is not one is ignored, as on the leader's dashboard */
    static const struct fld q[] = {
        { "tu", V_DATE, 0, 0, 0, NULL, NULL },
        { "den", V_DATE, 0, 0, 0, NULL, NULL },
        { "csv", V_FLAG, 0, 0, 0, NULL, NULL },
        /* the book names applicants: its CSV says why it is taken (audited) */
        { "muc-dich", V_CHOICE, 0, 0, 0, audit_export_purposes, NULL },
    };
    struct val v[NELEM(q)];
    int from, to, rc = req_paper_lang(r) ? 500 : staff_page(r);
    struct book_row *rows;
    size_t n;
    const char *unit_name;
    char f[11], t[11];
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_query(r, q, NELEM(q), v);
    to = cal_local_day(time(NULL));
    from = v[0].s ? v[0].day : to - 30;
    to = v[1].s ? v[1].day : to;
    if (to < from || to - from > 400) {
        return 400;
    }
    cal_format(from, f);
    cal_format(to, t);
    dr = dossier_book_list(r->app->db, &r->pool, r->user->unit_id, f, t, &rows, &n);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (v[2].i && v[3].s && !v[3].err) {
        struct buf b = { 0 };

        if ((dr = db_begin(r->app->db)) == DB_OK) {
            dr = audit(req_sctx(r), "report.export", "report", 0,
                       pool_printf(&r->pool, "so-theo-doi %s..%s muc-dich=%s", f, t, v[3].s));
        }
        if ((dr = db_end(r->app->db, dr)) != DB_OK) {
            return db_fail(r, dr);
        }
        buf_adds(&b, "\xEF\xBB\xBF");
        buf_adds(&b, lang_str(r, "Book.CsvHeader"));
        buf_adds(&b, "\r\n");
        for (size_t i = 0; i < n; i++) {
            const char *const *cell = book_cells(r, &rows[i], 1);

            for (size_t c = 0; book_cols[c]; c++) {
                if (c) {
                    buf_addc(&b, ',');
                }
                buf_csv_field(&b, cell[c]);
            }
            buf_adds(&b, "\r\n");
        }
        resp_raw(r, "text/csv; charset=utf-8", b.p, b.len);
        resp_header(r, "Content-Disposition",
                    pool_printf(&r->pool, "attachment; filename=\"so-theo-doi-%s-%s.csv\"", f, t));
        buf_free(&b);
        return 200;
    }
    for (size_t i = 0; i < n; i++) {
        const char *const *cell = book_cells(r, &rows[i], 0);

        for (size_t c = 0; book_cols[c]; c++) {
            row_set(r, "Page.Rows", i, book_cols[c], cell[c]);
        }
    }
    hset(r, "Page.From", f);
    hset(r, "Page.To", t);
    hsetf(r, "Page.FromVi", "%.2s/%.2s/%.4s", f + 8, f + 5, f);
    hsetf(r, "Page.ToVi", "%.2s/%.2s/%.4s", t + 8, t + 5, t);
    dr = unit_name_of(r->app->db, &r->pool, r->user->unit_id, &unit_name);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset(r, "Page.UnitName", unit_name ? unit_name : "");
    if (v[2].i) {
        /* the book again, with the question its CSV has to answer first */
        hset(r, "Page.Err.purpose", lang_str(r, "Lead.Csv.NoPurpose"));
        return render_status(r, 422, "staff/paper_book");
    }
    return render(r, "staff/paper_book");
}

/* ---- personal data requests (docs/personal-data.md) --------------------- */

/* The citizen's requests over the personal data of a case or a dossier
 * (store_datareq.h): the unit's officers and leaders (a leader over the
 * subtree) list them, due first, and answer each one; a granted correction
 * or erasure changes the case or dossier in the same transaction. */

#define DR_LIMIT 200

static enum db_rc
dr_scope(struct req *r, struct datareq_scope *ds)
{
    struct scope s;
    enum db_rc rc = case_scope(req_sctx(r), &s);

    ds->unit_id = s.unit_id;
    ds->viewer_id = s.viewer_id;
    ds->leader = s.leader;
    ds->subtree = s.subtree;
    return rc;
}

/* One request into prefix.*; the corrected value of a confidential case's
 * sender is not shown (the case page shows its contact only to a leader who
 * gave a reason). */
static void
dr_row_hdf(struct req *r, const char *prefix, const struct datareq_row *w)
{
#define DR_SET(k, v) hset(r, pool_printf(&r->pool, "%s." k, prefix), (v))
    hseti(r, pool_printf(&r->pool, "%s.id", prefix), w->id);
    DR_SET("code", w->code);
    DR_SET("type", w->object_type);
    DR_SET("object", w->object_code);
    DR_SET("kind", w->kind);
    DR_SET("field", w->field);
    DR_SET("value", w->confidential ? NULL : w->new_value);
    DR_SET("detail", w->detail);
    DR_SET("status", w->status);
    DR_SET("created", w->created);
    DR_SET("due", w->due);
    DR_SET("answered", w->answered);
    DR_SET("answer", w->answer);
    DR_SET("overdue", w->overdue ? "1" : NULL);
    DR_SET("confidential", w->confidential ? "1" : NULL);
    hseti(r, pool_printf(&r->pool, "%s.hours", prefix), w->due_hours);
#undef DR_SET
}

/* Page.Restricted on an officer's page of a case or a dossier. */
static enum db_rc
dr_banner_hdf(struct req *r, enum datareq_object o, long long id)
{
    int yes = 0;
    enum db_rc rc = datareq_restricted(r->app->db, &r->pool, o, id, &yes);

    hseti(r, "Page.Restricted", yes);
    return rc;
}

static int
datareq_list_page(struct req *r)
{
    struct datareq_scope ds;
    struct datareq_row *rows;
    size_t n;
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = dr_scope(r, &ds)) != DB_OK ||
        (dr = datareq_list_scope(r->app->db, &r->pool, &ds, DR_LIMIT, &rows, &n)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; i < n; i++) {
        dr_row_hdf(r, pool_printf(&r->pool, "Page.Requests.%zu", i), &rows[i]);
    }
    return render(r, "staff/datareqs");
}

/* The request named in the path, if this user sees it; 0 or a status. */
static int
dr_open(struct req *r, struct datareq_row *w, struct datareq_held *h)
{
    struct datareq_scope ds;
    const char *a = r->arg[0];
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (*a == '\0' || strlen(a) > 18 || strspn(a, "0123456789") != strlen(a)) {
        return 404;
    }
    if ((dr = dr_scope(r, &ds)) != DB_OK ||
        (dr = datareq_get(r->app->db, &r->pool, &ds, util_num(a), w)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (w->id == 0) {
        return 404; /* invisible and missing look the same */
    }
    dr = datareq_held_get(r->app->db, &r->pool,
                          strcmp(w->object_type, "dossier") == 0 ? DRO_DOSSIER : DRO_FEEDBACK,
                          w->object_id, 0, h);
    return dr == DB_OK ? 0 : db_fail(r, dr);
}

static int
dr_render(struct req *r, const struct datareq_row *w, const struct datareq_held *h, int status)
{
    enum datareq_object o = strcmp(w->object_type, "dossier") == 0 ? DRO_DOSSIER : DRO_FEEDBACK;
    enum db_rc dr;

    dr_row_hdf(r, "Page.R", w);
    /* the data held, as the case page would show it: never a confidential sender's */
    if (!h->confidential) {
        hset(r, "Page.Held.name", h->name);
        hset(r, "Page.Held.phone", h->phone);
        hset(r, "Page.Held.email", h->email);
        hset(r, "Page.Held.address", h->address);
    } else {
        hset(r, "Page.Held.Hidden", "1");
    }
    hseti(r, "Page.Held.Files", h->files);
    if ((dr = dr_banner_hdf(r, o, w->object_id)) != DB_OK) {
        return db_fail(r, dr);
    }
    return render_status(r, status, "staff/datareq");
}

static int
datareq_page(struct req *r)
{
    struct datareq_row w;
    struct datareq_held h;
    int rc = dr_open(r, &w, &h);

    return rc ? rc : dr_render(r, &w, &h, 200);
}

/* What a granted request changes, inside the answer's transaction: the stored
 * names of the evidence files to remove after the commit into *stored (n). */
static enum db_rc
dr_apply(struct req *r, const struct datareq_row *w, const char ***stored, size_t *n)
{
    int dossier = strcmp(w->object_type, "dossier") == 0;

    *stored = NULL;
    *n = 0;
    if (strcmp(w->kind, "correct") == 0) {
        return datareq_correct(r->app->db, dossier ? DRO_DOSSIER : DRO_FEEDBACK, w->object_id,
                               w->field, w->new_value);
    }
    if (strcmp(w->kind, "erase") == 0) {
        /* a dossier is a record the archives law keeps: only its optional contact goes */
        return dossier ? datareq_erase_dossier(r->app->db, w->object_id)
                       : datareq_erase_feedback(r->app->db, &r->pool, w->object_id, stored, n);
    }
    return DB_OK; /* restrict, object: the answer row is the record */
}

static int
datareq_answer_act(struct req *r)
{
    static const char *const decisions[] = { "done", "refused", NULL };
    static const struct fld f[] = {
        { "decision", V_CHOICE, 1, 0, 0, decisions, "DataReq.Err.Decision" },
        { "answer", V_LINES, 0, 1, MAX_TEXT_CHARS, NULL, NULL },
    };
    struct val v[NELEM(f)];
    struct datareq_row w;
    struct datareq_held h;
    const char **stored = NULL;
    size_t nstored = 0;
    int changed = 0, rc = dr_open(r, &w, &h);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (input_form(r, NULL, f, NELEM(f), v) != 0) {
        return dr_render(r, &w, &h, 422);
    }
    if (strcmp(v[0].s, "refused") == 0 && v[1].s == NULL) {
        hset(r, "Page.Err.answer", lang_str(r, "DataReq.Err.Answer"));
        hset(r, "Page.Error", lang_str(r, "DataReq.Err.Answer"));
        return dr_render(r, &w, &h, 422);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    dr = datareq_answer(r->app->db, w.id, v[0].s, v[1].s, r->user->id, &changed);
    if (dr == DB_OK && !changed) {
        db_rollback(r->app->db);
        hset(r, "Page.Error", lang_str(r, "DataReq.Err.State"));
        return dr_render(r, &w, &h, 409);
    }
    if (dr == DB_OK && strcmp(v[0].s, "done") == 0) {
        dr = dr_apply(r, &w, &stored, &nstored);
    }
    if (dr == DB_OK) {
        /* on the case or dossier itself, so that the trail's rules apply (a
         * confidential case's lines are never its subject's); no personal
         * data in the log: the request's code, what was asked */
        dr = audit(req_sctx(r),
                   strcmp(v[0].s, "done") == 0 ? "data_request.done" : "data_request.refused",
                   w.object_type, w.object_id,
                   pool_printf(&r->pool, "%s %s%s%s", w.code, w.kind, w.field ? " " : "",
                               w.field ? w.field : ""));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    /* the rows are gone with the commit; a file left behind is only logged */
    for (size_t i = 0; i < nstored; i++) {
        const char *path = pool_printf(&r->pool, "%s/%s",
                                       conf_str(r->app->conf, "Paths.Uploads", "var/uploads"),
                                       stored[i]);

        if (unlink(path) != 0 && errno != ENOENT) {
            log_err("erase %s: %s", path, strerror(errno));
        }
    }
    return resp_redirect(r, pool_printf(&r->pool, "/can-bo/yeu-cau-du-lieu/%lld", w.id));
}

static const struct route routes[] = {
    { "GET", "/can-bo/", inbox, 0, ACCESS_ANY_STAFF },
    { "GET", "/can-bo/dang-nhap", staff_login_form, R_PUBLIC, 0 },
    { "POST", "/can-bo/dang-nhap", staff_login, R_FORM | R_PUBLIC, 0 },
    { "POST", "/can-bo/dang-xuat", staff_logout, R_FORM | R_PUBLIC, 0 },
    { "GET", "/can-bo/phan-anh/*", case_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/phan-anh/*/tu-choi", case_reject_page, 0, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/phan-loai", act_classify, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/giao", act_assign, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/ghi-chu", act_note, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/yeu-cau-bo-sung", act_info, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/tra-loi", act_answer, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/dong", act_close, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/mo-lai", act_reopen, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/phan-anh/*/xem-danh-tinh", act_reveal, R_FORM, ACCESS_CASEWORK },
    { "GET", "/can-bo/tep/*", evidence, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/mau-tra-loi", canned_page, 0, ACCESS_CASEWORK },
    { "POST", "/can-bo/mau-tra-loi", canned_save, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/mau-tra-loi/xoa", canned_delete, R_FORM, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/", dossiers_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/moi", intake_page, 0, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/moi", intake_submit, R_FORM, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/*", dossier_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/*/giay-hen", receipt_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/*/phieu-kiem-soat", control_slip_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/*/xin-loi/*", apology_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/*/phieu/*", move_paper_page, 0, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/chuyen", mv_forward, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/yeu-cau-bo-sung", mv_supplement, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/da-bo-sung", mv_supplied, R_FORM, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/*/tu-choi", refuse_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/ho-so/*/dung", stop_page, 0, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/tu-choi", mv_refuse, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/dung", mv_stop, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/co-ket-qua", mv_ready, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/tra-ket-qua", mv_return, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/xin-loi", apology_new, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/xin-loi/*/ky", apology_sign_act, R_FORM, ACCESS_CASEWORK },
    { "POST", "/can-bo/ho-so/*/xin-loi/*/gui", apology_deliver_act, R_FORM, ACCESS_CASEWORK },
    { "GET", "/can-bo/so-theo-doi", tracking_book, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/doi-mat-khau", password_page, 0, ACCESS_ANY_STAFF },
    { "POST", "/can-bo/doi-mat-khau", password_change, R_FORM, ACCESS_ANY_STAFF },
    { "GET", "/can-bo/yeu-cau-du-lieu", datareq_list_page, 0, ACCESS_CASEWORK },
    { "GET", "/can-bo/yeu-cau-du-lieu/*", datareq_page, 0, ACCESS_CASEWORK },
    { "POST", "/can-bo/yeu-cau-du-lieu/*/tra-loi", datareq_answer_act, R_FORM, ACCESS_CASEWORK },
};

static const struct program prog = {
    .name = "officer", .routes = routes, .nroutes = NELEM(routes), .flags = P_STAFF_SESSION
};

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
