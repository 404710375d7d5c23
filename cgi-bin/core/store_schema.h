/* store_schema.h — the statements about the database itself: whether it
 * answers (the API's health check) and, for motcuactl, which migrations are
 * applied, whether a database is empty, and setup-db's database and accounts.
 * The functions take the database handle and a pool, never a request. */
#ifndef MOTCUA_STORE_SCHEMA_H
#define MOTCUA_STORE_SCHEMA_H

#include "db.h"
#include "util.h"

/* Does the database answer?  DB_OK when it does. */
enum db_rc schema_ping(struct db *db, struct pool *p);

/* Create the table of applied migrations if it is not there. */
enum db_rc schema_prepare(struct db *db);

/* Has the migration of this file name been applied?  *yes 1 or 0. */
enum db_rc schema_applied(struct db *db, struct pool *p, const char *name, int *yes);

/* Note the migration of this file name as applied. */
enum db_rc schema_mark_applied(struct db *db, const char *name);

/* How many tables the database named dbname has, into *n. */
enum db_rc schema_table_count(struct db *db, struct pool *p, const char *dbname, long long *n);

/* Does the server index one-letter words and every word, as the searches'
 * full-text index needs (sql/100_search_index.sql)?  *ok 1 or 0. */
enum db_rc schema_fulltext_ok(struct db *db, struct pool *p, int *ok);

/* ---- setup-db: the database and its accounts, as an administrator -------- */

/* Is s a name the statements below may write into their text (MariaDB takes
 * no placeholder for a database, account or host name): not empty, letters,
 * digits and the characters of extra only?  1 or 0.  Database and account
 * names take "_", hosts ".-_%".  The functions below check their names again
 * and give DB_ERR for one that is not. */
int schema_name_ok(const char *s, const char *extra);

/* The server's hash of password pw ("*" and 40 hex digits) into *hash (from
 * p), NULL when the server gave something else. */
enum db_rc schema_password_hash(struct db *db, struct pool *p, const char *pw, const char **hash);

/* The database named name, created if it is not there (utf8mb4). */
enum db_rc schema_create_database(struct db *db, struct pool *p, const char *name);

/* Account user@host, created with or set to the password of this hash (from
 * schema_password_hash: only hex digits enter the statement). */
enum db_rc schema_account_set(struct db *db, struct pool *p, const char *user, const char *host,
                              const char *hash);

/* Every privilege on database name to user@host, who may grant them on. */
enum db_rc schema_grant_all(struct db *db, struct pool *p, const char *name, const char *user,
                            const char *host);

#endif
