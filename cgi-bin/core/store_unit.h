/* store_unit.h — every SQL statement about units, their counters and the
 * counters' rating tablets.  The functions take
 * the database handle and a pool, never the request; strings they return come
 * from that pool. */
#ifndef MOTCUA_STORE_UNIT_H
#define MOTCUA_STORE_UNIT_H

#include <stddef.h>

#include "db.h"
#include "util.h"

/* ---- units ------------------------------------------------------------- */

/* A unit as the other statements need it. */
struct unit {
    long long id;
    const char *code, *path, *valid_from, *valid_to; /* valid_to: "" while open */
    int training;                                    /* a training unit (sql/050) */
};

/* The unit with this code (NULL: none), locked for the caller's transaction
 * when lock is set; u->id 0 when there is none. */
enum db_rc unit_find(struct db *db, struct pool *p, const char *code, int lock, struct unit *u);

/* A unit as the tree shows it. */
struct unit_row {
    long long id, parent; /* parent 0 at the top */
    const char *code, *name, *short_name, *level, *path;
    const char *valid_to; /* YYYY-MM-DD, "" while open */
    long long counters;   /* active counters */
    int training;         /* a training unit */
};

/* Every unit, closed ones included, siblings by their order then name:
 * *rows (n) from p. */
enum db_rc unit_list_all(struct db *db, struct pool *p, struct unit_row **rows, size_t *n);

/* The fields of the unit form, as stored and shown (strings, "" for none). */
struct unit_form {
    const char *parent, *code, *name, *short_name, *level, *address, *hotline, *email;
    const char *opening_hours, *valid_from, *sort_order, *place, *head_title, *parent_signs;
    const char *training; /* "1" for a training unit, else "0" */
};

/* A unit's page: the form's fields, and the unit itself. */
struct unit_details {
    struct unit_form f;
    long long id;
    const char *path, *valid_to; /* valid_to: YYYY-MM-DD, "" while open */
    long long users;             /* enabled accounts */
};

/* The unit with this code into d: *found 1, or 0 when there is none. */
enum db_rc unit_details_get(struct db *db, struct pool *p, const char *code, struct unit_details *d,
                            int *found);

/* What the administrator writes into a unit (NULL for an empty optional
 * field; parent_signs NULL is "none"). */
struct unit_in {
    long long parent_id; /* 0 at the top */
    const char *code;    /* on creation only: the code is not edited */
    const char *name, *short_name, *level, *address, *hotline, *email, *opening_hours;
    const char *valid_from, *place, *head_title, *parent_signs;
    long long sort_order;
    int training; /* a training unit: see unit_set_training */
};

/* A new unit under parent_path ("/" at the top): its id into *id; DB_DUP
 * when the code is taken.  Its path names the new id. */
enum db_rc unit_insert(struct db *db, const struct unit_in *in, const char *parent_path,
                       long long *id);

/* The details of unit id (in->code is not read). */
enum db_rc unit_update(struct db *db, long long id, const struct unit_in *in);

/* The id of the parent of the unit with this code (0: none) into *parent_id. */
enum db_rc unit_parent_of(struct db *db, struct pool *p, const char *code, long long *parent_id);

/* Move every unit whose path starts with from (a unit and its subtree) to
 * paths starting with to. */
enum db_rc unit_move_paths(struct db *db, const char *from, const char *to);

/* Mark the unit at path and every unit under it as training units (1) or
 * not (0): a subtree is wholly one or the other, so a scope's figures leave
 * out training units by comparing their flag with the scope's own. */
enum db_rc unit_set_training(struct db *db, const char *path, int training);

/* Close unit id on valid_to (YYYY-MM-DD), or reopen it (valid_to NULL). */
enum db_rc unit_set_valid_to(struct db *db, long long id, const char *valid_to);

/* How many units there are, closed ones included, into *n. */
enum db_rc unit_count(struct db *db, struct pool *p, long long *n);

/* Every unit's path from its parent's, for units loaded by a script (a tree
 * at most 9 levels deep). */
enum db_rc unit_paths_rebuild(struct db *db);

/* The name of unit id into *name (from p), NULL when there is none. */
enum db_rc unit_name_of(struct db *db, struct pool *p, long long id, const char **name);

/* An open unit in a list to pick from. */
struct unit_name {
    long long id;
    const char *code, *name;
};

/* The open units a case or dossier of unit_id may go to, unit_id itself
 * left out when except_self is set, in their order then by name: *rows (n)
 * from p.  Training units for a training unit, real ones for a real one. */
enum db_rc unit_list_open(struct db *db, struct pool *p, long long unit_id, int except_self,
                          struct unit_name **rows, size_t *n);

/* The open units whose path is LIKE subtree, by path: *rows (n) from p. */
enum db_rc unit_list_subtree(struct db *db, struct pool *p, const char *subtree,
                             struct unit_name **rows, size_t *n);

/* An open unit with an active counter, as the public pages show it (NULL for
 * a detail not given). */
struct public_unit {
    long long id;
    const char *code, *name, *address, *hotline, *email, *hours;
};

/* The open units that have an active counter, in their order, or (code not
 * NULL) only the open unit of that code, counters or not: *rows (n) from p.
 * Never a training unit: the public pages do not show them. */
enum db_rc unit_list_public(struct db *db, struct pool *p, const char *code,
                            struct public_unit **rows, size_t *n);

/* The units a citizen may address feedback to, in their order: open, never a
 * training unit, and either an office level or one with a counter.  Only id,
 * code and name are set: *rows (n) from p. */
enum db_rc unit_list_feedback(struct db *db, struct pool *p, struct unit_name **rows, size_t *n);

/* The one-stop centre nearest the top of the tree (the province's, in a
 * province), open and not a training unit, with its contact details (NULL
 * for a detail not given): found 0 when there is none. */
struct top_centre {
    int found;
    const char *name, *hotline, *email, *address;
};
enum db_rc unit_top_centre(struct db *db, struct pool *p, struct top_centre *c);

/* An active counter with the nonce of its newest valid link (NULL for none). */
struct public_counter {
    long long unit_id, id;
    const char *name, *nonce;
};

/* Every active counter, by unit then in its order, training units' left
 * out: *rows (n) from p. */
enum db_rc counter_list_public(struct db *db, struct pool *p, struct public_counter **rows,
                               size_t *n);

/* What the administrator's overview counts: open units, active counters,
 * enabled accounts, valid QR links other than dossiers', active API clients. */
struct admin_counts {
    long long units, counters, users, qr, api;
};

enum db_rc unit_admin_counts(struct db *db, struct pool *p, struct admin_counts *c);

/* ---- counters ---------------------------------------------------------- */

/* One counter, as the lists show it. */
struct counter_row {
    long long id;
    const char *code, *name;
    const char *unit_code; /* set by counter_list_open only */
};

/* The active counters of every open unit, in the units' order: *rows (n)
 * from p. */
enum db_rc counter_list_open(struct db *db, struct pool *p, struct counter_row **rows, size_t *n);

/* The counter of unit_id with this code: its id into *id, 0 if none. */
enum db_rc counter_find(struct db *db, struct pool *p, long long unit_id, const char *code,
                        long long *id);

/* A counter on its unit's page: with its state and the nonce of its newest
 * valid QR link (NULL for none). */
struct counter_full_row {
    long long id;
    const char *code, *name;
    int active;
    const char *nonce;
};

/* Every counter of a unit, in their order: *rows (n) from p. */
enum db_rc counter_list_unit(struct db *db, struct pool *p, long long unit_id,
                             struct counter_full_row **rows, size_t *n);

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

/* The active counters of unit_id and, with subtree_too, of every unit whose
 * path is LIKE subtree, named "counter · unit's short name" in counter_row's
 * name (code unset), in the units' order: *rows (n) from p. */
enum db_rc counter_list_scope(struct db *db, struct pool *p, long long unit_id, int subtree_too,
                              const char *subtree, struct counter_row **rows, size_t *n);

/* ---- counters' rating tablets (kiosk_device) ---------------------------- */

struct kiosk_row {
    long long id;
    const char *name, *counter, *unit;
    const char *created; /* local time, dd/mm/yyyy hh:mm */
    int revoked;
    const char *last; /* its last rating, the same; NULL for none */
};

/* A tablet as the kiosk screen opens it. */
struct kiosk_device {
    long long id; /* 0: no tablet has this token */
    long long counter_id, unit_id;
    const char *counter_name, *unit_name;
    long long link_id; /* the counter's newest valid QR link, 0 for none */
    int revoked;       /* the tablet or its counter is out of service */
    int too_soon;      /* it rated less than interval seconds ago */
};

/* The tablet whose token hashes to token_hash into k (strings from p). */
enum db_rc kiosk_find(struct db *db, struct pool *p, const char *token_hash, int interval,
                      struct kiosk_device *k);

/* Note that tablet id has just given a rating. */
enum db_rc kiosk_touch(struct db *db, long long id);

/* Every tablet, the ones in service first: *rows (n) from p. */
enum db_rc kiosk_list(struct db *db, struct pool *p, struct kiosk_row **rows, size_t *n);

/* A new tablet of counter_id whose token hashes to token_hash: id into *id. */
enum db_rc kiosk_insert(struct db *db, long long counter_id, const char *name,
                        const char *token_hash, long long *id);

/* Revoke tablet id if it is in service: *done 1, else 0. */
enum db_rc kiosk_set_revoked(struct db *db, long long id, int *done);

/* The id of the open unit (not closed) with this code whose path matches
 * path_like (a LIKE pattern: "/1/%" for a subtree, "%" for any), or 0. */
enum db_rc unit_open_id(struct db *db, struct pool *p, const char *code, const char *path_like,
                        long long *id);

#endif
