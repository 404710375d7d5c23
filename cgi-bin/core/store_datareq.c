/* store_datareq.c — the citizen's requests over personal data: filed,
 * listed, answered, and what a granted one changes.  See store_datareq.h. */
#include "store_datareq.h"

#include <string.h>

#include "calendar.h"
#include "token.h"

const char *
datareq_object_name(enum datareq_object o)
{
    return o == DRO_DOSSIER ? "dossier" : "feedback";
}

enum db_rc
datareq_held_get(struct db *db, struct pool *p, enum datareq_object o, long long id, int masked,
                 struct datareq_held *h)
{
    enum { C_UNIT, C_NAME, C_PHONE, C_EMAIL, C_ADDRESS, C_FILES, C_CODE, C_CONF, C_OFFICER };
    struct dbres res;
    enum db_rc rc;

    memset(h, 0, sizeof(*h));
    if (o == DRO_FEEDBACK) {
        rc = db_query(db, p,
                      "SELECT f.unit_id, f.contact_name, f.contact_phone, f.contact_email,"
                      "       f.contact_address,"
                      "       (SELECT COUNT(*) FROM feedback_file ff WHERE ff.feedback_id = f.id),"
                      "       f.code, f.identity = 'confidential', COALESCE(f.officer_id, 0)"
                      "  FROM feedback f WHERE f.id = ?",
                      DB_ARGS(DV_I(id)), &res);
    } else if (masked) {
        rc = db_query(db, p,
                      "SELECT unit_id, name, phone, email, address, 0, code, 0, 0"
                      "  FROM dossier_masked WHERE id = ?",
                      DB_ARGS(DV_I(id)), &res);
        h->masked = 1;
    } else {
        rc = db_query(db, p,
                      "SELECT unit_id, applicant_name, NULLIF(applicant_phone, ''),"
                      "       NULLIF(applicant_email, ''), NULLIF(applicant_address, ''), 0, code,"
                      "       0, 0"
                      "  FROM dossier WHERE id = ?",
                      DB_ARGS(DV_I(id)), &res);
    }
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    h->unit_id = util_num(dbres_get(&res, 0, C_UNIT));
    h->name = dbres_get(&res, 0, C_NAME);
    h->phone = dbres_get(&res, 0, C_PHONE);
    h->email = dbres_get(&res, 0, C_EMAIL);
    h->address = dbres_get(&res, 0, C_ADDRESS);
    h->files = util_num(dbres_get(&res, 0, C_FILES));
    h->code = dbres_get(&res, 0, C_CODE);
    h->confidential = util_num(dbres_get(&res, 0, C_CONF)) != 0;
    h->officer_id = util_num(dbres_get(&res, 0, C_OFFICER));
    return DB_OK;
}

enum db_rc
datareq_insert(struct db *db, struct pool *p, const struct datareq_in *in, char *code_out,
               size_t code_size)
{
    char rnd[9];
    enum db_rc rc = DB_DUP;

    (void)p;
    /* a random code: 40 bits, drawn again on the rare collision */
    for (int tries = 0; tries < 5 && rc == DB_DUP; tries++) {
        token_random(rnd, 8);
        rnd[8] = '\0';
        snprintf(code_out, code_size, "YC-%s", rnd);
        for (char *c = code_out; *c; c++) {
            if (*c >= 'a' && *c <= 'z') {
                *c = (char)(*c - 'a' + 'A');
            }
        }
        rc = db_exec(db,
                     "INSERT INTO data_request (code, object_type, object_id, unit_id, kind,"
                     "                          field, new_value, detail, status, due_at,"
                     "                          created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', FROM_UNIXTIME(?), FROM_UNIXTIME(?))",
                     DB_ARGS(DV_S(code_out), DV_S(datareq_object_name(in->object)),
                             DV_I(in->object_id), DV_I(in->unit_id), DV_S(in->kind),
                             DV_S(in->field), DV_S(in->new_value),
                             DV_S(in->detail ? in->detail : ""), DV_I(in->due), DV_I(in->created)),
                     NULL, NULL);
    }
    return rc;
}

/* The columns every list reads, in the order of row_fill. */
#define ROW_COLS                                                                   \
    "SELECT r.id, r.object_id, r.unit_id, r.code, r.object_type,"                  \
    "       COALESCE(f.code, d.code, ''), r.kind, r.field, r.new_value, r.detail," \
    "       r.status,"                                                             \
    "       DATE_FORMAT(r.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"      \
    "       DATE_FORMAT(r.due_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"          \
    "       DATE_FORMAT(r.answered_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"     \
    "       r.answer, r.status = 'open' AND r.due_at < UTC_TIMESTAMP(),"           \
    "       COALESCE(f.identity = 'confidential', 0),"                             \
    "       TIMESTAMPDIFF(HOUR, r.created_at, r.due_at)"                           \
    "  FROM data_request r"                                                        \
    "  LEFT JOIN feedback f ON r.object_type = 'feedback' AND f.id = r.object_id"  \
    "  LEFT JOIN dossier d ON r.object_type = 'dossier' AND d.id = r.object_id"

static void
row_fill(const struct dbres *res, size_t i, struct datareq_row *w)
{
    enum {
        C_ID,
        C_OBJ,
        C_UNIT,
        C_CODE,
        C_TYPE,
        C_OBJCODE,
        C_KIND,
        C_FIELD,
        C_VALUE,
        C_DETAIL,
        C_STATUS,
        C_CREATED,
        C_DUE,
        C_ANSWERED,
        C_ANSWER,
        C_OVERDUE,
        C_CONF,
        C_HOURS
    };

    w->id = util_num(dbres_get(res, i, C_ID));
    w->object_id = util_num(dbres_get(res, i, C_OBJ));
    w->unit_id = util_num(dbres_get(res, i, C_UNIT));
    w->code = dbres_get(res, i, C_CODE);
    w->object_type = dbres_get(res, i, C_TYPE);
    w->object_code = dbres_get(res, i, C_OBJCODE);
    w->kind = dbres_get(res, i, C_KIND);
    w->field = dbres_get(res, i, C_FIELD);
    w->new_value = dbres_get(res, i, C_VALUE);
    w->detail = dbres_get(res, i, C_DETAIL);
    w->status = dbres_get(res, i, C_STATUS);
    w->created = dbres_get(res, i, C_CREATED);
    w->due = dbres_get(res, i, C_DUE);
    w->answered = dbres_get(res, i, C_ANSWERED);
    w->answer = dbres_get(res, i, C_ANSWER);
    w->overdue = util_num(dbres_get(res, i, C_OVERDUE)) != 0;
    w->confidential = util_num(dbres_get(res, i, C_CONF)) != 0;
    w->due_hours = util_num(dbres_get(res, i, C_HOURS));
}

static enum db_rc
rows_fill(const struct dbres *res, struct pool *p, struct datareq_row **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    if (res->nrows == 0) {
        return DB_OK;
    }
    *rows = pool_alloc(p, res->nrows * sizeof(**rows));
    for (size_t i = 0; i < res->nrows; i++) {
        row_fill(res, i, &(*rows)[i]);
    }
    *n = res->nrows;
    return DB_OK;
}

enum db_rc
datareq_list_object(struct db *db, struct pool *p, enum datareq_object o, long long id,
                    struct datareq_row **rows, size_t *n)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p,
                  ROW_COLS " WHERE r.object_type = ? AND r.object_id = ?"
                           " ORDER BY r.created_at DESC, r.id DESC",
                  DB_ARGS(DV_S(datareq_object_name(o)), DV_I(id)), &res);
    if (rc != DB_OK) {
        *rows = NULL;
        *n = 0;
        return rc;
    }
    return rows_fill(&res, p, rows, n);
}

enum db_rc
datareq_restricted(struct db *db, struct pool *p, enum datareq_object o, long long id, int *yes)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p,
                  "SELECT COUNT(*) FROM data_request WHERE object_type = ? AND object_id = ?"
                  "   AND kind = 'restrict' AND status IN ('open', 'done')",
                  DB_ARGS(DV_S(datareq_object_name(o)), DV_I(id)), &res);
    *yes = rc == DB_OK && util_num(dbres_get(&res, 0, 0)) > 0;
    return rc;
}

/* Who sees a request: the units of its object now (a case's unit, which
 * forwarding may have changed; a dossier's receiving and processing units), a
 * leader's subtree, never the officer a confidential case is about.  Four
 * arguments: SCOPE_ARGS. */
#define SCOPE_WHERE                                                               \
    " WHERE EXISTS (SELECT 1 FROM org_unit v"                                     \
    "                WHERE (v.id = ? OR (? = 1 AND v.path LIKE ?))"               \
    "                  AND v.id IN (f.unit_id, d.unit_id, d.processing_unit_id))" \
    "   AND (r.object_type = 'dossier'"                                           \
    "        OR NOT (f.identity = 'confidential' AND f.officer_id <=> ?))"
#define SCOPE_ARGS(s) \
    DV_I((s)->unit_id), DV_I((s)->leader), DV_S((s)->subtree), DV_I((s)->viewer_id)

enum db_rc
datareq_list_scope(struct db *db, struct pool *p, const struct datareq_scope *s, size_t limit,
                   struct datareq_row **rows, size_t *n)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p,
                  ROW_COLS SCOPE_WHERE
                  " ORDER BY r.status <> 'open', IF(r.status = 'open', r.due_at, NULL),"
                  "          r.answered_at DESC, r.id DESC"
                  " LIMIT ?",
                  DB_ARGS(SCOPE_ARGS(s), DV_I(limit)), &res);
    if (rc != DB_OK) {
        *rows = NULL;
        *n = 0;
        return rc;
    }
    return rows_fill(&res, p, rows, n);
}

enum db_rc
datareq_get(struct db *db, struct pool *p, const struct datareq_scope *s, long long id,
            struct datareq_row *row)
{
    struct dbres res;
    enum db_rc rc;

    memset(row, 0, sizeof(*row));
    rc = db_query(db, p, ROW_COLS SCOPE_WHERE " AND r.id = ?", DB_ARGS(SCOPE_ARGS(s), DV_I(id)),
                  &res);
    if (rc == DB_OK && res.nrows == 1) {
        row_fill(&res, 0, row);
    }
    return rc;
}

enum db_rc
datareq_answer(struct db *db, long long id, const char *status, const char *answer, long long by,
               int *changed)
{
    unsigned long long affected = 0;
    enum db_rc rc;

    rc = db_exec(db,
                 "UPDATE data_request SET status = ?, answer = ?, answered_by = ?,"
                 "       answered_at = UTC_TIMESTAMP()"
                 " WHERE id = ? AND status = 'open'",
                 DB_ARGS(DV_S(status), DV_S(answer), DV_I(by), DV_I(id)), &affected, NULL);
    *changed = rc == DB_OK && affected == 1;
    return rc;
}

enum db_rc
datareq_correct(struct db *db, enum datareq_object o, long long id, const char *field,
                const char *value)
{
    /* one statement per column: the column is never taken from the input */
    static const struct {
        const char *field, *feedback, *dossier;
    } cols[] = {
        { "name", "UPDATE feedback SET contact_name = ? WHERE id = ?",
          "UPDATE dossier SET applicant_name = ? WHERE id = ?" },
        { "phone", "UPDATE feedback SET contact_phone = ? WHERE id = ?",
          "UPDATE dossier SET applicant_phone = ? WHERE id = ?" },
        { "email", "UPDATE feedback SET contact_email = ? WHERE id = ?",
          "UPDATE dossier SET applicant_email = ? WHERE id = ?" },
        { "address", "UPDATE feedback SET contact_address = ? WHERE id = ?",
          "UPDATE dossier SET applicant_address = ? WHERE id = ?" },
    };

    for (size_t i = 0; i < NELEM(cols); i++) {
        if (field && strcmp(field, cols[i].field) == 0) {
            return db_exec(db, o == DRO_DOSSIER ? cols[i].dossier : cols[i].feedback,
                           DB_ARGS(DV_S(value), DV_I(id)), NULL, NULL);
        }
    }
    return DB_ERR;
}

enum db_rc
datareq_erase_feedback(struct db *db, struct pool *p, long long id, const char ***stored, size_t *n)
{
    struct dbres res;
    enum db_rc rc;

    *stored = NULL;
    *n = 0;
    rc = db_exec(db,
                 "UPDATE feedback SET contact_name = NULL, contact_phone = NULL,"
                 "       contact_email = NULL, contact_address = NULL WHERE id = ?",
                 DB_ARGS(DV_I(id)), NULL, NULL);
    if (rc == DB_OK) {
        rc = db_query(db, p, "SELECT stored_name FROM feedback_file WHERE feedback_id = ?",
                      DB_ARGS(DV_I(id)), &res);
    }
    if (rc == DB_OK) {
        rc = db_exec(db, "DELETE FROM feedback_file WHERE feedback_id = ?", DB_ARGS(DV_I(id)), NULL,
                     NULL);
    }
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *stored = pool_alloc(p, res.nrows * sizeof(**stored));
    for (size_t i = 0; i < res.nrows; i++) {
        (*stored)[i] = dbres_get(&res, i, 0);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
datareq_erase_dossier(struct db *db, long long id)
{
    return db_exec(db, "UPDATE dossier SET applicant_phone = '', applicant_email = '' WHERE id = ?",
                   DB_ARGS(DV_I(id)), NULL, NULL);
}
