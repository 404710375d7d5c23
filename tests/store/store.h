/* store.h — what the store tests share: a connection to their own database
 * (the configuration file named by MOTCUA_CONF, scripts/store-tests.sh), a
 * store context to call the store with (standin.h), and small SQL helpers for the
 * fixtures and the checks.  Each test program makes its own units, so the
 * programs may run in any order against one database. */
#ifndef MOTCUA_STORE_TEST_H
#define MOTCUA_STORE_TEST_H

#include <mysql.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

#include "conf.h"
#include "db.h"
#include "qrlink.h"
#include "standin.h"
#include "stats.h"
#include "store_dossier.h"
#include "tap.h"
#include "util.h"

static HDF *st_conf;
static struct db *st_db;
static struct standin st;

/* Connect with the owner account of $MOTCUA_CONF; exits when it cannot. */
static inline void
st_open(void)
{
    const char *path = getenv("MOTCUA_CONF");

    if (path == NULL || sodium_init() < 0 || mysql_library_init(0, NULL, NULL) != 0 ||
        (st_conf = conf_load(path)) == NULL) {
        printf("not ok - MOTCUA_CONF names no configuration\n# 0 passed, 1 failed\n");
        exit(1);
    }
    st_db = db_new(st_conf, "owner");
    if (standin_init(&st, st_conf, st_db, "127.0.0.1") != 0 || db_connect(st_db) != DB_OK) {
        printf("not ok - cannot connect: %s\n# 0 passed, 1 failed\n", db_error(st_db));
        exit(1);
    }
}

static inline int
st_close(void)
{
    db_close(st_db);
    standin_free(&st);
    hdf_destroy(&st_conf);
    mysql_library_end();
    return tap_done();
}

/* A statement of a fixture or a check: exits on a database error, which is
 * the test's own mistake.  Returns the new row's id. */
#define st_exec(sql, ...) st_exec_(__LINE__, sql, DB_ARGS(__VA_ARGS__))
#define st_exec0(sql) st_exec_(__LINE__, sql, DB_NOARGS)

static inline long long
st_exec_(int line, const char *sql, const struct dbv *a, size_t n)
{
    unsigned long long id = 0;

    if (db_exec(st_db, sql, a, n, NULL, &id) != DB_OK) {
        printf("not ok - line %d: %s\n# %s\n", line, db_error(st_db), sql);
        exit(1);
    }
    return (long long)id;
}

/* The first column of the first row ("" for NULL, "(none)" for no row). */
#define st_str(sql, ...) st_str_(__LINE__, sql, DB_ARGS(__VA_ARGS__))
#define st_num(sql, ...) util_num(st_str(sql, __VA_ARGS__))

static inline const char *
st_str_(int line, const char *sql, const struct dbv *a, size_t n)
{
    struct dbres res;

    if (db_query(st_db, &st.pool, sql, a, n, &res) != DB_OK) {
        printf("not ok - line %d: %s\n# %s\n", line, db_error(st_db), sql);
        exit(1);
    }
    if (res.nrows == 0) {
        return "(none)";
    }
    return dbres_get(&res, 0, 0) ? dbres_get(&res, 0, 0) : "";
}

/* Columns of row id of table, blank-separated (cols: a list for CONCAT_WS). */
static inline const char *
st_row(const char *table, long long id, const char *cols)
{
    return st_str(db_text(pool_printf(&st.pool, "SELECT CONCAT_WS(' ', %s) FROM %s WHERE id = ?",
                                      cols, table)),
                  DV_I(id));
}

/* A unit under parent (0: none) with its materialised path; code unique in
 * the database (the tests' units are "T.<program>.<n>"). */
static inline long long
st_unit(long long parent, const char *code, const char *name, const char *level)
{
    long long id =
        st_exec("INSERT INTO org_unit (parent_id, code, name, level) VALUES (?, ?, ?, ?)",
                parent ? DV_I(parent) : DV_NULL, DV_S(code), DV_S(name), DV_S(level));

    st_exec("UPDATE org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id"
            "   SET u.path = CONCAT(COALESCE(p.path, '/'), u.id, '/') WHERE u.id = ?",
            DV_I(id));
    return id;
}

/* A staff member (no password: the tests never sign in) as r->user wants it. */
static inline struct user
st_user(const char *username, const char *full_name, const char *role, long long unit,
        long long counter)
{
    struct user u = { .unit_id = unit, .role = (char *)role };

    u.id =
        st_exec("INSERT INTO users (username, full_name, role, unit_id, counter_id, password_hash)"
                " VALUES (?, ?, ?, ?, ?, '-')",
                DV_S(username), DV_S(full_name), DV_S(role), DV_I(unit),
                counter ? DV_I(counter) : DV_NULL);
    u.username = (char *)username;
    u.full_name = (char *)full_name;
    /* as session_load reads them with the session */
    u.unit_name = (char *)st_str("SELECT name FROM org_unit WHERE id = ?", DV_I(unit));
    u.unit_path = (char *)st_str("SELECT path FROM org_unit WHERE id = ?", DV_I(unit));
    return u;
}

/* A procedure of 10 working days decided by unit, in a field of its own
 * (field_code): its id. */
static inline long long
st_procedure(const char *field_code, const char *national_code, const char *name, long long unit)
{
    long long field = st_exec("INSERT INTO field (code, name) VALUES (?, 'Xây dựng (kiểm thử)')",
                              DV_S(field_code));

    return st_exec("INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id,"
                   "                            time_value, time_unit, documents, legal_basis,"
                   "                            effective_from)"
                   " VALUES (?, ?, ?, 'province', ?, 10, 'working_days', 'Tờ khai',"
                   "         'Nghị định 175/2024/NĐ-CP', '2025-07-01')",
                   DV_S(national_code), DV_S(name), DV_I(field), DV_I(unit));
}

/* A dossier of procedure proc received at unit's counter by user u, as the
 * counter's program receives it: its id, its code in code. */
static inline long long
st_receive(long long unit, long long proc, struct user *u, char code[64])
{
    struct dossier_in in = { .unit_id = unit,
                             .procedure_id = proc,
                             .name = "Hoàng Thị Mai",
                             .address = "Phường Hoa Lư, tỉnh Ninh Bình",
                             .phone = "0987654321",
                             .email = "",
                             .documents = "Tờ khai\nBản sao giấy tờ tùy thân",
                             .channel = "counter",
                             .collect = "counter",
                             .sets = 1 };

    st.x.user = u;
    CHECK(dossier_create(&st.x, &in, code) == DB_OK, "dossier_create receives %s", code);
    return st_num("SELECT id FROM dossier WHERE code = ?", DV_S(code));
}

/* A counter of unit (code unique in the unit); its id. */
static inline long long
st_counter(long long unit, const char *code, const char *name, int sort_order)
{
    return st_exec("INSERT INTO counter (unit_id, code, name, sort_order) VALUES (?, ?, ?, ?)",
                   DV_I(unit), DV_S(code), DV_S(name), DV_I(sort_order));
}

/* A QR link of kind at unit, counter and officer (0: none), made into l. */
static inline void
st_link(struct qrlink *l, long long unit, const char *kind, long long counter, long long officer_id)
{
    memset(l, 0, sizeof(*l));
    snprintf(l->kind, sizeof(l->kind), "%s", kind);
    l->unit_id = unit;
    l->counter_id = counter;
    l->officer_id = officer_id;
    CHECK(db_begin(st_db) == DB_OK && qrlink_create(st_db, st.app.secret, l) == DB_OK &&
              db_commit(st_db) == DB_OK,
          "qrlink_create (%s)", kind);
}

/* The sums over the local days [from, to] of the unit or counter (scope)
 * named name, as the store reads them (stats_sums_by; the counters of
 * unit_id), into out: 0, 1 when it has no row, -1 on an error. */
static inline int
st_sums_named(const char *scope, const char *name, const char *from, const char *to,
              long long unit_id, struct stat_sums *out)
{
    struct stat_named_sums *rows;
    size_t n;

    if (stats_sums_by(st_db, &st.pool, scope, from, to, unit_id, &rows, &n) != DB_OK) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (rows[i].name && strcmp(rows[i].name, name) == 0) {
            *out = rows[i].s;
            return 0;
        }
    }
    return 1;
}

/* The sums of one scope's rows (scope, id) over [from, to], read with
 * STATS_DAY_SUMS, into out: 0, or -1 on an error. */
static inline int
st_sums_of(const char *scope, long long id, const char *from, const char *to, struct stat_sums *out)
{
    struct dbres res;

    if (db_query(st_db, &st.pool,
                 "SELECT" STATS_DAY_SUMS " FROM stat_day sd"
                 " WHERE sd.scope = ? AND sd.scope_id = ? AND sd.day BETWEEN ? AND ?",
                 DB_ARGS(DV_S(scope), DV_I(id), DV_S(from), DV_S(to)), &res) != DB_OK) {
        return -1;
    }
    stats_sums_read(&res, 0, 0, out);
    return 0;
}

#endif
