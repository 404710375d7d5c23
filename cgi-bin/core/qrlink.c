/* qrlink.c — resolving QR tokens to their context. */
#include "qrlink.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "db.h"
#include "http.h"
#include "render.h"
#include "token.h"
#include "util.h"

/* ---- per-worker cache ----------------------------------------------------
 * Every scan of a QR code resolves its token, and the same few counters' codes
 * are scanned all day, so a worker keeps the links it found valid for
 * Qr.CacheSeconds (default 30; 0 = no cache).  A link revoked, or whose
 * counter was closed, unit closed or officer disabled, is therefore refused by
 * every worker at most that long afterwards.  Only valid links are kept: an
 * unknown, revoked or expired one is looked up again each time, so a new or
 * restored link works at once, and a link's own expiry is checked on every use.
 * Direct-mapped by token: a bounded table, an entry simply replaces another. */

#define QR_CACHE_SLOTS 256

struct qr_cached {
    char token[TOKEN_LEN + 1];      /* "" = empty slot */
    time_t until;                   /* kept until then */
    time_t expires;                 /* the link's own expiry; 0 = none */
    struct qrlink link;             /* its strings point into text */
    char *text;
};

static struct qr_cached qr_cache[QR_CACHE_SLOTS];

static struct qr_cached *
cache_slot(const char *token)
{
    uint32_t h = 2166136261u;       /* FNV-1a */

    for (const char *c = token; *c; c++) {
        h = (h ^ (unsigned char)*c) * 16777619u;
    }
    return &qr_cache[h % QR_CACHE_SLOTS];
}

#define LINK_NAMES 6

/* The i-th of a link's names (a cached link keeps them in one allocation). */
static const char **
link_names(struct qrlink *l, size_t i)
{
    const char **names[LINK_NAMES] = { &l->unit_name, &l->unit_code, &l->counter_name,
                                       &l->counter_code, &l->officer_name, &l->officer_title };

    return names[i];
}

static void
cache_put(const struct qrlink *l, time_t until, time_t expires)
{
    struct qr_cached *e = cache_slot(l->token);
    size_t n = 0;
    char *p;

    free(e->text);
    e->link = *l;
    for (size_t i = 0; i < LINK_NAMES; i++) {
        const char *s = *link_names(&e->link, i);

        n += s ? strlen(s) + 1 : 0;
    }
    p = e->text = xmalloc(n ? n : 1);
    for (size_t i = 0; i < LINK_NAMES; i++) {
        const char **s = link_names(&e->link, i);

        if (*s) {
            size_t len = strlen(*s) + 1;

            *s = memcpy(p, *s, len);
            p += len;
        }
    }
    e->until = until;
    e->expires = expires;
    snprintf(e->token, sizeof(e->token), "%s", l->token);
}

/* A valid cached link into out (its strings copied to the request's pool). */
static int
cache_get(struct req *r, const char *token, time_t now, struct qrlink *out)
{
    struct qr_cached *e = cache_slot(token);

    if (strcmp(e->token, token) != 0 || now >= e->until || (e->expires && now > e->expires)) {
        return 0;
    }
    *out = e->link;
    for (size_t i = 0; i < LINK_NAMES; i++) {
        const char **s = link_names(out, i);

        *s = pool_strdup(&r->pool, *s);
    }
    return 1;
}

enum db_rc
qrlink_resolve(struct req *r, const char *token, struct qrlink *out, enum qr_state *state)
{
    char nonce[TOKEN_NONCE_LEN + 1];
    struct dbres res;
    enum db_rc rc;
    long long ttl = conf_int(r->app->conf, "Qr.CacheSeconds", 30);
    time_t now = time(NULL);

    memset(out, 0, sizeof(*out));
    if (token_check(r->app->secret, token, nonce) != 0) {
        *state = QR_FORGED;
        return DB_OK;
    }
    if (ttl > 0 && cache_get(r, token, now, out)) {
        *state = QR_OK;
        return DB_OK;
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT q.id, q.kind, q.unit_id, COALESCE(q.counter_id, 0),"
                  "       COALESCE(q.officer_id, 0), COALESCE(q.dossier_id, 0),"
                  "       u.name, u.code, c.name, c.code, o.full_name, o.title,"
                  "       (q.revoked_at IS NOT NULL OR COALESCE(c.active, 1) = 0"
                  "        OR u.valid_to IS NOT NULL),"
                  "       q.expires_at IS NOT NULL AND q.expires_at < UTC_TIMESTAMP(),"
                  "       COALESCE(UNIX_TIMESTAMP(q.expires_at), 0)"
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
        if (ttl > 0) {
            cache_put(out, now + (time_t)ttl, (time_t)util_num(dbres_get(&res, 0, 14)));
        }
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
