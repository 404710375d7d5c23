/* store_canned.h — every SQL statement about a unit's canned answers (the
 * texts its officers start an answer to a case from).  The functions take the
 * database handle and a pool, never the request; strings they return come
 * from that pool. */
#ifndef MOTCUA_STORE_CANNED_H
#define MOTCUA_STORE_CANNED_H

#include <stddef.h>

#include "db.h"
#include "util.h"

struct canned_row {
    long long id;
    const char *title, *body;
};

/* The canned answers of a unit, by title: *rows (n) from p. */
enum db_rc canned_list(struct db *db, struct pool *p, long long unit_id, struct canned_row **rows,
                       size_t *n);

/* A new answer of unit_id written by user_id: its id into *id. */
enum db_rc canned_insert(struct db *db, long long unit_id, const char *title, const char *body,
                         long long user_id, long long *id);

/* Answer id of unit_id rewritten by user_id: *done 1, or 0 when the unit has
 * no such answer. */
enum db_rc canned_update(struct db *db, long long id, long long unit_id, const char *title,
                         const char *body, long long user_id, int *done);

/* Answer id of unit_id removed: *done 1, or 0 when the unit has no such answer. */
enum db_rc canned_remove(struct db *db, long long id, long long unit_id, int *done);

#endif
