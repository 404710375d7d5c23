/* staff.c — sign-in, sign-out and role checks for staff programs. */
#include "staff.h"

#include <string.h>

#include "access.h"
#include "audit.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "password.h"
#include "ratelimit.h"
#include "render.h"
#include "session.h"
#include "staff_mark.h"
#include "util.h"

int
staff_allow(struct req *r, unsigned roles)
{
    if (r->user == NULL) {
        char *esc = NULL;
        int rc;

        if (cgi_url_escape(r->path, &esc) != STATUS_OK) {
            return resp_redirect(r, "/can-bo/dang-nhap");
        }
        rc = resp_redirect(r, pool_printf(&r->pool, "/can-bo/dang-nhap?next=%s", esc));
        free(esc);
        return rc;
    }
    if (r->user->must_change_pw && strcmp(r->path, "/can-bo/doi-mat-khau") != 0) {
        return resp_redirect(r, "/can-bo/doi-mat-khau");
    }
    if (!(access_role_bit(r->user->role) & roles)) {
        hset(r, "Page.ErrDetail", lang_str(r, "Staff.Forbidden"));
        return 403;
    }
    return 0;
}

enum db_rc
staff_hdf(struct req *r)
{
    if (r->user == NULL) {
        return DB_OK;
    }
    access_menu_hdf(r);
    hset(r, "Req.User.Name", r->user->full_name);
    hset(r, "Req.User.Role", r->user->role);
    hseti(r, "Req.User.Id", r->user->id);
    if (r->user->unit_name) { /* read with the session (session_load) */
        hset(r, "Req.User.UnitName", r->user->unit_name);
    }
    return DB_OK;
}

int
staff_page(struct req *r)
{
    enum db_rc dr = staff_hdf(r);

    return dr == DB_OK ? 0 : db_fail(r, dr);
}

int
staff_confirm(struct req *r, int status, const char *kind, const char *what, const char *action,
              const char *back, const char *field, const char *const *hidden)
{
    hset(r, "Page.Confirm.Kind", kind);
    hset(r, "Page.Confirm.What", what);
    hset(r, "Page.Confirm.Action", action);
    hset(r, "Page.Confirm.Back", back);
    hset(r, "Page.Confirm.Field", field);
    for (size_t i = 0; hidden && hidden[2 * i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Confirm.Hidden.%zu.name", i), hidden[2 * i]);
        hset(r, pool_printf(&r->pool, "Page.Confirm.Hidden.%zu.value", i), hidden[2 * i + 1]);
    }
    return render_status(r, status, "staff/confirm");
}

const char *
staff_home(const char *role)
{
    return role && strcmp(role, "admin") == 0    ? "/quan-tri/"
           : role && strcmp(role, "leader") == 0 ? "/lanh-dao/"
                                                 : "/can-bo/";
}

int
staff_login_form(struct req *r)
{
    const char *next = req_query(r, "next");

    if (r->user) {
        return resp_redirect(r, staff_home(r->user->role));
    }
    if (util_safe_path(next)) {
        hset(r, "Page.Next", next);
    }
    return render(r, "staff/login");
}

static int
login_again(struct req *r, int status, const char *err_key)
{
    const char *next = req_form(r, "next");

    hset(r, "Page.Error", lang_str(r, err_key));
    hset(r, "Page.Username", req_form(r, "username"));
    if (util_safe_path(next)) {
        hset(r, "Page.Next", next);
    }
    return render_status(r, status, "staff/login");
}

/* The columns of the SELECT below. */
enum login_col { LOGIN_ID, LOGIN_PASSWORD_HASH, LOGIN_COUNTER, LOGIN_ROLE };

int
staff_login(struct req *r)
{
    const char *user = req_form(r, "username"), *pw = req_form(r, "password");
    const char *next = req_form(r, "next");
    long long window = conf_int(r->app->conf, "Login.WindowMinutes", 15) * 60;
    int max_acct = (int)conf_int(r->app->conf, "Login.MaxFailuresPerAccount", 5);
    int max_addr = (int)conf_int(r->app->conf, "Login.MaxFailuresPerAddress", 20);
    int delay = (int)conf_int(r->app->conf, "Login.DelaySeconds", 30);
    int fails_addr = 0, wait = 0, ok = 0, allowed;
    const char *pair;
    long long uid = 0;
    struct dbres res;
    enum db_rc rc;

    if (user == NULL || pw == NULL || *user == '\0' || *pw == '\0' || strlen(user) > 64 ||
        strlen(pw) > 256) {
        return login_again(r, 422, "Staff.Missing");
    }
    /* Throttle before the (deliberately slow) password check.  An account is
     * slowed down per address, with a delay that doubles with each failure,
     * so a stranger cannot lock an officer out from elsewhere. */
    pair = pool_printf(&r->pool, "%s|%s", r->remote_addr, user);
    if ((rc = backoff_wait(req_sctx(r), "login-pair", pair, max_acct, delay, (int)window, &wait)) !=
            DB_OK ||
        (rc = ratelimit_count(req_sctx(r), "login-ip", r->remote_addr, (int)window, &fails_addr)) !=
            DB_OK) {
        return db_fail(r, rc);
    }
    if (wait > 0 || fails_addr >= max_addr) {
        return login_again(r, 429, "Staff.Throttled");
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT id, password_hash, COALESCE(counter_id, 0), role FROM users"
                  " WHERE username = ? AND disabled = 0",
                  DB_ARGS(DV_S(user)), &res);
    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    if (res.nrows == 1) {
        ok = pw_verify(dbres_get(&res, 0, LOGIN_PASSWORD_HASH), pw);
        parse_int(dbres_get(&res, 0, LOGIN_ID), 1, 1LL << 62, &uid);
    } else {
        /* same cost whether or not the account exists */
        char dummy[crypto_pwhash_STRBYTES];

        pw_hash(pw, dummy);
    }
    if (!ok) {
        if ((rc = backoff_fail(req_sctx(r), "login-pair", pair, (int)window)) != DB_OK ||
            (rc = ratelimit_hit(req_sctx(r), "login-ip", r->remote_addr, max_addr, (int)window,
                                &allowed)) != DB_OK) {
            return db_fail(r, rc);
        }
        log_info("failed sign-in for %s from %s", user, r->remote_addr);
        return login_again(r, 401, "Staff.BadLogin");
    }
    if ((rc = db_begin(r->app->db)) == DB_OK && (rc = session_create(r, uid)) == DB_OK) {
        rc = ratelimit_clear(req_sctx(r), "login-pair", pair);
    }
    if (rc == DB_OK) {
        r->user = pool_alloc(&r->pool, sizeof(*r->user));
        r->user->id = uid;
        rc = audit(req_sctx(r), "login", "user", uid, NULL);
    }
    if ((rc = db_end(r->app->db, rc)) != DB_OK) {
        return db_fail(r, rc);
    }
    {
        long long counter = 0;

        parse_int(dbres_get(&res, 0, LOGIN_COUNTER), 0, 1LL << 62, &counter);
        staff_mark_set(r, uid, counter);
    }
    return resp_redirect(r,
                         util_safe_path(next) ? next : staff_home(dbres_get(&res, 0, LOGIN_ROLE)));
}

int
staff_logout(struct req *r)
{
    enum db_rc rc;

    if (r->user) {
        if ((rc = db_begin(r->app->db)) == DB_OK &&
            (rc = audit(req_sctx(r), "logout", "user", r->user->id, NULL)) == DB_OK) {
            rc = session_destroy(r);
        }
        if ((rc = db_end(r->app->db, rc)) != DB_OK) {
            return db_fail(r, rc);
        }
    } else {
        session_destroy(r);
    }
    staff_mark_clear(r);
    return resp_redirect(r, "/can-bo/dang-nhap");
}
