/* store_unit.h — every SQL statement about units' counters (and, as the
 * administrator's pages move here, the units themselves).  The functions take
 * the database handle and a pool, never the request; strings they return come
 * from that pool. */
#ifndef MOTCUA_STORE_UNIT_H
#define MOTCUA_STORE_UNIT_H

#include <stddef.h>

#include "db.h"
#include "util.h"

/* One counter, as the lists show it. */
struct counter_row {
    long long id;
    const char *code, *name;
};

/* The active counters of a unit, in their order: *rows (n of them) from p. */
enum db_rc counter_list_active(struct db *db, struct pool *p, long long unit_id,
                               struct counter_row **rows, size_t *n);

/* Is counter_id an active counter of unit_id?  *yes 1 or 0. */
enum db_rc counter_is_in_unit(struct db *db, struct pool *p, long long counter_id,
                              long long unit_id, int *yes);

/* The counter of the unit with code unit_code whose code is code, locked for
 * the caller's transaction: its id into *id, 0 if there is none. */
enum db_rc counter_find_locked(struct db *db, struct pool *p, const char *unit_code,
                               const char *code, long long *id);

/* A new counter at the end of its unit's list: its id into *id; DB_DUP when
 * the unit has a counter with that code. */
enum db_rc counter_insert(struct db *db, long long unit_id, const char *code, const char *name,
                          long long *id);

enum db_rc counter_set_name(struct db *db, long long id, const char *name);
enum db_rc counter_set_active(struct db *db, long long id, int active);

/* The active counter (unit code, counter code): its code as stored into
 * *stored (from p), NULL when there is none. */
enum db_rc counter_active_code(struct db *db, struct pool *p, const char *unit_code,
                               const char *code, const char **stored);

/* Every active counter of every unit, named "counter · unit" in counter_row's
 * name (code unset), in the units' order: *rows (n) from p. */
enum db_rc counter_list_all_active(struct db *db, struct pool *p, struct counter_row **rows,
                                   size_t *n);

/* Is counter_id an active counter?  *yes 1 or 0. */
enum db_rc counter_exists_active(struct db *db, struct pool *p, long long counter_id, int *yes);

/* ---- counters' rating tablets (kiosk_device) ---------------------------- */

struct kiosk_row {
    long long id;
    const char *name, *counter, *unit;
    const char *created; /* local time, dd/mm/yyyy hh:mm */
    int revoked;
    const char *last; /* its last rating, the same; NULL for none */
};

/* Every tablet, the ones in service first: *rows (n) from p. */
enum db_rc kiosk_list(struct db *db, struct pool *p, struct kiosk_row **rows, size_t *n);

/* A new tablet of counter_id whose token hashes to token_hash: id into *id. */
enum db_rc kiosk_insert(struct db *db, long long counter_id, const char *name,
                        const char *token_hash, long long *id);

/* Revoke tablet id if it is in service: *done 1, else 0. */
enum db_rc kiosk_set_revoked(struct db *db, long long id, int *done);

#endif
