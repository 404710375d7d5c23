/* qrlink.c — QR links: created (the one INSERT of a link) and resolved from
 * their tokens to their context. */
#include "qrlink.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
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
    return &qr_cache[str_hash(token) % QR_CACHE_SLOTS];
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
cache_get(struct sctx *x, const char *token, time_t now, struct qrlink *out)
{
    struct qr_cached *e = cache_slot(token);

    if (strcmp(e->token, token) != 0 || now >= e->until || (e->expires && now > e->expires)) {
        return 0;
    }
    *out = e->link;
    for (size_t i = 0; i < LINK_NAMES; i++) {
        const char **s = link_names(out, i);

        *s = pool_strdup(x->pool, *s);
    }
    return 1;
}

enum db_rc
qrlink_resolve(struct sctx *x, const char *token, struct qrlink *out, enum qr_state *state)
{
    enum {
        C_ID,
        C_KIND,
        C_UNIT,
        C_COUNTER,
        C_OFFICER,
        C_DOSSIER,
        C_UNIT_NAME,
        C_UNIT_CODE,
        C_COUNTER_NAME,
        C_COUNTER_CODE,
        C_OFFICER_NAME,
        C_OFFICER_TITLE,
        C_REVOKED,
        C_EXPIRED,
        C_EXPIRES
    };
    char nonce[TOKEN_NONCE_LEN + 1];
    struct dbres res;
    enum db_rc rc;
    long long ttl = conf_int(x->app->conf, "Qr.CacheSeconds", 30);
    time_t now = time(NULL);

    memset(out, 0, sizeof(*out));
    if (token_check(x->app->secret, token, nonce) != 0) {
        *state = QR_FORGED;
        return DB_OK;
    }
    if (ttl > 0 && cache_get(x, token, now, out)) {
        *state = QR_OK;
        return DB_OK;
    }
    rc = db_query(x->db, x->pool,
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
    out->id = util_num(dbres_get(&res, 0, C_ID));
    snprintf(out->kind, sizeof(out->kind), "%s", dbres_get(&res, 0, C_KIND));
    out->unit_id = util_num(dbres_get(&res, 0, C_UNIT));
    out->counter_id = util_num(dbres_get(&res, 0, C_COUNTER));
    out->officer_id = util_num(dbres_get(&res, 0, C_OFFICER));
    out->dossier_id = util_num(dbres_get(&res, 0, C_DOSSIER));
    out->unit_name = dbres_get(&res, 0, C_UNIT_NAME);
    out->unit_code = dbres_get(&res, 0, C_UNIT_CODE);
    out->counter_name = dbres_get(&res, 0, C_COUNTER_NAME);
    out->counter_code = dbres_get(&res, 0, C_COUNTER_CODE);
    out->officer_name = dbres_get(&res, 0, C_OFFICER_NAME);
    out->officer_title = dbres_get(&res, 0, C_OFFICER_TITLE);
    snprintf(out->token, sizeof(out->token), "%s", token);
    /* NULL-safe: a missing flag is "no" */
    if (dbres_get(&res, 0, C_REVOKED) && strcmp(dbres_get(&res, 0, C_REVOKED), "1") == 0) {
        *state = QR_REVOKED;
    } else if (dbres_get(&res, 0, C_EXPIRED) && strcmp(dbres_get(&res, 0, C_EXPIRED), "1") == 0) {
        *state = QR_EXPIRED;
    } else {
        *state = QR_OK;
        if (ttl > 0) {
            cache_put(out, now + (time_t)ttl, (time_t)util_num(dbres_get(&res, 0, C_EXPIRES)));
        }
    }
    return DB_OK;
}

enum db_rc
qrlink_create(struct db *db, const unsigned char secret[32], struct qrlink *l)
{
    char nonce[TOKEN_NONCE_LEN + 1];
    unsigned long long id = 0;
    enum db_rc rc;

    token_new(secret, l->token, nonce);
    rc = db_exec(db,
                 "INSERT INTO qr_link (nonce, kind, unit_id, counter_id, officer_id, dossier_id)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 DB_ARGS(DV_S(nonce), DV_S(l->kind), DV_I(l->unit_id),
                         l->counter_id ? DV_I(l->counter_id) : DV_NULL,
                         l->officer_id ? DV_I(l->officer_id) : DV_NULL,
                         l->dossier_id ? DV_I(l->dossier_id) : DV_NULL),
                 NULL, &id);
    l->id = (long long)id;
    return rc;
}

enum db_rc
qrlink_list_unit(struct db *db, struct pool *p, long long unit_id, struct qrlink_row **rows,
                 size_t *n)
{
    enum { C_ID, C_KIND, C_COUNTER, C_OFFICER, C_CREATED, C_REVOKED, C_NONCE };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT q.id, q.kind, COALESCE(CONCAT(c.code, ' – ', c.name), ''),"
                  "       COALESCE(o.full_name, ''),"
                  "       DATE_FORMAT(q.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                  "       COALESCE(DATE_FORMAT(q.revoked_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                  "                ''), q.nonce"
                  "  FROM qr_link q LEFT JOIN counter c ON c.id = q.counter_id"
                  "  LEFT JOIN users o ON o.id = q.officer_id"
                  " WHERE q.unit_id = ? AND q." QR_NOT_DOSSIER
                  " ORDER BY q.revoked_at IS NOT NULL, q.kind, c.sort_order, o.full_name, q.id",
                  DB_ARGS(DV_I(unit_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        struct qrlink_row *q = &(*rows)[i];

        q->id = util_num(dbres_get(&res, i, C_ID));
        q->kind = dbres_get(&res, i, C_KIND);
        q->counter = dbres_get(&res, i, C_COUNTER);
        q->officer = dbres_get(&res, i, C_OFFICER);
        q->created = dbres_get(&res, i, C_CREATED);
        q->revoked = dbres_get(&res, i, C_REVOKED);
        q->nonce = dbres_get(&res, i, C_NONCE);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
qrlink_get(struct db *db, struct pool *p, long long id, int lock, struct qrlink *l,
           const char **unit_code, int *revoked)
{
    enum { C_ID, C_UNIT_CODE, C_REVOKED, C_KIND, C_UNIT, C_COUNTER, C_OFFICER };
#define QRLINK_GET                                                      \
    "SELECT q.id, u.code, q.revoked_at IS NOT NULL, q.kind, q.unit_id," \
    "       COALESCE(q.counter_id, 0), COALESCE(q.officer_id, 0)"       \
    "  FROM qr_link q JOIN org_unit u ON u.id = q.unit_id"              \
    " WHERE q.id = ? AND q." QR_NOT_DOSSIER
    struct dbres res;
    enum db_rc rc;

    memset(l, 0, sizeof(*l));
    *unit_code = NULL;
    *revoked = 0;
    rc = db_query(db, p, lock ? QRLINK_GET " FOR UPDATE" : QRLINK_GET, DB_ARGS(DV_I(id)), &res);
#undef QRLINK_GET
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    l->id = util_num(dbres_get(&res, 0, C_ID));
    snprintf(l->kind, sizeof(l->kind), "%s", dbres_get(&res, 0, C_KIND));
    l->unit_id = util_num(dbres_get(&res, 0, C_UNIT));
    l->counter_id = util_num(dbres_get(&res, 0, C_COUNTER));
    l->officer_id = util_num(dbres_get(&res, 0, C_OFFICER));
    *unit_code = dbres_get(&res, 0, C_UNIT_CODE);
    *revoked = util_num(dbres_get(&res, 0, C_REVOKED)) != 0;
    return DB_OK;
}

enum db_rc
qrlink_missing(struct db *db, struct pool *p, struct qrlink **links, size_t *n)
{
    enum { C_KIND, C_UNIT, C_COUNTER, C_OFFICER };
    static const char *const queries[] = {
        "SELECT 'counter', c.unit_id, c.id, NULL FROM counter c WHERE c.active = 1"
        "   AND NOT EXISTS (SELECT 1 FROM qr_link q WHERE q.kind = 'counter'"
        "                      AND q.counter_id = c.id AND q.revoked_at IS NULL)",
        "SELECT 'unit', u.id, NULL, NULL FROM org_unit u WHERE u.valid_to IS NULL"
        "   AND EXISTS (SELECT 1 FROM counter c WHERE c.unit_id = u.id AND c.active = 1)"
        "   AND NOT EXISTS (SELECT 1 FROM qr_link q WHERE q.kind = 'unit'"
        "                      AND q.unit_id = u.id AND q.revoked_at IS NULL)",
        "SELECT 'officer', o.unit_id, o.counter_id, o.id FROM users o"
        " WHERE o.role = 'officer' AND o.disabled = 0"
        "   AND NOT EXISTS (SELECT 1 FROM qr_link q WHERE q.kind = 'officer'"
        "                      AND q.officer_id = o.id AND q.revoked_at IS NULL)",
    };
    struct dbres res[3];
    size_t total = 0, k = 0;
    enum db_rc rc = DB_OK;

    *links = NULL;
    *n = 0;
    for (size_t q = 0; rc == DB_OK && q < 3; q++) {
        rc = db_query(db, p, queries[q], DB_NOARGS, &res[q]);
        total += rc == DB_OK ? res[q].nrows : 0;
    }
    if (rc != DB_OK || total == 0) {
        return rc;
    }
    *links = pool_alloc(p, total * sizeof(**links));
    for (size_t q = 0; q < 3; q++) {
        for (size_t i = 0; i < res[q].nrows; i++, k++) {
            struct qrlink *l = &(*links)[k];

            snprintf(l->kind, sizeof(l->kind), "%s", dbres_get(&res[q], i, C_KIND));
            l->unit_id = util_num(dbres_get(&res[q], i, C_UNIT));
            l->counter_id = util_num(dbres_get(&res[q], i, C_COUNTER));
            l->officer_id = util_num(dbres_get(&res[q], i, C_OFFICER));
        }
    }
    *n = total;
    return DB_OK;
}

enum db_rc
qrlink_nonce(struct db *db, struct pool *p, long long id, const char **nonce)
{
    struct dbres res;
    enum db_rc rc;

    *nonce = NULL;
    rc = db_query(db, p, "SELECT nonce FROM qr_link WHERE id = ?", DB_ARGS(DV_I(id)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        *nonce = dbres_get(&res, 0, 0);
    }
    return rc;
}

enum db_rc
qrlink_dossier_nonce(struct db *db, struct pool *p, long long dossier_id, const char **nonce)
{
    struct dbres res;
    enum db_rc rc;

    *nonce = NULL;
    rc = db_query(db, p,
                  "SELECT nonce FROM qr_link WHERE dossier_id = ? AND revoked_at IS NULL"
                  " ORDER BY id DESC LIMIT 1",
                  DB_ARGS(DV_I(dossier_id)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        *nonce = dbres_get(&res, 0, 0);
    }
    return rc;
}

enum db_rc
qrlink_counter_posters(struct db *db, struct pool *p, const char *unit_code,
                       struct qrlink_poster **rows, size_t *n)
{
    enum { C_NONCE, C_UNIT, C_COUNTER };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT q.nonce, u.name, c.name FROM qr_link q"
                  "  JOIN org_unit u ON u.id = q.unit_id"
                  "  JOIN counter c ON c.id = q.counter_id AND c.active = 1"
                  " WHERE u.code = ? AND q.kind = 'counter' AND q.revoked_at IS NULL"
                  " ORDER BY c.sort_order, c.code",
                  DB_ARGS(DV_S(unit_code)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].nonce = dbres_get(&res, i, C_NONCE);
        (*rows)[i].unit_name = dbres_get(&res, i, C_UNIT);
        (*rows)[i].counter_name = dbres_get(&res, i, C_COUNTER);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
qrlink_revoke(struct db *db, long long id)
{
    return db_exec(db, "UPDATE qr_link SET revoked_at = UTC_TIMESTAMP() WHERE id = ?",
                   DB_ARGS(DV_I(id)), NULL, NULL);
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
