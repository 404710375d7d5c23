/* audit.c — hash-chained audit rows. */
#include "audit.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "http.h"
#include "util.h"

static void
field(crypto_generichash_state *st, const char *s)
{
    /* length-prefixed, so no two different rows hash the same */
    unsigned long long n = s ? strlen(s) : 0;
    unsigned char len[8];

    for (int i = 0; i < 8; i++) {
        len[i] = (unsigned char)(n >> (8 * i));
    }
    crypto_generichash_update(st, len, sizeof(len));
    if (n) {
        crypto_generichash_update(st, (const unsigned char *)s, n);
    }
}

void
audit_row_hash(const unsigned char secret[32], const char *prev_hash, long long id, const char *at, long long actor_id,
               const char *action, const char *object_type, long long object_id,
               const char *ip, const char *detail, char out[65])
{
    crypto_generichash_state st;
    unsigned char h[32];
    char num[3][24];

    snprintf(num[0], sizeof(num[0]), "%lld", id);
    snprintf(num[1], sizeof(num[1]), "%lld", actor_id);
    snprintf(num[2], sizeof(num[2]), "%lld", object_id);
    crypto_generichash_init(&st, secret, 32, sizeof(h));
    field(&st, prev_hash);
    field(&st, num[0]);
    field(&st, at);
    field(&st, num[1]);
    field(&st, action);
    field(&st, object_type);
    field(&st, num[2]);
    field(&st, ip);
    field(&st, detail);
    crypto_generichash_final(&st, h, sizeof(h));
    hex_encode(out, h, sizeof(h));
}

enum db_rc
audit(struct req *r, const char *action, const char *object_type, long long object_id,
      const char *detail)
{
    struct dbres res;
    enum db_rc rc;
    long long id = 1, actor = r->user ? r->user->id : 0;
    const char *prev = "";
    char at[32], hash[65];
    time_t now = time(NULL);
    struct tm tm;

    /* the lock on the newest row serialises writers, so the chain has no forks */
    rc = db_query(r->app->db, &r->pool,
                  "SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1 FOR UPDATE",
                  DB_NOARGS, &res);
    if (rc != DB_OK) {
        return rc;
    }
    if (res.nrows) {
        parse_int(dbres_get(&res, 0, 0), 1, 1LL << 62, &id);
        id++;
        prev = dbres_get(&res, 0, 1);
    }
    gmtime_r(&now, &tm);
    strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S", &tm);
    audit_row_hash(r->app->secret, prev, id, at, actor, action, object_type, object_id, r->remote_addr, detail,
                   hash);
    return db_exec(r->app->db,
                   "INSERT INTO audit_log (id, at, actor_id, action, object_type, object_id,"
                   "                       ip, detail, prev_hash, row_hash)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   DB_ARGS(DV_I(id), DV_S(at), actor ? DV_I(actor) : DV_NULL, DV_S(action),
                           DV_S(object_type), DV_I(object_id), DV_S(r->remote_addr),
                           DV_S(detail ? detail : ""), DV_S(prev), DV_S(hash)),
                   NULL, NULL);
}
