/* store_user.h — every SQL statement about staff accounts (and, as the
 * administrator's pages move here, API clients).  The functions take the
 * database handle and a pool, never the request; strings they return come
 * from that pool. */
#ifndef MOTCUA_STORE_USER_H
#define MOTCUA_STORE_USER_H

#include <stddef.h>

#include "db.h"
#include "util.h"

struct staff_row {
    long long id;
    const char *full_name;
};

/* The enabled officers and leaders of a unit, by name: *rows (n) from p. */
enum db_rc user_list_staff(struct db *db, struct pool *p, long long unit_id,
                           struct staff_row **rows, size_t *n);

/* Is user_id an enabled officer or leader of unit_id?  *yes 1 or 0, and
 * *counter_id the counter the user serves at (0 for none). */
enum db_rc user_staff_in_unit(struct db *db, struct pool *p, long long user_id, long long unit_id,
                              int *yes, long long *counter_id);

#endif
