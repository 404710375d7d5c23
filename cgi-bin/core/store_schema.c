/* store_schema.c — the database answering, applied migrations and empty
 * databases.  See store_schema.h. */
#include "store_schema.h"

enum db_rc
schema_prepare(struct db *db)
{
    return db_exec(db,
                   "CREATE TABLE IF NOT EXISTS schema_migrations ("
                   " name VARCHAR(191) NOT NULL PRIMARY KEY,"
                   " applied_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP())",
                   DB_NOARGS, NULL, NULL);
}

enum db_rc
schema_applied(struct db *db, struct pool *p, const char *name, int *yes)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p, "SELECT 1 FROM schema_migrations WHERE name = ?", DB_ARGS(DV_S(name)),
                  &res);
    *yes = rc == DB_OK && res.nrows > 0;
    return rc;
}

enum db_rc
schema_mark_applied(struct db *db, const char *name)
{
    return db_exec(db, "INSERT INTO schema_migrations (name) VALUES (?)", DB_ARGS(DV_S(name)), NULL,
                   NULL);
}

enum db_rc
schema_table_count(struct db *db, struct pool *p, const char *dbname, long long *n)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?",
                  DB_ARGS(DV_S(dbname)), &res);
    *n = rc == DB_OK ? util_num(dbres_get(&res, 0, 0)) : 0;
    return rc;
}

enum db_rc
schema_ping(struct db *db, struct pool *p)
{
    struct dbres res;

    return db_query(db, p, "SELECT 1", DB_NOARGS, &res);
}
