/* store_procedure.c — the catalogue as the administrator sees it: procedures
 * and the kinds of feedback.  See store_procedure.h. */
#include "store_procedure.h"

enum db_rc
procedure_list(struct db *db, struct pool *p, size_t limit, struct procedure_row **rows, size_t *n)
{
    enum { C_CODE, C_VERSION, C_NAME, C_FIELD, C_LEVEL, C_TIME, C_UNIT, C_FROM, C_TO };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT p.national_code, p.version, p.name, f.name, p.level,"
                  "       CONCAT(p.time_value, ' ', p.time_unit), COALESCE(u.short_name, u.name),"
                  "       DATE_FORMAT(p.effective_from, '%d/%m/%Y'),"
                  "       DATE_FORMAT(p.effective_to, '%d/%m/%Y')"
                  "  FROM procedure_tthc p JOIN field f ON f.id = p.field_id"
                  "  JOIN org_unit u ON u.id = p.unit_id ORDER BY f.sort_order, f.name, p.name"
                  " LIMIT ?",
                  DB_ARGS(DV_I(limit)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        struct procedure_row *x = &(*rows)[i];

        x->code = dbres_get(&res, i, C_CODE);
        x->version = dbres_get(&res, i, C_VERSION);
        x->name = dbres_get(&res, i, C_NAME);
        x->field = dbres_get(&res, i, C_FIELD);
        x->level = dbres_get(&res, i, C_LEVEL);
        x->time = dbres_get(&res, i, C_TIME);
        x->unit = dbres_get(&res, i, C_UNIT);
        x->from = dbres_get(&res, i, C_FROM);
        x->to = dbres_get(&res, i, C_TO);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
feedback_kind_list(struct db *db, struct pool *p, struct feedback_kind_row **rows, size_t *n)
{
    enum { C_CODE, C_ANSWER, C_FORWARD };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT code, answer_days, forward_days FROM feedback_kind ORDER BY sort_order",
                  DB_NOARGS, &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].code = dbres_get(&res, i, C_CODE);
        (*rows)[i].answer_days = dbres_get(&res, i, C_ANSWER);
        (*rows)[i].forward_days = dbres_get(&res, i, C_FORWARD);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
feedback_kind_set_days(struct db *db, struct pool *p, const char *code, long long answer_days,
                       long long forward_days, int *found)
{
    struct dbres res;
    enum db_rc rc;

    *found = 0;
    rc = db_exec(db, "UPDATE feedback_kind SET answer_days = ?, forward_days = ? WHERE code = ?",
                 DB_ARGS(DV_I(answer_days), DV_I(forward_days), DV_S(code)), NULL, NULL);
    if (rc == DB_OK) {
        /* affected rows counts changed rows only: check the kind exists */
        rc = db_query(db, p, "SELECT 1 FROM feedback_kind WHERE code = ?", DB_ARGS(DV_S(code)),
                      &res);
        *found = rc == DB_OK && res.nrows == 1;
    }
    return rc;
}
