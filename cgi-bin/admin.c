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

#include "access.h"
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
#include "qrlink.h"
#include "render.h"
#include "staff.h"
#include "store_calendar.h"
#include "store_procedure.h"
#include "store_unit.h"
#include "store_user.h"
#include "token.h"
#include "util.h"
#include "worker.h"

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

/* The query's field name as a unit code (one line, up to 40 characters):
 * NULL when absent or not one, as for a link without it. */
static const char *
unit_query(struct req *r, const char *name)
{
    const struct fld q[] = { { name, V_TEXT, 0, 1, 40, NULL, NULL } };
    struct val v[NELEM(q)];

    input_query(r, q, NELEM(q), v);
    return v[0].s;
}

/* Is the query's flag name on (?xong=1 after a change was saved)? */
static int
flag_query(struct req *r, const char *name)
{
    const struct fld q[] = { { name, V_FLAG, 0, 0, 0, NULL, NULL } };
    struct val v[NELEM(q)];

    input_query(r, q, NELEM(q), v);
    return v[0].i != 0;
}

/* Page.Done: the page was reached after its change was saved (?xong=1). */
static void
done_hdf(struct req *r)
{
    if (flag_query(r, "xong")) {
        hset(r, "Page.Done", "1");
    }
}

/* A record id that a page names, not typed by anyone: the query's field
 * name, or with from_form the form's hidden field (?id= on a confirmation page,
 * id in its form).  0 when absent or not a number: the page then answers 404
 * or shows nothing chosen. */
static long long
id_of(struct req *r, const char *name, int from_form)
{
    const struct fld f[] = { { name, V_INT, 1, 1, 1LL << 62, NULL, NULL } };
    struct val v[NELEM(f)];

    if (from_form) {
        return input_check(&r->pool, &r->form, f, NELEM(f), v) == 0 ? v[0].i : 0;
    }
    return input_query(r, f, NELEM(f), v) == 0 ? v[0].i : 0;
}

/* Counters for a list or a <select>: id, code, name and, from
 * counter_list_open, unit. */
static void
counters_hdf(struct req *r, const char *list, const struct counter_row *c, size_t n)
{
    static const struct out_field f[] = {
        OUT("id", struct counter_row, id, OUT_LL),
        OUT("unit", struct counter_row, unit_code, OUT_STR),
        OUT("code", struct counter_row, code, OUT_STR),
        OUT("name", struct counter_row, name, OUT_STR),
    };

    rows_hdf(r, list, c, n, sizeof(*c), f, NELEM(f));
}

/* ---- the unit tree ------------------------------------------------------ */

#define NONE SIZE_MAX

struct unode {
    long long id, parent, counters;
    const char *code, *name, *short_name, *level, *path, *valid_to;
    int depth, training;
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
    struct unit_row *rows;
    struct idx *ix;
    size_t k = 0;
    enum db_rc dr;

    dr = unit_list_all(r->app->db, &r->pool, &rows, &t->n);
    if (dr != DB_OK) {
        return dr;
    }
    t->u = pool_alloc(&r->pool, (t->n + 1) * sizeof(*t->u));
    t->order = pool_alloc(&r->pool, (t->n + 1) * sizeof(*t->order));
    ix = pool_alloc(&r->pool, (t->n + 1) * sizeof(*ix));
    for (size_t i = 0; i < t->n; i++) {
        struct unode *u = &t->u[i];

        u->id = rows[i].id;
        u->parent = rows[i].parent;
        u->code = rows[i].code;
        u->name = rows[i].name;
        u->short_name = rows[i].short_name;
        u->level = rows[i].level;
        u->path = rows[i].path;
        u->valid_to = rows[i].valid_to;
        u->counters = rows[i].counters;
        u->training = rows[i].training;
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
        hseti(r, pool_printf(&r->pool, "%s.training", p), u->training);
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

/* The unit with this code (lock: for update, inside a transaction).
 * u->id = 0 when there is none. */
static enum db_rc
unit_get(struct req *r, const char *code, int lock, struct unit *u)
{
    return unit_find(r->app->db, &r->pool, code, lock, u);
}

/* ---- overview ----------------------------------------------------------- */

static int
home(struct req *r)
{
    struct admin_counts c;
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = unit_admin_counts(r->app->db, &r->pool, &c);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    row_seti(r, "Page.Counts", 0, "units", c.units);
    row_seti(r, "Page.Counts", 0, "counters", c.counters);
    row_seti(r, "Page.Counts", 0, "users", c.users);
    row_seti(r, "Page.Counts", 0, "qr", c.qr);
    row_seti(r, "Page.Counts", 0, "api", c.api);
    return render(r, "admin/home");
}

/* ---- units -------------------------------------------------------------- */

/* U_CODE first: the edit form is the same list without it (the code is the
 * unit's identity, in dossier codes and URLs, and is not edited). */
enum {
    U_CODE,
    U_PARENT,
    U_NAME,
    U_SHORT,
    U_LEVEL,
    U_ADDRESS,
    U_HOTLINE,
    U_EMAIL,
    U_HOURS,
    U_FROM,
    U_SORT,
    U_PLACE,
    U_HEAD,
    U_SIGNS,
    U_TRAINING,
    U__MAX
};

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
    /* a checkbox: absent when not ticked */
    [U_TRAINING] = { "training", V_CHOICE, 0, 0, 0, zero_one, "Training" },
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
    int rc = staff_page(r);
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

/* The unit form's values (v[U_CODE] unset when editing) for the store. */
static void
unit_in_read(const struct val *v, long long parent_id, struct unit_in *in)
{
    *in = (struct unit_in){ .parent_id = parent_id,
                            .code = v[U_CODE].s,
                            .name = v[U_NAME].s,
                            .short_name = v[U_SHORT].s,
                            .level = v[U_LEVEL].s,
                            .address = v[U_ADDRESS].s,
                            .hotline = v[U_HOTLINE].s,
                            .email = v[U_EMAIL].s,
                            .opening_hours = v[U_HOURS].s,
                            .valid_from = v[U_FROM].s,
                            .sort_order = v[U_SORT].i,
                            .place = v[U_PLACE].s,
                            .head_title = v[U_HEAD].s,
                            .parent_signs = v[U_SIGNS].s,
                            .training = v[U_TRAINING].s && strcmp(v[U_TRAINING].s, "1") == 0 };
}

/* The unit as stored into the form (Page.F). */
static void
unit_form_hdf(struct req *r, const struct unit_form *f)
{
    hset(r, "Page.F.parent", f->parent);
    hset(r, "Page.F.code", f->code);
    hset(r, "Page.F.name", f->name);
    hset(r, "Page.F.short_name", f->short_name);
    hset(r, "Page.F.level", f->level);
    hset(r, "Page.F.address", f->address);
    hset(r, "Page.F.hotline", f->hotline);
    hset(r, "Page.F.email", f->email);
    hset(r, "Page.F.opening_hours", f->opening_hours);
    hset(r, "Page.F.valid_from", f->valid_from);
    hset(r, "Page.F.sort_order", f->sort_order);
    hset(r, "Page.F.place", f->place);
    hset(r, "Page.F.head_title", f->head_title);
    hset(r, "Page.F.parent_signs", f->parent_signs);
    hset(r, "Page.F.training", f->training);
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
    int rc = staff_page(r);

    if (rc != 0) {
        return rc;
    }
    hset(r, "Page.F.parent", unit_query(r, "cha"));
    hset(r, "Page.F.valid_from", today(d));
    hset(r, "Page.F.level", "centre");
    return unit_new_render(r, 200);
}

static int
unit_create(struct req *r)
{
    struct val v[U__MAX];
    struct unit parent;
    struct unit_in in;
    long long id = 0;
    int rc = staff_page(r);
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
    unit_in_read(v, parent.id, &in);
    in.training |= parent.training; /* a unit under a training unit is one too */
    dr = unit_insert(r->app->db, &in, parent.id ? parent.path : "/", &id);
    if (dr == DB_DUP) {
        db_rollback(r->app->db);
        page_error(r, "UnitDup", "code");
        return unit_new_render(r, 409);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "unit.create", "org_unit", id,
                   pool_printf(&r->pool, "%s %s", v[U_CODE].s, v[U_NAME].s));
    }
    if (dr == DB_OK && in.training) {
        dr = audit(req_sctx(r), "unit.training_on", "org_unit", id, NULL);
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
    static const struct out_field counter_out[] = {
        OUT("id", struct counter_full_row, id, OUT_LL),
        OUT("code", struct counter_full_row, code, OUT_STR),
        OUT("name", struct counter_full_row, name, OUT_STR),
        OUT("active", struct counter_full_row, active, OUT_INT),
    };
    struct unit_details d;
    struct counter_full_row *c;
    size_t nc;
    int found;
    enum db_rc dr;

    dr = unit_details_get(r->app->db, &r->pool, r->arg[0], &d, &found);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (!found) {
        return 404;
    }
    if (!keep) {
        unit_form_hdf(r, &d.f);
    }
    hseti(r, "Page.Unit.id", d.id);
    hset(r, "Page.Unit.path", d.path);
    hset(r, "Page.Unit.valid_to", d.valid_to);
    hseti(r, "Page.Unit.users", d.users);
    hset(r, "Page.Unit.code", d.f.code);
    hset(r, "Page.Unit.name", d.f.name);
    dr = counter_list_unit(r->app->db, &r->pool, d.id, &c, &nc);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Counters", c, nc, sizeof(*c), counter_out, NELEM(counter_out));
    for (size_t i = 0; i < nc; i++) {
        if (c[i].nonce) {
            char tok[TOKEN_LEN + 1];

            token_from_nonce(r->app->secret, c[i].nonce, tok);
            row_set(r, "Page.Counters", i, "token", tok);
        }
        /* a refused rename shows what was typed, in its own row */
        if (hdf_get_obj(r->hdf, "Page.Err.rename") && c[i].id == id_of(r, "counter", 1)) {
            hset(r, pool_printf(&r->pool, "Page.Counters.%zu.name", i),
                 hdf_get_value(r->hdf, "Page.F.rename", ""));
            hset(r, pool_printf(&r->pool, "Page.Counters.%zu.error", i),
                 hdf_get_value(r->hdf, "Page.Err.rename", ""));
        }
    }
    if ((dr = units_hdf(r, d.path)) != DB_OK) {
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
    int rc = staff_page(r);

    return rc ? rc : unit_render(r, 200, 0);
}

/* Save the details; a new parent moves the unit and its whole subtree. */
static int
unit_save(struct req *r)
{
    struct val v[U__MAX] = { 0 }; /* v[U_CODE] stays unset: the code is not edited */
    struct unit self, parent;
    struct unit_in in;
    long long old_parent = 0;
    int rc = staff_page(r);
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
        (dr = unit_parent_of(r->app->db, &r->pool, r->arg[0], &old_parent)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (self.id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
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
    unit_in_read(v, parent.id, &in);
    if (parent.training && !in.training) {
        /* a subtree is wholly training or wholly real (sql/050_training.sql) */
        db_rollback(r->app->db);
        page_error(r, "TrainingParent", "training");
        return unit_render(r, 422, 1);
    }
    dr = unit_update(r->app->db, self.id, &in);
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "unit.update", "org_unit", self.id, v[U_NAME].s);
    }
    if (dr == DB_OK && parent.id != old_parent) {
        const char *to = pool_printf(&r->pool, "%s%lld/", parent.id ? parent.path : "/", self.id);

        /* the unit and its whole subtree: replace the old path prefix */
        dr = unit_move_paths(r->app->db, self.path, to);
        if (dr == DB_OK) {
            dr = audit(req_sctx(r), "unit.move", "org_unit", self.id,
                       pool_printf(&r->pool, "%s -> %s", self.path, to));
        }
        self.path = to;
    }
    if (dr == DB_OK && in.training != self.training) {
        /* the unit and every unit under it: from now on in or out of every
         * figure, public page, open data and message */
        dr = unit_set_training(r->app->db, self.path, in.training);
        if (dr == DB_OK) {
            dr = audit(req_sctx(r), in.training ? "unit.training_on" : "unit.training_off",
                       "org_unit", self.id, NULL);
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
    int rc = staff_page(r);
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
    dr = unit_set_valid_to(r->app->db, u.id, close ? v[0].s : NULL);
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), close ? "unit.close" : "unit.reopen", "org_unit", u.id,
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

/* A fresh QR link inside the caller's transaction, audited; its id into *id. */
static enum db_rc
qr_insert(struct req *r, const char *kind, long long unit_id, long long counter_id,
          long long officer_id, unsigned long long *id)
{
    struct qrlink l = { .unit_id = unit_id, .counter_id = counter_id, .officer_id = officer_id };
    enum db_rc dr;

    snprintf(l.kind, sizeof(l.kind), "%s", kind);
    dr = qrlink_create(r->app->db, r->app->secret, &l);
    *id = (unsigned long long)l.id;
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "qr.create", "qr_link", l.id,
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
    long long id = 0;
    unsigned long long qid = 0;
    int rc = staff_page(r);
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
    dr = counter_insert(r->app->db, u.id, v[0].s, v[1].s, &id);
    if (dr == DB_DUP) {
        db_rollback(r->app->db);
        page_error(r, "CounterDup", "counter_code");
        return unit_render(r, 409, 0);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "counter.create", "counter", id,
                   pool_printf(&r->pool, "%s %s %s", u.code, v[0].s, v[1].s));
    }
    /* its poster exists at once */
    if (dr == DB_OK) {
        dr = qr_insert(r, "counter", u.id, id, 0, &qid);
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
    return counter_find_locked(r->app->db, &r->pool, r->arg[0], r->arg[1], id);
}

static int
counter_rename(struct req *r)
{
    static const struct fld f[] = { { "rename", V_TEXT, 1, 1, 255, NULL, "Name" } };
    struct val v[1];
    long long id;
    int rc = staff_page(r);
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
    dr = counter_set_name(r->app->db, id, v[0].s);
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "counter.rename", "counter", id, v[0].s);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/don-vi/%s#quay", r->arg[0]));
}

static int
counter_active(struct req *r)
{
    static const struct fld f[] = { { "active", V_CHOICE, 1, 0, 0, zero_one, NULL } };
    struct val v[NELEM(f)];
    long long id;
    int rc = staff_page(r), on;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    /* the hidden field of the button pressed: anything else is no form of ours */
    if (input_check(&r->pool, &r->form, f, NELEM(f), v) != 0) {
        return 400;
    }
    on = strcmp(v[0].s, "1") == 0;
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = counter_lock(r, &id)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    dr = counter_set_active(r->app->db, id, on);
    if (dr == DB_OK) {
        dr =
            audit(req_sctx(r), on ? "counter.activate" : "counter.deactivate", "counter", id, NULL);
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
    const char *code;
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = counter_active_code(r->app->db, &r->pool, r->arg[0], r->arg[1], &code);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (code == NULL) {
        return 404;
    }
    return staff_confirm(r, 200, "counter_deactivate", code,
                         pool_printf(&r->pool, "/quan-tri/don-vi/%s/quay/%s/trang-thai", r->arg[0],
                                     r->arg[1]),
                         pool_printf(&r->pool, "/quan-tri/don-vi/%s#quay", r->arg[0]), NULL,
                         hidden);
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
    struct counter_row *c;
    size_t n;
    enum db_rc dr = units_hdf(r, NULL);

    if (dr == DB_OK) {
        dr = counter_list_open(r->app->db, &r->pool, &c, &n);
    }
    if (dr == DB_OK) {
        counters_hdf(r, "Page.Counters", c, n);
    }
    for (size_t i = 0; roles[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Roles.%zu", i), roles[i]);
    }
    return dr;
}

static int
users_page(struct req *r)
{
    static const struct out_field user_out[] = {
        OUT("username", struct user_row, username, OUT_STR),
        OUT("full_name", struct user_row, full_name, OUT_STR),
        OUT("title", struct user_row, title, OUT_STR),
        OUT("role", struct user_row, role, OUT_STR),
        OUT("unit", struct user_row, unit_code, OUT_STR),
        OUT("unit_name", struct user_row, unit_name, OUT_STR),
        OUT("counter", struct user_row, counter_code, OUT_STR),
        OUT("disabled", struct user_row, disabled, OUT_INT),
        OUT("must_change", struct user_row, must_change, OUT_INT),
    };
    struct user_row *u;
    size_t n;
    const char *unit = unit_query(r, "don-vi");
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    dr = user_list(r->app->db, &r->pool, unit, USERS_MAX + 1, &u, &n);
    if (dr != DB_OK || (dr = units_hdf(r, NULL)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (n > USERS_MAX) {
        n = USERS_MAX;
        hset(r, "Page.More", "1");
    }
    rows_hdf(r, "Page.Users", u, n, sizeof(*u), user_out, NELEM(user_out));
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
    int rc = staff_page(r);

    if (rc != 0) {
        return rc;
    }
    hset(r, "Page.F.unit", unit_query(r, "don-vi"));
    hset(r, "Page.F.role", "officer");
    return user_new_render(r, 200);
}

/* The counter must belong to the unit (0: none).  1 if it does. */
static int
counter_in_unit(struct req *r, long long counter, long long unit_id, enum db_rc *dr)
{
    int yes;

    *dr = DB_OK;
    if (counter == 0) {
        return 1;
    }
    *dr = counter_is_in_unit(r->app->db, &r->pool, counter, unit_id, &yes);
    return *dr == DB_OK && yes;
}

static int
user_create(struct req *r)
{
    struct val v[S__MAX];
    struct unit u;
    struct user_in in;
    char hash[crypto_pwhash_STRBYTES];
    long long id = 0;
    int rc = staff_page(r);
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
    in = (struct user_in){ .username = v[S_USERNAME].s,
                           .full_name = v[S_NAME].s,
                           .title = v[S_TITLE].s,
                           .role = v[S_ROLE].s,
                           .unit_id = u.id,
                           .counter_id = v[S_COUNTER].i };
    dr = user_insert(r->app->db, &in, hash, 1, &id);
    sodium_memzero(hash, sizeof(hash));
    if (dr == DB_DUP) {
        db_rollback(r->app->db);
        page_error(r, "UsernameDup", "username");
        return user_new_render(r, 409);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "user.create", "user", id,
                   pool_printf(&r->pool, "%s %s %s", v[S_USERNAME].s, v[S_ROLE].s, u.code));
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/can-bo/%s?moi=1", v[S_USERNAME].s));
}

/* The account named by the path; *id = 0 when none. */
static enum db_rc
user_get(struct req *r, int lock, long long *id)
{
    return user_find(r->app->db, &r->pool, r->arg[0], lock, id);
}

static int
user_render(struct req *r, int status, int keep)
{
    struct user_details d;
    int found;
    enum db_rc dr;

    dr = user_details_get(r->app->db, &r->pool, r->arg[0], &d, &found);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (!found) {
        return 404;
    }
    if (!keep) {
        hset(r, "Page.F.full_name", d.full_name);
        hset(r, "Page.F.title", d.title);
        hset(r, "Page.F.role", d.role);
        hset(r, "Page.F.unit", d.unit_code);
        hseti(r, "Page.F.counter", d.counter_id);
    }
    hset(r, "Page.User.username", d.username);
    hseti(r, "Page.User.disabled", d.disabled);
    hseti(r, "Page.User.must_change", d.must_change);
    hset(r, "Page.User.created", d.created);
    hseti(r, "Page.User.sessions", d.sessions);
    hseti(r, "Page.User.id", d.id);
    hseti(r, "Page.Self", d.id == r->user->id);
    if (flag_query(r, "moi")) {
        hset(r, "Page.New", "1");
    }
    done_hdf(r);
    dr = user_choices_hdf(r);
    return dr == DB_OK ? render_status(r, status, "admin/user") : db_fail(r, dr);
}

static int
user_page(struct req *r)
{
    int rc = staff_page(r);

    return rc ? rc : user_render(r, 200, 0);
}

static int
user_save(struct req *r)
{
    struct val v[S__MAX];
    struct unit u;
    struct user_in in;
    long long id;
    int rc = staff_page(r);
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
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = user_get(r, 1, &id)) != DB_OK) {
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
    in = (struct user_in){ .full_name = v[S_NAME].s,
                           .title = v[S_TITLE].s,
                           .role = v[S_ROLE].s,
                           .unit_id = u.id,
                           .counter_id = v[S_COUNTER].i };
    dr = user_update(r->app->db, id, &in);
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "user.update", "user", id,
                   pool_printf(&r->pool, "%s role=%s unit=%s counter=%lld", r->arg[0], v[S_ROLE].s,
                               u.code, v[S_COUNTER].i));
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
    long long id;
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = user_get(r, 1, &id)) != DB_OK) {
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
    dr = user_set_disabled(r->app->db, id, disable);
    if (dr == DB_OK && disable) {
        dr = user_end_sessions(r->app->db, id);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), disable ? "user.disable" : "user.enable", "user", id, r->arg[0]);
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
    char hash[crypto_pwhash_STRBYTES];
    long long id;
    int rc = staff_page(r);
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
    if ((dr = db_begin(r->app->db)) != DB_OK || (dr = user_get(r, 1, &id)) != DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    dr = user_set_password(r->app->db, id, hash, 1);
    sodium_memzero(hash, sizeof(hash));
    if (dr == DB_OK) {
        dr = user_end_sessions(r->app->db, id);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "user.reset_password", "user", id, r->arg[0]);
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
    static const struct out_field kind_out[] = {
        OUT("code", struct feedback_kind_row, code, OUT_STR),
        OUT("answer_days", struct feedback_kind_row, answer_days, OUT_STR),
        OUT("forward_days", struct feedback_kind_row, forward_days, OUT_STR),
    };
    struct feedback_kind_row *k;
    size_t n;
    enum db_rc dr;

    dr = feedback_kind_list(r->app->db, &r->pool, &k, &n);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Kinds", k, n, sizeof(*k), kind_out, NELEM(kind_out));
    for (size_t i = 0; edited && i < n; i++) {
        if (strcmp(k[i].code, edited) == 0) {
            const char *p = pool_printf(&r->pool, "Page.Kinds.%zu", i);

            for (size_t c = 0; c < NELEM(kind_fields); c++) {
                const char *n = kind_fields[c].name;

                hset(r, pool_printf(&r->pool, "%s.%s", p, n),
                     hdf_get_value(r->hdf, pool_printf(&r->pool, "Page.F.%s", n), ""));
            }
            hset(r, pool_printf(&r->pool, "%s.error", p), hdf_get_value(r->hdf, "Page.Error", ""));
        }
    }
    done_hdf(r);
    return render_status(r, status, "admin/kinds");
}

static int
kinds_page(struct req *r)
{
    int rc = staff_page(r);

    return rc ? rc : kinds_render(r, 200, NULL);
}

static int
kind_save(struct req *r)
{
    struct val v[NELEM(kind_fields)];
    int rc = staff_page(r), found = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, kind_fields, NELEM(kind_fields), v) != 0) {
        return kinds_render(r, 422, r->arg[0]);
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = feedback_kind_set_days(r->app->db, &r->pool, r->arg[0], v[0].i, v[1].i, &found);
    }
    if (dr == DB_OK && !found) {
        db_rollback(r->app->db);
        return 404;
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "feedback_kind.update", "feedback_kind", 0,
                   pool_printf(&r->pool, "%s answer_days=%lld forward_days=%lld", r->arg[0], v[0].i,
                               v[1].i));
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
#define RULE(name, field) OUT(name, struct legal_rule_row, field, OUT_STR)
    static const struct out_field rule_out[] = {
        RULE("legal_version", legal_version),
        RULE("effective_from", effective_from),
        RULE("lead_days", lead_days),
        RULE("lead_unit", lead_unit),
        RULE("max_reappoint", max_reappoint),
        RULE("near_due_days", near_due_days),
        RULE("supplement_within_days", supplement_within_days),
        RULE("supplement_max_restarts", supplement_max_restarts),
        RULE("supplement_rule", supplement_rule),
        RULE("title", title),
        RULE("ontime_base", ontime_base),
    };
#undef RULE
    struct legal_rule_row *l;
    size_t n;
    enum db_rc dr;

    dr = legal_rule_list(r->app->db, &r->pool, &l, &n);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Rules", l, n, sizeof(*l), rule_out, NELEM(rule_out));
    for (size_t i = 0; edited && i < n; i++) {
        if (strcmp(l[i].legal_version, edited) == 0) {
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
    done_hdf(r);
    return render_status(r, status, "admin/apology");
}

static int
rules_page(struct req *r)
{
    int rc = staff_page(r);

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
    struct legal_rule_in in;
    const char *ver;
    int rc = staff_page(r), found;
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
    in = (struct legal_rule_in){ .legal_version = v[A_VERSION].s,
                                 .effective_from = create ? v[A_FROM].s : NULL,
                                 .lead_days = v[A_LEAD].i,
                                 .lead_unit = v[A_UNIT].s,
                                 .max_reappoint = v[A_MAX].i,
                                 .near_due_days = v[A_NEAR].i,
                                 .supplement_within_days = v[A_SWITHIN].i,
                                 .supplement_max_restarts = v[A_SMAX].i,
                                 .supplement_rule = v[A_SRULE].s,
                                 .ontime_base = v[A_ONTIME].s };
    if ((dr = db_begin(r->app->db)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (create) {
        dr = legal_rule_insert(r->app->db, &in);
        if (dr == DB_DUP) {
            db_rollback(r->app->db);
            page_error(r, "VersionDup", "legal_version");
            return rules_render(r, 409, NULL);
        }
    } else {
        dr = legal_rule_lock(r->app->db, &r->pool, ver, &found);
        if (dr == DB_OK && !found) {
            db_rollback(r->app->db);
            return 404;
        }
        if (dr == DB_OK) {
            dr = legal_rule_update(r->app->db, &in);
        }
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), create ? "apology_rule.create" : "apology_rule.update",
                   "apology_rule", 0,
                   pool_printf(&r->pool,
                               "%s lead=%lld %s max_reappoint=%lld near_due=%lld"
                               " supplement_within=%lld max_restarts=%lld rule=%s ontime_base=%s",
                               v[A_VERSION].s, v[A_LEAD].i, v[A_UNIT].s, v[A_MAX].i, v[A_NEAR].i,
                               v[A_SWITHIN].i, v[A_SMAX].i, v[A_SRULE].s, v[A_ONTIME].s));
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
    static const struct fld f[] = { { "nam", V_INT, 1, 2000, 2100, NULL, NULL } };
    struct val v[NELEM(f)];
    int y0;

    if (input_query(r, f, NELEM(f), v) == 0 ||
        input_check(&r->pool, &r->form, f, NELEM(f), v) == 0) {
        return (int)v[0].i;
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

#define DAY(name) OUT(#name, struct calendar_day_row, name, OUT_STR)
static const struct out_field day_out[] = {
    DAY(day), DAY(is_working), DAY(kind), DAY(name_vi), DAY(name_en), DAY(source), DAY(confirmed),
};
#undef DAY

/* A calendar day as stored into the form (Page.F). */
static void
day_form_hdf(struct req *r, const struct calendar_day_row *d)
{
    for (size_t k = 0; k < NELEM(day_out); k++) {
        const char *v = *(const char *const *)((const char *)d + day_out[k].off);

        hset(r, pool_printf(&r->pool, "Page.F.%s", day_out[k].name), v);
    }
}

static int
calendar_render(struct req *r, int status, int year)
{
    struct calendar_day_row *days;
    size_t n;
    char from[11], to[11];
    enum db_rc dr;

    cal_format(cal_day_from_ymd(year, 1, 1), from);
    cal_format(cal_day_from_ymd(year, 12, 31), to);
    dr = calendar_day_list(r->app->db, &r->pool, from, to, &days, &n);
    if (dr == DB_OK) {
        dr = calendar_check_hdf(r);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Days", days, n, sizeof(*days), day_out, NELEM(day_out));
    for (size_t i = 0; i < n; i++) {
        int d;

        if (cal_parse_date(days[i].day, &d) == 0) {
            hseti(r, pool_printf(&r->pool, "Page.Days.%zu.wd", i), cal_weekday(d));
        }
    }
    for (size_t i = 0; day_kinds[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.DayKinds.%zu", i), day_kinds[i]);
    }
    hseti(r, "Page.Year", year);
    hseti(r, "Page.PrevYear", year - 1);
    hseti(r, "Page.NextYear", year + 1);
    done_hdf(r);
    return render_status(r, status, "admin/calendar");
}

static int
calendar_page(struct req *r)
{
    static const struct fld q[] = { { "ngay", V_DATE, 1, 0, 0, NULL, NULL } };
    struct val v[NELEM(q)];
    int rc = staff_page(r), year = year_of(r);

    if (rc != 0) {
        return rc;
    }
    /* ?ngay= opens one day in the form, to edit it */
    if (input_query(r, q, NELEM(q), v) == 0) {
        const char *day = v[0].s;
        int d = v[0].day;
        struct calendar_day_row row;
        int found;
        enum db_rc dr = calendar_day_get(r->app->db, &r->pool, day, &row, &found);

        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
        if (found) {
            day_form_hdf(r, &row);
        } else {
            hset(r, "Page.F.day", day);
        }
        hseti(r, "Page.Editing", found);
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
    struct calendar_day_in in;
    const struct cal *cal;
    unsigned mask;
    int rc = staff_page(r), working, rest_day, y;
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
    in = (struct calendar_day_in){ .day = v[C_DAY].s,
                                   .is_working = working,
                                   .kind = v[C_KIND].s,
                                   .name_vi = v[C_NAME_VI].s,
                                   .name_en = v[C_NAME_EN].s ? v[C_NAME_EN].s : v[C_NAME_VI].s,
                                   .source = v[C_SOURCE].s ? v[C_SOURCE].s : "",
                                   .confirmed = v[C_CONFIRMED].i != 0 };
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = calendar_day_save(r->app->db, &in);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "calendar.save", "calendar_day", 0,
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
    static const struct fld f[] = { { "day", V_DATE, 1, 0, 0, NULL, NULL } };
    struct val v[NELEM(f)];
    const char *day;
    int rc = staff_page(r), d, y, done = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    /* the hidden field of the list's button: anything else is no form of ours */
    if (input_check(&r->pool, &r->form, f, NELEM(f), v) != 0) {
        return 400;
    }
    day = v[0].s;
    d = v[0].day;
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = calendar_day_delete(r->app->db, day, &done);
    }
    if (dr == DB_OK && !done) {
        db_rollback(r->app->db);
        return 404;
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "calendar.delete", "calendar_day", 0, day);
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
    static const struct out_field link_out[] = {
        OUT("id", struct qrlink_row, id, OUT_LL),
        OUT("kind", struct qrlink_row, kind, OUT_STR),
        OUT("counter", struct qrlink_row, counter, OUT_STR),
        OUT("officer", struct qrlink_row, officer, OUT_STR),
        OUT("created", struct qrlink_row, created, OUT_STR),
        OUT("revoked", struct qrlink_row, revoked, OUT_STR),
    };
    static const struct out_field staff_out[] = {
        OUT("id", struct staff_row, id, OUT_LL),
        OUT("name", struct staff_row, full_name, OUT_STR),
    };
    struct qrlink_row *links;
    struct counter_row *counters;
    struct staff_row *staff;
    size_t nlinks, ncounters, nstaff;
    struct unit u;
    enum db_rc dr;

    if ((dr = units_hdf(r, NULL)) != DB_OK || (dr = unit_get(r, unit_code, 0, &u)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; qr_kinds[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.QrKinds.%zu", i), qr_kinds[i]);
    }
    done_hdf(r);
    if (u.id == 0) {
        return render_status(r, unit_code ? 404 : status, "admin/qr");
    }
    hset(r, "Page.Unit.code", u.code);
    hset(r, "Page.F.unit", u.code);
    dr = qrlink_list_unit(r->app->db, &r->pool, u.id, &links, &nlinks);
    if (dr == DB_OK) {
        dr = counter_list_active(r->app->db, &r->pool, u.id, &counters, &ncounters);
    }
    if (dr == DB_OK) {
        dr = user_list_staff(r->app->db, &r->pool, u.id, &staff, &nstaff);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Links", links, nlinks, sizeof(*links), link_out, NELEM(link_out));
    for (size_t i = 0; i < nlinks; i++) {
        char tok[TOKEN_LEN + 1];

        if (*links[i].revoked == '\0') {
            token_from_nonce(r->app->secret, links[i].nonce, tok);
            row_set(r, "Page.Links", i, "token", tok);
        }
    }
    counters_hdf(r, "Page.UnitCounters", counters, ncounters);
    rows_hdf(r, "Page.Officers", staff, nstaff, sizeof(*staff), staff_out, NELEM(staff_out));
    return render_status(r, status, "admin/qr");
}

static int
qr_page(struct req *r)
{
    const char *unit = unit_query(r, "don-vi");
    int rc = staff_page(r);

    if (rc != 0) {
        return rc;
    }
    return qr_render(r, 200, unit);
}

/* Revoke a link; with replace, give the same place a new one in the same
 * transaction (how a leaked or defaced poster is withdrawn). */
static int
qr_revoke_common(struct req *r, int replace)
{
    struct qrlink l;
    const char *unit_code;
    unsigned long long nid = 0;
    int rc = staff_page(r), revoked;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) != DB_OK ||
        (dr = qrlink_get(r->app->db, &r->pool, id_of(r, "id", 1), 1, &l, &unit_code, &revoked)) !=
            DB_OK) {
        return db_fail(r, db_end(r->app->db, dr));
    }
    if (l.id == 0) {
        db_rollback(r->app->db);
        return 404;
    }
    if (!revoked) {
        dr = qrlink_revoke(r->app->db, l.id);
        if (dr == DB_OK) {
            dr = audit(req_sctx(r), "qr.revoke", "qr_link", l.id, l.kind);
        }
    }
    if (dr == DB_OK && replace) {
        dr = qr_insert(r, l.kind, l.unit_id, l.counter_id, l.officer_id, &nid);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/quan-tri/ma-qr?don-vi=%s&xong=1", unit_code));
}

/* Revoking a QR code asks first: its posters stop working at once. */
static int
qr_revoke_page(struct req *r)
{
    struct qrlink l;
    const char *unit_code;
    int rc = staff_page(r), revoked;
    enum db_rc dr;
    const char *hidden[3] = { "id", NULL, NULL };

    if (rc != 0) {
        return rc;
    }
    dr = qrlink_get(r->app->db, &r->pool, id_of(r, "id", 0), 0, &l, &unit_code, &revoked);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (l.id == 0 || revoked) {
        return 404;
    }
    hidden[1] = pool_printf(&r->pool, "%lld", l.id);
    return staff_confirm(r, 200, "qr_revoke", pool_printf(&r->pool, "#%s", hidden[1]),
                         "/quan-tri/ma-qr/thu-hoi",
                         pool_printf(&r->pool, "/quan-tri/ma-qr?don-vi=%s", unit_code), NULL,
                         hidden);
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
    long long counter = 0, officer = 0;
    unsigned long long id = 0;
    int rc = staff_page(r), yes = 0;
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
        dr = counter_is_in_unit(r->app->db, &r->pool, v[2].i, u.id, &yes);
        if (dr == DB_OK && !yes) {
            db_rollback(r->app->db);
            page_error(r, "Counter", "counter");
            return qr_render(r, 422, u.code);
        }
        counter = v[2].i;
    } else if (strcmp(v[1].s, "officer") == 0) {
        dr = user_staff_in_unit(r->app->db, &r->pool, v[3].i, u.id, &yes, &counter);
        if (dr == DB_OK && !yes) {
            db_rollback(r->app->db);
            page_error(r, "Officer", "officer");
            return qr_render(r, 422, u.code);
        }
        if (dr == DB_OK) {
            officer = v[3].i;
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
    static const struct out_field client_out[] = {
        OUT("id", struct api_client_row, id, OUT_LL),
        OUT("name", struct api_client_row, name, OUT_STR),
        OUT("unit", struct api_client_row, unit_code, OUT_STR),
        OUT("unit_name", struct api_client_row, unit_name, OUT_STR),
        OUT("active", struct api_client_row, active, OUT_INT),
        OUT("created", struct api_client_row, created, OUT_STR),
    };
    struct api_client_row *a;
    size_t n;
    enum db_rc dr;

    dr = api_client_list(r->app->db, &r->pool, &a, &n);
    if (dr != DB_OK || (dr = units_hdf(r, NULL)) != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Clients", a, n, sizeof(*a), client_out, NELEM(client_out));
    done_hdf(r);
    return render_status(r, status, "admin/api");
}

static int
api_page(struct req *r)
{
    int rc = staff_page(r);

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
    long long id = 0;
    int rc = staff_page(r);
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
        dr = api_client_insert(r->app->db, v[0].s, hash, u.id, &id);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "api_client.create", "api_client", id,
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

/* Stopping an API client asks first, on a page of its own. */
static int
api_deactivate_page(struct req *r)
{
    struct api_client_row *rows;
    long long id = util_num(r->arg[0]);
    size_t n;
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = api_client_list(r->app->db, &r->pool, &rows, &n)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; i < n; i++) {
        if (rows[i].id == id && rows[i].active) {
            return staff_confirm(r, 200, "api_deactivate",
                                 pool_printf(&r->pool, "%s (%s)", rows[i].name, rows[i].unit_name),
                                 pool_printf(&r->pool, "/quan-tri/khoa-api/%lld/ngung", id),
                                 "/quan-tri/khoa-api", NULL, NULL);
        }
    }
    return 404;
}

static int
api_deactivate(struct req *r)
{
    const char *name = NULL;
    long long id = util_num(r->arg[0]);
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = api_client_lock(r->app->db, &r->pool, id, &name);
    }
    if (dr == DB_OK && name == NULL) {
        db_rollback(r->app->db);
        return 404;
    }
    if (dr == DB_OK) {
        dr = api_client_deactivate(r->app->db, id);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "api_client.deactivate", "api_client", id, name);
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
    static const struct out_field kiosk_out[] = {
        OUT("id", struct kiosk_row, id, OUT_LL),
        OUT("name", struct kiosk_row, name, OUT_STR),
        OUT("counter", struct kiosk_row, counter, OUT_STR),
        OUT("unit", struct kiosk_row, unit, OUT_STR),
        OUT("created", struct kiosk_row, created, OUT_STR),
        OUT("revoked", struct kiosk_row, revoked, OUT_INT),
        OUT("last", struct kiosk_row, last, OUT_STR),
    };
    struct kiosk_row *k;
    struct counter_row *c;
    size_t nk, nc;
    enum db_rc dr;

    dr = kiosk_list(r->app->db, &r->pool, &k, &nk);
    if (dr == DB_OK) {
        dr = counter_list_all_active(r->app->db, &r->pool, &c, &nc);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Kiosks", k, nk, sizeof(*k), kiosk_out, NELEM(kiosk_out));
    counters_hdf(r, "Page.Counters", c, nc);
    return render_status(r, status, "admin/kiosk");
}

static int
kiosk_page(struct req *r)
{
    int rc = staff_page(r);

    return rc ? rc : kiosk_render(r, 200);
}

/* Enrol a tablet: its URL carries a device token shown once; only its hash is kept. */
static int
kiosk_create(struct req *r)
{
    static const struct fld f[] = {
        { "name", V_TEXT, 1, 1, 120, NULL, "Name" },
        { "counter", V_INT, 1, 1, 1LL << 62, NULL, "KioskCounter" },
    };
    struct val v[NELEM(f)];
    long long counter, id = 0;
    char token[65], hash[65];
    int rc = staff_page(r), yes;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (form_read(r, f, NELEM(f), v) != 0) {
        return kiosk_render(r, 422);
    }
    counter = v[1].i;
    if ((dr = counter_exists_active(r->app->db, &r->pool, counter, &yes)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (!yes) {
        page_error(r, "KioskCounter", "counter");
        return kiosk_render(r, 422);
    }
    random_hex(token, 32);
    sec_hash_hex(token, hash);
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = kiosk_insert(r->app->db, counter, v[0].s, hash, &id);
    }
    if (dr == DB_OK) {
        dr = audit(req_sctx(r), "kiosk.enrol", "kiosk_device", id, v[0].s);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    hset(r, "Page.NewUrl", pool_printf(&r->pool, "%s/kiosk/%s",
                                       conf_str(r->app->conf, "Site.BaseURL", ""), token));
    sodium_memzero(token, sizeof(token));
    return kiosk_render(r, 201);
}

/* Taking a tablet out of service asks first, on a page of its own. */
static int
kiosk_revoke_page(struct req *r)
{
    static const struct fld q[] = { { "id", V_INT, 1, 1, 1LL << 62, NULL, NULL } };
    const char *hidden[3] = { "id", NULL, NULL };
    struct kiosk_row *rows;
    struct val v[NELEM(q)];
    size_t n;
    int rc = staff_page(r);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (input_query(r, q, NELEM(q), v) != 0) {
        return 404;
    }
    if ((dr = kiosk_list(r->app->db, &r->pool, &rows, &n)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; i < n; i++) {
        if (rows[i].id == v[0].i && !rows[i].revoked) {
            hidden[1] = pool_printf(&r->pool, "%lld", rows[i].id);
            return staff_confirm(r, 200, "kiosk_revoke",
                                 pool_printf(&r->pool, "%s (%s)", rows[i].name, rows[i].counter),
                                 "/quan-tri/may-tinh-bang/thu-hoi", "/quan-tri/may-tinh-bang", NULL,
                                 hidden);
        }
    }
    return 404;
}

static int
kiosk_revoke(struct req *r)
{
    long long id = id_of(r, "id", 1);
    int rc = staff_page(r), done = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = db_begin(r->app->db)) == DB_OK) {
        dr = kiosk_set_revoked(r->app->db, id, &done);
    }
    if (dr == DB_OK && done) {
        dr = audit(req_sctx(r), "kiosk.revoke", "kiosk_device", id, NULL);
    }
    if ((dr = db_end(r->app->db, dr)) != DB_OK) {
        return db_fail(r, dr);
    }
    return done ? resp_redirect(r, "/quan-tri/may-tinh-bang") : 404;
}

/* ---- fields and procedures --------------------------------------------- */

static int
procedures_render(struct req *r, int status)
{
#define PROC(name) OUT(#name, struct procedure_row, name, OUT_STR)
    static const struct out_field proc_out[] = {
        PROC(code), PROC(version), PROC(name), PROC(field), PROC(level),
        PROC(time), PROC(unit),    PROC(from), PROC(to),
    };
#undef PROC
    struct procedure_row *p;
    size_t n;
    enum db_rc dr;

    dr = procedure_list(r->app->db, &r->pool, 2000, &p, &n);
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    rows_hdf(r, "Page.Procs", p, n, sizeof(*p), proc_out, NELEM(proc_out));
    hseti(r, "Page.Count", (long long)n);
    return render_status(r, status, "admin/procedures");
}

static int
procedures_page(struct req *r)
{
    int rc = staff_page(r);

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
    int fd, rc = staff_page(r);

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
    rc = csv_import_procedures(req_sctx(r), r->lang, path, err, &res);
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
/* The administration actions, as the trail's "action" choice offers them. */
static const char *const admin_actions[] = { "unit_create",
                                             "unit_update",
                                             "unit_move",
                                             "unit_close",
                                             "unit_reopen",
                                             "unit_training_on",
                                             "unit_training_off",
                                             "counter_create",
                                             "counter_rename",
                                             "counter_activate",
                                             "counter_deactivate",
                                             "user_create",
                                             "user_update",
                                             "user_reset_password",
                                             "user_disable",
                                             "user_enable",
                                             "qr_create",
                                             "qr_revoke",
                                             "kiosk_enrol",
                                             "kiosk_revoke",
                                             "api_client_create",
                                             "api_client_deactivate",
                                             "feedback_kind_update",
                                             "calendar_save",
                                             "calendar_delete",
                                             "apology_rule_create",
                                             "apology_rule_update",
                                             "procedure_import",
                                             NULL };

enum { TQ_PAGE, TQ_ACTOR, TQ_ACTION, TQ_CSV, TQ__MAX };

/* The trail's filters: one not valid is ignored (the whole trail), except the
 * dates, which the administrator types: those come back with a message. */
static const struct fld trail_fields[TQ__MAX] = {
    [TQ_PAGE] = { "trang", V_INT, 0, 1, 100000, NULL, NULL },
    [TQ_ACTOR] = { "nguoi", V_INT, 0, 1, 1LL << 62, NULL, NULL },
    [TQ_ACTION] = { "thao-tac", V_CHOICE, 0, 0, 0, admin_actions, NULL },
    [TQ_CSV] = { "csv", V_FLAG, 0, 0, 0, NULL, NULL },
};
#define TRAIL_PAGE 50
#define TRAIL_CSV_MAX 100000 /* the whole administration trail fits many times over */

static int
trail_page(struct req *r)
{
#define TRAIL(name) OUT(#name, struct audit_trail_row, name, OUT_STR)
    static const struct out_field trail_out[] = {
        TRAIL(at), TRAIL(actor), TRAIL(key), TRAIL(object), TRAIL(ip), TRAIL(detail),
    };
#undef TRAIL
    struct audit_admin_filter f = { 0 };
    struct audit_trail_row *t;
    struct audit_person *people;
    struct val v[TQ__MAX], day[2];
    size_t n, npeople;
    long long page;
    int rc = staff_page(r), bad = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_query(r, trail_fields, TQ__MAX, v);
    page = v[TQ_PAGE].i ? v[TQ_PAGE].i : 1;
    f.actor = v[TQ_ACTOR].i;
    f.action_key = v[TQ_ACTION].s;
    bad = input_period(r, day);
    f.from = day[0].s;
    f.to = day[1].s;
    hseti(r, "Page.F.actor", f.actor);
    hset(r, "Page.F.key", f.action_key);
    /* what was typed, refused or not, as the leader's trail shows it */
    hset(r, "Page.F.from", day[0].s);
    hset(r, "Page.F.to", day[1].s);
    if (!bad && v[TQ_CSV].i) {
        struct buf b = { 0 };

        /* the export itself is an administration fact worth a line */
        if ((dr = db_begin(r->app->db)) == DB_OK) {
            dr = audit(req_sctx(r), "report.export", "report", 0, "nhat-ky-quan-tri");
        }
        if ((dr = db_end(r->app->db, dr)) != DB_OK ||
            (dr = audit_admin_trail(r->app->db, &r->pool, &f, 0, TRAIL_CSV_MAX, &t, &n)) != DB_OK) {
            return db_fail(r, dr);
        }
        buf_adds(&b, "\xEF\xBB\xBF");
        buf_adds(&b, lang_str(r, "Trail.CsvHeader"));
        buf_adds(&b, "\r\n");
        for (size_t i = 0; i < n; i++) {
            const char *cells[6] = {
                t[i].at,
                t[i].actor ? t[i].actor : lang_str(r, "Trail.System"),
                lang_str(r, pool_printf(&r->pool, "Trail.Act.%s", t[i].key)),
                t[i].object,
                t[i].detail,
                t[i].ip,
            };

            for (size_t c = 0; c < NELEM(cells); c++) {
                if (c) {
                    buf_adds(&b, ",");
                }
                buf_csv_field(&b, cells[c] ? cells[c] : "");
            }
            buf_adds(&b, "\r\n");
        }
        resp_header(r, "Content-Disposition", "attachment; filename=\"nhat-ky-quan-tri.csv\"");
        resp_raw(r, "text/csv; charset=utf-8", b.p, b.len);
        buf_free(&b);
        return 200;
    }
    if ((dr = audit_admin_people(r->app->db, &r->pool, &people, &npeople)) != DB_OK) {
        return db_fail(r, dr);
    }
    for (size_t i = 0; i < npeople; i++) {
        hseti(r, pool_printf(&r->pool, "Page.People.%zu.id", i), people[i].id);
        hset(r, pool_printf(&r->pool, "Page.People.%zu.name", i), people[i].name);
    }
    for (size_t i = 0; admin_actions[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Actions.%zu", i), admin_actions[i]);
    }
    if (!bad) {
        dr = audit_admin_trail(r->app->db, &r->pool, &f, (page - 1) * TRAIL_PAGE, TRAIL_PAGE, &t,
                               &n);
        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
        rows_hdf(r, "Page.Trail", t, n, sizeof(*t), trail_out, NELEM(trail_out));
        if (n == TRAIL_PAGE) {
            hseti(r, "Page.Next", page + 1);
        }
    }
    return render_status(r, bad ? 422 : 200, "admin/trail");
}

static const struct route routes[] = {
    { "GET", "/quan-tri/", home, 0, ACCESS_ADMIN },
    { "GET", "/quan-tri/nhat-ky", trail_page, 0, ACCESS_ADMIN },
    { "GET", "/quan-tri/don-vi", units_page, 0, ACCESS_ADMIN },
    { "GET", "/quan-tri/don-vi/moi", unit_new_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/don-vi/moi", unit_create, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/don-vi/*", unit_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/don-vi/*", unit_save, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/don-vi/*/dong", unit_close, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/don-vi/*/mo-lai", unit_reopen, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/don-vi/*/quay", counter_create, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/don-vi/*/quay/*/doi-ten", counter_rename, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/don-vi/*/quay/*/trang-thai", counter_deactivate_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/don-vi/*/quay/*/trang-thai", counter_active, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/can-bo", users_page, 0, ACCESS_ADMIN },
    { "GET", "/quan-tri/can-bo/moi", user_new_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/can-bo/moi", user_create, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/can-bo/*", user_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/can-bo/*", user_save, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/can-bo/*/khoa", user_disable, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/can-bo/*/mo-khoa", user_enable, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/can-bo/*/mat-khau", user_password, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/loai-phan-anh", kinds_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/loai-phan-anh/*", kind_save, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/xin-loi", rules_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/xin-loi/sua", rule_update, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/xin-loi/moi", rule_create, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/lich", calendar_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/lich", calendar_save, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/lich/xoa", calendar_delete, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/ma-qr", qr_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/ma-qr/moi", qr_create, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/ma-qr/thu-hoi", qr_revoke_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/ma-qr/thu-hoi", qr_revoke, R_FORM, ACCESS_ADMIN },
    { "POST", "/quan-tri/ma-qr/cap-lai", qr_replace, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/thu-tuc", procedures_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/thu-tuc", procedures_import, R_UPLOAD, ACCESS_ADMIN },
    { "GET", "/quan-tri/may-tinh-bang", kiosk_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/may-tinh-bang", kiosk_create, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/may-tinh-bang/thu-hoi", kiosk_revoke_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/may-tinh-bang/thu-hoi", kiosk_revoke, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/khoa-api", api_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/khoa-api", api_create, R_FORM, ACCESS_ADMIN },
    { "GET", "/quan-tri/khoa-api/*/ngung", api_deactivate_page, 0, ACCESS_ADMIN },
    { "POST", "/quan-tri/khoa-api/*/ngung", api_deactivate, R_FORM, ACCESS_ADMIN },
};

static const struct program prog = {
    .name = "admin", .routes = routes, .nroutes = NELEM(routes), .flags = P_STAFF_SESSION
};

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
