/* csv_import.c — procedures and dossiers from CSV files (libcsv). */
#include "csv_import.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

#include "audit.h"
#include "calendar.h"
#include "db.h"
#include "form.h"
#include "app.h"
#include "search.h"
#include "store_import.h"
#include "store_procedure.h"
#include "util.h"

#define MAXF 20

struct rows {
    struct sctx *x;
    const char *lang; /* the language of the reasons written to err */
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
        s->f[s->n] = pool_strndup(s->x->pool, data, len);
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
    struct sctx *x = s->x;
    char **f = s->f;
    const char *indexed; /* the catalogue search's copy (sql/100_search_index.sql) */
    long long version, value;
    int from, to = 0;
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
    indexed = search_index_text(x->pool, f[2]);
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
    {
        struct procedure_in in = { .national_code = f[0],
                                   .version = version,
                                   .name = f[2],
                                   .search_name = indexed,
                                   .field_code = f[3],
                                   .field_name = f[4],
                                   .level = f[5],
                                   .unit_code = f[6],
                                   .time_value = value,
                                   .time_unit = f[8],
                                   .use_cutoff = f[9][0] == '1',
                                   .fee = f[10],
                                   .result = f[12],
                                   .legal_basis = f[13],
                                   .effective_from = f[14],
                                   .effective_to = f[15] };
        /* documents: one per line, or separated by " | " in one-line files */
        struct buf docs = { 0 };
        int unit_found;

        for (const char *p = f[11]; *p; p++) {
            if (strncmp(p, " | ", 3) == 0) {
                buf_addc(&docs, '\n');
                p += 2;
            } else {
                buf_addc(&docs, *p);
            }
        }
        in.documents = docs.p ? pool_strdup(x->pool, docs.p) : "";
        buf_free(&docs);
        rc = procedure_import(x->db, x->pool, &in, &unit_found);
        if (rc == DB_OK && !unit_found) {
            return bad(s, "unit_code", "no unit has this code");
        }
    }
    if (rc == DB_OK) {
        rc = audit(x, "procedure.import", "procedure", 0,
                   pool_printf(x->pool, "%s v%lld", f[0], version));
    }
    if (db_end(x->db, rc) != DB_OK) {
        return bad(s, "(row)", db_error(x->db));
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
    rc = import_dossier(s->x, &d, NULL, &why, NULL);
    if (rc == DB_DUP && why) {
        /* the same reasons the API gives, in the operator's language (Vietnamese) */
        return bad(s, "(row)", app_lang_str(s->x->app, s->lang, why));
    }
    if (rc != DB_OK) {
        return bad(s, "(row)", db_error(s->x->db));
    }
    return 0;
}

static int
import(struct sctx *x, const char *lang, const char *path, FILE *err, struct csv_result *out,
       const char *const *cols, size_t ncols, int (*row)(struct rows *s))
{
    struct rows s = { .x = x,
                      .lang = lang,
                      .err = err,
                      .cols = cols,
                      .ncols = ncols,
                      .res = out,
                      .row = row };

    memset(out, 0, sizeof(*out));
    return run(&s, path);
}

int
csv_import_procedures(struct sctx *x, const char *lang, const char *path, FILE *err,
                      struct csv_result *out)
{
    static const char *const cols[] = { "national_code", "version", "name", "field_code",
                                        "field_name", "level", "unit_code", "time_value",
                                        "time_unit", "use_cutoff", "fee", "documents", "result",
                                        "legal_basis", "effective_from", "effective_to" };
    return import(x, lang, path, err, out, cols, NELEM(cols), procedure_row);
}

int
csv_import_dossiers(struct sctx *x, const char *lang, const char *path, FILE *err,
                    struct csv_result *out)
{
    static const char *const cols[] = { "code", "unit_code", "procedure_code", "applicant_name",
                                        "applicant_phone", "applicant_email",
                                        "applicant_address", "received_at", "due_at", "status",
                                        "finished_at", "returned_at" };
    return import(x, lang, path, err, out, cols, NELEM(cols), dossier_row);
}
