/* store_schema.h — the statements about the database itself: whether it
 * answers (the API's health check) and, for motcuactl, which migrations are
 * applied, whether a database is empty.  The functions
 * take the database handle and a pool, never a request. */
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

#endif
