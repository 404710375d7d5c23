/* ratelimit.c — rate limits and back-off (table rate_limit), and the
 * look-ups by public code they guard. */
#include "ratelimit.h"

#include <sodium.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "util.h"

const char *
ratelimit_key(struct sctx *x, const char *key)
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
    out = pool_alloc(x->pool, 2 + 2 * sizeof(h) + 1);
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
ratelimit_hit(struct sctx *x, const char *bucket, const char *key, int limit, int window_s,
              int *allowed)
{
    struct dbres res;
    enum db_rc rc;
    long long hits = 0;

    key = ratelimit_key(x, key);
    /* a fixed window per (bucket, key): reset when the window has passed */
    rc = db_query(x->db, x->pool,
                  "INSERT INTO rate_limit (bucket, k, window_start, hits)"
                  " VALUES (?, ?, UTC_TIMESTAMP(), 1)"
                  " ON DUPLICATE KEY UPDATE"
                  "   hits = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, hits + 1),"
                  "   window_start = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND,"
                  "                     UTC_TIMESTAMP(), window_start)"
                  " RETURNING hits",
                  DB_ARGS(DV_S(bucket), DV_S(key), DV_I(window_s), DV_I(window_s)), &res);
    if (rc != DB_OK || res.nrows != 1) {
        return rc != DB_OK ? rc : DB_ERR;
    }
    parse_int(dbres_get(&res, 0, 0), 0, 1LL << 40, &hits);
    *allowed = hits <= limit || ratelimits_lifted(x->app->conf);
    return DB_OK;
}

/* A spread key's count is its own slot's hits, exact (its row is locked by
 * the hit), plus the other slots' hits of their current windows, read
 * without locking them (a locking read would wait on every other rating
 * again).  Each slot row keeps its own fixed window.
 *
 * Bound, when the hit is the first statement of its transaction: under
 * REPEATABLE READ the plain SELECT that follows it is the transaction's
 * first read and takes its snapshot, while the hit's row lock is held until
 * the commit.  Take the allowed hit h whose snapshot is the latest: it saw
 * every hit committed before, so those number at most limit - 1; any other
 * allowed hit committed after h's snapshot held its slot's lock at that
 * moment, as did h, so there are at most slots - 1 of them, one per other
 * slot.  Hence at most limit + slots - 1 allowed in a window on one database
 * node; hits made one after another are counted exactly (the limit + 1th is
 * refused).  On a Galera cluster a node sees the other's hits once they are
 * applied, so hits still in replication may be let through as well. */
enum db_rc
ratelimit_take(struct sctx *x, const struct ratelimit *l, int window_s, int *allowed)
{
    struct dbres res;
    enum db_rc rc;
    long long hits;
    int n = l->slots > 255 ? 255 : l->slots; /* slot is a TINYINT UNSIGNED */
    unsigned slot = n > 1 ? randombytes_uniform((uint32_t)n) : 0;
    const char *key = ratelimit_key(x, l->key);

    /* the same window rule as ratelimit_hit */
    rc = db_query(x->db, x->pool,
                  "INSERT INTO rate_limit (bucket, k, slot, window_start, hits)"
                  " VALUES (?, ?, ?, UTC_TIMESTAMP(), 1)"
                  " ON DUPLICATE KEY UPDATE"
                  "   hits = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, hits + 1),"
                  "   window_start = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND,"
                  "                     UTC_TIMESTAMP(), window_start)"
                  " RETURNING hits",
                  DB_ARGS(DV_S(l->bucket), DV_S(key), DV_I(slot), DV_I(window_s), DV_I(window_s)),
                  &res);
    if (rc != DB_OK || res.nrows != 1) {
        return rc != DB_OK ? rc : DB_ERR;
    }
    hits = util_num(dbres_get(&res, 0, 0));
    if (n > 1) {
        rc = db_query(x->db, x->pool,
                      "SELECT COALESCE(SUM(hits), 0) FROM rate_limit"
                      " WHERE bucket = ? AND k = ? AND slot <> ?"
                      "   AND window_start >= UTC_TIMESTAMP() - INTERVAL ? SECOND",
                      DB_ARGS(DV_S(l->bucket), DV_S(key), DV_I(slot), DV_I(window_s)), &res);
        if (rc != DB_OK) {
            return rc;
        }
        hits += util_num(dbres_get(&res, 0, 0));
    }
    *allowed = hits <= l->limit || ratelimits_lifted(x->app->conf);
    return DB_OK;
}

enum backoff_col { BO_HITS, BO_SINCE }; /* the columns of the SELECT below */

enum db_rc
backoff_wait(struct sctx *x, const char *bucket, const char *key, int free, int base_s, int quiet_s,
             int *wait_s)
{
    struct dbres res;
    long long fails, since, wait;
    enum db_rc rc;

    *wait_s = 0;
    if (ratelimits_lifted(x->app->conf)) {
        return DB_OK;
    }
    /* for this bucket window_start holds the time of the last failure */
    rc = db_query(x->db, x->pool,
                  "SELECT hits, TIMESTAMPDIFF(SECOND, window_start, UTC_TIMESTAMP())"
                  "  FROM rate_limit WHERE bucket = ? AND k = ?"
                  "   AND window_start >= UTC_TIMESTAMP() - INTERVAL ? SECOND",
                  DB_ARGS(DV_S(bucket), DV_S(ratelimit_key(x, key)), DV_I(quiet_s)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    fails = util_num(dbres_get(&res, 0, BO_HITS));
    since = util_num(dbres_get(&res, 0, BO_SINCE));
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
backoff_fail(struct sctx *x, const char *bucket, const char *key, int quiet_s)
{
    return db_exec(x->db,
                   "INSERT INTO rate_limit (bucket, k, window_start, hits)"
                   " VALUES (?, ?, UTC_TIMESTAMP(), 1)"
                   " ON DUPLICATE KEY UPDATE"
                   "   hits = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, hits + 1),"
                   "   window_start = UTC_TIMESTAMP()",
                   DB_ARGS(DV_S(bucket), DV_S(ratelimit_key(x, key)), DV_I(quiet_s)), NULL, NULL);
}

enum db_rc
ratelimit_count(struct sctx *x, const char *bucket, const char *key, int window_s, int *count)
{
    struct dbres res;
    long long hits = 0;
    enum db_rc rc;

    key = ratelimit_key(x, key);
    rc = db_query(x->db, x->pool,
                  "SELECT hits FROM rate_limit WHERE bucket = ? AND k = ?"
                  "   AND window_start >= UTC_TIMESTAMP() - INTERVAL ? SECOND",
                  DB_ARGS(DV_S(bucket), DV_S(key), DV_I(window_s)), &res);
    if (rc == DB_OK && res.nrows && !ratelimits_lifted(x->app->conf)) {
        parse_int(dbres_get(&res, 0, 0), 0, 1LL << 40, &hits);
    }
    *count = (int)hits;
    return rc;
}

enum db_rc
ratelimit_clear(struct sctx *x, const char *bucket, const char *key)
{
    return db_exec(x->db, "DELETE FROM rate_limit WHERE bucket = ? AND k = ?",
                   DB_ARGS(DV_S(bucket), DV_S(ratelimit_key(x, key))), NULL, NULL);
}

/* ---- look-ups by public code ------------------------------------------ */

enum db_rc
code_lookup(struct sctx *x, const char *kind, const char *case_no, code_find_fn find, void *arg,
            enum code_verdict *v)
{
    int addr_limit = (int)conf_int(x->app->conf, pool_printf(x->pool, "%s.MissesPerHour", kind),
                                   strcmp(kind, "Lookup") == 0 ? 10 : 30);
    int case_limit = (int)conf_int(x->app->conf, "Code.MissesPerCase", 5);
    int pause_s = (int)conf_int(x->app->conf, "Code.CasePauseMinutes", 15) * 60;
    const char *case_key = pool_printf(x->pool, "%s:%s", kind, case_no);
    struct code_misses m = {
        ratelimit_key(x, x->addr), ratelimit_key(x, case_key), pause_s, 0, 0, 0
    };
    struct dbres res;
    enum db_rc rc;
    int found = 0, allowed;

    *v = CODE_PAUSED;
    if ((rc = find(x, arg, &m, &found)) != DB_OK) {
        return rc;
    }
    if (!m.known) {
        /* both counts in one statement */
        rc = db_query(x->db, x->pool, "SELECT" CODE_MISSES_COLS, DB_ARGS(CODE_MISSES_ARGS(&m)),
                      &res);
        if (rc != DB_OK) {
            return rc;
        }
        m.addr = util_num(dbres_get(&res, 0, 0));
        m.kase = util_num(dbres_get(&res, 0, 1));
    }
    if (ratelimits_lifted(x->app->conf)) {
        m.addr = m.kase = 0;
    }
    if (m.addr >= addr_limit) {
        return DB_OK;
    }
    if (m.kase < case_limit) {
        if (found) {
            *v = CODE_FOUND;
            return DB_OK;
        }
        *v = CODE_MISS;
        rc = ratelimit_hit(x, "code-case", case_key, case_limit, pause_s, &allowed);
        if (rc != DB_OK) {
            return rc;
        }
    }
    return ratelimit_hit(x, "code-ip", x->addr, addr_limit, 3600, &allowed);
}
