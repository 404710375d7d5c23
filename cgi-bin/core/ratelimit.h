/* ratelimit.h — rate limits and back-off (table rate_limit), and the
 * look-ups by public code they guard. */
#ifndef MOTCUA_RATELIMIT_H
#define MOTCUA_RATELIMIT_H

#include <ClearSilver.h>

#include "db.h"
#include "sctx.h"

/* 1 when the application's rate limits are lifted: Audit.LiftRateLimits = 1
 * and Site.BaseURL on http://127.0.0.1: (a throw-away stack of make audit).
 * The functions below then count as usual but never refuse or delay. */
int ratelimits_lifted(HDF *conf);

/* A key as rate_limit.k holds it: ASCII of at most 128 bytes, so a key with
 * any other byte (a Vietnamese username) or a longer one becomes "h:" and its
 * hash (in x's pool). */
const char *ratelimit_key(struct sctx *x, const char *key);

/* Count one hit on (bucket, key) in a fixed window.  *allowed is 0 once more
 * than limit hits fell in the current window of window_s seconds. */
enum db_rc ratelimit_hit(struct sctx *x, const char *bucket, const char *key, int limit,
                         int window_s, int *allowed);

/* One hit on a limit of limit hits per window of window_s seconds, inside the
 * caller's transaction (a refused attempt is then rolled back with the rest);
 * *allowed is 0 once it is exceeded.  slots 0 or 1: one row per (bucket,
 * key), exact.  slots > 1, for a key every request shares (a counter's rating
 * link): the hit goes to one of the key's slot rows at random and the count
 * is the sum of the slots' current windows, so that concurrent hits do not
 * wait on one row; then call it first in the transaction, before any other
 * read (see ratelimit.c for why and for the bound: at most limit + slots - 1
 * hits allowed in a window). */
struct ratelimit {
    const char *bucket, *key;
    int limit, slots;
};
enum db_rc ratelimit_take(struct sctx *x, const struct ratelimit *l, int window_s, int *allowed);

/* A growing delay on one key (sign-in per account and address): failures in
 * a row, forgotten after quiet_s without one.  backoff_wait: *wait_s, the
 * seconds still to wait before another try (0: go on); after free failures
 * the wait is base_s, doubled with each further failure, at most quiet_s.
 * backoff_fail counts one failure; ratelimit_clear forgets them. */
enum db_rc backoff_wait(struct sctx *x, const char *bucket, const char *key, int free, int base_s,
                        int quiet_s, int *wait_s);
enum db_rc backoff_fail(struct sctx *x, const char *bucket, const char *key, int quiet_s);

/* Current count without adding a hit. */
enum db_rc ratelimit_count(struct sctx *x, const char *bucket, const char *key, int window_s,
                           int *count);
enum db_rc ratelimit_clear(struct sctx *x, const char *bucket, const char *key);

/* Every look-up of a public code (a feedback tracking code, a dossier code
 * with the phone's last digits), whatever route reaches it, goes through
 * code_lookup, so that neither one client nor many can walk the code space:
 *  - misses per address: once <kind>.MissesPerHour wrong look-ups came from
 *    the address in the hour, its look-ups pause (Track 30, Lookup 10);
 *  - misses per case number: after Code.MissesPerCase wrong check parts for
 *    one case number (the code without its secret part), typed look-ups of
 *    that case pause for Code.CasePauseMinutes, whoever types them.
 * A paused attempt counts as a miss of the address.  The counts are rows of
 * rate_limit keyed by address and by case number (no single hot row).
 * find(x, arg, m, &found) does the look-up itself, first; *v tells the
 * outcome, decided only once the misses are known, so a right code found
 * while the look-ups are paused is still refused.  A find may read the misses
 * in its own statement and set m->known when it found the code: a right code
 * is then one statement; the misses are read after a find that did not
 * (CODE_MISSES_COLS, a statement of its own).  In the find's statement the
 * two counts are columns (CODE_MISSES_JOIN_COLS, argument CODE_MISSES_PAUSE)
 * of two rows joined by their whole primary key (CODE_MISSES_JOIN, arguments
 * CODE_MISSES_KEYS): ratelimit_hit writes a key's slot 0 alone, and a row
 * read by its key costs MariaDB about half of a subquery's sum. */
struct code_misses {
    const char *addr_key, *case_key; /* their rate_limit keys */
    int pause_s;                     /* a case number's pause */
    long long addr, kase;            /* the misses counted, when known */
    int known;
};
#define CODE_MISSES_COLS                                                                   \
    " (SELECT COALESCE(SUM(hits), 0) FROM rate_limit WHERE bucket = 'code-ip' AND k = ?"   \
    "     AND window_start >= UTC_TIMESTAMP() - INTERVAL 3600 SECOND),"                    \
    " (SELECT COALESCE(SUM(hits), 0) FROM rate_limit WHERE bucket = 'code-case' AND k = ?" \
    "     AND window_start >= UTC_TIMESTAMP() - INTERVAL ? SECOND)"
#define CODE_MISSES_ARGS(m) DV_S((m)->addr_key), DV_S((m)->case_key), DV_I((m)->pause_s)
#define CODE_MISSES_JOIN_COLS                                                     \
    " IF(mi.window_start >= UTC_TIMESTAMP() - INTERVAL 3600 SECOND, mi.hits, 0)," \
    " IF(mc.window_start >= UTC_TIMESTAMP() - INTERVAL ? SECOND, mc.hits, 0)"
#define CODE_MISSES_JOIN                                                             \
    " LEFT JOIN rate_limit mi ON mi.bucket = 'code-ip' AND mi.k = ? AND mi.slot = 0" \
    " LEFT JOIN rate_limit mc ON mc.bucket = 'code-case' AND mc.k = ? AND mc.slot = 0"
#define CODE_MISSES_PAUSE(m) DV_I((m)->pause_s)
#define CODE_MISSES_KEYS(m) DV_S((m)->addr_key), DV_S((m)->case_key)
enum code_verdict { CODE_FOUND, CODE_MISS, CODE_PAUSED };
typedef enum db_rc (*code_find_fn)(struct sctx *x, void *arg, struct code_misses *m, int *found);
enum db_rc code_lookup(struct sctx *x, const char *kind, const char *case_no, code_find_fn find,
                       void *arg, enum code_verdict *v);

#endif
