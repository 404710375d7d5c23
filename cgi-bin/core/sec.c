/* sec.c — CSRF, passwords, sessions, rate limits. */
#include "sec.h"

#include <string.h>
#include <strings.h>

#include "conf.h"

void
mac(const unsigned char secret[32], const char *purpose, const void *msg, size_t len,
    unsigned char *out, size_t outlen)
{
    crypto_generichash_state st;

    crypto_generichash_init(&st, secret, 32, outlen);
    crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
    crypto_generichash_update(&st, msg, len);
    crypto_generichash_final(&st, out, outlen);
}

void
random_hex(char *out, size_t nbytes)
{
    unsigned char b[64];

    if (nbytes > sizeof(b)) {
        nbytes = sizeof(b);
    }
    randombytes_buf(b, nbytes);
    hex_encode(out, b, nbytes);
}

/* ---- CSRF ---------------------------------------------------------------
 * Signed-in staff: the token is a MAC of the session.  Anonymous visitors: a
 * random cookie "mc_csrf" and the token is a MAC of it (double submit, signed). */

void
csrf_prepare(struct req *r)
{
    const char *seed;
    unsigned char t[32];

    if (r->user) {
        mac(r->app->secret, "csrf-session", r->user->session_hash,
            strlen(r->user->session_hash), t, sizeof(t));
    } else {
        seed = req_cookie(r, "mc_csrf");
        if (seed == NULL || strlen(seed) != 32) {
            char *fresh = pool_alloc(&r->pool, 33);

            random_hex(fresh, 16);
            resp_cookie(r, "mc_csrf", fresh, 30L * 86400, 1);
            seed = fresh;   /* a POST in this request still needs the old cookie */
        }
        mac(r->app->secret, "csrf-anon", seed, strlen(seed), t, sizeof(t));
    }
    hex_encode(r->csrf, t, sizeof(t));
}

/* The Origin of a POST must be this site: scheme://host[:port] compared with
 * the Host nginx passes ($host, without port) and SERVER_PORT. */
static int
origin_ok(struct req *r)
{
    const char *o = r->origin, *host = r->host, *port = req_header(r, "SERVER_PORT");
    const char *rest, *colon, *want_port;
    size_t hlen;

    if (o == NULL || *o == '\0') {
        return 1;  /* old browsers send none; the token still protects */
    }
    if (strncmp(o, "https://", 8) == 0) {
        rest = o + 8, want_port = "443";
    } else if (strncmp(o, "http://", 7) == 0) {
        rest = o + 7, want_port = "80";
    } else {
        return 0;
    }
    colon = strrchr(rest, ':');
    hlen = colon ? (size_t)(colon - rest) : strlen(rest);
    if (colon) {
        want_port = colon + 1;
    }
    if (host == NULL || strlen(host) != hlen || strncasecmp(rest, host, hlen) != 0) {
        return 0;
    }
    /* behind a TLS-terminating proxy SERVER_PORT may differ; the host check is what matters */
    return port == NULL || r->https || strcmp(port, want_port) == 0;
}

int
csrf_ok(struct req *r)
{
    const char *got = req_form(r, "csrf");
    const char *seed = req_cookie(r, "mc_csrf");
    unsigned char t[32];
    char want[65];

    if (!origin_ok(r) || got == NULL || strlen(got) != 64) {
        return 0;
    }
    if (r->user) {
        return sodium_memcmp(got, r->csrf, 64) == 0;
    }
    /* anonymous: the token must match the cookie the browser sent */
    if (seed == NULL || strlen(seed) != 32) {
        return 0;
    }
    mac(r->app->secret, "csrf-anon", seed, strlen(seed), t, sizeof(t));
    hex_encode(want, t, sizeof(t));
    return sodium_memcmp(got, want, 64) == 0;
}

/* ---- passwords --------------------------------------------------------- */

int
pw_hash(const char *pw, char *out)
{
    return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
pw_verify(const char *hash, const char *pw)
{
    return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

/* ---- sessions ---------------------------------------------------------- */

void
sec_hash_hex(const char *token, char out[65])
{
    unsigned char h[32];

    crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
    hex_encode(out, h, sizeof(h));
}

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
                  "SELECT u.id, u.unit_id, u.username, u.full_name, u.role, u.must_change_pw"
                  "  FROM session s JOIN users u ON u.id = s.user_id"
                  " WHERE s.id_hash = ? AND s.expires_at > UTC_TIMESTAMP()"
                  "   AND s.last_seen > UTC_TIMESTAMP() - INTERVAL ? MINUTE"
                  "   AND u.disabled = 0",
                  DB_ARGS(DV_S(h), DV_I(idle)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    r->user = pool_alloc(&r->pool, sizeof(*r->user));
    parse_int(dbres_get(&res, 0, 0), 1, 1LL << 62, &r->user->id);
    parse_int(dbres_get(&res, 0, 1), 1, 1LL << 62, &r->user->unit_id);
    r->user->username = (char *)dbres_get(&res, 0, 2);
    r->user->full_name = (char *)dbres_get(&res, 0, 3);
    r->user->role = (char *)dbres_get(&res, 0, 4);
    r->user->must_change_pw = strcmp(dbres_get(&res, 0, 5), "1") == 0;
    r->user->session_hash = pool_strdup(&r->pool, h);
    /* sliding idle expiry; at most one write a minute per session */
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

/* ---- rate limits ------------------------------------------------------- */

/* rate_limit.k is ASCII of at most 128 bytes: a key with any other byte (a
 * Vietnamese username) or a longer one is stored as "h:" and its hash. */
static const char *
rl_key(struct req *r, const char *key)
{
    size_t n = strlen(key);
    unsigned char h[16];
    char *out;

    if (n <= 100) {
        size_t i;

        for (i = 0; i < n && (unsigned char)key[i] >= 0x20 && (unsigned char)key[i] < 0x7f; i++) {
        }
        if (i == n) {
            return key;
        }
    }
    crypto_generichash(h, sizeof(h), (const unsigned char *)key, n, NULL, 0);
    out = pool_alloc(&r->pool, 2 + 2 * sizeof(h) + 1);
    memcpy(out, "h:", 2);
    hex_encode(out + 2, h, sizeof(h));
    return out;
}

/* The application's own rate limits are lifted only for a throw-away stack
 * that an audit floods on purpose (make audit): the key Audit.LiftRateLimits
 * set to 1 in the configuration scripts/stack.sh generates, and a site on
 * 127.0.0.1.  Hits are still counted; nothing is refused. */
int
ratelimits_lifted(HDF *conf)
{
    return conf_int(conf, "Audit.LiftRateLimits", 0) == 1 &&
           strncmp(conf_str(conf, "Site.BaseURL", ""), "http://127.0.0.1:", 17) == 0;
}

enum db_rc
ratelimit_hit(struct req *r, const char *bucket, const char *key, int limit, int window_s,
              int *allowed)
{
    struct dbres res;
    enum db_rc rc;
    long long hits = 0;

    key = rl_key(r, key);
    /* a fixed window per (bucket, key): reset when the window has passed */
    rc = db_exec(r->app->db,
                 "INSERT INTO rate_limit (bucket, k, window_start, hits)"
                 " VALUES (?, ?, UTC_TIMESTAMP(), 1)"
                 " ON DUPLICATE KEY UPDATE"
                 "   hits = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, hits + 1),"
                 "   window_start = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND,"
                 "                     UTC_TIMESTAMP(), window_start)",
                 DB_ARGS(DV_S(bucket), DV_S(key), DV_I(window_s), DV_I(window_s)), NULL, NULL);
    if (rc != DB_OK) {
        return rc;
    }
    rc = db_query(r->app->db, &r->pool, "SELECT hits FROM rate_limit WHERE bucket = ? AND k = ?",
                  DB_ARGS(DV_S(bucket), DV_S(key)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    parse_int(dbres_get(&res, 0, 0), 0, 1LL << 40, &hits);
    *allowed = hits <= limit || ratelimits_lifted(r->app->conf);
    return DB_OK;
}

enum db_rc
ratelimit_hit_pair(struct req *r, const struct ratelimit pair[2], int window_s, int *allowed)
{
    struct dbres res;
    enum db_rc rc;
    const char *k0 = rl_key(r, pair[0].key), *k1 = rl_key(r, pair[1].key);

    /* the same window rule as ratelimit_hit; RETURNING hands back both counts */
    rc = db_query(r->app->db, &r->pool,
                  "INSERT INTO rate_limit (bucket, k, window_start, hits)"
                  " VALUES (?, ?, UTC_TIMESTAMP(), 1), (?, ?, UTC_TIMESTAMP(), 1)"
                  " ON DUPLICATE KEY UPDATE"
                  "   hits = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, hits + 1),"
                  "   window_start = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND,"
                  "                     UTC_TIMESTAMP(), window_start)"
                  " RETURNING bucket, hits",
                  DB_ARGS(DV_S(pair[0].bucket), DV_S(k0), DV_S(pair[1].bucket), DV_S(k1), DV_I(window_s), DV_I(window_s)),
                  &res);
    if (rc != DB_OK) {
        return rc;
    }
    *allowed = 1;
    for (size_t i = 0; i < res.nrows; i++) {
        for (size_t j = 0; j < 2; j++) {
            if (strcmp(dbres_get(&res, i, 0), pair[j].bucket) == 0 &&
                util_num(dbres_get(&res, i, 1)) > pair[j].limit) {
                *allowed = 0;
            }
        }
    }
    if (ratelimits_lifted(r->app->conf)) {
        *allowed = 1;
    }
    return DB_OK;
}

enum db_rc
backoff_wait(struct req *r, const char *bucket, const char *key, int free, int base_s,
             int quiet_s, int *wait_s)
{
    struct dbres res;
    long long fails, since, wait;
    enum db_rc rc;

    *wait_s = 0;
    if (ratelimits_lifted(r->app->conf)) {
        return DB_OK;
    }
    /* for this bucket window_start holds the time of the last failure */
    rc = db_query(r->app->db, &r->pool,
                  "SELECT hits, TIMESTAMPDIFF(SECOND, window_start, UTC_TIMESTAMP())"
                  "  FROM rate_limit WHERE bucket = ? AND k = ?"
                  "   AND window_start >= UTC_TIMESTAMP() - INTERVAL ? SECOND",
                  DB_ARGS(DV_S(bucket), DV_S(rl_key(r, key)), DV_I(quiet_s)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    fails = util_num(dbres_get(&res, 0, 0));
    since = util_num(dbres_get(&res, 0, 1));
    if (fails < free) {
        return DB_OK;
    }
    wait = fails - free >= 20 ? quiet_s : (long long)base_s << (fails - free);
    if (wait > quiet_s) {
        wait = quiet_s;
    }
    *wait_s = wait > since ? (int)(wait - since) : 0;
    return DB_OK;
}

enum db_rc
backoff_fail(struct req *r, const char *bucket, const char *key, int quiet_s)
{
    return db_exec(r->app->db,
                   "INSERT INTO rate_limit (bucket, k, window_start, hits)"
                   " VALUES (?, ?, UTC_TIMESTAMP(), 1)"
                   " ON DUPLICATE KEY UPDATE"
                   "   hits = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, hits + 1),"
                   "   window_start = UTC_TIMESTAMP()",
                   DB_ARGS(DV_S(bucket), DV_S(rl_key(r, key)), DV_I(quiet_s)), NULL, NULL);
}

enum db_rc
ratelimit_count(struct req *r, const char *bucket, const char *key, int window_s, int *count)
{
    struct dbres res;
    long long hits = 0;
    enum db_rc rc;

    key = rl_key(r, key);
    rc = db_query(r->app->db, &r->pool,
                  "SELECT hits FROM rate_limit WHERE bucket = ? AND k = ?"
                  "   AND window_start >= UTC_TIMESTAMP() - INTERVAL ? SECOND",
                  DB_ARGS(DV_S(bucket), DV_S(key), DV_I(window_s)), &res);
    if (rc == DB_OK && res.nrows && !ratelimits_lifted(r->app->conf)) {
        parse_int(dbres_get(&res, 0, 0), 0, 1LL << 40, &hits);
    }
    *count = (int)hits;
    return rc;
}

enum db_rc
ratelimit_clear(struct req *r, const char *bucket, const char *key)
{
    return db_exec(r->app->db, "DELETE FROM rate_limit WHERE bucket = ? AND k = ?",
                   DB_ARGS(DV_S(bucket), DV_S(rl_key(r, key))), NULL, NULL);
}

/* ---- look-ups by public code ------------------------------------------ */

enum db_rc
code_lookup(struct req *r, const char *kind, const char *case_no, code_find_fn find, void *arg,
            enum code_verdict *v)
{
    int addr_limit = (int)conf_int(r->app->conf, pool_printf(&r->pool, "%s.MissesPerHour", kind),
                                   strcmp(kind, "Lookup") == 0 ? 10 : 30);
    int case_limit = (int)conf_int(r->app->conf, "Code.MissesPerCase", 5);
    int pause_s = (int)conf_int(r->app->conf, "Code.CasePauseMinutes", 15) * 60;
    const char *case_key = pool_printf(&r->pool, "%s:%s", kind, case_no);
    int addr_misses = 0, case_misses = 0, found = 0, allowed;
    enum db_rc rc;

    *v = CODE_PAUSED;
    if ((rc = ratelimit_count(r, "code-ip", r->remote_addr, 3600, &addr_misses)) != DB_OK) {
        return rc;
    }
    if (addr_misses >= addr_limit) {
        return DB_OK;
    }
    if ((rc = ratelimit_count(r, "code-case", case_key, pause_s, &case_misses)) != DB_OK) {
        return rc;
    }
    if (case_misses < case_limit) {
        if ((rc = find(r, arg, &found)) != DB_OK) {
            return rc;
        }
        if (found) {
            *v = CODE_FOUND;
            return DB_OK;
        }
        *v = CODE_MISS;
        rc = ratelimit_hit(r, "code-case", case_key, case_limit, pause_s, &allowed);
        if (rc != DB_OK) {
            return rc;
        }
    }
    return ratelimit_hit(r, "code-ip", r->remote_addr, addr_limit, 3600, &allowed);
}

/* ---- staff mark -------------------------------------------------------- */

void
staff_mark_set(struct req *r, long long user_id, long long counter_id)
{
    char body[48], m[33];
    unsigned char t[16];

    snprintf(body, sizeof(body), "%lld.%lld", user_id, counter_id);
    mac(r->app->secret, "staff-mark", body, strlen(body), t, sizeof(t));
    hex_encode(m, t, sizeof(t));
    resp_cookie(r, "mc_staff", pool_printf(&r->pool, "%s.%s", body, m), 12L * 3600, 1);
}

void
staff_mark_clear(struct req *r)
{
    resp_header(r, "Set-Cookie", "mc_staff=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
}

int
staff_mark_get(struct req *r, long long *user_id, long long *counter_id)
{
    const char *v = req_cookie(r, "mc_staff"), *dot;
    unsigned char t[16];
    char want[33];
    size_t blen;

    if (v == NULL || (dot = strrchr(v, '.')) == NULL || strlen(dot + 1) != 32) {
        return 0;
    }
    blen = (size_t)(dot - v);
    mac(r->app->secret, "staff-mark", v, blen, t, sizeof(t));
    hex_encode(want, t, sizeof(t));
    if (sodium_memcmp(want, dot + 1, 32) != 0 || sscanf(v, "%lld.%lld", user_id, counter_id) != 2) {
        return 0;
    }
    return 1;
}
