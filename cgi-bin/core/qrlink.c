/* qrlink.c — resolving QR tokens to their context. */
#include "qrlink.h"

#include <string.h>

#include "conf.h"

enum db_rc
qrlink_resolve(struct req *r, const char *token, struct qrlink *out, enum qr_state *state)
{
    char nonce[TOKEN_NONCE_LEN + 1];
    struct dbres res;
    enum db_rc rc;

    memset(out, 0, sizeof(*out));
    if (token_check(r->app->secret, token, nonce) != 0) {
        *state = QR_FORGED;
        return DB_OK;
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT q.id, q.kind, q.unit_id, COALESCE(q.counter_id, 0),"
                  "       COALESCE(q.officer_id, 0), COALESCE(q.dossier_id, 0),"
                  "       u.name, u.code, c.name, c.code, o.full_name, o.title,"
                  "       (q.revoked_at IS NOT NULL OR COALESCE(c.active, 1) = 0"
                  "        OR u.valid_to IS NOT NULL),"
                  "       q.expires_at IS NOT NULL AND q.expires_at < UTC_TIMESTAMP()"
                  "  FROM qr_link q JOIN org_unit u ON u.id = q.unit_id"
                  "  LEFT JOIN counter c ON c.id = q.counter_id"
                  "  LEFT JOIN users o ON o.id = q.officer_id AND o.disabled = 0"
                  " WHERE q.nonce = ?",
                  DB_ARGS(DV_S(nonce)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    if (res.nrows == 0) {
        *state = QR_UNKNOWN;
        return DB_OK;
    }
    out->id = util_num(dbres_get(&res, 0, 0));
    snprintf(out->kind, sizeof(out->kind), "%s", dbres_get(&res, 0, 1));
    out->unit_id = util_num(dbres_get(&res, 0, 2));
    out->counter_id = util_num(dbres_get(&res, 0, 3));
    out->officer_id = util_num(dbres_get(&res, 0, 4));
    out->dossier_id = util_num(dbres_get(&res, 0, 5));
    out->unit_name = dbres_get(&res, 0, 6);
    out->unit_code = dbres_get(&res, 0, 7);
    out->counter_name = dbres_get(&res, 0, 8);
    out->counter_code = dbres_get(&res, 0, 9);
    out->officer_name = dbres_get(&res, 0, 10);
    out->officer_title = dbres_get(&res, 0, 11);
    snprintf(out->token, sizeof(out->token), "%s", token);
    /* NULL-safe: a missing flag is "no" */
    if (dbres_get(&res, 0, 12) && strcmp(dbres_get(&res, 0, 12), "1") == 0) {
        *state = QR_REVOKED;
    } else if (dbres_get(&res, 0, 13) && strcmp(dbres_get(&res, 0, 13), "1") == 0) {
        *state = QR_EXPIRED;
    } else {
        *state = QR_OK;
    }
    return DB_OK;
}

void
qrlink_hdf(struct req *r, const struct qrlink *l, const char *prefix)
{
    char k[96];

#define SET(name, v) do { snprintf(k, sizeof(k), "%s.%s", prefix, name); hset(r, k, v); } while (0)
    SET("Kind", l->kind);
    SET("Token", l->token);
    SET("UnitName", l->unit_name);
    SET("UnitCode", l->unit_code);
    if (l->counter_name) {
        SET("CounterName", l->counter_name);
        SET("CounterCode", l->counter_code);
    }
    if (l->officer_name) {
        SET("OfficerName", l->officer_name);
        SET("OfficerTitle", l->officer_title);
    }
#undef SET
}

const char *
qrlink_url(struct req *r, const char *token)
{
    return pool_printf(&r->pool, "%s/q/%s", conf_str(r->app->conf, "Site.BaseURL", ""), token);
}
