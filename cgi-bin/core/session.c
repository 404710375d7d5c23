/* session.c — staff sessions (table session) and their cookie "mc_s". */
#include "session.h"

#include <string.h>

#include "conf.h"
#include "crypto.h"
#include "db.h"
#include "http.h"
#include "util.h"

/* The columns of the SELECT below. */
enum session_col {
    SL_ID,
    SL_UNIT,
    SL_USERNAME,
    SL_FULL_NAME,
    SL_ROLE,
    SL_MUST_CHANGE_PW,
    SL_UNIT_NAME,
    SL_UNIT_PATH,
    SL_TOUCH /* "1": last seen over a minute ago */
};

enum db_rc
session_load(struct req *r)
{
    const char *tok = req_cookie(r, "mc_s");
    char h[65];
    struct dbres res;
    enum db_rc rc;
    long long idle = conf_int(r->app->conf, "Session.IdleMinutes", 30);

    if (tok == NULL || strlen(tok) != 64) {
        return DB_OK;
    }
    sec_hash_hex(tok, h);
    rc = db_query(r->app->db, &r->pool,
                  "SELECT u.id, u.unit_id, u.username, u.full_name, u.role, u.must_change_pw,"
                  "       ou.name, ou.path, s.last_seen < UTC_TIMESTAMP() - INTERVAL 1 MINUTE"
                  "  FROM session s JOIN users u ON u.id = s.user_id"
                  "  LEFT JOIN org_unit ou ON ou.id = u.unit_id"
                  " WHERE s.id_hash = ? AND s.expires_at > UTC_TIMESTAMP()"
                  "   AND s.last_seen > UTC_TIMESTAMP() - INTERVAL ? MINUTE"
                  "   AND u.disabled = 0",
                  DB_ARGS(DV_S(h), DV_I(idle)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    r->user = pool_alloc(&r->pool, sizeof(*r->user));
    parse_int(dbres_get(&res, 0, SL_ID), 1, 1LL << 62, &r->user->id);
    parse_int(dbres_get(&res, 0, SL_UNIT), 1, 1LL << 62, &r->user->unit_id);
    r->user->username = (char *)dbres_get(&res, 0, SL_USERNAME);
    r->user->full_name = (char *)dbres_get(&res, 0, SL_FULL_NAME);
    r->user->role = (char *)dbres_get(&res, 0, SL_ROLE);
    r->user->must_change_pw = strcmp(dbres_get(&res, 0, SL_MUST_CHANGE_PW), "1") == 0;
    r->user->unit_name = (char *)dbres_get(&res, 0, SL_UNIT_NAME);
    r->user->unit_path = (char *)dbres_get(&res, 0, SL_UNIT_PATH);
    r->user->session_hash = pool_strdup(&r->pool, h);
    /* sliding idle expiry; at most one write a minute per session, and no
     * statement at all in between */
    if (strcmp(dbres_get(&res, 0, SL_TOUCH), "1") != 0) {
        return DB_OK;
    }
    return db_exec(r->app->db,
                   "UPDATE session SET last_seen = UTC_TIMESTAMP()"
                   " WHERE id_hash = ? AND last_seen < UTC_TIMESTAMP() - INTERVAL 1 MINUTE",
                   DB_ARGS(DV_S(h)), NULL, NULL);
}

enum db_rc
session_create(struct req *r, long long user_id)
{
    char tok[65], h[65];
    long long hours = conf_int(r->app->conf, "Session.MaxHours", 12);
    enum db_rc rc;

    random_hex(tok, 32);
    sec_hash_hex(tok, h);
    rc = db_exec(r->app->db,
                 "INSERT INTO session (id_hash, user_id, created_at, last_seen, expires_at, ip)"
                 " VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(),"
                 "         UTC_TIMESTAMP() + INTERVAL ? HOUR, ?)",
                 DB_ARGS(DV_S(h), DV_I(user_id), DV_I(hours), DV_S(r->remote_addr)), NULL, NULL);
    if (rc == DB_OK) {
        /* no Max-Age: the cookie ends with the browser; the server enforces expiry */
        char *v = pool_printf(&r->pool, "mc_s=%s; Path=/; HttpOnly; SameSite=Lax%s", tok,
                              r->https ? "; Secure" : "");

        resp_header(r, "Set-Cookie", v);
    }
    return rc;
}

enum db_rc
session_destroy(struct req *r)
{
    resp_header(r, "Set-Cookie", "mc_s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    if (r->user == NULL) {
        return DB_OK;
    }
    return db_exec(r->app->db, "DELETE FROM session WHERE id_hash = ?",
                   DB_ARGS(DV_S(r->user->session_hash)), NULL, NULL);
}

enum db_rc
session_close_others(struct req *r)
{
    return db_exec(r->app->db, "DELETE FROM session WHERE user_id = ? AND id_hash <> ?",
                   DB_ARGS(DV_I(r->user->id), DV_S(r->user->session_hash)), NULL, NULL);
}
