/* store_schema.c — the database answering, applied migrations, empty
 * databases, and setup-db's database and accounts.  See store_schema.h. */
#include "store_schema.h"

#include <string.h>

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

int
schema_name_ok(const char *s, const char *extra)
{
    if (*s == '\0') {
        return 0;
    }
    for (; *s; s++) {
        if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", *s) == NULL &&
            strchr(extra, *s) == NULL) {
            return 0;
        }
    }
    return 1;
}

/* "*" and 40 upper-case hex digits, as PASSWORD() gives. */
static int
hash_ok(const char *hash)
{
    return hash != NULL && strlen(hash) == 41 && hash[0] == '*' &&
           strspn(hash + 1, "0123456789ABCDEF") == 40;
}

enum db_rc
schema_password_hash(struct db *db, struct pool *p, const char *pw, const char **hash)
{
    struct dbres res;
    enum db_rc rc;

    *hash = NULL;
    rc = db_query(db, p, "SELECT PASSWORD(?)", DB_ARGS(DV_S(pw)), &res);
    if (rc == DB_OK && hash_ok(dbres_get(&res, 0, 0))) {
        *hash = dbres_get(&res, 0, 0);
    }
    return rc;
}

enum db_rc
schema_create_database(struct db *db, struct pool *p, const char *name)
{
    if (!schema_name_ok(name, "_")) {
        return DB_ERR;
    }
    return db_exec(db,
                   db_text(pool_printf(p,
                                       "CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4"
                                       " COLLATE utf8mb4_unicode_ci",
                                       name)),
                   DB_NOARGS, NULL, NULL);
}

enum db_rc
schema_account_set(struct db *db, struct pool *p, const char *user, const char *host,
                   const char *hash)
{
    enum db_rc rc;

    if (!schema_name_ok(user, "_") || !schema_name_ok(host, ".-_%") || !hash_ok(hash)) {
        return DB_ERR;
    }
    rc = db_exec(db,
                 db_text(pool_printf(p,
                                     "CREATE USER IF NOT EXISTS '%s'@'%s' IDENTIFIED BY"
                                     " PASSWORD '%s'",
                                     user, host, hash)),
                 DB_NOARGS, NULL, NULL);
    if (rc == DB_OK) {
        rc = db_exec(db,
                     db_text(pool_printf(p, "ALTER USER '%s'@'%s' IDENTIFIED BY PASSWORD '%s'",
                                         user, host, hash)),
                     DB_NOARGS, NULL, NULL);
    }
    return rc;
}

enum db_rc
schema_grant_all(struct db *db, struct pool *p, const char *name, const char *user,
                 const char *host)
{
    if (!schema_name_ok(name, "_") || !schema_name_ok(user, "_") || !schema_name_ok(host, ".-_%")) {
        return DB_ERR;
    }
    return db_exec(db,
                   db_text(pool_printf(p,
                                       "GRANT ALL PRIVILEGES ON `%s`.* TO '%s'@'%s'"
                                       " WITH GRANT OPTION",
                                       name, user, host)),
                   DB_NOARGS, NULL, NULL);
}

enum db_rc
schema_fulltext_ok(struct db *db, struct pool *p, int *ok)
{
    struct dbres res;
    enum db_rc rc;

    *ok = 0;
    rc = db_query(db, p,
                  "SELECT @@innodb_ft_min_token_size = 1 AND @@innodb_ft_enable_stopword = 0",
                  DB_NOARGS, &res);
    if (rc == DB_OK && res.nrows == 1) {
        *ok = strcmp(dbres_get(&res, 0, 0), "1") == 0;
    }
    return rc;
}
