/* db.c — MariaDB connection, statement cache, reconnect. */
#include "db.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "util.h"

#define STMT_CACHE 256
#define MAX_HOSTS 8

struct stmt_slot {
    const char *sql;         /* the caller's string; SQL is always a literal */
    MYSQL_STMT *st;
};

struct db {
    MYSQL *my;
    int connected;
    int in_tx;
    int held; /* db_hold: one outer transaction, the inner ones neither begin nor commit */
    char user[64], password[128], host[128], socket[512], name[64];
    unsigned port, connect_timeout, read_timeout;
    int multi;               /* allow multi-statement scripts (motcuactl only) */
    struct stmt_slot cache[STMT_CACHE];
    size_t ncache;
    char err[512];
    int conflict; /* a failure worth running the request again for */
    /* DB.Hosts: the nodes of a cluster, tried in turn from the last that
     * answered ("localhost": DB.Socket) */
    char hosts[MAX_HOSTS][128];
    unsigned ports[MAX_HOSTS];
    size_t nhosts, cur;
    int sync_wait; /* DB.SyncWait: wsrep_sync_wait of each session */
};

static void
copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

/* DB.Hosts ("10.0.0.1:3306, 10.0.0.2:3306, localhost") into db->hosts. */
static void
hosts_parse(struct db *db, const char *list)
{
    while (*list && db->nhosts < MAX_HOSTS) {
        size_t n = strcspn(list, ","), skip = strspn(list, " \t");
        char one[128];
        char *colon, *end;

        snprintf(one, sizeof(one), "%.*s", (int)(n > skip ? n - skip : 0), list + skip);
        list += n + (list[n] == ',');
        for (end = one + strlen(one); end > one && (end[-1] == ' ' || end[-1] == '\t');) {
            *--end = '\0';
        }
        if (one[0] == '\0') {
            continue;
        }
        colon = strrchr(one, ':');
        db->ports[db->nhosts] = 0;
        if (colon) {
            *colon = '\0';
            db->ports[db->nhosts] = (unsigned)strtoul(colon + 1, NULL, 10);
        }
        copy(db->hosts[db->nhosts++], sizeof(db->hosts[0]), one);
    }
}

struct db *
db_new(HDF *conf, const char *account)
{
    struct db *db = xcalloc(1, sizeof(*db));
    char key[96];

    snprintf(key, sizeof(key), "DB.Accounts.%s.User", account);
    copy(db->user, sizeof(db->user), conf_str(conf, key, ""));
    if (db->user[0] == '\0') {
        /* the names sql/grants.sql grants to */
        snprintf(db->user, sizeof(db->user), "motcua_%s", account);
    }
    snprintf(key, sizeof(key), "DB.Accounts.%s.Password", account);
    copy(db->password, sizeof(db->password), conf_str(conf, key, ""));
    copy(db->host, sizeof(db->host), conf_str(conf, "DB.Host", "localhost"));
    copy(db->socket, sizeof(db->socket), conf_str(conf, "DB.Socket", ""));
    copy(db->name, sizeof(db->name), conf_str(conf, "DB.Name", "motcua"));
    db->port = (unsigned)conf_int(conf, "DB.Port", 0);
    hosts_parse(db, conf_str(conf, "DB.Hosts", ""));
    db->sync_wait = (int)conf_int(conf, "DB.SyncWait", 0);
    db->connect_timeout = (unsigned)conf_int(conf, "DB.ConnectTimeout", 2);
    db->multi = strcmp(account, "owner") == 0;
    /* a page gives up quickly; the operator's migrations and loads may take minutes */
    db->read_timeout = (unsigned)(db->multi ? conf_int(conf, "DB.OwnerReadTimeout", 3600)
                                            : conf_int(conf, "DB.ReadTimeout", 4));
    return db;
}

static void
db_disconnect(struct db *db)
{
    for (size_t i = 0; i < db->ncache; i++) {
        mysql_stmt_close(db->cache[i].st);
    }
    db->ncache = 0;
    if (db->my) {
        mysql_close(db->my);
    }
    db->my = NULL;
    db->connected = 0;
    db->in_tx = 0;
}

void
db_close(struct db *db)
{
    if (db == NULL) {
        return;
    }
    db_disconnect(db);
    free(db);
}

enum db_rc
db_connect(struct db *db)
{
    unsigned long flags = db->multi ? CLIENT_MULTI_STATEMENTS : 0;

    if (db->connected) {
        return DB_OK;
    }
    db->my = mysql_init(NULL);
    if (db->my == NULL) {
        copy(db->err, sizeof(db->err), "mysql_init failed");
        return DB_DOWN;
    }
    mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &db->connect_timeout);
    mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &db->read_timeout);
    mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &db->read_timeout);
    mysql_options(db->my, MYSQL_INIT_COMMAND,
                  "SET time_zone = '+00:00'");
    if (db->sync_wait > 0) {
        /* a cluster: each read waits until this node has applied what the
         * others committed before it (one's own write seen on any node) */
        char cmd[64];

        snprintf(cmd, sizeof(cmd), "SET SESSION wsrep_sync_wait = %d", db->sync_wait);
        mysql_options(db->my, MYSQL_INIT_COMMAND, cmd);
    }
    for (size_t i = 0; i < (db->nhosts ? db->nhosts : 1); i++) {
        size_t k = db->nhosts ? (db->cur + i) % db->nhosts : 0;
        const char *host = db->nhosts ? db->hosts[k] : db->host;
        unsigned port = db->nhosts ? db->ports[k] : db->port;

        if (mysql_real_connect(db->my, host, db->user, db->password, db->name, port,
                               db->socket[0] ? db->socket : NULL, flags)) {
            db->cur = k;
            db->connected = 1;
            return DB_OK;
        }
        copy(db->err, sizeof(db->err), mysql_error(db->my));
        log_warn("database connect as %s to %s failed: %s", db->user, host, db->err);
    }
    mysql_close(db->my);
    db->my = NULL;
    return DB_DOWN;
}

static int
lost(unsigned e)
{
    return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_STMT_CLOSED ||
           e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR || e == ER_CONNECTION_KILLED ||
           e == CR_COMMANDS_OUT_OF_SYNC || e == ER_SERVER_SHUTDOWN;
}

/* A transaction that failed for others' sake, not its own: a deadlock, a
 * lock wait given up, a Galera certification conflict (reported as a
 * deadlock), a node not ready for queries.  Run again, it may well pass. */
static int
conflicted(unsigned e)
{
    return e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT || e == ER_UNKNOWN_COM_ERROR ||
           e == ER_LOCK_ABORTED;
}

/* Classify a failure, log it, and drop the connection if it is gone. */
static enum db_rc
failed(struct db *db, unsigned e, const char *msg, const char *sql)
{
    copy(db->err, sizeof(db->err), msg);
    if (e == ER_DUP_ENTRY) {
        return DB_DUP;
    }
    if (lost(e)) {
        log_warn("database connection lost (%u %s)", e, msg);
        /* lost within a transaction (even during COMMIT, whose outcome is
         * then unknown): the request may run again on a new connection; a
         * submission's idempotency key keeps it from counting twice */
        db->conflict |= db->in_tx;
        db_disconnect(db);
        return DB_DOWN;
    }
    if (conflicted(e)) {
        log_warn("database conflict %u: %s; sql: %.200s", e, msg, sql);
        db->conflict = 1;
        return DB_ERR;
    }
    log_err("database error %u: %s; sql: %.200s", e, msg, sql);
    return DB_ERR;
}

/* Drop st from the cache and close it. */
static void
forget(struct db *db, MYSQL_STMT *st)
{
    for (size_t i = 0; i < db->ncache; i++) {
        if (db->cache[i].st == st) {
            mysql_stmt_close(st);
            memmove(db->cache + i, db->cache + i + 1, (db->ncache - i - 1) * sizeof(db->cache[0]));
            db->ncache--;
            return;
        }
    }
}

/* The statement of sql, from the cache (*cached 1) or prepared now (0). */
static enum db_rc
prepare(struct db *db, const char *sql, MYSQL_STMT **out, int *cached)
{
    MYSQL_STMT *st;
    enum db_rc rc;

    *cached = 0;
    if ((rc = db_connect(db)) != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < db->ncache; i++) {
        if (db->cache[i].sql == sql) {
            *out = db->cache[i].st;
            *cached = 1;
            return DB_OK;
        }
    }
    st = mysql_stmt_init(db->my);
    if (st == NULL) {
        return failed(db, mysql_errno(db->my), mysql_error(db->my), sql);
    }
    if (mysql_stmt_prepare(st, sql, (unsigned long)strlen(sql)) != 0) {
        unsigned e = mysql_stmt_errno(st);
        char msg[512];

        copy(msg, sizeof(msg), mysql_stmt_error(st));
        mysql_stmt_close(st);
        return failed(db, e, msg, sql);
    }
    if (db->ncache == STMT_CACHE) {
        forget(db, db->cache[0].st); /* full: forget the oldest */
    }
    db->cache[db->ncache].sql = sql;
    db->cache[db->ncache].st = st;
    db->ncache++;
    *out = st;
    return DB_OK;
}

/* Inside a transaction we began, the server must still say one is open
 * (SERVER_STATUS_IN_TRANS of each answer).  A Galera node that aborts a
 * local transaction for a replicated one (a brute-force abort) rolls it
 * back; the statement after that may then run outside any transaction,
 * and one did report success (a read that found nothing): the rest of the
 * request would have committed piecemeal.  So the transaction's loss is a
 * conflict, seen at the first statement after it: the request runs again. */
static enum db_rc
tx_alive(struct db *db, const char *sql)
{
    if (!db->in_tx || (db->my->server_status & SERVER_STATUS_IN_TRANS)) {
        return DB_OK;
    }
    log_warn("database conflict: the transaction was rolled back under this request; sql: %.200s",
             sql);
    db->conflict = 1;
    return DB_ERR;
}

/* stale non-NULL (a statement from the cache): a table "missing", or the
 * server's own "needs to be re-prepared" (error 1615, after it tried itself),
 * is not logged but told there (*stale = the error, DB_ERR), for execute to
 * prepare the statement anew. */
static enum db_rc
bind_and_execute(struct db *db, MYSQL_STMT *st, const char *sql, const struct dbv *args,
                 size_t nargs, int *stale)
{
    MYSQL_BIND b[DB_MAX_ARGS];
    unsigned long lens[DB_MAX_ARGS];
    my_bool nul[DB_MAX_ARGS];
    long long ints[DB_MAX_ARGS];

    if (nargs > NELEM(b) || nargs != mysql_stmt_param_count(st)) {
        log_err("db: %zu arguments for %lu placeholders: %.200s", nargs,
                mysql_stmt_param_count(st), sql);
        return DB_ERR;
    }
    memset(b, 0, sizeof(b));
    for (size_t i = 0; i < nargs; i++) {
        switch (args[i].t) {
        case DBV_NULL:
            nul[i] = 1;
            b[i].buffer_type = MYSQL_TYPE_NULL;
            b[i].is_null = &nul[i];
            break;
        case DBV_INT:
            ints[i] = args[i].i;
            b[i].buffer_type = MYSQL_TYPE_LONGLONG;
            b[i].buffer = &ints[i];
            break;
        case DBV_STR:
            lens[i] = (unsigned long)args[i].len;
            b[i].buffer_type = MYSQL_TYPE_STRING;
            b[i].buffer = (void *)args[i].s;
            b[i].buffer_length = lens[i];
            b[i].length = &lens[i];
            break;
        }
    }
    if ((nargs > 0 && mysql_stmt_bind_param(st, b) != 0) || mysql_stmt_execute(st) != 0) {
        unsigned e = mysql_stmt_errno(st);

        if (stale && (e == ER_NO_SUCH_TABLE || e == ER_NEED_REPREPARE)) {
            *stale = (int)e;
            return DB_ERR;
        }
        return failed(db, e, mysql_stmt_error(st), sql);
    }
    return tx_alive(db, sql);
}

/* Prepare sql (or take it from the cache) and run it with args.  A statement
 * kept from an earlier request that the server says reads a table that does
 * not exist is prepared anew and run once more.  MariaDB 10.11 answers so
 * (error 1146, the table there all the same) to every run of a statement that
 * ran while a trigger of its table that CALLs a procedure was missing, once
 * that trigger is made again beside another trigger of the same event, as a
 * migration may do while the programs serve (feedback_term_filed beside
 * feedback_open_added); the same statement prepared anew runs.  The failed
 * run changed nothing (the tables are opened first), so it is run again
 * within the same transaction. */
static enum db_rc
execute(struct db *db, const char *sql, const struct dbv *args, size_t nargs, MYSQL_STMT **st)
{
    int cached, stale = 0;
    enum db_rc rc;

    if ((rc = prepare(db, sql, st, &cached)) != DB_OK) {
        return rc;
    }
    rc = bind_and_execute(db, *st, sql, args, nargs, cached ? &stale : NULL);
    if (!stale) {
        return rc;
    }
    log_info("db: a kept statement failed (%d); prepared anew: %.200s", stale, sql);
    forget(db, *st);
    if ((rc = prepare(db, sql, st, &cached)) != DB_OK) {
        return rc;
    }
    return bind_and_execute(db, *st, sql, args, nargs, NULL);
}

/* The rows of an executed statement.  each == NULL: the whole result, read
 * into out (cells from pool p).  Otherwise the result is read from the server
 * row by row (no copy of the whole result anywhere) and handed to each() in
 * batches of up to `batch` rows that live only for that call. */
static enum db_rc
fetch_rows(struct db *db, MYSQL_STMT *st, struct pool *p, const char *sql, struct dbres *out,
           size_t batch, db_each_fn each, void *arg)
{
    MYSQL_RES *meta = mysql_stmt_result_metadata(st);
    size_t ncols, cap = each ? batch : 16;
    MYSQL_BIND *b = NULL;
    unsigned long *lens = NULL;
    my_bool *nul = NULL, *trunc = NULL;
    char **bufs = NULL, *block = NULL;
    struct pool tmp = { 0 };
    enum db_rc rc = DB_OK;
    int f = MYSQL_NO_DATA, stop = 0;

    out->nrows = out->ncols = 0;
    out->cell = NULL;
    if (meta == NULL) {
        return DB_OK;  /* no result set */
    }
    if (each) {
        p = &tmp;
    }
    ncols = mysql_num_fields(meta);
    mysql_free_result(meta);
    out->ncols = ncols;
    b = xcalloc(ncols, sizeof(*b));
    lens = xcalloc(ncols, sizeof(*lens));
    nul = xcalloc(ncols, sizeof(*nul));
    trunc = xcalloc(ncols, sizeof(*trunc));
    bufs = xcalloc(ncols, sizeof(*bufs));
    /* one block for every column's buffer: a page's statement has dozens */
    block = xmalloc(ncols * 256);
    for (size_t c = 0; c < ncols; c++) {
        bufs[c] = block + c * 256;
        b[c].buffer_type = MYSQL_TYPE_STRING;
        b[c].buffer = bufs[c];
        b[c].buffer_length = 256;
        b[c].length = &lens[c];
        b[c].is_null = &nul[c];
        b[c].error = &trunc[c];
    }
    if (mysql_stmt_bind_result(st, b) != 0 || (each == NULL && mysql_stmt_store_result(st) != 0)) {
        rc = failed(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
        goto out;
    }
    out->cell = xcalloc(cap * ncols, sizeof(char *));
    while (!stop && ((f = mysql_stmt_fetch(st)) == 0 || f == MYSQL_DATA_TRUNCATED)) {
        if (out->nrows == cap) {
            cap *= 2;
            out->cell = xrealloc(out->cell, cap * ncols * sizeof(char *));
        }
        for (size_t c = 0; c < ncols; c++) {
            char **cell = &out->cell[out->nrows * ncols + c];

            if (nul[c]) {
                *cell = NULL;
            } else if (lens[c] <= 256) {
                *cell = pool_strndup(p, bufs[c], lens[c]);
            } else {
                /* longer than the bound buffer: fetch the whole column */
                MYSQL_BIND one;
                char *big = pool_alloc(p, lens[c] + 1);

                memset(&one, 0, sizeof(one));
                one.buffer_type = MYSQL_TYPE_STRING;
                one.buffer = big;
                one.buffer_length = lens[c];
                if (mysql_stmt_fetch_column(st, &one, (unsigned)c, 0) != 0) {
                    rc = failed(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
                    goto out;
                }
                big[lens[c]] = '\0';
                *cell = big;
            }
        }
        out->nrows++;
        if (each && out->nrows == batch) {
            stop = each(arg, out) != 0;
            out->nrows = 0;
            pool_release(&tmp);
        }
    }
    if (each && !stop && f == MYSQL_NO_DATA && out->nrows) {
        stop = each(arg, out) != 0;
        out->nrows = 0;
    }
    if (!stop && f != MYSQL_NO_DATA) {
        rc = failed(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
    }
out:
    if (each) {
        free(out->cell);
        out->cell = NULL;
        out->nrows = 0;
        pool_release(&tmp);
    } else if (out->cell) {
        /* move the cell array into the pool so the caller frees nothing */
        char **pc = pool_alloc(p, (out->nrows ? out->nrows : 1) * ncols * sizeof(char *));

        memcpy(pc, out->cell, out->nrows * ncols * sizeof(char *));
        free(out->cell);
        out->cell = pc;
    }
    if (db->connected) {
        /* also drops the rows not read when each() stopped early */
        mysql_stmt_free_result(st);
    }
    free(block);
    free(bufs);
    free(b);
    free(lens);
    free(nul);
    free(trunc);
    return rc;
}

enum db_rc
db_query(struct db *db, struct pool *p, const char *sql, const struct dbv *args, size_t nargs,
         struct dbres *out)
{
    MYSQL_STMT *st;
    enum db_rc rc;

    memset(out, 0, sizeof(*out));
    for (int attempt = 0; attempt < 2; attempt++) {
        int was_connected = db->connected, in_tx = db->in_tx;

        rc = execute(db, sql, args, nargs, &st);
        if (rc == DB_OK) {
            return fetch_rows(db, st, p, sql, out, 0, NULL, NULL);
        }
        /* a read on a connection that died since the last request: retry once */
        if (rc != DB_DOWN || !was_connected || in_tx) {
            return rc;
        }
    }
    return rc;
}

enum db_rc
db_query_each(struct db *db, const char *sql, const struct dbv *args, size_t nargs, size_t batch,
              db_each_fn each, void *arg)
{
    MYSQL_STMT *st;
    struct dbres rows;
    enum db_rc rc;

    if (batch == 0) {
        batch = 1;
    }
    if ((rc = execute(db, sql, args, nargs, &st)) != DB_OK) {
        return rc;
    }
    return fetch_rows(db, st, NULL, sql, &rows, batch, each, arg);
}

void
db_map_row(const struct dbres *res, size_t row, const struct dbmap *map, size_t nmap, void *out)
{
    for (size_t i = 0; i < nmap; i++) {
        const char *cell = dbres_get(res, row, map[i].col);
        char *field = (char *)out + map[i].off;

        switch (map[i].kind) {
        case DBM_STR: memcpy(field, &cell, sizeof(cell)); break;
        case DBM_LL: {
            long long v = util_num(cell);

            memcpy(field, &v, sizeof(v));
            break;
        }
        case DBM_INT:
        case DBM_BOOL: {
            long long n = util_num(cell);
            int v = map[i].kind == DBM_BOOL ? n != 0 : (int)n;

            memcpy(field, &v, sizeof(v));
            break;
        }
        }
    }
}

enum db_rc
db_query_rows(struct db *db, struct pool *p, const char *sql, const struct dbv *args, size_t nargs,
              const struct dbmap *map, size_t nmap, size_t size, void *rows, size_t *n)
{
    struct dbres res;
    enum db_rc rc;
    char *a = NULL;

    *n = 0;
    rc = db_query(db, p, sql, args, nargs, &res);
    if (rc == DB_OK && res.nrows > 0) {
        a = pool_alloc(p, res.nrows * size);
        for (size_t i = 0; i < res.nrows; i++) {
            db_map_row(&res, i, map, nmap, a + i * size);
        }
        *n = res.nrows;
    }
    /* through memcpy: the caller's pointer is a struct x *, not a char * */
    memcpy(rows, &a, sizeof(a));
    return rc;
}

enum db_rc
db_query_row(struct db *db, struct pool *p, const char *sql, const struct dbv *args, size_t nargs,
             const struct dbmap *map, size_t nmap, size_t size, void *out, int *found)
{
    struct dbres res;
    enum db_rc rc;

    memset(out, 0, size);
    if (found) {
        *found = 0;
    }
    rc = db_query(db, p, sql, args, nargs, &res);
    if (rc == DB_OK && res.nrows > 0) {
        db_map_row(&res, 0, map, nmap, out);
        if (found) {
            *found = 1;
        }
    }
    return rc;
}

enum db_rc
db_exec(struct db *db, const char *sql, const struct dbv *args, size_t nargs,
        unsigned long long *affected, unsigned long long *insert_id)
{
    MYSQL_STMT *st;
    enum db_rc rc;

    if ((rc = execute(db, sql, args, nargs, &st)) != DB_OK) {
        return rc;
    }
    if (affected) {
        *affected = mysql_stmt_affected_rows(st);
    }
    if (insert_id) {
        *insert_id = mysql_stmt_insert_id(st);
    }
    return DB_OK;
}

static enum db_rc
simple(struct db *db, const char *sql)
{
    enum db_rc rc;

    if ((rc = db_connect(db)) != DB_OK) {
        return rc;
    }
    if (mysql_real_query(db->my, sql, (unsigned long)strlen(sql)) != 0) {
        return failed(db, mysql_errno(db->my), mysql_error(db->my), sql);
    }
    return DB_OK;
}

enum db_rc
db_begin(struct db *db)
{
    enum db_rc rc;

    if (db->held && db->in_tx) {
        return DB_OK;
    }
    rc = simple(db, "START TRANSACTION");

    if (rc == DB_DOWN) {
        rc = simple(db, "START TRANSACTION");  /* connection had died while idle */
    }
    db->in_tx = rc == DB_OK;
    return rc;
}

/* The one tail of every transaction (see db.h): a deadlock retry belongs here. */
enum db_rc
db_end(struct db *db, enum db_rc rc)
{
    if (rc == DB_OK) {
        rc = db_commit(db);
    }
    if (rc != DB_OK) {
        db_rollback(db);
    }
    return rc;
}

enum db_rc
db_commit(struct db *db)
{
    enum db_rc rc;

    if (db->held && db->in_tx) {
        return DB_OK;
    }
    if (db->connected && (rc = tx_alive(db, "COMMIT")) != DB_OK) {
        db->in_tx = 0;
        return rc;
    }
    rc = simple(db, "COMMIT");

    db->in_tx = 0;
    return rc;
}

void
db_hold(struct db *db, int on)
{
    db->held = on;
}

void
db_rollback(struct db *db)
{
    if (db->connected && db->in_tx) {
        (void)simple(db, "ROLLBACK");
    }
    db->in_tx = 0;
}

enum db_rc
db_script(struct db *db, const char *sql, size_t len)
{
    enum db_rc rc;
    int status;

    if ((rc = db_connect(db)) != DB_OK) {
        return rc;
    }
    if (mysql_real_query(db->my, sql, (unsigned long)len) != 0) {
        return failed(db, mysql_errno(db->my), mysql_error(db->my), "(script)");
    }
    do {
        MYSQL_RES *r = mysql_store_result(db->my);

        if (r) {
            mysql_free_result(r);
        }
        status = mysql_next_result(db->my);
        if (status > 0) {
            return failed(db, mysql_errno(db->my), mysql_error(db->my), "(script)");
        }
    } while (status == 0);
    return DB_OK;
}

int
db_take_conflict(struct db *db)
{
    int c = db->conflict;

    db->conflict = 0;
    return c;
}

const char *
db_error(struct db *db)
{
    return db->err;
}

const char *
db_text(const char *sql)
{
    static struct {
        uint64_t hash;
        char *sql;
    } *kept;
    static size_t nkept;
    uint64_t h = 1469598103934665603ULL;   /* FNV-1a */

    for (const char *c = sql; *c; c++) {
        h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    }
    for (size_t i = 0; i < nkept; i++) {
        if (kept[i].hash == h && strcmp(kept[i].sql, sql) == 0) {
            return kept[i].sql;
        }
    }
    kept = xrealloc(kept, (nkept + 1) * sizeof(*kept));
    kept[nkept].hash = h;
    kept[nkept].sql = xstrdup(sql);
    return kept[nkept++].sql;
}

enum db_rc
db_seq_next(struct db *db, struct pool *p, const char *scope, const char *day, long long *n)
{
    struct dbres res;
    enum db_rc rc = db_query(db, p,
                             "INSERT INTO code_seq (scope, day, n) VALUES (?, ?, 1)"
                             " ON DUPLICATE KEY UPDATE n = n + 1 RETURNING n",
                             DB_ARGS(DV_S(scope), DV_S(day)), &res);

    if (rc == DB_OK && res.nrows != 1) {
        rc = DB_ERR;
    }
    *n = rc == DB_OK ? util_num(dbres_get(&res, 0, 0)) : 0;
    return rc;
}

static int
child_order_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void
dbres_children(struct pool *p, const struct dbres *r, size_t first, size_t ncols, size_t order_col,
               size_t out_ncols, struct dbres *out)
{
    size_t n = r->nrows && dbres_get(r, 0, first) ? r->nrows : 0;
    char **cell = pool_alloc(p, (n ? n : 1) * out_ncols * sizeof(*cell));
    /* each row's order key, its row number after it */
    char **key = pool_alloc(p, (n ? n : 1) * sizeof(*key));

    for (size_t i = 0; i < n; i++) {
        const char *k = dbres_get(r, i, order_col);

        key[i] = pool_printf(p, "%s %020zu", k ? k : "", i);
    }
    qsort(key, n, sizeof(*key), child_order_cmp);
    for (size_t i = 0; i < n; i++) {
        size_t row = (size_t)strtoull(strrchr(key[i], ' ') + 1, NULL, 10);

        for (size_t c = 0; c < ncols && c < out_ncols; c++) {
            cell[i * out_ncols + c] = (char *)dbres_get(r, row, first + c);
        }
    }
    *out = (struct dbres){ n, out_ncols, cell };
}
