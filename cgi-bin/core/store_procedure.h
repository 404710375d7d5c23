/* store_procedure.h — the statements about the catalogue: administrative
 * procedures as the administrator and the public pages read them, and the
 * kinds of feedback with their deadlines.  The functions take the database handle and a pool, never the
 * request; strings they return come from that pool. */
#ifndef MOTCUA_STORE_PROCEDURE_H
#define MOTCUA_STORE_PROCEDURE_H

#include <stddef.h>

#include "db.h"
#include "util.h"

/* The public catalogue: procedures in force of units that are not training
 * units, narrowed to a field (0: any) and a level (NULL: any).  The columns
 * of both reads, in order: */
enum catalogue_col {
    CAT_CODE,
    CAT_NAME,
    CAT_FIELD,
    CAT_LEVEL,
    CAT_TIME_VALUE,
    CAT_TIME_UNIT,
    CAT_UNIT,
    CAT__COUNT
};
/* One page of it by name: limit rows from offset. */
enum db_rc catalogue_browse(struct db *db, struct pool *p, long long field, const char *level,
                            long long limit, long long offset, struct dbres *out);
/* The search's candidates, by name: those whose folded name matches the
 * full-text query ft (search_ft_query), and the one whose national code is
 * code as typed. */
enum db_rc catalogue_candidates(struct db *db, struct pool *p, const char *ft, const char *code,
                                long long field, const char *level, struct dbres *out);

/* A procedure of the catalogue as an import gives it (csv_import.c), checked. */
struct procedure_in {
    const char *national_code;
    long long version;
    const char *name, *search_name; /* search_name: search_index_text of name */
    const char *field_code, *field_name, *level, *unit_code;
    long long time_value;
    const char *time_unit;
    int use_cutoff;
    const char *fee, *documents, *result, *legal_basis;
    const char *effective_from, *effective_to; /* YYYY-MM-DD; to "" while in force */
};
/* Store it: its field created or renamed, the procedure (code and version)
 * added or updated, in one transaction the caller ends (the caller's audit
 * row goes in it).  *unit_found 0: no unit has unit_code, nothing written and
 * no transaction begun. */
enum db_rc procedure_import(struct db *db, struct pool *p, const struct procedure_in *in,
                            int *unit_found);

/* A procedure as the administrator's list shows it. */
struct procedure_row {
    const char *code, *version, *name, *field, *level;
    const char *time;      /* "15 working_days" */
    const char *unit;      /* the unit that handles it */
    const char *from, *to; /* dd/mm/yyyy; to NULL while in force */
};

/* The procedures by field then name, at most limit: *rows (n) from p. */
enum db_rc procedure_list(struct db *db, struct pool *p, size_t limit, struct procedure_row **rows,
                          size_t *n);

/* A kind of feedback and its deadlines (days, as text). */
struct feedback_kind_row {
    const char *code, *answer_days, *forward_days;
};

/* Every kind, in its order: *rows (n) from p. */
enum db_rc feedback_kind_list(struct db *db, struct pool *p, struct feedback_kind_row **rows,
                              size_t *n);

/* The deadlines of kind code: *found 1, or 0 when there is no such kind. */
enum db_rc feedback_kind_set_days(struct db *db, struct pool *p, const char *code,
                                  long long answer_days, long long forward_days, int *found);

/* ---- the public catalogue ------------------------------------------------ */

/* A procedure as its public page shows it, the version in force (or the
 * newest one): id 0 when there is no procedure of that national code. */
struct procedure_public {
    long long id;
    const char *code, *name, *field, *level, *time_value, *time_unit, *fee, *documents;
    const char *result, *legal, *unit, *address, *hotline, *hours, *unit_code;
    const char *effective; /* dd/mm/yyyy */
};
enum db_rc procedure_public_get(struct db *db, struct pool *p, const char *national_code,
                                struct procedure_public *out);

/* How procedure id really went over the last 12 months: the dossiers finished
 * with a result (done), those of them finished by their statutory appointment
 * (the one lateness rule, legal.h), and, from min_done dossiers up, the median
 * time from receipt to result in days with one decimal ("4.5"; NULL below). */
struct procedure_record {
    long long done, on_time;
    const char *median_days;
};
enum db_rc procedure_record_12m(struct db *db, struct pool *p, long long id, long long min_done,
                                struct procedure_record *out);

/* A procedure in a unit's list: national code, name, statutory time. */
struct unit_procedure {
    const char *code, *name, *time_value, *time_unit;
};
/* The procedures in force that unit_id handles, by name, at most limit after
 * skipping offset: *rows (n) from p. */
enum db_rc procedure_list_unit(struct db *db, struct pool *p, long long unit_id, size_t limit,
                               long long offset, struct unit_procedure **rows, size_t *n);

/* A field (lĩnh vực) the catalogue's procedures are filed under. */
struct field_row {
    long long id;
    const char *name;
};
/* Every field, in its order then by name: *rows (n) from p. */
enum db_rc field_list(struct db *db, struct pool *p, struct field_row **rows, size_t *n);

/* A procedure as the intake form offers it: what the officer picks from. */
struct intake_procedure {
    long long id;
    const char *name, *national_code, *time_value, *time_unit, *documents;
};
/* The procedures in force that unit_id handles, by name: *rows (n) from p. */
enum db_rc procedure_list_intake(struct db *db, struct pool *p, long long unit_id,
                                 struct intake_procedure **rows, size_t *n);

#endif
