/* csv_import.c — procedures and dossiers from CSV files (libcsv). */
#include "csv_import.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

#include "audit.h"
#include "calendar.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "render.h"
#include "search.h"
#include "store_import.h"
#include "util.h"

#define MAXF 20

struct rows {
    struct req *r;
    FILE *err;
    char *f[MAXF];
    size_t n;
    long line;
    const char *const *cols;
    size_t ncols;
    int header_done;
    struct csv_result *res;
    int (*row)(struct rows *s);
};

static void
on_field(void *data, size_t len, void *ctx)
{
    struct rows *s = ctx;

    if (s->n < MAXF) {
        s->f[s->n] = pool_strndup(&s->r->pool, data, len);
    }
    s->n++;
}

static void
on_row(int c, void *ctx)
{
    struct rows *s = ctx;

    s->line++;
    if (!s->header_done) {
        s->header_done = 1;
        for (size_t i = 0; i < s->ncols; i++) {
            if (s->n != s->ncols || strcmp(s->f[i], s->cols[i]) != 0) {
                fprintf(s->err, "line 1: the header must be:");
                for (size_t k = 0; k < s->ncols; k++) {
                    fprintf(s->err, "%s%s", k ? "," : " ", s->cols[k]);
                }
                fprintf(s->err, "\n");
                s->res->errors++;
                break;
            }
        }
    } else if (s->n != s->ncols) {
        fprintf(s->err, "line %ld: %zu fields, expected %zu\n", s->line, s->n, s->ncols);
        s->res->errors++;
    } else if (s->res->errors == 0 || s->line > 1) {
        for (size_t i = 0; i < s->n; i++) {
            if (!utf8_valid(s->f[i], strlen(s->f[i]))) {
                fprintf(s->err, "line %ld, field %s: not UTF-8\n", s->line, s->cols[i]);
                s->res->errors++;
                s->n = 0;
                return;
            }
        }
        if (s->row(s) == 0) {
            s->res->rows++;
        } else {
            s->res->errors++;
        }
    }
    s->n = 0;
}

static int
run(struct rows *s, const char *path)
{
    struct csv_parser p;
    char buf[65536];
    size_t n;
    FILE *in = fopen(path, "rb");

    if (in == NULL) {
        fprintf(s->err, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
        fclose(in);
        return -1;
    }
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
        if (csv_parse(&p, buf, n, on_field, on_row, s) != n) {
            fprintf(s->err, "%s: CSV syntax error near line %ld: %s\n", path, s->line + 1,
                    csv_strerror(csv_error(&p)));
            s->res->errors++;
            break;
        }
    }
    if (csv_fini(&p, on_field, on_row, s) != 0) {
        fprintf(s->err, "%s: CSV syntax error at the end: %s\n", path, csv_strerror(csv_error(&p)));
        s->res->errors++;
    }
    csv_free(&p);
    fclose(in);
    return 0;
}

static int
bad(struct rows *s, const char *field, const char *why)
{
    fprintf(s->err, "line %ld, field %s: %s\n", s->line, field, why);
    return -1;
}

static int
procedure_row(struct rows *s)
{
    struct req *r = s->r;
    char **f = s->f;
    const char *indexed; /* the catalogue search's copy (sql/100_search_index.sql) */
    long long version, value;
    int from, to = 0;
    struct dbres u;
    enum db_rc rc;

    if (*f[0] == '\0' || strlen(f[0]) > 20) {
        return bad(s, "national_code", "empty or longer than 20");
    }
    if (parse_int(f[1], 1, 1000, &version) != 0) {
        return bad(s, "version", "not a number from 1 to 1000");
    }
    if (*f[2] == '\0' || utf8_len(f[2]) > 500) {
        return bad(s, "name", "empty or longer than 500 characters");
    }
    indexed = search_index_text(&r->pool, f[2]);
    if (*f[3] == '\0' || *f[4] == '\0') {
        return bad(s, *f[3] ? "field_name" : "field_code", "empty");
    }
    if (strcmp(f[5], "province") && strcmp(f[5], "commune") && strcmp(f[5], "ministry")) {
        return bad(s, "level", "must be province, commune or ministry");
    }
    if (parse_int(f[7], 0, 3650, &value) != 0) {
        return bad(s, "time_value", "not a number from 0 to 3650");
    }
    if (strcmp(f[8], "working_days") && strcmp(f[8], "calendar_days") && strcmp(f[8], "hours")) {
        return bad(s, "time_unit", "must be working_days, calendar_days or hours");
    }
    if (strcmp(f[9], "0") && strcmp(f[9], "1")) {
        return bad(s, "use_cutoff", "must be 0 or 1");
    }
    if (cal_parse_date(f[14], &from) != 0) {
        return bad(s, "effective_from", "not a date YYYY-MM-DD");
    }
    if (*f[15] && (cal_parse_date(f[15], &to) != 0 || to < from)) {
        return bad(s, "effective_to", "not a date YYYY-MM-DD on or after effective_from");
    }
    rc = db_query(r->app->db, &r->pool, "SELECT id FROM org_unit WHERE code = ?",
                  DB_ARGS(DV_S(f[6])), &u);
    if (rc != DB_OK) {
        return bad(s, "unit_code", db_error(r->app->db));
    }
    if (u.nrows == 0) {
        return bad(s, "unit_code", "no unit has this code");
    }
    if ((rc = db_begin(r->app->db)) == DB_OK) {
        rc = db_exec(r->app->db,
                     "INSERT INTO field (code, name) VALUES (?, ?)"
                     " ON DUPLICATE KEY UPDATE name = VALUES(name)",
                     DB_ARGS(DV_S(f[3]), DV_S(f[4])), NULL, NULL);
    }
    if (rc == DB_OK) {
        /* documents: one per line, or separated by " | " in one-line files */
        struct buf docs = { 0 };

        for (const char *p = f[11]; *p; p++) {
            if (strncmp(p, " | ", 3) == 0) {
                buf_addc(&docs, '\n');
                p += 2;
            } else {
                buf_addc(&docs, *p);
            }
        }
        rc = db_exec(r->app->db,
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
                     DB_ARGS(DV_S(f[0]), DV_I(version), DV_S(f[2]), DV_S(f[3]), DV_S(f[5]),
                             DV_S(dbres_get(&u, 0, 0)), DV_I(value), DV_S(f[8]),
                             DV_I(f[9][0] == '1'), DV_S(f[10]), DV_S(docs.p ? docs.p : ""),
                             DV_S(f[12]), DV_S(f[13]), DV_S(f[14]), DV_S(f[15]), DV_S(indexed)),
                     NULL, NULL);
        buf_free(&docs);
    }
    if (rc == DB_OK) {
        rc = audit(req_sctx(r), "procedure.import", "procedure", 0,
                   pool_printf(&r->pool, "%s v%lld", f[0], version));
    }
    if (db_end(r->app->db, rc) != DB_OK) {
        return bad(s, "(row)", db_error(r->app->db));
    }
    return 0;
}

static int
dossier_row(struct rows *s)
{
    struct import_dossier d = { 0 };
    const char *why = NULL;
    char **f = s->f;
    enum db_rc rc;

    d.code = f[0];
    d.unit_code = f[1];
    d.procedure_code = f[2];
    d.name = f[3];
    d.phone = f[4];
    d.email = f[5];
    d.address = f[6];
    d.received_at = f[7];
    d.due_at = f[8];
    d.status = f[9];
    d.finished_at = *f[10] ? f[10] : NULL;
    d.returned_at = *f[11] ? f[11] : NULL;
    rc = import_dossier(req_sctx(s->r), &d, NULL, &why, NULL);
    if (rc == DB_DUP && why) {
        /* the same reasons the API gives, in the operator's language (Vietnamese) */
        return bad(s, "(row)", lang_str(s->r, why));
    }
    if (rc != DB_OK) {
        return bad(s, "(row)", db_error(s->r->app->db));
    }
    return 0;
}

int
csv_import_procedures(struct req *r, const char *path, FILE *err, struct csv_result *out)
{
    static const char *const cols[] = { "national_code", "version", "name", "field_code",
                                        "field_name", "level", "unit_code", "time_value",
                                        "time_unit", "use_cutoff", "fee", "documents", "result",
                                        "legal_basis", "effective_from", "effective_to" };
    struct rows s = { .r = r, .err = err, .cols = cols, .ncols = NELEM(cols), .res = out,
                      .row = procedure_row };

    memset(out, 0, sizeof(*out));
    return run(&s, path);
}

int
csv_import_dossiers(struct req *r, const char *path, FILE *err, struct csv_result *out)
{
    static const char *const cols[] = { "code", "unit_code", "procedure_code", "applicant_name",
                                        "applicant_phone", "applicant_email",
                                        "applicant_address", "received_at", "due_at", "status",
                                        "finished_at", "returned_at" };
    struct rows s = { .r = r, .err = err, .cols = cols, .ncols = NELEM(cols), .res = out,
                      .row = dossier_row };

    memset(out, 0, sizeof(*out));
    return run(&s, path);
}
