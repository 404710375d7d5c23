/* db.h — MariaDB access through Connector/C prepared statements only.
 *
 * One struct db per worker process (one connection).  Statements are
 * prepared on first use and cached by their SQL text.  A lost connection is
 * noticed, closed and re-opened on the next call; reads are retried once,
 * writes never (a lost INSERT may have committed). */
#ifndef MOTCUA_DB_H
#define MOTCUA_DB_H

#include <ClearSilver.h>
#include <stddef.h>

#include "util.h"

enum db_rc {
    DB_OK = 0,
    DB_DUP,      /* duplicate key */
    DB_DOWN,     /* server unreachable: answer 503 */
    DB_ERR,      /* anything else: answer 500, the log says why */
};

enum dbv_type { DBV_NULL, DBV_INT, DBV_STR };

struct dbv {
    enum dbv_type t;
    long long i;
    const char *s;
    size_t len;
};

#define DV_I(x) ((struct dbv){ .t = DBV_INT, .i = (long long)(x) })
#define DV_S(x) dv_str(x)
#define DV_NULL ((struct dbv){ .t = DBV_NULL })
#define DB_ARGS(...) (const struct dbv[]){ __VA_ARGS__ }, \
    sizeof((const struct dbv[]){ __VA_ARGS__ }) / sizeof(struct dbv)
#define DB_NOARGS NULL, 0
/* The most arguments one statement may bind (the inbox's union of branches
 * needs about 80). */
#define DB_MAX_ARGS 128

static inline struct dbv
dv_str(const char *s)
{
    struct dbv v = { .t = s ? DBV_STR : DBV_NULL, .s = s, .len = 0 };

    while (s && s[v.len]) {
        v.len++;
    }
    return v;
}

/* Rows of a result, every cell a NUL-terminated string (NULL for SQL NULL),
 * allocated from the pool given to db_query. */
struct dbres {
    size_t nrows, ncols;
    char **cell;     /* cell[row * ncols + col] */
};

static inline const char *
dbres_get(const struct dbres *r, size_t row, size_t col)
{
    return (row < r->nrows && col < r->ncols) ? r->cell[row * r->ncols + col] : NULL;
}

struct db;

/* Create the handle for the account named in conf (DB.Accounts.<account>.*);
 * it connects lazily.  The caller frees with db_close. */
struct db *db_new(HDF *conf, const char *account);
void db_close(struct db *db);

/* Connect now if not connected: DB_OK or DB_DOWN. */
enum db_rc db_connect(struct db *db);

enum db_rc db_query(struct db *db, struct pool *p, const char *sql, const struct dbv *args,
                    size_t nargs, struct dbres *out);
/* A result too large to hold (a CSV export): the rows come from the server
 * as they are read and are handed to each(arg, rows) in batches of up to
 * `batch`; a batch's cells live only during that call.  each returns 0 to go
 * on, anything else to stop (the rest is dropped).  No other statement may
 * run on this connection inside each(). */
typedef int (*db_each_fn)(void *arg, const struct dbres *rows);
enum db_rc db_query_each(struct db *db, const char *sql, const struct dbv *args, size_t nargs,
                         size_t batch, db_each_fn each, void *arg);
enum db_rc db_exec(struct db *db, const char *sql, const struct dbv *args, size_t nargs,
                   unsigned long long *affected, unsigned long long *insert_id);

enum db_rc db_begin(struct db *db);
enum db_rc db_commit(struct db *db);
void db_rollback(struct db *db);
/* Ends the transaction: commit when rc is DB_OK, else roll back; the result.
 * Every transaction of the programs ends here, so this is the one place where
 * a retry after a deadlock (ER_LOCK_DEADLOCK) can later be decided. */
enum db_rc db_end(struct db *db, enum db_rc rc);

/* Statements are cached by the address of their SQL text, so a text put
 * together at run time (from constant pieces only, never from user data) must
 * go through db_text: it returns a copy that lives as long as the process, the
 * same copy for the same text. */
const char *db_text(const char *sql);

/* Run a whole SQL script (migrations only: no user data ever goes here). */
enum db_rc db_script(struct db *db, const char *sql, size_t len);

const char *db_error(struct db *db);

#endif
