/* store_procedure.h — the statements of the administrator's pages about the
 * catalogue: administrative procedures and the kinds of feedback with their
 * deadlines.  The functions take the database handle and a pool, never the
 * request; strings they return come from that pool. */
#ifndef MOTCUA_STORE_PROCEDURE_H
#define MOTCUA_STORE_PROCEDURE_H

#include <stddef.h>

#include "db.h"
#include "util.h"

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

#endif
