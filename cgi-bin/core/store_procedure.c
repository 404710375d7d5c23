/* store_procedure.c — the catalogue as the administrator and the public
 * pages read it: procedures and the kinds of feedback.  See store_procedure.h. */
#include "store_procedure.h"

#include <string.h>

#include "calendar.h"
#include "legal.h"

enum db_rc
procedure_list(struct db *db, struct pool *p, size_t limit, struct procedure_row **rows, size_t *n)
{
    enum { C_CODE, C_VERSION, C_NAME, C_FIELD, C_LEVEL, C_TIME, C_UNIT, C_FROM, C_TO };
    static const struct dbmap map[] = {
        DBM(C_CODE, struct procedure_row, code, DBM_STR),
        DBM(C_VERSION, struct procedure_row, version, DBM_STR),
        DBM(C_NAME, struct procedure_row, name, DBM_STR),
        DBM(C_FIELD, struct procedure_row, field, DBM_STR),
        DBM(C_LEVEL, struct procedure_row, level, DBM_STR),
        DBM(C_TIME, struct procedure_row, time, DBM_STR),
        DBM(C_UNIT, struct procedure_row, unit, DBM_STR),
        DBM(C_FROM, struct procedure_row, from, DBM_STR),
        DBM(C_TO, struct procedure_row, to, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT p.national_code, p.version, p.name, f.name, p.level,"
                         "       CONCAT(p.time_value, ' ', p.time_unit), COALESCE(u.short_name, "
                         "u.name),"
                         "       DATE_FORMAT(p.effective_from, '%d/%m/%Y'),"
                         "       DATE_FORMAT(p.effective_to, '%d/%m/%Y')"
                         "  FROM procedure_tthc p JOIN field f ON f.id = p.field_id"
                         "  JOIN org_unit u ON u.id = p.unit_id ORDER BY f.sort_order, f.name, "
                         "p.name"
                         " LIMIT ?",
                         DB_ARGS(DV_I(limit)), DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
feedback_kind_list(struct db *db, struct pool *p, struct feedback_kind_row **rows, size_t *n)
{
    enum { C_CODE, C_ANSWER, C_FORWARD };
    static const struct dbmap map[] = {
        DBM(C_CODE, struct feedback_kind_row, code, DBM_STR),
        DBM(C_ANSWER, struct feedback_kind_row, answer_days, DBM_STR),
        DBM(C_FORWARD, struct feedback_kind_row, forward_days, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT code, answer_days, forward_days FROM feedback_kind ORDER BY "
                         "sort_order",
                         DB_NOARGS, DB_MAP(map), sizeof(**rows), rows, n);
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

/* ---- the public catalogue ------------------------------------------------ */

enum db_rc
procedure_public_get(struct db *db, struct pool *p, const char *national_code,
                     struct procedure_public *out)
{
    enum {
        C_CODE,
        C_NAME,
        C_FIELD,
        C_LEVEL,
        C_TVALUE,
        C_TUNIT,
        C_FEE,
        C_DOCS,
        C_RESULT,
        C_LEGAL,
        C_UNIT,
        C_ADDRESS,
        C_HOTLINE,
        C_HOURS,
        C_UNIT_CODE,
        C_EFFECTIVE,
        C_ID
    };
    static const struct dbmap map[] = {
        DBM(C_ID, struct procedure_public, id, DBM_LL),
        DBM(C_CODE, struct procedure_public, code, DBM_STR),
        DBM(C_NAME, struct procedure_public, name, DBM_STR),
        DBM(C_FIELD, struct procedure_public, field, DBM_STR),
        DBM(C_LEVEL, struct procedure_public, level, DBM_STR),
        DBM(C_TVALUE, struct procedure_public, time_value, DBM_STR),
        DBM(C_TUNIT, struct procedure_public, time_unit, DBM_STR),
        DBM(C_FEE, struct procedure_public, fee, DBM_STR),
        DBM(C_DOCS, struct procedure_public, documents, DBM_STR),
        DBM(C_RESULT, struct procedure_public, result, DBM_STR),
        DBM(C_LEGAL, struct procedure_public, legal, DBM_STR),
        DBM(C_UNIT, struct procedure_public, unit, DBM_STR),
        DBM(C_ADDRESS, struct procedure_public, address, DBM_STR),
        DBM(C_HOTLINE, struct procedure_public, hotline, DBM_STR),
        DBM(C_HOURS, struct procedure_public, hours, DBM_STR),
        DBM(C_UNIT_CODE, struct procedure_public, unit_code, DBM_STR),
        DBM(C_EFFECTIVE, struct procedure_public, effective, DBM_STR),
    };

    return db_query_row(db, p,
                        "SELECT p.national_code, p.name, f.name, p.level, p.time_value, "
                        "p.time_unit,"
                        "       p.fee, p.documents, p.result, p.legal_basis, u.name, u.address,"
                        "       u.hotline, u.opening_hours, u.code,"
                        "       DATE_FORMAT(p.effective_from, '%d/%m/%Y'), p.id"
                        "  FROM procedure_tthc p JOIN field f ON f.id = p.field_id"
                        "  JOIN org_unit u ON u.id = p.unit_id AND u.training = 0"
                        " WHERE p.national_code = ? ORDER BY p.effective_from > " SQL_VN_TODAY ", "
                        "p.version DESC"
                        " LIMIT 1",
                        DB_ARGS(DV_S(national_code)), DB_MAP(map), sizeof(*out), out, NULL);
}

/* the dossiers of a procedure finished with a result in the last 12 months */
#define FINISHED_12M                                                          \
    "  FROM dossier d WHERE d.procedure_id = ? AND d.finished_at IS NOT NULL" \
    "   AND d.status IN ('ready','returned')"                                 \
    "   AND d.finished_at >= UTC_TIMESTAMP() - INTERVAL 12 MONTH"

enum record_col { REC_DONE, REC_ON_TIME }; /* the columns of the first SELECT below */

enum db_rc
procedure_record_12m(struct db *db, struct pool *p, long long id, long long min_done,
                     struct procedure_record *out)
{
    struct dbres st, med;
    enum db_rc rc;

    memset(out, 0, sizeof(*out));
    /* a finished dossier is on time unless LEGAL_LATE_COND says late: finished
     * on a local day after its statutory appointment's */
    rc = db_query(db, p,
                  "SELECT COUNT(*), COALESCE(SUM(NOT (" LEGAL_LATE_COND ")), 0)" FINISHED_12M,
                  DB_ARGS(DV_I(id)), &st);
    if (rc != DB_OK) {
        return rc;
    }
    out->done = util_num(dbres_get(&st, 0, REC_DONE));
    out->on_time = util_num(dbres_get(&st, 0, REC_ON_TIME));
    if (out->done < min_done) {
        return DB_OK;
    }
    rc = db_query(db, p,
                  "SELECT ROUND(TIMESTAMPDIFF(HOUR, d.received_at, d.finished_at) / 24, "
                  "1)" FINISHED_12M " ORDER BY 1 LIMIT 1 OFFSET ?",
                  DB_ARGS(DV_I(id), DV_I(out->done / 2)), &med);
    if (rc == DB_OK && med.nrows) {
        out->median_days = dbres_get(&med, 0, 0);
    }
    return rc;
}

enum db_rc
procedure_list_unit(struct db *db, struct pool *p, long long unit_id, size_t limit,
                    long long offset, struct unit_procedure **rows, size_t *n)
{
    enum { C_CODE, C_NAME, C_TVALUE, C_TUNIT };
    static const struct dbmap map[] = {
        DBM(C_CODE, struct unit_procedure, code, DBM_STR),
        DBM(C_NAME, struct unit_procedure, name, DBM_STR),
        DBM(C_TVALUE, struct unit_procedure, time_value, DBM_STR),
        DBM(C_TUNIT, struct unit_procedure, time_unit, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT p.national_code, p.name, p.time_value, p.time_unit FROM "
                         "procedure_tthc p"
                         " WHERE p.unit_id = ? AND p.effective_from <= " SQL_VN_TODAY
                         "   AND (p.effective_to IS NULL OR p.effective_to >= " SQL_VN_TODAY ")"
                         " ORDER BY p.name LIMIT ? OFFSET ?",
                         DB_ARGS(DV_I(unit_id), DV_I((long long)limit), DV_I(offset)), DB_MAP(map),
                         sizeof(**rows), rows, n);
}

enum db_rc
field_list(struct db *db, struct pool *p, struct field_row **rows, size_t *n)
{
    enum { C_ID, C_NAME };
    static const struct dbmap map[] = {
        DBM(C_ID, struct field_row, id, DBM_LL),
        DBM(C_NAME, struct field_row, name, DBM_STR),
    };

    return db_query_rows(db, p, "SELECT id, name FROM field ORDER BY sort_order, name", DB_NOARGS,
                         DB_MAP(map), sizeof(**rows), rows, n);
}

enum db_rc
procedure_list_intake(struct db *db, struct pool *p, long long unit_id,
                      struct intake_procedure **rows, size_t *n)
{
    enum { C_ID, C_NAME, C_CODE, C_TVALUE, C_TUNIT, C_DOCS };
    static const struct dbmap map[] = {
        DBM(C_ID, struct intake_procedure, id, DBM_LL),
        DBM(C_NAME, struct intake_procedure, name, DBM_STR),
        DBM(C_CODE, struct intake_procedure, national_code, DBM_STR),
        DBM(C_TVALUE, struct intake_procedure, time_value, DBM_STR),
        DBM(C_TUNIT, struct intake_procedure, time_unit, DBM_STR),
        DBM(C_DOCS, struct intake_procedure, documents, DBM_STR),
    };

    return db_query_rows(db, p,
                         "SELECT id, name, national_code, time_value, time_unit, documents"
                         "  FROM procedure_tthc WHERE unit_id = ? AND effective_from "
                         "<= " SQL_VN_TODAY
                         "   AND (effective_to IS NULL OR effective_to >= " SQL_VN_TODAY
                         ") ORDER BY name",
                         DB_ARGS(DV_I(unit_id)), DB_MAP(map), sizeof(**rows), rows, n);
}

/* ---- the public catalogue ---------------------------------------------- */

/* A catalogue row as the page lists it (enum catalogue_col), and the
 * procedures in force, of a public unit, narrowed to the field and level
 * (four arguments). */
#define CATALOGUE_COLS \
    "SELECT p.national_code, p.name, f.name, p.level, p.time_value, p.time_unit, u.name"
#define CATALOGUE_NARROWED                                                  \
    " JOIN field f ON f.id = p.field_id"                                    \
    " JOIN org_unit u ON u.id = p.unit_id AND u.training = 0"               \
    " WHERE p.effective_from <= " SQL_VN_TODAY                              \
    "   AND (p.effective_to IS NULL OR p.effective_to >= " SQL_VN_TODAY ")" \
    "   AND (? = 0 OR p.field_id = ?) AND (? IS NULL OR p.level = ?)"

enum db_rc
catalogue_browse(struct db *db, struct pool *p, long long field, const char *level, long long limit,
                 long long offset, struct dbres *out)
{
    return db_query(db, p,
                    CATALOGUE_COLS " FROM procedure_tthc p" CATALOGUE_NARROWED
                                   " ORDER BY p.name LIMIT ? OFFSET ?",
                    DB_ARGS(DV_I(field), DV_I(field), DV_S(level), DV_S(level), DV_I(limit),
                            DV_I(offset)),
                    out);
}

enum db_rc
catalogue_candidates(struct db *db, struct pool *p, const char *ft, const char *code,
                     long long field, const char *level, struct dbres *out)
{
    /* the full-text index over the folded names (sql/100_search_index.sql) */
    return db_query(db, p,
                    CATALOGUE_COLS
                    " FROM (SELECT id FROM procedure_tthc"
                    "        WHERE MATCH (search_name) AGAINST (? IN BOOLEAN MODE)"
                    "       UNION SELECT id FROM procedure_tthc WHERE national_code = ?) m"
                    " JOIN procedure_tthc p ON p.id = m.id" CATALOGUE_NARROWED " ORDER BY p.name",
                    DB_ARGS(DV_S(ft), DV_S(code), DV_I(field), DV_I(field), DV_S(level),
                            DV_S(level)),
                    out);
}

/* ---- the catalogue's import -------------------------------------------- */

enum db_rc
procedure_import(struct db *db, struct pool *p, const struct procedure_in *in, int *unit_found)
{
    struct dbres u;
    enum db_rc rc =
        db_query(db, p, "SELECT id FROM org_unit WHERE code = ?", DB_ARGS(DV_S(in->unit_code)), &u);

    *unit_found = rc == DB_OK && u.nrows > 0;
    if (rc != DB_OK || !*unit_found) {
        return rc;
    }
    if ((rc = db_begin(db)) == DB_OK) {
        rc = db_exec(db,
                     "INSERT INTO field (code, name) VALUES (?, ?)"
                     " ON DUPLICATE KEY UPDATE name = VALUES(name)",
                     DB_ARGS(DV_S(in->field_code), DV_S(in->field_name)), NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(db,
                     "INSERT INTO procedure_tthc (national_code, version, name, field_id, level,"
                     "  unit_id, time_value, time_unit, use_cutoff, fee, documents, result,"
                     "  legal_basis, effective_from, effective_to, search_name)"
                     " VALUES (?, ?, ?, (SELECT id FROM field WHERE code = ?), ?, ?, ?, ?, ?, ?, ?,"
                     "         ?, ?, ?, NULLIF(?, ''), ?)"
                     " ON DUPLICATE KEY UPDATE name = VALUES(name), field_id = VALUES(field_id),"
                     "  search_name = VALUES(search_name),"
                     "  level = VALUES(level), unit_id = VALUES(unit_id),"
                     "  time_value = VALUES(time_value), time_unit = VALUES(time_unit),"
                     "  use_cutoff = VALUES(use_cutoff), fee = VALUES(fee),"
                     "  documents = VALUES(documents), result = VALUES(result),"
                     "  legal_basis = VALUES(legal_basis), effective_from = VALUES(effective_from),"
                     "  effective_to = VALUES(effective_to)",
                     DB_ARGS(DV_S(in->national_code), DV_I(in->version), DV_S(in->name),
                             DV_S(in->field_code), DV_S(in->level), DV_S(dbres_get(&u, 0, 0)),
                             DV_I(in->time_value), DV_S(in->time_unit), DV_I(in->use_cutoff),
                             DV_S(in->fee), DV_S(in->documents), DV_S(in->result),
                             DV_S(in->legal_basis), DV_S(in->effective_from),
                             DV_S(in->effective_to), DV_S(in->search_name)),
                     NULL, NULL);
    }
    return rc;
}
