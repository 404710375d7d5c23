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

/* The child rows a statement read with its parent row, one joined row each
 * (a LEFT JOIN: the parent's columns repeated; one row of NULLs when it has
 * none): out gets, for each row of r, the ncols columns from first on, then
 * out_ncols - ncols NULL columns, in the order of the string in column
 * order_col ("<time> <id>" that sorts as text), in p.  An ORDER BY on the
 * joined table would have MariaDB sort the whole join in a temporary table. */
void dbres_children(struct pool *p, const struct dbres *r, size_t first, size_t ncols,
                    size_t order_col, size_t out_ncols, struct dbres *out);

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
/* ---- rows into structs ----------------------------------------------------
 * A store declares once how a result's columns fill its struct, instead of
 * copying each cell by hand:
 *
 *     static const struct dbmap map[] = {
 *         DBM(0, struct unit_row, id, DBM_LL),
 *         DBM(1, struct unit_row, code, DBM_STR),
 *     };
 *
 * DBM_STR stores the cell (const char *, NULL for SQL NULL, in the query's
 * pool); DBM_LL a long long and DBM_INT an int (util_num: 0 for NULL or a
 * non-number); DBM_BOOL an int, 1 when the number is not 0. */
enum dbm_kind { DBM_STR, DBM_LL, DBM_INT, DBM_BOOL };

struct dbmap {
    size_t col;         /* the column in the SELECT list, from 0 */
    size_t off;         /* offsetof(the struct, the field) */
    enum dbm_kind kind; /* the field's type, as above */
};

/* The field's type must be the kind's: a mismatch does not compile. */
#define DBM_KIND_OF(type, field) \
    _Generic(&((type *)0)->field, const char **: DBM_STR, char **: DBM_STR, long long *: DBM_LL, \
             int *: DBM_INT)
#define DBM(col, type, field, kind)                                                              \
    {                                                                                            \
        (col),                                                                                   \
            offsetof(type, field) +                                                              \
                0 * sizeof(                                                                      \
                        char[DBM_KIND_OF(type, field) == ((kind) == DBM_BOOL ? DBM_INT : (kind)) \
                                 ? 1                                                             \
                                 : -1]),                                                         \
            (kind)                                                                               \
    }
#define DB_MAP(m) (m), sizeof(m) / sizeof((m)[0])

/* Fill the struct at out from row `row` of res as map says; fields the map
 * does not name are left as they are. */
void db_map_row(const struct dbres *res, size_t row, const struct dbmap *map, size_t nmap,
                void *out);

/* Run a SELECT and map every row.  rows is the address of the caller's array
 * pointer (a `struct x **`, taken as void * so that any struct will do): it is
 * set to *n structs of `size` bytes, zeroed then filled, allocated from p
 * (freed with it); NULL and 0 when there is no row or on error. */
enum db_rc db_query_rows(struct db *db, struct pool *p, const char *sql, const struct dbv *args,
                         size_t nargs, const struct dbmap *map, size_t nmap, size_t size,
                         void *rows, size_t *n);

/* Run a SELECT and map its first row into the struct at out (`size` bytes,
 * zeroed first); *found (when not NULL) tells whether there was a row.
 * Strings point into p. */
enum db_rc db_query_row(struct db *db, struct pool *p, const char *sql, const struct dbv *args,
                        size_t nargs, const struct dbmap *map, size_t nmap, size_t size, void *out,
                        int *found);

enum db_rc db_exec(struct db *db, const char *sql, const struct dbv *args, size_t nargs,
                   unsigned long long *affected, unsigned long long *insert_id);

/* The next number of the sequence (scope, day) of table code_seq, 1 for a new
 * one, in one statement.  No number is given twice.  Inside a transaction the
 * row stays locked until it ends, and a rollback gives the number back;
 * outside one the statement commits at once, and a number whose use fails is
 * lost. */
enum db_rc db_seq_next(struct db *db, struct pool *p, const char *scope, const char *day,
                       long long *n);

enum db_rc db_begin(struct db *db);
enum db_rc db_commit(struct db *db);
void db_rollback(struct db *db);
/* Hold (on = 1) the transaction begun next: the db_begin and db_commit of
 * the code run inside it neither begin nor commit, so a whole sequence of
 * transactions can be tried and rolled back as one (rebuild-stats --check).
 * A failure still rolls everything back.  on = 0 ends the hold. */
void db_hold(struct db *db, int on);
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

/* Did a statement since the last call fail for others' sake (a deadlock, a
 * lock wait given up, a Galera certification conflict, a node not ready, the
 * connection lost inside a transaction)?  Then the request that ran it may
 * run again from the start (worker.c).  Clears the mark. */
int db_take_conflict(struct db *db);

#endif
