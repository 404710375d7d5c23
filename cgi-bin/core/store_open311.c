/* store_open311.c — the published cases and the open data's versions (store_open311.h). */
#include "store_open311.h"

#include <string.h>

#define CLOSED_STATUSES "('answered','closed','rejected')"

/* The columns of enum o311_col, from feedback f and org_unit u; times as
 * W3C datetimes in Vietnam's time. */
#define O311_SELECT                                                                     \
    "SELECT f.open_id, f.kind, f.status, u.name, u.code, u.address,"                    \
    "       DATE_FORMAT(f.created_at + " SQL_VN_OFFSET ", '%Y-%m-%dT%H:%i:%s+07:00'),"  \
    "       DATE_FORMAT(COALESCE((SELECT MAX(e.at) FROM feedback_event e"               \
    "                              WHERE e.feedback_id = f.id AND e.public = 1),"       \
    "                            f.created_at) + " SQL_VN_OFFSET ","                    \
    "                   '%Y-%m-%dT%H:%i:%s+07:00'),"                                    \
    "       DATE_FORMAT(f.due_at + " SQL_VN_OFFSET ", '%Y-%m-%dT%H:%i:%s+07:00'),"      \
    "       DATE_FORMAT(f.answered_at + " SQL_VN_OFFSET ", '%Y-%m-%dT%H:%i:%s+07:00')," \
    "       (SELECT e.body FROM feedback_event e"                                       \
    "         WHERE e.feedback_id = f.id AND e.event = 'answer' AND e.public = 1"       \
    "         ORDER BY e.id DESC LIMIT 1),"                                             \
    "       f.answer_satisfied,"                                                        \
    "       f.due_at < UTC_TIMESTAMP() AND f.status NOT IN " CLOSED_STATUSES            \
    "         AND f.paused_at IS NULL"
/* a training unit's cases are rehearsals: never published (sql/050) */
#define O311_PUBLISHED " f.answered_at IS NOT NULL AND f.identity = 'named' AND u.training = 0"
#define O311_WHERE                                                          \
    "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"                 \
    " WHERE" O311_PUBLISHED "   AND f.created_at >= ? AND f.created_at < ?" \
    "   AND (? = '' OR FIND_IN_SET(f.kind, ?))"                             \
    "   AND (? = '' OR FIND_IN_SET(u.code, ?))"                             \
    "   AND ((? = 1 AND f.status NOT IN " CLOSED_STATUSES ")"               \
    "        OR (? = 1 AND f.status IN " CLOSED_STATUSES "))"

enum db_rc
o311_requests(struct sctx *x, const struct o311_filter *f, struct dbres *out, long long *total)
{
    struct dbres res;
    enum db_rc rc;

#define FILTER_ARGS                                                                             \
    DV_S(f->from), DV_S(f->to), DV_S(f->kinds), DV_S(f->kinds), DV_S(f->units), DV_S(f->units), \
        DV_I(f->open), DV_I(f->closed)
    rc = db_query(x->db, x->pool, "SELECT COUNT(*)" O311_WHERE, DB_ARGS(FILTER_ARGS), &res);
    if (rc != DB_OK) {
        return rc;
    }
    *total = util_num(dbres_get(&res, 0, 0));
    return db_query(x->db, x->pool,
                    O311_SELECT O311_WHERE
                    " ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?",
                    DB_ARGS(FILTER_ARGS, DV_I(f->limit), DV_I(f->offset)), out);
#undef FILTER_ARGS
}

enum db_rc
o311_request(struct sctx *x, const char *open_id, struct dbres *out)
{
    return db_query(x->db, x->pool,
                    O311_SELECT "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                                " WHERE f.open_id = ? AND" O311_PUBLISHED,
                    DB_ARGS(DV_S(open_id)), out);
}

enum db_rc
o311_kinds(struct sctx *x, struct dbres *out)
{
    return db_query(x->db, x->pool,
                    "SELECT code, answer_days FROM feedback_kind ORDER BY sort_order", DB_NOARGS,
                    out);
}

enum db_rc
o311_filed(struct sctx *x, const char *code, struct dbres *out)
{
    return db_query(x->db, x->pool,
                    "SELECT open_id,"
                    "       DATE_FORMAT(due_at + " SQL_VN_OFFSET ", '%Y-%m-%dT%H:%i:%s+07:00'),"
                    "       DATE_FORMAT(due_at + " SQL_VN_OFFSET ", '%d/%m/%Y')"
                    "  FROM feedback WHERE code = ?",
                    DB_ARGS(DV_S(code)), out);
}

enum db_rc
o311_data_version(struct sctx *x, const char *name, const char *etag, long long *modified)
{
    struct dbres res;
    enum db_rc rc;

    /* modified_at first: the assignments see the row as the earlier ones left it */
    rc = db_exec(x->db,
                 "INSERT INTO open_data_version (name, etag, modified_at)"
                 " VALUES (?, ?, UTC_TIMESTAMP())"
                 " ON DUPLICATE KEY UPDATE"
                 "   modified_at = IF(etag = VALUES(etag), modified_at, UTC_TIMESTAMP()),"
                 "   etag = VALUES(etag)",
                 DB_ARGS(DV_S(name), DV_S(etag)), NULL, NULL);
    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool,
                      "SELECT UNIX_TIMESTAMP(modified_at) FROM open_data_version WHERE name = ?",
                      DB_ARGS(DV_S(name)), &res);
    }
    *modified = rc == DB_OK && res.nrows ? util_num(dbres_get(&res, 0, 0)) : 0;
    return rc;
}
