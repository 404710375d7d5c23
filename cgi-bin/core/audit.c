/* audit.c — hash-chained audit rows. */
#include "audit.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "db.h"
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

const char *const audit_export_purposes[] = { "bao_cao", "thanh_tra", "khieu_nai", "khac", NULL };

enum last_col { LAST_ID, LAST_HASH }; /* the columns of the SELECT below */

enum db_rc
audit(struct sctx *x, const char *action, const char *object_type, long long object_id,
      const char *detail)
{
    struct dbres res;
    enum db_rc rc;
    long long id = 1, actor = x->user ? x->user->id : 0;
    const char *prev = "";
    char at[32], hash[65];
    time_t now = time(NULL);
    struct tm tm;

    /* the lock on the newest row serialises writers, so the chain has no forks */
    rc = db_query(x->db, x->pool,
                  "SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1 FOR UPDATE",
                  DB_NOARGS, &res);
    if (rc != DB_OK) {
        return rc;
    }
    if (res.nrows) {
        parse_int(dbres_get(&res, 0, LAST_ID), 1, 1LL << 62, &id);
        id++;
        prev = dbres_get(&res, 0, LAST_HASH);
    }
    gmtime_r(&now, &tm);
    strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S", &tm);
    audit_row_hash(x->app->secret, prev, id, at, actor, action, object_type, object_id, x->addr,
                   detail, hash);
    return db_exec(x->db,
                   "INSERT INTO audit_log (id, at, actor_id, action, object_type, object_id,"
                   "                       ip, detail, prev_hash, row_hash)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   DB_ARGS(DV_I(id), DV_S(at), actor ? DV_I(actor) : DV_NULL, DV_S(action),
                           DV_S(object_type), DV_I(object_id), DV_S(x->addr),
                           DV_S(detail ? detail : ""), DV_S(prev), DV_S(hash)),
                   NULL, NULL);
}

/* what the administration changes: the objects of the administrator's pages */
#define ADMIN_OBJECTS                                                          \
    "('org_unit', 'counter', 'user', 'qr_link', 'kiosk_device', 'api_client'," \
    " 'feedback_kind', 'calendar_day', 'apology_rule', 'procedure')"

enum db_rc
audit_admin_trail(struct db *db, struct pool *p, const struct audit_admin_filter *f,
                  long long offset, size_t limit, struct audit_trail_row **rows, size_t *n)
{
    enum { C_AT, C_ACTOR, C_KEY, C_OBJECT, C_IP, C_DETAIL };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc =
        db_query(db, p,
                 "SELECT DATE_FORMAT(a.at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i:%s'), o.full_name,"
                 "       REPLACE(a.action, '.', '_'),"
                 "       CASE a.object_type WHEN 'org_unit' THEN u.name"
                 "            WHEN 'counter' THEN CONCAT(c.code, ' · ', cu.short_name)"
                 "            WHEN 'user' THEN t.username ELSE '' END,"
                 "       a.ip, LEFT(a.detail, 200)"
                 "  FROM audit_log a LEFT JOIN users o ON o.id = a.actor_id"
                 "  LEFT JOIN org_unit u ON a.object_type = 'org_unit' AND u.id = a.object_id"
                 "  LEFT JOIN counter c ON a.object_type = 'counter' AND c.id = a.object_id"
                 "  LEFT JOIN org_unit cu ON cu.id = c.unit_id"
                 "  LEFT JOIN users t ON a.object_type = 'user' AND t.id = a.object_id"
                 " WHERE a.object_type IN " ADMIN_OBJECTS
                 "   AND a.action NOT IN ('login', 'logout', 'user.password')"
                 "   AND (? = 0 OR a.actor_id = ?) AND (? IS NULL OR REPLACE(a.action, '.', '_') = "
                 "?)"
                 "   AND (? IS NULL OR a.at >= CAST(? AS DATETIME) - " SQL_VN_OFFSET ")"
                 "   AND (? IS NULL OR a.at < CAST(? AS DATETIME) + INTERVAL 1 DAY - " SQL_VN_OFFSET
                 ")"
                 " ORDER BY a.id DESC LIMIT ? OFFSET ?",
                 DB_ARGS(DV_I(f->actor), DV_I(f->actor), DV_S(f->action_key), DV_S(f->action_key),
                         DV_S(f->from), DV_S(f->from), DV_S(f->to), DV_S(f->to), DV_I(limit),
                         DV_I(offset)),
                 &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        struct audit_trail_row *t = &(*rows)[i];

        t->at = dbres_get(&res, i, C_AT);
        t->actor = dbres_get(&res, i, C_ACTOR);
        t->key = dbres_get(&res, i, C_KEY);
        t->object = dbres_get(&res, i, C_OBJECT);
        t->ip = dbres_get(&res, i, C_IP);
        t->detail = dbres_get(&res, i, C_DETAIL);
    }
    *n = res.nrows;
    return DB_OK;
}

enum people_col { PPL_ID, PPL_NAME }; /* the columns of the SELECT below */

enum db_rc
audit_admin_people(struct db *db, struct pool *p, struct audit_person **rows, size_t *n)
{
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT o.id, o.full_name FROM users o"
                  " WHERE o.role = 'admin' OR o.id IN (SELECT DISTINCT a.actor_id FROM audit_log a"
                  "   WHERE a.object_type IN " ADMIN_OBJECTS " AND a.actor_id IS NOT NULL)"
                  " ORDER BY o.full_name",
                  DB_NOARGS, &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].id = util_num(dbres_get(&res, i, PPL_ID));
        (*rows)[i].name = dbres_get(&res, i, PPL_NAME);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
audit_rows_after(struct db *db, struct pool *p, long long after, size_t limit,
                 struct audit_row **rows, size_t *n)
{
    enum { C_ID, C_AT, C_ACTOR, C_ACTION, C_TYPE, C_OBJECT, C_IP, C_DETAIL, C_PREV, C_HASH };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'), COALESCE(actor_id, 0),"
                  "       action, object_type, object_id, ip, detail, prev_hash, row_hash"
                  "  FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                  DB_ARGS(DV_I(after), DV_I(limit)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        struct audit_row *a = &(*rows)[i];

        parse_int(dbres_get(&res, i, C_ID), 0, 1LL << 62, &a->id);
        parse_int(dbres_get(&res, i, C_ACTOR), 0, 1LL << 62, &a->actor_id);
        parse_int(dbres_get(&res, i, C_OBJECT), -(1LL << 62), 1LL << 62, &a->object_id);
        a->at = dbres_get(&res, i, C_AT);
        a->action = dbres_get(&res, i, C_ACTION);
        a->object_type = dbres_get(&res, i, C_TYPE);
        a->ip = dbres_get(&res, i, C_IP);
        a->detail = dbres_get(&res, i, C_DETAIL);
        a->prev_hash = dbres_get(&res, i, C_PREV);
        a->row_hash = dbres_get(&res, i, C_HASH);
    }
    *n = res.nrows;
    return DB_OK;
}
