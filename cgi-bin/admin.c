/* admin — pages under /quan-tri/ (docs/architecture.md §1): the unit tree, counters and
 * their QR links, staff accounts, feedback deadlines, apology rules, the
 * working-day calendar, QR links and API clients.  Only the admin role.
 * Every change is one transaction that also writes its audit row.
 * Database account: motcua_admin (sql/grants.sql, "-- admin program").
 * Store: csv_import.h (the procedure catalogue); never store_case.h nor
 * store_dossier.h: the account has no grant on cases and reads of dossiers
 * only the status and appointment (sql/grants.sql). */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include "audit.h"
#include "cal_check.h"
#include "calendar.h"
#include "conf.h"
#include "crypto.h"
#include "csv_import.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "input.h"
#include "password.h"
#include "render.h"
#include "staff.h"
#include "token.h"
#include "util.h"
#include "worker.h"

#define ROLE "admin"
#define USERS_MAX 500        /* a list longer than this asks for a unit filter */

static const char *const levels[] = { "ministry", "province", "department", "district",
                                      "commune",  "centre",   "branch",     NULL };
static const char *const roles[] = { "officer", "leader", "admin", NULL };
/* whether the parent agency's leader may sign the unit's apology letters, and how */
static const char *const parent_signs[] = { "none", "KT", "TL", "TUQ", NULL };
static const char *const day_kinds[] = { "holiday", "tet", "compensatory", "swap_off",
                                         "makeup_workday", NULL };
static const char *const lead_units[] = { "working_days", "calendar_days", NULL };
static const char *const zero_one[] = { "0", "1", NULL };
static const char *const qr_kinds[] = { "counter", "unit", "officer", NULL };

/* ---- small helpers ------------------------------------------------------ */

static const char *
today(char buf[11])
{
    return cal_format(cal_local_day(time(NULL)), buf);
}

/* A page-level error (not tied to one field), shown at the top of the form. */
static void
page_error(struct req *r, const char *key, const char *field)
{
    const char *msg = lang_str(r, pool_printf(&r->pool, "Admin.Err.%s", key));

    hset(r, "Page.Error", msg);
    if (field) {
        hset(r, pool_printf(&r->pool, "Page.Err.%s", field), msg);
    }
}

/* ---- typed form fields (core/input.h: declared once per form) ---------- */

/* The n fields of spec into v, messages from L.Admin.Err.<fld.err>; 0 or -1. */
static int
form_read(struct req *r, const struct fld *spec, size_t n, struct val *v)
{
    return input_form(r, "Admin.Err", spec, n, v);
}

/* ---- the unit tree ------------------------------------------------------ */

#define NONE SIZE_MAX

struct unode {
    long long id, parent, counters;
    const char *code, *name, *short_name, *level, *path, *valid_to;
    int depth;
    size_t first, next, last;      /* children, in display order */
    int seen;
};

struct tree {
    struct unode *u;               /* query order: siblings by sort_order, name */
    size_t *order;                 /* display order: depth first */
    size_t n;
};

struct idx {
    long long id;
    size_t i;
};

static int
idx_cmp(const void *a, const void *b)
{
    const struct idx *x = a, *y = b;

    return (x->id > y->id) - (x->id < y->id);
}

static void
tree_visit(struct tree *t, size_t i, int depth, size_t *k)
{
    t->u[i].seen = 1;
    t->u[i].depth = depth;
    t->order[(*k)++] = i;
    for (size_t c = t->u[i].first; c != NONE; c = t->u[c].next) {
        if (!t->u[c].seen) {
            tree_visit(t, c, depth + 1, k);
        }
    }
}

/* Every unit, closed ones included, in tree order (pool memory). */
static enum db_rc
tree_load(struct req *r, struct tree *t)
{
    struct dbres res;
    struct idx *ix;
    size_t k = 0;
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT u.id, COALESCE(u.parent_id, 0), u.code, u.name,"
                  "       COALESCE(u.short_name, ''), u.level, u.path,"
                  "       COALESCE(DATE_FORMAT(u.valid_to, '%Y-%m-%d'), ''),"
                  "       (SELECT COUNT(*) FROM counter c WHERE c.unit_id = u.id AND c.active = 1)"
                  "  FROM org_unit u ORDER BY u.sort_order, u.name, u.id",
                  DB_NOARGS, &res);
    if (dr != DB_OK) {
        return dr;
    }
    t->n = res.nrows;
    t->u = pool_alloc(&r->pool, (t->n + 1) * sizeof(*t->u));
    t->order = pool_alloc(&r->pool, (t->n + 1) * sizeof(*t->order));
    ix = pool_alloc(&r->pool, (t->n + 1) * sizeof(*ix));
    for (size_t i = 0; i < t->n; i++) {
        struct unode *u = &t->u[i];

        u->id = util_num(dbres_get(&res, i, 0));
        u->parent = util_num(dbres_get(&res, i, 1));
        u->code = dbres_get(&res, i, 2);
        u->name = dbres_get(&res, i, 3);
        u->short_name = dbres_get(&res, i, 4);
        u->level = dbres_get(&res, i, 5);
        u->path = dbres_get(&res, i, 6);
        u->valid_to = dbres_get(&res, i, 7);
        u->counters = util_num(dbres_get(&res, i, 8));
        u->first = u->next = u->last = NONE;
        ix[i] = (struct idx){ u->id, i };
    }
    qsort(ix, t->n, sizeof(*ix), idx_cmp);
    for (size_t i = 0; i < t->n; i++) {
        struct idx key = { t->u[i].parent, 0 }, *p;

        p = t->u[i].parent ? bsearch(&key, ix, t->n, sizeof(*ix), idx_cmp) : NULL;
        if (p) {
            struct unode *par = &t->u[p->i];

            if (par->last == NONE) {
                par->first = i;
            } else {
                t->u[par->last].next = i;
            }
            par->last = i;
        }
    }
    for (size_t i = 0; i < t->n; i++) {
        struct idx key = { t->u[i].parent, 0 };

        if (t->u[i].parent == 0 || !bsearch(&key, ix, t->n, sizeof(*ix), idx_cmp)) {
            tree_visit(t, i, 0, &k);
        }
    }
    for (size_t i = 0; i < t->n; i++) {
        if (!t->u[i].seen) {            /* a cycle in bad data: still listed */
            tree_visit(t, i, 0, &k);
        }
    }
    return DB_OK;
}

/* The tree into <prefix>.N: code, name, short, level, closed, depth, counters,
 * label (indented for a <select>), down/up (to nest <ul>s), and sub = 1 for
 * the units under sub_path (a unit cannot move under its own subtree). */
static void
tree_hdf(struct req *r, const char *prefix, const struct tree *t, const char *sub_path)
{
    size_t sublen = sub_path ? strlen(sub_path) : 0;

    for (size_t k = 0; k < t->n; k++) {
        const struct unode *u = &t->u[t->order[k]];
        int next = k + 1 < t->n ? t->u[t->order[k + 1]].depth : 0;
        const char *p = pool_printf(&r->pool, "%s.%zu", prefix, k);
        struct buf label = { 0 };

        for (int d = 0; d < u->depth; d++) {
            buf_adds(&label, "\xc2\xa0\xc2\xa0\xc2\xa0");   /* no-break spaces: silent indent */
        }
        buf_adds(&label, u->name);
        hset(r, pool_printf(&r->pool, "%s.code", p), u->code);
        hset(r, pool_printf(&r->pool, "%s.name", p), u->name);
        hset(r, pool_printf(&r->pool, "%s.short", p), u->short_name);
        hset(r, pool_printf(&r->pool, "%s.level", p), u->level);
        hset(r, pool_printf(&r->pool, "%s.label", p), label.p);
        hset(r, pool_printf(&r->pool, "%s.valid_to", p), u->valid_to);
        hseti(r, pool_printf(&r->pool, "%s.closed", p), *u->valid_to != '\0');
        hseti(r, pool_printf(&r->pool, "%s.depth", p), u->depth);
        hseti(r, pool_printf(&r->pool, "%s.counters", p), u->counters);
        hseti(r, pool_printf(&r->pool, "%s.down", p), next > u->depth);
        hseti(r, pool_printf(&r->pool, "%s.up", p), next > u->depth ? 0 : u->depth - next);
        if (sub_path && strncmp(u->path, sub_path, sublen) == 0) {
            hset(r, pool_printf(&r->pool, "%s.sub", p), "1");
        }
        buf_free(&label);
    }
}

/* The units for a <select> into Page.Units. */
static enum db_rc
units_hdf(struct req *r, const char *sub_path)
{
    struct tree t;
    enum db_rc dr = tree_load(r, &t);

    if (dr == DB_OK) {
        tree_hdf(r, "Page.Units", &t, sub_path);
    }
    return dr;
}

struct unit {
    long long id;
    const char *code, *path, *valid_from, *valid_to;   /* valid_to: "" while open */
};

/* The unit with this code (lock: append " FOR UPDATE" inside a transaction).
 * u->id = 0 when there is none. */
static enum db_rc
unit_get(struct req *r, const char *code, int lock, struct unit *u)
{
    struct dbres res;
    enum db_rc dr;

    memset(u, 0, sizeof(*u));
    if (code == NULL) {
        return DB_OK;
    }
    dr = db_query(r->app->db, &r->pool,
                  lock ? "SELECT id, code, path, DATE_FORMAT(valid_from, '%Y-%m-%d'),"
                         "       COALESCE(DATE_FORMAT(valid_to, '%Y-%m-%d'), '')"
                         "  FROM org_unit WHERE code = ? FOR UPDATE"
                       : "SELECT id, code, path, DATE_FORMAT(valid_from, '%Y-%m-%d'),"
                         "       COALESCE(DATE_FORMAT(valid_to, '%Y-%m-%d'), '')"
                         "  FROM org_unit WHERE code = ?",
                  DB_ARGS(DV_S(code)), &res);
    if (dr == DB_OK && res.nrows == 1) {
        u->id = util_num(dbres_get(&res, 0, 0));
        u->code = dbres_get(&res, 0, 1);
        u->path = dbres_get(&res, 0, 2);
        u->valid_from = dbres_get(&res, 0, 3);
        u->valid_to = dbres_get(&res, 0, 4);
    }
    return dr;
}

/* ---- overview ----------------------------------------------------------- */

static int
home(struct req *r)
{
    struct dbres res;
    static const char *const cols[] = { "units", "counters", "users", "qr", "api", NULL };
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT (SELECT COUNT(*) FROM org_unit WHERE valid_to IS NULL),"
                  "       (SELECT COUNT(*) FROM counter WHERE active = 1),"
                  "       (SELECT COUNT(*) FROM users WHERE disabled = 0),"
                  "       (SELECT COUNT(*) FROM qr_link WHERE revoked_at IS NULL"
                  "           AND kind <> 'dossier'),"
                  "       (SELECT COUNT(*) FROM api_client WHERE active = 1)",
                  DB_NOARGS, &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Counts", &res, cols);
    return render(r, "admin/home");
}

/* ---- units -------------------------------------------------------------- */

/* U_CODE first: the edit form is the same list without it (the code is the
 * unit's identity, in dossier codes and URLs, and is not edited). */
enum { U_CODE, U_PARENT, U_NAME, U_SHORT, U_LEVEL, U_ADDRESS, U_HOTLINE, U_EMAIL, U_HOURS,
       U_FROM, U_SORT, U_PLACE, U_HEAD, U_SIGNS, U__MAX };

static const struct fld unit_fields[U__MAX] = {
    [U_CODE] = { "code", V_CODE, 1, 1, 40, NULL, "UnitCode" },
    [U_PARENT] = { "parent", V_CODE, 0, 1, 40, NULL, "Parent" },
    [U_NAME] = { "name", V_TEXT, 1, 1, 255, NULL, "Name" },
    [U_SHORT] = { "short_name", V_TEXT, 0, 1, 120, NULL, "ShortName" },
    [U_LEVEL] = { "level", V_CHOICE, 1, 0, 0, levels, "Level" },
    [U_ADDRESS] = { "address", V_TEXT, 0, 1, 255, NULL, "Address" },
    [U_HOTLINE] = { "hotline", V_PHONE, 0, 1, 40, NULL, "Phone" },
    [U_EMAIL] = { "email", V_EMAIL, 0, 3, 120, NULL, "Email" },
    [U_HOURS] = { "opening_hours", V_TEXT, 0, 1, 255, NULL, "Hours" },
    [U_FROM] = { "valid_from", V_DATE, 1, 0, 0, NULL, "Date" },
    [U_SORT] = { "sort_order", V_INT, 0, 0, 1000000, NULL, "Sort" },
    /* the papers: the place of the place-and-date line, the head's title,
     * who of the parent agency may sign its apology letters */
    [U_PLACE] = { "place", V_TEXT, 0, 1, 120, NULL, "Place" },
    [U_HEAD] = { "head_title", V_TEXT, 0, 1, 120, NULL, "HeadTitle" },
    [U_SIGNS] = { "parent_signs", V_CHOICE, 0, 0, 0, parent_signs, "ParentSigns" },
};

static void
levels_hdf(struct req *r)
{
    for (size_t i = 0; levels[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Levels.%zu", i), levels[i]);
    }
}

static int
units_page(struct req *r)
{
    struct tree t;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = tree_load(r, &t)) != DB_OK) {
        return db_fail(r, dr);
    }
    tree_hdf(r, "Page.Tree", &t, NULL);
    return render(r, "admin/units");
}

static int
unit_new_render(struct req *r, int status)
{
    enum db_rc dr = units_hdf(r, NULL);

    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    levels_hdf(r);
    return render_status(r, status, "admin/unit_new");
}

static int
unit_new_page(struct req *r)
{
    char d[11];
    int rc = staff_begin(r, ROLE);

    if (rc != 0) {
        return rc;
    }
    hset(r, "Page.F.parent", req_query(r, "cha"));
    hset(r, "Page.F.valid_from", today(d));
    hset(r, "Page.F.level", "centre");
    return unit_new_render(r, 200);
}

static int
unit_create(struct req *r)
{
    struct val v[U__MAX];
    struct unit parent;
    unsigned long long id = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, unit_fields, U__MAX, v) != 0) {
        return unit_new_render(r, 422);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    if ((dr = unit_get(r, v[U_PARENT].s, 1, &parent)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (v[U_PARENT].s && (parent.id == 0 || *parent.valid_to)) {
        db_rollback(r->app->db);
        page_error(r, "Parent", "parent");
        return unit_new_render(r, 422);
    }
    dr = db_exec(r->app->db,
                 "INSERT INTO org_unit (parent_id, code, name, short_name, level, address,"
                 "       hotline, email, opening_hours, valid_from, sort_order, place,"
                 "       head_title, parent_signs)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 DB_ARGS(parent.id ? DV_I(parent.id) : DV_NULL, DV_S(v[U_CODE].s),
                         DV_S(v[U_NAME].s), DV_S(v[U_SHORT].s), DV_S(v[U_LEVEL].s),
                         DV_S(v[U_ADDRESS].s), DV_S(v[U_HOTLINE].s), DV_S(v[U_EMAIL].s),
                         DV_S(v[U_HOURS].s), DV_S(v[U_FROM].s), DV_I(v[U_SORT].i),
                         DV_S(v[U_PLACE].s), DV_S(v[U_HEAD].s),
                         DV_S(v[U_SIGNS].s ? v[U_SIGNS].s : "none")),
                 NULL, &id);
    if (dr == DB_DUP) {
        db_rollback(r->app->db);
        page_error(r, "UnitDup", "code");
        return unit_new_render(r, 409);
    }
    /* the path names the new id, known only after the insert */
    if (dr == DB_OK) {
        dr = db_exec(r->app->db, "UPDATE org_unit SET path = CONCAT(?, id, '/') WHERE id = ?",
                     DB_ARGS(DV_S(parent.id ? parent.path : "/"), DV_I(id)), NULL, NULL);
    }
    if (dr == DB_OK) {
        dr = audit(r, "unit.create", "org_unit", (long long)id,
                   pool_printf(&r->pool, "%s %s", v[U_CODE].s, v[U_NAME].s));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/don-vi/%s", v[U_CODE].s));
}

/* The unit page: its details (Page.F unless keep), the tree for the parent
 * choice, its counters with their posters.  404 when there is no such unit. */
static int
unit_render(struct req *r, int status, int keep)
{
    struct dbres res, cres;
    static const char *const fcols[] = { "parent", "code", "name", "short_name", "level",
                                         "address", "hotline", "email", "opening_hours",
                                         "valid_from", "sort_order", "place", "head_title",
                                         "parent_signs", NULL };
    static const char *const ucols[] = { "id", "path", "valid_to", "users", NULL };
    static const char *const ccols[] = { "id", "code", "name", "active", NULL };
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT COALESCE(p.code, ''), u.code, u.name, COALESCE(u.short_name, ''),"
                  "       u.level, COALESCE(u.address, ''), COALESCE(u.hotline, ''),"
                  "       COALESCE(u.email, ''), COALESCE(u.opening_hours, ''),"
                  "       DATE_FORMAT(u.valid_from, '%Y-%m-%d'), u.sort_order,"
                  "       COALESCE(u.place, ''), COALESCE(u.head_title, ''), u.parent_signs,"
                  "       u.id, u.path, COALESCE(DATE_FORMAT(u.valid_to, '%Y-%m-%d'), ''),"
                  "       (SELECT COUNT(*) FROM users s WHERE s.unit_id = u.id AND s.disabled = 0)"
                  "  FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.code = ?",
                  DB_ARGS(DV_S(r->arg[0])), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        return 404;
    }
    for (size_t c = 0; !keep && fcols[c]; c++) {
        hset(r, pool_printf(&r->pool, "Page.F.%s", fcols[c]), dbres_get(&res, 0, c));
    }
    for (size_t c = 0; ucols[c]; c++) {     /* columns 14.. describe the unit itself */
        hset(r, pool_printf(&r->pool, "Page.Unit.%s", ucols[c]), dbres_get(&res, 0, 14 + c));
    }
    hset(r, "Page.Unit.code", dbres_get(&res, 0, 1));
    hset(r, "Page.Unit.name", dbres_get(&res, 0, 2));
    dr = db_query(r->app->db, &r->pool,
                  "SELECT c.id, c.code, c.name, c.active,"
                  "       (SELECT q.nonce FROM qr_link q WHERE q.kind = 'counter'"
                  "           AND q.counter_id = c.id AND q.revoked_at IS NULL"
                  "         ORDER BY q.id DESC LIMIT 1)"
                  "  FROM counter c WHERE c.unit_id = ? ORDER BY c.sort_order, c.code",
                  DB_ARGS(DV_I(util_num(dbres_get(&res, 0, 14)))), &cres);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Counters", &cres, ccols);
    for (size_t i = 0; i < cres.nrows; i++) {
        const char *nonce = dbres_get(&cres, i, 4);

        if (nonce) {
            char tok[TOKEN_LEN + 1];

            token_from_nonce(r->app->secret, nonce, tok);
            hset(r, pool_printf(&r->pool, "Page.Counters.%zu.token", i), tok);
        }
        /* a refused rename shows what was typed, in its own row */
        if (hdf_get_obj(r->hdf, "Page.Err.rename") &&
            util_num(dbres_get(&cres, i, 0)) == util_num(req_form(r, "counter"))) {
            hset(r, pool_printf(&r->pool, "Page.Counters.%zu.name", i),
                 hdf_get_value(r->hdf, "Page.F.rename", ""));
            hset(r, pool_printf(&r->pool, "Page.Counters.%zu.error", i),
                 hdf_get_value(r->hdf, "Page.Err.rename", ""));
        }
    }
    if ((dr = units_hdf(r, dbres_get(&res, 0, 15))) != DB_OK) {
        return db_fail(r, dr);
    }
    levels_hdf(r);
    if (!hdf_get_value(r->hdf, "Page.F.valid_to", NULL)) {
        char d[11];

        hset(r, "Page.F.valid_to", today(d));
    }
    return render_status(r, status, "admin/unit");
}

static int
unit_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    return rc ? rc : unit_render(r, 200, 0);
}

/* Save the details; a new parent moves the unit and its whole subtree. */
static int
unit_save(struct req *r)
{
    struct val v[U__MAX];
    struct unit self, parent;
    struct dbres res;
    long long old_parent = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, unit_fields + 1, U__MAX - 1, v + 1) != 0) {
        return unit_render(r, 422, 1);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    if ((dr = unit_get(r, r->arg[0], 1, &self)) != DB_OK ||
        (dr = unit_get(r, v[U_PARENT].s, 1, &parent)) != DB_OK ||
        (dr = db_query(r->app->db, &r->pool,
                       "SELECT COALESCE(parent_id, 0) FROM org_unit WHERE code = ?",
                       DB_ARGS(DV_S(r->arg[0])), &res)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (self.id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    old_parent = util_num(dbres_get(&res, 0, 0));
    if (v[U_PARENT].s && parent.id == 0) {
        db_rollback(r->app->db);
        page_error(r, "Parent", "parent");
        return unit_render(r, 422, 1);
    }
    if (parent.id != old_parent) {
        if (parent.id && strncmp(parent.path, self.path, strlen(self.path)) == 0) {
            db_rollback(r->app->db);
            page_error(r, "MoveUnderSelf", "parent");
            return unit_render(r, 422, 1);
        }
        if (parent.id && *parent.valid_to) {
            db_rollback(r->app->db);
            page_error(r, "Parent", "parent");
            return unit_render(r, 422, 1);
        }
    }
    dr = db_exec(r->app->db,
                 "UPDATE org_unit SET parent_id = ?, name = ?, short_name = ?, level = ?,"
                 "       address = ?, hotline = ?, email = ?, opening_hours = ?,"
                 "       valid_from = ?, sort_order = ?, place = ?, head_title = ?,"
                 "       parent_signs = ? WHERE id = ?",
                 DB_ARGS(parent.id ? DV_I(parent.id) : DV_NULL, DV_S(v[U_NAME].s),
                         DV_S(v[U_SHORT].s), DV_S(v[U_LEVEL].s), DV_S(v[U_ADDRESS].s),
                         DV_S(v[U_HOTLINE].s), DV_S(v[U_EMAIL].s), DV_S(v[U_HOURS].s),
                         DV_S(v[U_FROM].s), DV_I(v[U_SORT].i), DV_S(v[U_PLACE].s),
                         DV_S(v[U_HEAD].s), DV_S(v[U_SIGNS].s ? v[U_SIGNS].s : "none"),
                         DV_I(self.id)),
                 NULL, NULL);
    if (dr == DB_OK) {
        dr = audit(r, "unit.update", "org_unit", self.id, v[U_NAME].s);
    }
    if (dr == DB_OK && parent.id != old_parent) {
        const char *to = pool_printf(&r->pool, "%s%lld/", parent.id ? parent.path : "/", self.id);

        /* the unit and its whole subtree: replace the old path prefix */
        dr = db_exec(r->app->db,
                     "UPDATE org_unit SET path = CONCAT(?, SUBSTRING(path, ?))"
                     " WHERE path LIKE CONCAT(?, '%')",
                     DB_ARGS(DV_S(to), DV_I((long long)strlen(self.path) + 1), DV_S(self.path)),
                     NULL, NULL);
        if (dr == DB_OK) {
            dr = audit(r, "unit.move", "org_unit", self.id,
                       pool_printf(&r->pool, "%s -> %s", self.path, to));
        }
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/don-vi/%s", self.code));
}

/* Close (valid_to = a date) or reopen; a unit is never deleted, since old
 * dossiers, ratings and cases keep pointing at it. */
static int
unit_validity(struct req *r, int close)
{
    static const struct fld f[] = { { "valid_to", V_DATE, 1, 0, 0, NULL, "Date" } };
    struct val v[1];
    struct unit u;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (close && form_read(r, f, 1, v) != 0) {
        return unit_render(r, 422, 0);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = unit_get(r, r->arg[0], 1, &u)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (u.id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    if (close && strcmp(v[0].s, u.valid_from) < 0) {
        db_rollback(r->app->db);
        page_error(r, "CloseBeforeOpen", "valid_to");
        return unit_render(r, 422, 0);
    }
    dr = db_exec(r->app->db, "UPDATE org_unit SET valid_to = ? WHERE id = ?",
                 DB_ARGS(close ? DV_S(v[0].s) : DV_NULL, DV_I(u.id)), NULL, NULL);
    if (dr == DB_OK) {
        dr = audit(r, close ? "unit.close" : "unit.reopen", "org_unit", u.id,
                   close ? v[0].s : NULL);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/don-vi/%s", u.code));
}

static int
unit_close(struct req *r)
{
    return unit_validity(r, 1);
}

static int
unit_reopen(struct req *r)
{
    return unit_validity(r, 0);
}

/* ---- counters ----------------------------------------------------------- */

/* A fresh QR link inside the caller's transaction; its id into *id. */
static enum db_rc
qr_insert(struct req *r, const char *kind, long long unit_id, long long counter_id,
          long long officer_id, unsigned long long *id)
{
    char tok[TOKEN_LEN + 1], nonce[TOKEN_NONCE_LEN + 1];
    enum db_rc dr;

    token_new(r->app->secret, tok, nonce);
    dr = db_exec(r->app->db,
                 "INSERT INTO qr_link (nonce, kind, unit_id, counter_id, officer_id)"
                 " VALUES (?, ?, ?, ?, ?)",
                 DB_ARGS(DV_S(nonce), DV_S(kind), DV_I(unit_id),
                         counter_id ? DV_I(counter_id) : DV_NULL,
                         officer_id ? DV_I(officer_id) : DV_NULL),
                 NULL, id);
    if (dr == DB_OK) {
        dr = audit(r, "qr.create", "qr_link", (long long)*id,
                   pool_printf(&r->pool, "%s unit=%lld counter=%lld officer=%lld", kind, unit_id,
                               counter_id, officer_id));
    }
    return dr;
}

static int
counter_create(struct req *r)
{
    static const struct fld f[] = {
        { "counter_code", V_CODE, 1, 1, 20, NULL, "CounterCode" },
        { "counter_name", V_TEXT, 1, 1, 255, NULL, "Name" },
    };
    struct val v[NELEM(f)];
    struct unit u;
    unsigned long long id = 0, qid = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, f, NELEM(f), v) != 0) {
        return unit_render(r, 422, 0);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = unit_get(r, r->arg[0], 1, &u)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (u.id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    dr = db_exec(r->app->db,
                 "INSERT INTO counter (unit_id, code, name, sort_order)"
                 " SELECT ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM counter WHERE unit_id = ?",
                 DB_ARGS(DV_I(u.id), DV_S(v[0].s), DV_S(v[1].s), DV_I(u.id)), NULL, &id);
    if (dr == DB_DUP) {
        db_rollback(r->app->db);
        page_error(r, "CounterDup", "counter_code");
        return unit_render(r, 409, 0);
    }
    if (dr == DB_OK) {
        dr = audit(r, "counter.create", "counter", (long long)id,
                   pool_printf(&r->pool, "%s %s %s", u.code, v[0].s, v[1].s));
    }
    /* its poster exists at once */
    if (dr == DB_OK) {
        dr = qr_insert(r, "counter", u.id, (long long)id, 0, &qid);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/don-vi/%s#quay", u.code));
}

/* The counter named by the path (unit code, counter code), locked. */
static enum db_rc
counter_lock(struct req *r, long long *id)
{
    struct dbres res;
    enum db_rc dr;

    *id = 0;
    dr = db_query(r->app->db, &r->pool,
                  "SELECT c.id FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                  " WHERE u.code = ? AND c.code = ? FOR UPDATE",
                  DB_ARGS(DV_S(r->arg[0]), DV_S(r->arg[1])), &res);
    if (dr == DB_OK && res.nrows == 1) {
        *id = util_num(dbres_get(&res, 0, 0));
    }
    return dr;
}

static int
counter_rename(struct req *r)
{
    static const struct fld f[] = { { "rename", V_TEXT, 1, 1, 255, NULL, "Name" } };
    struct val v[1];
    long long id;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, f, 1, v) != 0) {
        return unit_render(r, 422, 0);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = counter_lock(r, &id)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    dr = db_exec(r->app->db, "UPDATE counter SET name = ? WHERE id = ?",
                 DB_ARGS(DV_S(v[0].s), DV_I(id)), NULL, NULL);
    if (dr == DB_OK) {
        dr = audit(r, "counter.rename", "counter", id, v[0].s);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/don-vi/%s#quay", r->arg[0]));
}

static int
counter_active(struct req *r)
{
    const char *a = req_form(r, "active");
    long long id;
    int rc = staff_begin(r, ROLE), on;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (!input_choice_ok(a, zero_one)) {
        return 400;
    }
    on = strcmp(a, "1") == 0;
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = counter_lock(r, &id)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    dr = db_exec(r->app->db, "UPDATE counter SET active = ? WHERE id = ?",
                 DB_ARGS(DV_I(on), DV_I(id)), NULL, NULL);
    if (dr == DB_OK) {
        dr = audit(r, on ? "counter.activate" : "counter.deactivate", "counter", id, NULL);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/don-vi/%s#quay", r->arg[0]));
}

/* Taking a counter out of service asks first (its QR codes stop taking ratings). */
static int
counter_deactivate_page(struct req *r)
{
    static const char *const hidden[] = { "active", "0", NULL };
    struct dbres res;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT c.code FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                  " WHERE u.code = ? AND c.code = ? AND c.active = 1",
                  DB_ARGS(DV_S(r->arg[0]), DV_S(r->arg[1])), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        return 404;
    }
    return staff_confirm(r, 200, "counter_deactivate", dbres_get(&res, 0, 0),
                         pool_printf(&r->pool, "/quan-tri/don-vi/%s/quay/%s/trang-thai", r->arg[0],
                                     r->arg[1]),
                         pool_printf(&r->pool, "/quan-tri/don-vi/%s#quay", r->arg[0]), NULL, hidden);
}

/* ---- users -------------------------------------------------------------- */

enum { S_USERNAME, S_NAME, S_TITLE, S_ROLE, S_UNIT, S_COUNTER, S_PASSWORD, S__MAX };

static const struct fld user_fields[S__MAX] = {
    [S_USERNAME] = { "username", V_CODE, 1, 3, 64, NULL, "Username" },
    [S_NAME] = { "full_name", V_TEXT, 1, 1, 255, NULL, "Name" },
    [S_TITLE] = { "title", V_TEXT, 0, 1, 255, NULL, "Title" },
    [S_ROLE] = { "role", V_CHOICE, 1, 0, 0, roles, "Role" },
    [S_UNIT] = { "unit", V_CODE, 1, 1, 40, NULL, "Unit" },
    [S_COUNTER] = { "counter", V_INT, 0, 0, 1LL << 31, NULL, "Counter" },
    [S_PASSWORD] = { "password", V_SECRET, 1, 10, 256, NULL, "Password" },
};

/* Everything the user forms choose from: units, counters, roles. */
static enum db_rc
user_choices_hdf(struct req *r)
{
    struct dbres res;
    static const char *const cols[] = { "id", "unit", "code", "name", NULL };
    enum db_rc dr = units_hdf(r, NULL);

    if (dr == DB_OK) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT c.id, u.code, c.code, c.name FROM counter c"
                      "  JOIN org_unit u ON u.id = c.unit_id"
                      " WHERE c.active = 1 AND u.valid_to IS NULL"
                      " ORDER BY u.sort_order, u.name, c.sort_order, c.code",
                      DB_NOARGS, &res);
    }
    if (dr == DB_OK) {
        hset_rows(r, "Page.Counters", &res, cols);
    }
    for (size_t i = 0; roles[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Roles.%zu", i), roles[i]);
    }
    return dr;
}

static int
users_page(struct req *r)
{
    struct dbres res;
    static const char *const cols[] = { "username", "full_name", "title", "role", "unit",
                                        "unit_name", "counter", "disabled", "must_change",
                                        NULL };
    const char *unit = req_query(r, "don-vi");
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (unit && (*unit == '\0' || strlen(unit) > 40)) {
        unit = NULL;
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT s.username, s.full_name, COALESCE(s.title, ''), s.role, u.code,"
                  "       COALESCE(u.short_name, u.name), COALESCE(c.code, ''), s.disabled,"
                  "       s.must_change_pw"
                  "  FROM users s JOIN org_unit u ON u.id = s.unit_id"
                  "  LEFT JOIN counter c ON c.id = s.counter_id"
                  " WHERE (? IS NULL OR u.code = ?)"
                  " ORDER BY u.sort_order, u.name, s.username LIMIT 501",
                  DB_ARGS(DV_S(unit), DV_S(unit)), &res);
    if (dr != DB_OK || (dr = units_hdf(r, NULL)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows > USERS_MAX) {
        res.nrows = USERS_MAX;
        hset(r, "Page.More", "1");
    }
    hset_rows(r, "Page.Users", &res, cols);
    hset(r, "Page.F.unit", unit);
    return render(r, "admin/users");
}

static int
user_new_render(struct req *r, int status)
{
    enum db_rc dr = user_choices_hdf(r);

    return dr == DB_OK ? render_status(r, status, "admin/user_new") : db_fail(r, dr);
}

static int
user_new_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    if (rc != 0) {
        return rc;
    }
    hset(r, "Page.F.unit", req_query(r, "don-vi"));
    hset(r, "Page.F.role", "officer");
    return user_new_render(r, 200);
}

/* The counter must belong to the unit (0: none).  1 if it does. */
static int
counter_in_unit(struct req *r, long long counter, long long unit_id, enum db_rc *dr)
{
    struct dbres res;

    *dr = DB_OK;
    if (counter == 0) {
        return 1;
    }
    *dr = db_query(r->app->db, &r->pool,
                   "SELECT 1 FROM counter WHERE id = ? AND unit_id = ? AND active = 1",
                   DB_ARGS(DV_I(counter), DV_I(unit_id)), &res);
    return *dr == DB_OK && res.nrows == 1;
}

static int
user_create(struct req *r)
{
    struct val v[S__MAX];
    struct unit u;
    char hash[crypto_pwhash_STRBYTES];
    unsigned long long id = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, user_fields, S__MAX, v) != 0) {
        return user_new_render(r, 422);
    }
    if ((dr = unit_get(r, v[S_UNIT].s, 0, &u)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (u.id == 0 || *u.valid_to) {
        page_error(r, "Unit", "unit");
        return user_new_render(r, 422);
    }
    if (!counter_in_unit(r, v[S_COUNTER].i, u.id, &dr)) {
        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
        page_error(r, "Counter", "counter");
        return user_new_render(r, 422);
    }
    if (pw_hash(v[S_PASSWORD].s, hash) != 0) {
        return 500;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    dr = db_exec(r->app->db,
                 "INSERT INTO users (username, full_name, title, role, unit_id, counter_id,"
                 "       password_hash, must_change_pw) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                 DB_ARGS(DV_S(v[S_USERNAME].s), DV_S(v[S_NAME].s), DV_S(v[S_TITLE].s),
                         DV_S(v[S_ROLE].s), DV_I(u.id),
                         v[S_COUNTER].i ? DV_I(v[S_COUNTER].i) : DV_NULL, DV_S(hash)),
                 NULL, &id);
    sodium_memzero(hash, sizeof(hash));
    if (dr == DB_DUP) {
        db_rollback(r->app->db);
        page_error(r, "UsernameDup", "username");
        return user_new_render(r, 409);
    }
    if (dr == DB_OK) {
        dr = audit(r, "user.create", "user", (long long)id,
                   pool_printf(&r->pool, "%s %s %s", v[S_USERNAME].s, v[S_ROLE].s, u.code));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/can-bo/%s?moi=1", v[S_USERNAME].s));
}

/* The account named by the path; *id = 0 when none.  Never the hash. */
static enum db_rc
user_get(struct req *r, int lock, long long *id, struct dbres *res)
{
    enum db_rc dr;

    *id = 0;
    dr = db_query(r->app->db, &r->pool,
                  lock ? "SELECT id, username, disabled, role FROM users WHERE username = ?"
                         " FOR UPDATE"
                       : "SELECT id, username, disabled, role FROM users WHERE username = ?",
                  DB_ARGS(DV_S(r->arg[0])), res);
    if (dr == DB_OK && res->nrows == 1) {
        *id = util_num(dbres_get(res, 0, 0));
    }
    return dr;
}

static int
user_render(struct req *r, int status, int keep)
{
    struct dbres res;
    static const char *const cols[] = { "full_name", "title", "role", "unit", "counter", NULL };
    static const char *const ucols[] = { "username", "disabled", "must_change", "created",
                                         "sessions", "id", NULL };
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT s.full_name, COALESCE(s.title, ''), s.role, u.code,"
                  "       COALESCE(s.counter_id, 0), s.username, s.disabled, s.must_change_pw,"
                  "       DATE_FORMAT(s.created_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "       (SELECT COUNT(*) FROM session x WHERE x.user_id = s.id"
                  "           AND x.expires_at > UTC_TIMESTAMP()), s.id"
                  "  FROM users s JOIN org_unit u ON u.id = s.unit_id WHERE s.username = ?",
                  DB_ARGS(DV_S(r->arg[0])), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        return 404;
    }
    if (!keep) {
        for (size_t c = 0; cols[c]; c++) {
            hset(r, pool_printf(&r->pool, "Page.F.%s", cols[c]), dbres_get(&res, 0, c));
        }
    }
    for (size_t c = 0; ucols[c]; c++) {
        hset(r, pool_printf(&r->pool, "Page.User.%s", ucols[c]), dbres_get(&res, 0, 5 + c));
    }
    hseti(r, "Page.Self", util_num(dbres_get(&res, 0, 10)) == r->user->id);
    hset(r, "Page.New", req_query(r, "moi"));
    hset(r, "Page.Done", req_query(r, "xong"));
    dr = user_choices_hdf(r);
    return dr == DB_OK ? render_status(r, status, "admin/user") : db_fail(r, dr);
}

static int
user_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    return rc ? rc : user_render(r, 200, 0);
}

static int
user_save(struct req *r)
{
    struct val v[S__MAX];
    struct unit u;
    struct dbres res;
    long long id;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    /* username and password are not part of this form */
    if (form_read(r, user_fields + S_NAME, S_PASSWORD - S_NAME, v + S_NAME) != 0) {
        return user_render(r, 422, 1);
    }
    if ((dr = unit_get(r, v[S_UNIT].s, 0, &u)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (u.id == 0 || *u.valid_to) {
        page_error(r, "Unit", "unit");
        return user_render(r, 422, 1);
    }
    if (!counter_in_unit(r, v[S_COUNTER].i, u.id, &dr)) {
        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
        page_error(r, "Counter", "counter");
        return user_render(r, 422, 1);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = user_get(r, 1, &id, &res)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    /* an administrator cannot take away their own access */
    if (id == r->user->id && strcmp(v[S_ROLE].s, "admin") != 0) {
        db_rollback(r->app->db);
        page_error(r, "SelfRole", "role");
        return user_render(r, 422, 1);
    }
    dr = db_exec(r->app->db,
                 "UPDATE users SET full_name = ?, title = ?, role = ?, unit_id = ?, counter_id = ?"
                 " WHERE id = ?",
                 DB_ARGS(DV_S(v[S_NAME].s), DV_S(v[S_TITLE].s), DV_S(v[S_ROLE].s), DV_I(u.id),
                         v[S_COUNTER].i ? DV_I(v[S_COUNTER].i) : DV_NULL, DV_I(id)),
                 NULL, NULL);
    if (dr == DB_OK) {
        dr = audit(r, "user.update", "user", id,
                   pool_printf(&r->pool, "%s role=%s unit=%s counter=%lld", r->arg[0],
                               v[S_ROLE].s, u.code, v[S_COUNTER].i));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/can-bo/%s?xong=1", r->arg[0]));
}

/* Disable (and end every session at once) or enable an account. */
static int
user_disabled(struct req *r, int disable)
{
    struct dbres res;
    long long id;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = user_get(r, 1, &id, &res)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    if (disable && id == r->user->id) {
        db_rollback(r->app->db);
        page_error(r, "SelfDisable", NULL);
        return user_render(r, 422, 0);
    }
    dr = db_exec(r->app->db, "UPDATE users SET disabled = ? WHERE id = ?",
                 DB_ARGS(DV_I(disable), DV_I(id)), NULL, NULL);
    if (dr == DB_OK && disable) {
        dr = db_exec(r->app->db, "DELETE FROM session WHERE user_id = ?", DB_ARGS(DV_I(id)),
                     NULL, NULL);
    }
    if (dr == DB_OK) {
        dr = audit(r, disable ? "user.disable" : "user.enable", "user", id, r->arg[0]);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/can-bo/%s?xong=1", r->arg[0]));
}

static int
user_disable(struct req *r)
{
    return user_disabled(r, 1);
}

static int
user_enable(struct req *r)
{
    return user_disabled(r, 0);
}

/* A new initial password typed by the administrator: the user must change it,
 * and any session open with the old one ends. */
static int
user_password(struct req *r)
{
    struct val v[1];
    struct dbres res;
    char hash[crypto_pwhash_STRBYTES];
    long long id;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, user_fields + S_PASSWORD, 1, v) != 0) {
        return user_render(r, 422, 0);
    }
    if (pw_hash(v[0].s, hash) != 0) {
        return 500;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = user_get(r, 1, &id, &res)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    dr = db_exec(r->app->db, "UPDATE users SET password_hash = ?, must_change_pw = 1 WHERE id = ?",
                 DB_ARGS(DV_S(hash), DV_I(id)), NULL, NULL);
    sodium_memzero(hash, sizeof(hash));
    if (dr == DB_OK) {
        dr = db_exec(r->app->db, "DELETE FROM session WHERE user_id = ?", DB_ARGS(DV_I(id)),
                     NULL, NULL);
    }
    if (dr == DB_OK) {
        dr = audit(r, "user.reset_password", "user", id, r->arg[0]);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/can-bo/%s?xong=1", r->arg[0]));
}

/* ---- feedback kinds ----------------------------------------------------- */

static const struct fld kind_fields[] = {
    { "answer_days", V_INT, 1, 1, 60, NULL, "Days" },
    { "forward_days", V_INT, 1, 1, 60, NULL, "Days" },
};

static int
kinds_render(struct req *r, int status, const char *edited)
{
    struct dbres res;
    static const char *const cols[] = { "code", "answer_days", "forward_days", NULL };
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT code, answer_days, forward_days FROM feedback_kind ORDER BY sort_order",
                  DB_NOARGS, &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Kinds", &res, cols);
    for (size_t i = 0; edited && i < res.nrows; i++) {
        if (strcmp(dbres_get(&res, i, 0), edited) == 0) {
            const char *p = pool_printf(&r->pool, "Page.Kinds.%zu", i);

            for (size_t c = 0; c < NELEM(kind_fields); c++) {
                const char *n = kind_fields[c].name;

                hset(r, pool_printf(&r->pool, "%s.%s", p, n),
                     hdf_get_value(r->hdf, pool_printf(&r->pool, "Page.F.%s", n), ""));
            }
            hset(r, pool_printf(&r->pool, "%s.error", p), hdf_get_value(r->hdf, "Page.Error", ""));
        }
    }
    hset(r, "Page.Done", req_query(r, "xong"));
    return render_status(r, status, "admin/kinds");
}

static int
kinds_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    return rc ? rc : kinds_render(r, 200, NULL);
}

static int
kind_save(struct req *r)
{
    struct val v[NELEM(kind_fields)];
    unsigned long long n = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, kind_fields, NELEM(kind_fields), v) != 0) {
        return kinds_render(r, 422, r->arg[0]);
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db,
                     "UPDATE feedback_kind SET answer_days = ?, forward_days = ? WHERE code = ?",
                     DB_ARGS(DV_I(v[0].i), DV_I(v[1].i), DV_S(r->arg[0])), &n, NULL);
    }
    if (dr == DB_OK) {
        /* affected rows counts changed rows only: check the kind exists */
        struct dbres res;

        dr = db_query(r->app->db, &r->pool, "SELECT 1 FROM feedback_kind WHERE code = ?",
                      DB_ARGS(DV_S(r->arg[0])), &res);
        if (dr == DB_OK && res.nrows == 0) {
            db_rollback(r->app->db);
            return 404;
        }
    }
    if (dr == DB_OK) {
        dr = audit(r, "feedback_kind.update", "feedback_kind", 0,
                   pool_printf(&r->pool, "%s answer_days=%lld forward_days=%lld", r->arg[0],
                               v[0].i, v[1].i));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, "/quan-tri/loai-phan-anh?xong=1");
}

/* ---- rules of each legal version (apology, supplement) ------------------- */

enum { A_VERSION, A_FROM, A_LEAD, A_UNIT, A_MAX, A_NEAR, A_SWITHIN, A_SMAX, A_SRULE, A_ONTIME,
       A__MAX };

static const char *const supplement_rules[] = { "restart", "pause", NULL };
static const char *const ontime_bases[] = { "received", "finished", NULL };

static const struct fld rule_fields[A__MAX] = {
    [A_VERSION] = { "legal_version", V_TEXT, 1, 1, 40, NULL, "Version" },
    [A_FROM] = { "effective_from", V_DATE, 1, 0, 0, NULL, "Date" },
    [A_LEAD] = { "lead_days", V_INT, 1, 0, 30, NULL, "LeadDays" },
    [A_UNIT] = { "lead_unit", V_CHOICE, 1, 0, 0, lead_units, "LeadUnit" },
    [A_MAX] = { "max_reappoint", V_INT, 1, 0, 5, NULL, "MaxReappoint" },
    [A_NEAR] = { "near_due_days", V_INT, 1, 0, 30, NULL, "NearDue" },
    [A_SWITHIN] = { "supplement_within_days", V_INT, 1, 0, 60, NULL, "SupplementWithin" },
    [A_SMAX] = { "supplement_max_restarts", V_INT, 1, 0, 10, NULL, "SupplementMax" },
    [A_SRULE] = { "supplement_rule", V_CHOICE, 1, 0, 0, supplement_rules, "SupplementRule" },
    [A_ONTIME] = { "ontime_base", V_CHOICE, 1, 0, 0, ontime_bases, "OntimeBase" },
};

static int
rules_render(struct req *r, int status, const char *edited)
{
    struct dbres res;
    static const char *const cols[] = { "legal_version", "effective_from", "lead_days",
                                        "lead_unit", "max_reappoint", "near_due_days",
                                        "supplement_within_days", "supplement_max_restarts",
                                        "supplement_rule", "title", "ontime_base", NULL };
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT legal_version, DATE_FORMAT(effective_from, '%Y-%m-%d'), lead_days,"
                  "       lead_unit, max_reappoint, near_due_days, supplement_within_days,"
                  "       supplement_max_restarts, supplement_rule, title, ontime_base"
                  "  FROM legal_version ORDER BY effective_from DESC, legal_version",
                  DB_NOARGS, &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Rules", &res, cols);
    for (size_t i = 0; edited && i < res.nrows; i++) {
        if (strcmp(dbres_get(&res, i, 0), edited) == 0) {
            const char *p = pool_printf(&r->pool, "Page.Rules.%zu", i);

            for (size_t c = A_LEAD; c < A__MAX; c++) {
                const char *n = rule_fields[c].name;

                hset(r, pool_printf(&r->pool, "%s.%s", p, n),
                     hdf_get_value(r->hdf, pool_printf(&r->pool, "Page.F.%s", n), ""));
            }
            hset(r, pool_printf(&r->pool, "%s.error", p), hdf_get_value(r->hdf, "Page.Error", ""));
            hdf_remove_tree(r->hdf, "Page.F");      /* not the new-row form's */
            hdf_remove_tree(r->hdf, "Page.Error");
            hdf_remove_tree(r->hdf, "Page.Err");
        }
    }
    for (size_t i = 0; lead_units[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.LeadUnits.%zu", i), lead_units[i]);
    }
    for (size_t i = 0; supplement_rules[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.SupplementRules.%zu", i), supplement_rules[i]);
    }
    for (size_t i = 0; ontime_bases[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.OntimeBases.%zu", i), ontime_bases[i]);
    }
    hset(r, "Page.Done", req_query(r, "xong"));
    return render_status(r, status, "admin/apology");
}

static int
rules_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    if (rc != 0) {
        return rc;
    }
    hset(r, "Page.F.lead_days", "1");
    hset(r, "Page.F.lead_unit", "working_days");
    hset(r, "Page.F.max_reappoint", "1");
    hset(r, "Page.F.near_due_days", "2");
    hset(r, "Page.F.supplement_within_days", "3");
    hset(r, "Page.F.supplement_max_restarts", "1");
    hset(r, "Page.F.supplement_rule", "restart");
    hset(r, "Page.F.ontime_base", "received");
    return rules_render(r, 200, NULL);
}

static int
rule_save(struct req *r, int create)
{
    struct val v[A__MAX];
    unsigned long long n = 0;
    const char *ver;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    /* an update names its rule by the version, in a hidden field */
    input_check(&r->pool, &r->form, rule_fields + A_VERSION, 1, v + A_VERSION);
    ver = v[A_VERSION].s;
    if (create ? form_read(r, rule_fields, A__MAX, v) != 0
               : form_read(r, rule_fields + A_LEAD, A__MAX - A_LEAD, v + A_LEAD) != 0) {
        return rules_render(r, 422, create ? NULL : ver);
    }
    if (!create) {
        v[A_VERSION].s = ver;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (create) {
        dr = db_exec(r->app->db,
                     "INSERT INTO legal_version (legal_version, effective_from, title, lead_days,"
                     "       lead_unit, max_reappoint, near_due_days, supplement_within_days,"
                     "       supplement_max_restarts, supplement_rule, ontime_base, papers)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                     "         (SELECT p.papers FROM legal_version p WHERE p.effective_from <= ?"
                     "           ORDER BY p.effective_from DESC LIMIT 1))",
                     DB_ARGS(DV_S(v[A_VERSION].s), DV_S(v[A_FROM].s), DV_S(v[A_VERSION].s),
                             DV_I(v[A_LEAD].i), DV_S(v[A_UNIT].s), DV_I(v[A_MAX].i),
                             DV_I(v[A_NEAR].i), DV_I(v[A_SWITHIN].i), DV_I(v[A_SMAX].i),
                             DV_S(v[A_SRULE].s), DV_S(v[A_ONTIME].s), DV_S(v[A_FROM].s)),
                     &n, NULL);
        if (dr == DB_DUP) {
            db_rollback(r->app->db);
            page_error(r, "VersionDup", "legal_version");
            return rules_render(r, 409, NULL);
        }
    } else {
        struct dbres res;

        dr = db_query(r->app->db, &r->pool,
                      "SELECT 1 FROM legal_version WHERE legal_version = ? FOR UPDATE",
                      DB_ARGS(DV_S(ver)), &res);
        if (dr == DB_OK && res.nrows == 0) {
            db_rollback(r->app->db);
            return 404;
        }
        if (dr == DB_OK) {
            dr = db_exec(r->app->db,
                         "UPDATE legal_version SET lead_days = ?, lead_unit = ?, max_reappoint = ?,"
                         "       near_due_days = ?, supplement_within_days = ?,"
                         "       supplement_max_restarts = ?, supplement_rule = ?, ontime_base = ?"
                         " WHERE legal_version = ?",
                         DB_ARGS(DV_I(v[A_LEAD].i), DV_S(v[A_UNIT].s), DV_I(v[A_MAX].i),
                                 DV_I(v[A_NEAR].i), DV_I(v[A_SWITHIN].i), DV_I(v[A_SMAX].i),
                                 DV_S(v[A_SRULE].s), DV_S(v[A_ONTIME].s), DV_S(ver)),
                         &n, NULL);
        }
    }
    if (dr == DB_OK) {
        dr = audit(r, create ? "apology_rule.create" : "apology_rule.update", "apology_rule", 0,
                   pool_printf(&r->pool,
                               "%s lead=%lld %s max_reappoint=%lld near_due=%lld"
                               " supplement_within=%lld max_restarts=%lld rule=%s ontime_base=%s",
                               v[A_VERSION].s, v[A_LEAD].i, v[A_UNIT].s, v[A_MAX].i,
                               v[A_NEAR].i, v[A_SWITHIN].i, v[A_SMAX].i, v[A_SRULE].s,
                               v[A_ONTIME].s));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, "/quan-tri/xin-loi?xong=1");
}

static int
rule_update(struct req *r)
{
    return rule_save(r, 0);
}

static int
rule_create(struct req *r)
{
    return rule_save(r, 1);
}

/* ---- the working-day calendar ------------------------------------------- */

enum { C_DAY, C_WORKING, C_KIND, C_NAME_VI, C_NAME_EN, C_SOURCE, C_CONFIRMED, C__MAX };

static const struct fld day_fields[C__MAX] = {
    [C_DAY] = { "day", V_DATE, 1, 0, 0, NULL, "Date" },
    [C_WORKING] = { "is_working", V_CHOICE, 1, 0, 0, zero_one, "Working" },
    [C_KIND] = { "kind", V_CHOICE, 1, 0, 0, day_kinds, "DayKind" },
    [C_NAME_VI] = { "name_vi", V_TEXT, 1, 1, 255, NULL, "DayName" },
    [C_NAME_EN] = { "name_en", V_TEXT, 0, 1, 255, NULL, "DayName" },
    [C_SOURCE] = { "source", V_TEXT, 0, 1, 500, NULL, "Source" },
    [C_CONFIRMED] = { "confirmed", V_FLAG, 0, 0, 0, NULL, NULL },
};

static int
year_of(struct req *r)
{
    long long y = 0;
    int y0;

    if (parse_int(req_query(r, "nam"), 2000, 2100, &y) == 0) {
        return (int)y;
    }
    if (parse_int(req_form(r, "nam"), 2000, 2100, &y) == 0) {
        return (int)y;
    }
    cal_ymd(cal_local_day(time(NULL)), &y0, NULL, NULL);
    return y0;
}

/* The calendar's coverage warnings (cal_check.h) into Page.Check. */
static enum db_rc
calendar_check_hdf(struct req *r)
{
    struct cal_check c;
    char d[11];
    enum db_rc dr = cal_check(r->app->db, &r->pool, cal_local_day(time(NULL)), &c);

    if (dr != DB_OK) {
        return dr;
    }
    if (c.days_off == 0) {
        cal_format(c.from, d);
        hset(r, "Page.Check.NoDaysOff.From",
             pool_printf(&r->pool, "%.2s/%.2s/%.4s", d + 8, d + 5, d));
        cal_format(c.to, d);
        hset(r, "Page.Check.NoDaysOff.To",
             pool_printf(&r->pool, "%.2s/%.2s/%.4s", d + 8, d + 5, d));
    }
    if (c.unconfirmed > 0) {
        hseti(r, "Page.Check.Unconfirmed.N", c.unconfirmed);
        hset(r, "Page.Check.Unconfirmed.Days", c.unconfirmed_days);
    }
    for (size_t i = 0; i < c.ngaps; i++) {
        hseti(r, pool_printf(&r->pool, "Page.Check.Gaps.%zu.year", i), c.gaps[i].year);
        hseti(r, pool_printf(&r->pool, "Page.Check.Gaps.%zu.dossiers", i), c.gaps[i].dossiers);
    }
    return DB_OK;
}

static int
calendar_render(struct req *r, int status, int year)
{
    struct dbres res;
    static const char *const cols[] = { "day", "is_working", "kind", "name_vi", "name_en",
                                        "source", "confirmed", NULL };
    char from[11], to[11];
    enum db_rc dr;

    cal_format(cal_day_from_ymd(year, 1, 1), from);
    cal_format(cal_day_from_ymd(year, 12, 31), to);
    dr = db_query(r->app->db, &r->pool,
                  "SELECT DATE_FORMAT(day, '%Y-%m-%d'), is_working, kind, name_vi, name_en,"
                  "       source, confirmed FROM calendar_day WHERE day BETWEEN ? AND ?"
                  " ORDER BY day",
                  DB_ARGS(DV_S(from), DV_S(to)), &res);
    if (dr == DB_OK) {
        dr = calendar_check_hdf(r);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Days", &res, cols);
    for (size_t i = 0; i < res.nrows; i++) {
        int d;

        if (cal_parse_date(dbres_get(&res, i, 0), &d) == 0) {
            hseti(r, pool_printf(&r->pool, "Page.Days.%zu.wd", i), cal_weekday(d));
        }
    }
    for (size_t i = 0; day_kinds[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.DayKinds.%zu", i), day_kinds[i]);
    }
    hseti(r, "Page.Year", year);
    hseti(r, "Page.PrevYear", year - 1);
    hseti(r, "Page.NextYear", year + 1);
    hset(r, "Page.Done", req_query(r, "xong"));
    return render_status(r, status, "admin/calendar");
}

static int
calendar_page(struct req *r)
{
    const char *day = req_query(r, "ngay");
    int rc = staff_begin(r, ROLE), d, year = year_of(r);

    if (rc != 0) {
        return rc;
    }
    /* ?ngay= opens one day in the form, to edit it */
    if (day && cal_parse_date(day, &d) == 0) {
        struct dbres res;
        static const char *const cols[] = { "day", "is_working", "kind", "name_vi", "name_en",
                                            "source", "confirmed", NULL };
        enum db_rc dr = db_query(r->app->db, &r->pool,
                                 "SELECT DATE_FORMAT(day, '%Y-%m-%d'), is_working, kind, name_vi,"
                                 "       name_en, source, confirmed FROM calendar_day"
                                 " WHERE day = ?",
                                 DB_ARGS(DV_S(day)), &res);

        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
        for (size_t c = 0; res.nrows && cols[c]; c++) {
            hset(r, pool_printf(&r->pool, "Page.F.%s", cols[c]), dbres_get(&res, 0, c));
        }
        if (res.nrows == 0) {
            hset(r, "Page.F.day", day);
        }
        hseti(r, "Page.Editing", res.nrows);
        cal_ymd(d, &year, NULL, NULL);
    } else {
        hset(r, "Page.F.confirmed", "1");
        hset(r, "Page.F.is_working", "0");
    }
    return calendar_render(r, 200, year);
}

static int
calendar_save(struct req *r)
{
    struct val v[C__MAX];
    const struct cal *cal;
    unsigned mask;
    int rc = staff_begin(r, ROLE), working, rest_day, y;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, day_fields, C__MAX, v) != 0) {
        return calendar_render(r, 422, year_of(r));
    }
    cal_ymd(v[C_DAY].day, &y, NULL, NULL);
    working = strcmp(v[C_WORKING].s, "1") == 0;
    cal = req_calendar(r);
    mask = cal ? cal->weekend_mask : CAL_WEEKEND_DEFAULT;
    rest_day = (mask >> cal_weekday(v[C_DAY].day)) & 1;
    /* an exception must change something: a working weekend, a Monday–Friday off */
    if (working != (strcmp(v[C_KIND].s, "makeup_workday") == 0)) {
        page_error(r, "KindWorking", "kind");
        return calendar_render(r, 422, y);
    }
    if (working && !rest_day) {
        page_error(r, "MakeupWeekday", "day");
        return calendar_render(r, 422, y);
    }
    if (!working && rest_day) {
        page_error(r, "RestWeekend", "day");
        return calendar_render(r, 422, y);
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db,
                     "INSERT INTO calendar_day (day, is_working, kind, name_vi, name_en, source,"
                     "       confirmed) VALUES (?, ?, ?, ?, ?, ?, ?)"
                     " ON DUPLICATE KEY UPDATE is_working = VALUES(is_working),"
                     "       kind = VALUES(kind), name_vi = VALUES(name_vi),"
                     "       name_en = VALUES(name_en), source = VALUES(source),"
                     "       confirmed = VALUES(confirmed)",
                     DB_ARGS(DV_S(v[C_DAY].s), DV_I(working), DV_S(v[C_KIND].s),
                             DV_S(v[C_NAME_VI].s),
                             DV_S(v[C_NAME_EN].s ? v[C_NAME_EN].s : v[C_NAME_VI].s),
                             DV_S(v[C_SOURCE].s ? v[C_SOURCE].s : ""), DV_I(v[C_CONFIRMED].i)),
                     NULL, NULL);
    }
    if (dr == DB_OK) {
        dr = audit(r, "calendar.save", "calendar_day", 0,
                   pool_printf(&r->pool, "%s %s working=%d %s", v[C_DAY].s, v[C_KIND].s, working,
                               v[C_NAME_VI].s));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/lich?nam=%d&xong=1", y));
}

static int
calendar_delete(struct req *r)
{
    const char *day = req_form(r, "day");
    unsigned long long n = 0;
    int rc = staff_begin(r, ROLE), d, y;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (day == NULL || cal_parse_date(day, &d) != 0) {
        return 400;
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db, "DELETE FROM calendar_day WHERE day = ?", DB_ARGS(DV_S(day)),
                     &n, NULL);
    }
    if (dr == DB_OK && n == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    if (dr == DB_OK) {
        dr = audit(r, "calendar.delete", "calendar_day", 0, day);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    cal_ymd(d, &y, NULL, NULL);
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/lich?nam=%d&xong=1", y));
}

/* ---- QR links ----------------------------------------------------------- */

static int
qr_render(struct req *r, int status, const char *unit_code)
{
    struct dbres res, cres, ores;
    static const char *const cols[] = { "id", "kind", "counter", "officer", "created",
                                        "revoked", NULL };
    static const char *const ccols[] = { "id", "code", "name", NULL };
    static const char *const ocols[] = { "id", "name", NULL };
    struct unit u;
    enum db_rc dr;

    if ((dr = units_hdf(r, NULL)) != DB_OK || (dr = unit_get(r, unit_code, 0, &u)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; qr_kinds[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.QrKinds.%zu", i), qr_kinds[i]);
    }
    hset(r, "Page.Done", req_query(r, "xong"));
    if (u.id == 0) {
        return render_status(r, unit_code ? 404 : status, "admin/qr");
    }
    hset(r, "Page.Unit.code", u.code);
    hset(r, "Page.F.unit", u.code);
    dr = db_query(r->app->db, &r->pool,
                  "SELECT q.id, q.kind, COALESCE(CONCAT(c.code, ' – ', c.name), ''),"
                  "       COALESCE(o.full_name, ''),"
                  "       DATE_FORMAT(q.created_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "       COALESCE(DATE_FORMAT(q.revoked_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "                ''), q.nonce"
                  "  FROM qr_link q LEFT JOIN counter c ON c.id = q.counter_id"
                  "  LEFT JOIN users o ON o.id = q.officer_id"
                  " WHERE q.unit_id = ? AND q.kind <> 'dossier'"
                  " ORDER BY q.revoked_at IS NOT NULL, q.kind, c.sort_order, o.full_name, q.id",
                  DB_ARGS(DV_I(u.id)), &res);
    if (dr == DB_OK) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT id, code, name FROM counter WHERE unit_id = ? AND active = 1"
                      " ORDER BY sort_order, code",
                      DB_ARGS(DV_I(u.id)), &cres);
    }
    if (dr == DB_OK) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT id, full_name FROM users WHERE unit_id = ? AND disabled = 0"
                      "   AND role IN ('officer', 'leader') ORDER BY full_name",
                      DB_ARGS(DV_I(u.id)), &ores);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Links", &res, cols);
    for (size_t i = 0; i < res.nrows; i++) {
        char tok[TOKEN_LEN + 1];

        if (*dbres_get(&res, i, 5) == '\0') {
            token_from_nonce(r->app->secret, dbres_get(&res, i, 6), tok);
            hset(r, pool_printf(&r->pool, "Page.Links.%zu.token", i), tok);
        }
    }
    hset_rows(r, "Page.UnitCounters", &cres, ccols);
    hset_rows(r, "Page.Officers", &ores, ocols);
    return render_status(r, status, "admin/qr");
}

static int
qr_page(struct req *r)
{
    const char *unit = req_query(r, "don-vi");
    int rc = staff_begin(r, ROLE);

    if (rc != 0) {
        return rc;
    }
    return qr_render(r, 200, unit && *unit ? unit : NULL);
}

/* The link of the form's "id", locked: its unit code and state. */
static enum db_rc
qr_lock(struct req *r, long long *id, struct dbres *res)
{
    enum db_rc dr;

    *id = 0;
    dr = db_query(r->app->db, &r->pool,
                  "SELECT q.id, u.code, q.revoked_at IS NOT NULL, q.kind, q.unit_id,"
                  "       COALESCE(q.counter_id, 0), COALESCE(q.officer_id, 0)"
                  "  FROM qr_link q JOIN org_unit u ON u.id = q.unit_id"
                  " WHERE q.id = ? AND q.kind <> 'dossier' FOR UPDATE",
                  DB_ARGS(DV_I(util_num(req_form(r, "id")))), res);
    if (dr == DB_OK && res->nrows == 1) {
        *id = util_num(dbres_get(res, 0, 0));
    }
    return dr;
}

/* Revoke a link; with replace, give the same place a new one in the same
 * transaction (how a leaked or defaced poster is withdrawn). */
static int
qr_revoke_common(struct req *r, int replace)
{
    struct dbres res;
    long long id;
    unsigned long long nid = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = qr_lock(r, &id, &res)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    if (strcmp(dbres_get(&res, 0, 2), "0") == 0) {
        dr = db_exec(r->app->db, "UPDATE qr_link SET revoked_at = UTC_TIMESTAMP() WHERE id = ?",
                     DB_ARGS(DV_I(id)), NULL, NULL);
        if (dr == DB_OK) {
            dr = audit(r, "qr.revoke", "qr_link", id, dbres_get(&res, 0, 3));
        }
    }
    if (dr == DB_OK && replace) {
        dr = qr_insert(r, dbres_get(&res, 0, 3), util_num(dbres_get(&res, 0, 4)),
                       util_num(dbres_get(&res, 0, 5)), util_num(dbres_get(&res, 0, 6)), &nid);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/ma-qr?don-vi=%s&xong=1",
                                        dbres_get(&res, 0, 1)));
}

/* Revoking a QR code asks first: its posters stop working at once. */
static int
qr_revoke_page(struct req *r)
{
    struct dbres res;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;
    const char *hidden[3] = { "id", NULL, NULL };

    if (rc != 0) {
        return rc;
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT q.id, u.code FROM qr_link q JOIN org_unit u ON u.id = q.unit_id"
                  " WHERE q.id = ? AND q.kind <> 'dossier' AND q.revoked_at IS NULL",
                  DB_ARGS(DV_I(util_num(req_query(r, "id")))), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        return 404;
    }
    hidden[1] = dbres_get(&res, 0, 0);
    return staff_confirm(r, 200, "qr_revoke", pool_printf(&r->pool, "#%s", hidden[1]),
                         "/quan-tri/ma-qr/thu-hoi",
                         pool_printf(&r->pool, "/quan-tri/ma-qr?don-vi=%s", dbres_get(&res, 0, 1)),
                         NULL, hidden);
}

static int
qr_revoke(struct req *r)
{
    return qr_revoke_common(r, 0);
}

static int
qr_replace(struct req *r)
{
    return qr_revoke_common(r, 1);
}

static int
qr_create(struct req *r)
{
    static const struct fld f[] = {
        { "unit", V_CODE, 1, 1, 40, NULL, "Unit" },
        { "kind", V_CHOICE, 1, 0, 0, qr_kinds, "QrKind" },
        { "counter", V_INT, 0, 0, 1LL << 31, NULL, "Counter" },
        { "officer", V_INT, 0, 0, 1LL << 31, NULL, "Officer" },
    };
    struct val v[NELEM(f)];
    struct unit u;
    struct dbres res;
    long long counter = 0, officer = 0;
    unsigned long long id = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, f, NELEM(f), v) != 0) {
        return qr_render(r, 422, v[0].s);
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = unit_get(r, v[0].s, 1, &u)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (u.id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    if (strcmp(v[1].s, "counter") == 0) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT id FROM counter WHERE id = ? AND unit_id = ? AND active = 1",
                      DB_ARGS(DV_I(v[2].i), DV_I(u.id)), &res);
        if (dr == DB_OK && res.nrows == 0) {
            db_rollback(r->app->db);
            page_error(r, "Counter", "counter");
            return qr_render(r, 422, u.code);
        }
        counter = v[2].i;
    } else if (strcmp(v[1].s, "officer") == 0) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT id, COALESCE(counter_id, 0) FROM users WHERE id = ? AND unit_id = ?"
                      "   AND disabled = 0 AND role IN ('officer', 'leader')",
                      DB_ARGS(DV_I(v[3].i), DV_I(u.id)), &res);
        if (dr == DB_OK && res.nrows == 0) {
            db_rollback(r->app->db);
            page_error(r, "Officer", "officer");
            return qr_render(r, 422, u.code);
        }
        if (dr == DB_OK) {
            officer = v[3].i;
            counter = util_num(dbres_get(&res, 0, 1));
        }
    }
    if (dr == DB_OK) {
        dr = qr_insert(r, v[1].s, u.id, counter, officer, &id);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/ma-qr?don-vi=%s&xong=1", u.code));
}

/* ---- API clients -------------------------------------------------------- */

static int
api_render(struct req *r, int status)
{
    struct dbres res;
    static const char *const cols[] = { "id", "name", "unit", "unit_name", "active", "created",
                                        NULL };
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT a.id, a.name, u.code, COALESCE(u.short_name, u.name), a.active,"
                  "       DATE_FORMAT(a.created_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i')"
                  "  FROM api_client a JOIN org_unit u ON u.id = a.unit_id"
                  " ORDER BY a.active DESC, a.name",
                  DB_NOARGS, &res);
    if (dr != DB_OK || (dr = units_hdf(r, NULL)) != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Clients", &res, cols);
    hset(r, "Page.Done", req_query(r, "xong"));
    return render_status(r, status, "admin/api");
}

static int
api_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    return rc ? rc : api_render(r, 200);
}

static int
api_create(struct req *r)
{
    static const struct fld f[] = {
        { "name", V_TEXT, 1, 1, 120, NULL, "Name" },
        { "unit", V_CODE, 1, 1, 40, NULL, "Unit" },
    };
    struct val v[NELEM(f)];
    struct unit u;
    char key[65], hash[65];
    unsigned long long id = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, f, NELEM(f), v) != 0) {
        return api_render(r, 422);
    }
    if ((dr = unit_get(r, v[1].s, 0, &u)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (u.id == 0 || *u.valid_to) {
        page_error(r, "Unit", "unit");
        return api_render(r, 422);
    }
    random_hex(key, 32);
    sec_hash_hex(key, hash);
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db,
                     "INSERT INTO api_client (name, key_hash, unit_id, active, created_at)"
                     " VALUES (?, ?, ?, 1, UTC_TIMESTAMP())",
                     DB_ARGS(DV_S(v[0].s), DV_S(hash), DV_I(u.id)), NULL, &id);
    }
    if (dr == DB_OK) {
        dr = audit(r, "api_client.create", "api_client", (long long)id,
                   pool_printf(&r->pool, "%s %s", v[0].s, u.code));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        sodium_memzero(key, sizeof(key));
        return db_fail(r, dr);
    }
    /* shown on this response only (Cache-Control: no-store); never again */
    hset(r, "Page.NewKey", key);
    hset(r, "Page.NewName", v[0].s);
    sodium_memzero(key, sizeof(key));
    hdf_remove_tree(r->hdf, "Page.F");
    return api_render(r, 201);
}

static int
api_deactivate(struct req *r)
{
    struct dbres res;
    long long id = util_num(r->arg[0]);
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_query(r->app->db, &r->pool, "SELECT name FROM api_client WHERE id = ? FOR UPDATE",
                      DB_ARGS(DV_I(id)), &res);
    }
    if (dr == DB_OK && res.nrows == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    if (dr == DB_OK) {
        dr = db_exec(r->app->db, "UPDATE api_client SET active = 0 WHERE id = ?",
                     DB_ARGS(DV_I(id)), NULL, NULL);
    }
    if (dr == DB_OK) {
        dr = audit(r, "api_client.deactivate", "api_client", id, dbres_get(&res, 0, 0));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, "/quan-tri/khoa-api?xong=1");
}

/* ---- counter kiosks ----------------------------------------------------- */

static int
kiosk_render(struct req *r, int status)
{
    static const char *const cols[] = { "id", "name", "counter", "unit", "created", "revoked",
                                        "last", NULL };
    static const char *const ccols[] = { "id", "name", NULL };
    struct dbres res, counters;
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT k.id, k.name, c.name, COALESCE(u.short_name, u.name),"
                  "       DATE_FORMAT(k.created_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'),"
                  "       k.revoked_at IS NOT NULL,"
                  "       DATE_FORMAT(k.last_rating + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i')"
                  "  FROM kiosk_device k JOIN counter c ON c.id = k.counter_id"
                  "  JOIN org_unit u ON u.id = c.unit_id ORDER BY k.revoked_at IS NOT NULL, u.sort_order, c.sort_order",
                  DB_NOARGS, &res);
    if (dr == DB_OK) {
        dr = db_query(r->app->db, &r->pool,
                      "SELECT c.id, CONCAT(c.name, ' · ', COALESCE(u.short_name, u.name))"
                      "  FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                      " WHERE c.active = 1 ORDER BY u.sort_order, c.sort_order",
                      DB_NOARGS, &counters);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Kiosks", &res, cols);
    hset_rows(r, "Page.Counters", &counters, ccols);
    return render_status(r, status, "admin/kiosk");
}

static int
kiosk_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    return rc ? rc : kiosk_render(r, 200);
}

/* Enrol a tablet: its URL carries a device token shown once; only its hash is kept. */
static int
kiosk_create(struct req *r)
{
    static const struct fld f[] = {
        { "name", V_TEXT, 1, 1, 120, NULL, "Name" },
    };
    struct val v[NELEM(f)];
    struct dbres res;
    long long counter = util_num(req_form(r, "counter"));
    char token[65], hash[65];
    unsigned long long id = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, f, NELEM(f), v) != 0) {
        return kiosk_render(r, 422);
    }
    if ((dr = db_query(r->app->db, &r->pool, "SELECT id FROM counter WHERE id = ? AND active = 1",
                       DB_ARGS(DV_I(counter)), &res)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (res.nrows == 0) {
        page_error(r, "KioskCounter", "counter");
        return kiosk_render(r, 422);
    }
    random_hex(token, 32);
    sec_hash_hex(token, hash);
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db,
                     "INSERT INTO kiosk_device (counter_id, name, token_hash, created_at)"
                     " VALUES (?, ?, ?, UTC_TIMESTAMP())",
                     DB_ARGS(DV_I(counter), DV_S(v[0].s), DV_S(hash)), NULL, &id);
    }
    if (dr == DB_OK) {
        dr = audit(r, "kiosk.enrol", "kiosk_device", (long long)id, v[0].s);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    hset(r, "Page.NewUrl", pool_printf(&r->pool, "%s/kiosk/%s",
                                       conf_str(r->app->conf, "Site.BaseURL", ""), token));
    sodium_memzero(token, sizeof(token));
    return kiosk_render(r, 201);
}

static int
kiosk_revoke(struct req *r)
{
    long long id = util_num(req_form(r, "id"));
    unsigned long long n = 0;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = db_exec(r->app->db,
                     "UPDATE kiosk_device SET revoked_at = UTC_TIMESTAMP()"
                     " WHERE id = ? AND revoked_at IS NULL",
                     DB_ARGS(DV_I(id)), &n, NULL);
    }
    if (dr == DB_OK && n == 1) {
        dr = audit(r, "kiosk.revoke", "kiosk_device", id, NULL);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return n == 1 ? resp_redirect(r, "/quan-tri/may-tinh-bang") : 404;
}

/* ---- fields and procedures --------------------------------------------- */

static int
procedures_render(struct req *r, int status)
{
    static const char *const cols[] = { "code", "version", "name", "field", "level", "time",
                                        "unit", "from", "to", NULL };
    struct dbres res;
    enum db_rc dr;

    dr = db_query(r->app->db, &r->pool,
                  "SELECT p.national_code, p.version, p.name, f.name, p.level,"
                  "       CONCAT(p.time_value, ' ', p.time_unit), COALESCE(u.short_name, u.name),"
                  "       DATE_FORMAT(p.effective_from, '%d/%m/%Y'),"
                  "       DATE_FORMAT(p.effective_to, '%d/%m/%Y')"
                  "  FROM procedure_tthc p JOIN field f ON f.id = p.field_id"
                  "  JOIN org_unit u ON u.id = p.unit_id ORDER BY f.sort_order, f.name, p.name"
                  " LIMIT 2000",
                  DB_NOARGS, &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Procs", &res, cols);
    hseti(r, "Page.Count", (long long)res.nrows);
    return render_status(r, status, "admin/procedures");
}

static int
procedures_page(struct req *r)
{
    int rc = staff_begin(r, ROLE);

    return rc ? rc : procedures_render(r, 200);
}

/* A CSV of procedures uploaded from the browser: the same import, and the
 * same per-line report, as "motcuactl import-procedures". */
static int
procedures_import(struct req *r)
{
    struct csv_result res;
    char path[] = "/tmp/motcua-procedures-XXXXXX";
    char *report = NULL;
    size_t report_len = 0;
    FILE *err;
    int fd, rc = staff_begin(r, ROLE);

    if (rc != 0) {
        return rc;
    }
    if (r->nfiles != 1 || r->files[0].len == 0) {
        page_error(r, "CsvFile", NULL);
        return procedures_render(r, 422);
    }
    fd = mkstemp(path);
    if (fd < 0 || write(fd, r->files[0].data, r->files[0].len) != (ssize_t)r->files[0].len) {
        if (fd >= 0) {
            close(fd);
            unlink(path);
        }
        return 500;
    }
    close(fd);
    err = open_memstream(&report, &report_len);
    if (err == NULL) {
        unlink(path);
        return 500;
    }
    rc = csv_import_procedures(r, path, err, &res);
    fclose(err);
    unlink(path);
    hseti(r, "Page.Imported", res.rows);
    hseti(r, "Page.Refused", res.errors);
    hset(r, "Page.Report", report ? report : "");
    free(report);
    return procedures_render(r, rc != 0 || res.errors ? 422 : 200);
}

/* The trail of administration changes, newest first, in sentences: who
 * changed which unit, counter, account, code, rule or calendar day. */
static int
trail_page(struct req *r)
{
    static const char *const cols[] = { "at", "actor", "key", "object", "ip", "detail", NULL };
    struct dbres res;
    long long page = 1;
    int rc = staff_begin(r, ROLE);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (parse_int(req_query(r, "trang"), 1, 100000, &page) != 0) {
        page = 1;
    }
    dr = db_query(r->app->db, &r->pool,
                  "SELECT DATE_FORMAT(a.at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i:%s'), o.full_name,"
                  "       REPLACE(a.action, '.', '_'),"
                  "       CASE a.object_type WHEN 'org_unit' THEN u.name"
                  "            WHEN 'counter' THEN CONCAT(c.code, ' · ', cu.short_name)"
                  "            WHEN 'user' THEN t.username ELSE '' END,"
                  "       a.ip, LEFT(a.detail, 200)"
                  "  FROM audit_log a LEFT JOIN users o ON o.id = a.actor_id"
                  "  LEFT JOIN org_unit u ON a.object_type = 'org_unit' AND u.id = a.object_id"
                  "  LEFT JOIN counter c ON a.object_type = 'counter' AND c.id = a.object_id"
                  "  LEFT JOIN org_unit cu ON cu.id = c.unit_id"
                  "  LEFT JOIN users t ON a.object_type = 'user' AND t.id = a.object_id"
                  " WHERE a.object_type IN ('org_unit', 'counter', 'user', 'qr_link',"
                  "        'kiosk_device', 'api_client', 'feedback_kind', 'calendar_day',"
                  "        'apology_rule', 'procedure')"
                  "   AND a.action NOT IN ('login', 'logout', 'user.password')"
                  " ORDER BY a.id DESC LIMIT 50 OFFSET ?",
                  DB_ARGS(DV_I((page - 1) * 50)), &res);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    hset_rows(r, "Page.Trail", &res, cols);
    if (res.nrows == 50) {
        hseti(r, "Page.Next", page + 1);
    }
    return render(r, "admin/trail");
}

static const struct route routes[] = {
    { "GET", "/quan-tri/", home, 0 },
    { "GET", "/quan-tri/nhat-ky", trail_page, 0 },
    { "GET", "/quan-tri/don-vi", units_page, 0 },
    { "GET", "/quan-tri/don-vi/moi", unit_new_page, 0 },
    { "POST", "/quan-tri/don-vi/moi", unit_create, R_FORM },
    { "GET", "/quan-tri/don-vi/*", unit_page, 0 },
    { "POST", "/quan-tri/don-vi/*", unit_save, R_FORM },
    { "POST", "/quan-tri/don-vi/*/dong", unit_close, R_FORM },
    { "POST", "/quan-tri/don-vi/*/mo-lai", unit_reopen, R_FORM },
    { "POST", "/quan-tri/don-vi/*/quay", counter_create, R_FORM },
    { "POST", "/quan-tri/don-vi/*/quay/*/doi-ten", counter_rename, R_FORM },
    { "GET", "/quan-tri/don-vi/*/quay/*/trang-thai", counter_deactivate_page, 0 },
    { "POST", "/quan-tri/don-vi/*/quay/*/trang-thai", counter_active, R_FORM },
    { "GET", "/quan-tri/can-bo", users_page, 0 },
    { "GET", "/quan-tri/can-bo/moi", user_new_page, 0 },
    { "POST", "/quan-tri/can-bo/moi", user_create, R_FORM },
    { "GET", "/quan-tri/can-bo/*", user_page, 0 },
    { "POST", "/quan-tri/can-bo/*", user_save, R_FORM },
    { "POST", "/quan-tri/can-bo/*/khoa", user_disable, R_FORM },
    { "POST", "/quan-tri/can-bo/*/mo-khoa", user_enable, R_FORM },
    { "POST", "/quan-tri/can-bo/*/mat-khau", user_password, R_FORM },
    { "GET", "/quan-tri/loai-phan-anh", kinds_page, 0 },
    { "POST", "/quan-tri/loai-phan-anh/*", kind_save, R_FORM },
    { "GET", "/quan-tri/xin-loi", rules_page, 0 },
    { "POST", "/quan-tri/xin-loi/sua", rule_update, R_FORM },
    { "POST", "/quan-tri/xin-loi/moi", rule_create, R_FORM },
    { "GET", "/quan-tri/lich", calendar_page, 0 },
    { "POST", "/quan-tri/lich", calendar_save, R_FORM },
    { "POST", "/quan-tri/lich/xoa", calendar_delete, R_FORM },
    { "GET", "/quan-tri/ma-qr", qr_page, 0 },
    { "POST", "/quan-tri/ma-qr/moi", qr_create, R_FORM },
    { "GET", "/quan-tri/ma-qr/thu-hoi", qr_revoke_page, 0 },
    { "POST", "/quan-tri/ma-qr/thu-hoi", qr_revoke, R_FORM },
    { "POST", "/quan-tri/ma-qr/cap-lai", qr_replace, R_FORM },
    { "GET", "/quan-tri/thu-tuc", procedures_page, 0 },
    { "POST", "/quan-tri/thu-tuc", procedures_import, R_UPLOAD },
    { "GET", "/quan-tri/may-tinh-bang", kiosk_page, 0 },
    { "POST", "/quan-tri/may-tinh-bang", kiosk_create, R_FORM },
    { "POST", "/quan-tri/may-tinh-bang/thu-hoi", kiosk_revoke, R_FORM },
    { "GET", "/quan-tri/khoa-api", api_page, 0 },
    { "POST", "/quan-tri/khoa-api", api_create, R_FORM },
    { "POST", "/quan-tri/khoa-api/*/ngung", api_deactivate, R_FORM },
};

static const struct program prog = { "admin", routes, NELEM(routes), P_STAFF_SESSION };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
