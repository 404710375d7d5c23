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

/* ---- API clients -------------------------------------------------------- */

struct api_client_row {
    long long id;
    const char *name;
    const char *unit_code, *unit_name; /* the unit whose dossiers it may push */
    int active;
    const char *created; /* local time, dd/mm/yyyy hh:mm */
};

/* Every API client, the active ones first: *rows (n) from p. */
enum db_rc api_client_list(struct db *db, struct pool *p, struct api_client_row **rows, size_t *n);

/* A new active client whose key hashes to key_hash: its id into *id. */
enum db_rc api_client_insert(struct db *db, const char *name, const char *key_hash,
                             long long unit_id, long long *id);

/* Client id locked for the caller's transaction: its name into *name (from
 * p), NULL when there is none. */
enum db_rc api_client_lock(struct db *db, struct pool *p, long long id, const char **name);

enum db_rc api_client_deactivate(struct db *db, long long id);

#endif
