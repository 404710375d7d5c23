/* store_user.h — every SQL statement about staff accounts and API clients.  The functions take the
 * database handle and a pool, never the request; strings they return come
 * from that pool. */
#ifndef MOTCUA_STORE_USER_H
#define MOTCUA_STORE_USER_H

#include <stddef.h>

#include "db.h"
#include "util.h"

/* ---- accounts ----------------------------------------------------------- */

/* An account as the list shows it. */
struct user_row {
    const char *username, *full_name, *title, *role;
    const char *unit_code, *unit_name, *counter_code; /* counter_code "" for none */
    int disabled, must_change;
};

/* The accounts of the unit with code unit_code (NULL: all), by unit then
 * username, at most limit of them: *rows (n) from p. */
enum db_rc user_list(struct db *db, struct pool *p, const char *unit_code, size_t limit,
                     struct user_row **rows, size_t *n);

/* An account's page. */
struct user_details {
    long long id;
    const char *username, *full_name, *title, *role, *unit_code;
    long long counter_id; /* 0 for none */
    int disabled, must_change;
    const char *created; /* local time, dd/mm/yyyy hh:mm */
    long long sessions;  /* open sessions */
};

/* The account with this username into d: *found 1, or 0 when there is none.
 * Never the password's hash. */
enum db_rc user_details_get(struct db *db, struct pool *p, const char *username,
                            struct user_details *d, int *found);

/* The id of the account with this username (0: none); with lock, its row is
 * locked for the caller's transaction. */
enum db_rc user_find(struct db *db, struct pool *p, const char *username, int lock, long long *id);

/* What an account is: name, title (NULL for none), role, unit, counter (0:
 * none). */
struct user_in {
    const char *username; /* on creation only */
    const char *full_name, *title, *role;
    long long unit_id, counter_id;
};

/* A new account with this password hash; must_change: the password is an
 * initial one, to change at the first sign-in.  Its id into *id; DB_DUP when
 * the username is taken. */
enum db_rc user_insert(struct db *db, const struct user_in *in, const char *password_hash,
                       int must_change, long long *id);

/* An account's name, title, role, unit and counter (in->username not read). */
enum db_rc user_update(struct db *db, long long id, const struct user_in *in);

enum db_rc user_set_disabled(struct db *db, long long id, int disabled);

/* A new password; must_change: an initial one, to change at the next sign-in. */
enum db_rc user_set_password(struct db *db, long long id, const char *password_hash,
                             int must_change);

/* The password hash of account id into *hash (from p), NULL when there is no
 * such account.  For checking the password its owner types only. */
enum db_rc user_password_hash(struct db *db, struct pool *p, long long id, const char **hash);

/* End every session of the account at once. */
enum db_rc user_end_sessions(struct db *db, long long id);

/* ---- staff of a unit ---------------------------------------------------- */

/* An officer on duty at a counter, as the public directory shows them. */
struct duty_row {
    long long counter_id;
    const char *full_name, *title; /* title NULL for none */
};

/* Every enabled officer serving at a counter, by name: *rows (n) from p. */
enum db_rc user_list_on_duty(struct db *db, struct pool *p, struct duty_row **rows, size_t *n);

struct staff_row {
    long long id;
    const char *full_name;
};

/* The enabled officers and leaders of a unit, by name: *rows (n) from p. */
enum db_rc user_list_staff(struct db *db, struct pool *p, long long unit_id,
                           struct staff_row **rows, size_t *n);

/* Every account, disabled ones included, of a unit whose path is LIKE
 * subtree, by name: *rows (n) from p. */
enum db_rc user_list_subtree(struct db *db, struct pool *p, const char *subtree,
                             struct staff_row **rows, size_t *n);

/* A colleague a case can be handed to: title NULL for none. */
struct colleague_row {
    long long id;
    const char *full_name, *title;
};

/* The enabled officers and leaders of a unit but except_id, by name: *rows
 * (n) from p. */
enum db_rc user_list_colleagues(struct db *db, struct pool *p, long long unit_id,
                                long long except_id, struct colleague_row **rows, size_t *n);

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

/* The active client whose key hashes to key_hash: its id into *id and the
 * LIKE pattern of the subtree of its unit into *subtree (from p); *subtree
 * NULL when there is none. */
enum db_rc api_client_by_key(struct db *db, struct pool *p, const char *key_hash, long long *id,
                             const char **subtree);

#endif
