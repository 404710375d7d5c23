/* motcuactl — the operator's command: migrations, users, imports, demo data,
 * audit-chain verification.  Connects with the owner account (DB.Accounts.owner).
 * Any store: the owner account may do everything; the demo generator, which
 * only this command uses, lives beside it in ctl/. */
#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "cal_check.h"
#include "calendar.h"
#include "conf.h"
#include "csv_import.h"
#include "db.h"
#include "demo_gen.h"
#include "form.h"
#include "http.h"
#include "notify_send.h"
#include "password.h"
#include "qrlink.h"
#include "render.h"
#include "search.h"
#include "standin.h"
#include "stats.h"
#include "store_calendar.h"
#include "store_case.h"
#include "store_dossier.h"
#include "retention.h"
#include "store_schema.h"
#include "store_search.h"
#include "store_unit.h"
#include "store_user.h"
#include "token.h"
#include "util.h"

/* The command names only: the one list of commands with their arguments and what
 * they do is the man page, cgi-bin/motcuactl.1. */
static const char usage[] =
    "usage: motcuactl [-c motcua.hdf] COMMAND [ARGS]\n"
    "\n"
    "commands: setup-db migrate create-user import-calendar import-procedures import-dossiers\n"
    "          demo demo-data qr-ensure qr-url synonym-add synonym-list synonym-remove\n"
    "          search-index\n"
    "          tick send retention rebuild-stats backup restore verify-audit\n"
    "\n"
    "Arguments and details: man motcuactl.  The configuration file comes from -c,\n"
    "else $MOTCUA_CONF.\n";

struct ctl {
    HDF *conf;
    struct db *db;
    struct standin st; /* the store context: the configuration, database and a pool */
    const char *sql_dir;
};

static int
die_db(struct ctl *c, const char *what)
{
    fprintf(stderr, "motcuactl: %s: %s\n", what, db_error(c->db));
    return 1;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct buf b = { 0 };
    char chunk[65536];
    size_t n;

    if (f == NULL) {
        return NULL;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        buf_add(&b, chunk, n);
    }
    fclose(f);
    *len = b.len;
    return b.p ? b.p : xstrdup("");
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int
is_migration(const struct dirent *d)
{
    const char *n = d->d_name;
    size_t len = strlen(n);

    return len > 8 && n[0] >= '0' && n[0] <= '9' && n[1] >= '0' && n[1] <= '9' && n[2] >= '0' &&
           n[2] <= '9' && n[3] == '_' && strcmp(n + len - 4, ".sql") == 0;
}

static int
run_file(struct ctl *c, const char *path, const char *apphost)
{
    size_t len;
    char *sql = slurp(path, &len);
    enum db_rc rc;

    if (sql == NULL) {
        fprintf(stderr, "motcuactl: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (apphost && strcmp(apphost, "localhost") != 0) {
        /* grants name the host programs connect from (DB.AppHost) */
        struct buf b = { 0 };
        const char *p = sql, *hit;

        while ((hit = strstr(p, "@localhost")) != NULL) {
            buf_add(&b, p, (size_t)(hit - p));
            buf_printf(&b, "@'%s'", apphost);
            p = hit + strlen("@localhost");
        }
        buf_adds(&b, p);
        free(sql);
        sql = b.p;
        len = b.len;
    }
    rc = db_script(c->db, sql, len);
    free(sql);
    if (rc != DB_OK) {
        fprintf(stderr, "motcuactl: %s: %s\n", path, db_error(c->db));
        return 1;
    }
    return 0;
}

static int cmd_rebuild_stats(struct ctl *c, int argc, char **argv);
static int cmd_search_index(struct ctl *c);

static int
cmd_migrate(struct ctl *c)
{
    struct dirent **names = NULL;
    const char *apphost = conf_str(c->conf, "DB.AppHost", "localhost");
    int n, applied = 0, rc = 0, ft_ok;

    for (const char *h = apphost; *h; h++) {
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_%", *h)) {
            fprintf(stderr, "motcuactl: DB.AppHost has a character that is not allowed\n");
            return 1;
        }
    }
    if (schema_prepare(c->db) != DB_OK) {
        return die_db(c, "schema_migrations");
    }
    n = scandir(c->sql_dir, &names, is_migration, by_name);
    if (n < 0) {
        fprintf(stderr, "motcuactl: %s: %s\n", c->sql_dir, strerror(errno));
        return 1;
    }
    for (int i = 0; i < n && rc == 0; i++) {
        char path[1024];
        int done;

        if (schema_applied(c->db, &c->st.pool, names[i]->d_name, &done) != DB_OK) {
            rc = die_db(c, "schema_migrations");
            break;
        }
        if (done) {
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s", c->sql_dir, names[i]->d_name);
        printf("migrate: applying %s\n", names[i]->d_name);
        if ((rc = run_file(c, path, NULL)) != 0) {
            break;
        }
        if (schema_mark_applied(c->db, names[i]->d_name) != DB_OK) {
            rc = die_db(c, "schema_migrations");
        }
        applied++;
    }
    for (int i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    if (rc == 0) {
        char path[1024];

        snprintf(path, sizeof(path), "%s/grants.sql", c->sql_dir);
        rc = run_file(c, path, apphost);
    }
    if (rc == 0) {
        printf("migrate: %d applied, schema up to date, grants applied\n", applied);
    }
    if (rc == 0 && applied) {
        /* dossiers recorded before migration 010 get their processing cycles,
         * and the figures follow the one lateness model (a no-op when empty) */
        rc = cmd_rebuild_stats(c, 0, NULL);
    }
    if (rc == 0 && applied) {
        /* rows from before migrations 100 and 230 get their folded search text
         * and terms; the programs write the text with the row and triggers its
         * terms, so with nothing applied there is nothing to fill (and each
         * look for it reads every case: 0.9 s at 200,000) */
        rc = cmd_search_index(c);
    }
    if (rc == 0 && schema_fulltext_ok(c->db, &c->st.pool, &ft_ok) == DB_OK && !ft_ok) {
        fprintf(stderr, "motcuactl: warning: MariaDB runs without innodb_ft_min_token_size = 1"
                        " and innodb_ft_enable_stopword = OFF: searches miss short words"
                        " (deploy.md, the database)\n");
    }
    return rc;
}

static const char *
opt(int argc, char **argv, const char *name)
{
    for (int i = 0; i + 1 < argc; i++) {
        if (strcmp(argv[i], name) == 0) {
            return argv[i + 1];
        }
    }
    return NULL;
}

static int
create_user(struct ctl *c, const char *username, const char *name, const char *role,
            const char *unit, const char *title, const char *counter, const char *pw)
{
    struct unit u;
    struct user_in in = { .username = username, .full_name = name, .title = title, .role = role };
    long long id = 0;
    char hash[crypto_pwhash_STRBYTES];
    enum db_rc rc;

    if (strcmp(role, "officer") && strcmp(role, "leader") && strcmp(role, "admin")) {
        fprintf(stderr, "motcuactl: --role must be officer, leader or admin (got \"%s\")\n", role);
        return 1;
    }
    if (strlen(pw) < 10) {
        fprintf(stderr, "motcuactl: the password must have at least 10 characters\n");
        return 1;
    }
    if (unit_find(c->db, &c->st.pool, unit, 0, &u) != DB_OK) {
        return die_db(c, "org_unit");
    }
    if (u.id == 0) {
        fprintf(stderr, "motcuactl: no unit with code \"%s\"\n", unit);
        return 1;
    }
    in.unit_id = u.id;
    if (counter) {
        if (counter_find(c->db, &c->st.pool, u.id, counter, &in.counter_id) != DB_OK) {
            return die_db(c, "counter");
        }
        if (in.counter_id == 0) {
            fprintf(stderr, "motcuactl: unit %s has no counter \"%s\"\n", unit, counter);
            return 1;
        }
    }
    if (pw_hash(pw, hash) != 0) {
        fprintf(stderr, "motcuactl: out of memory hashing the password\n");
        return 1;
    }
    if (db_begin(c->db) != DB_OK) {
        return die_db(c, "begin");
    }
    /* the operator chose this password: no change asked at the first sign-in */
    rc = user_insert(c->db, &in, hash, 0, &id);
    if (rc == DB_DUP) {
        db_rollback(c->db);
        fprintf(stderr, "motcuactl: user \"%s\" already exists\n", username);
        return 1;
    }
    if (rc != DB_OK || audit(&c->st.x, "user.create", "user", id, username) != DB_OK ||
        db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return die_db(c, "create-user");
    }
    printf("created %s user %s (id %lld)\n", role, username, id);
    return 0;
}

static int
cmd_create_user(struct ctl *c, int argc, char **argv)
{
    const char *u = opt(argc, argv, "--username"), *n = opt(argc, argv, "--name");
    const char *role = opt(argc, argv, "--role"), *unit = opt(argc, argv, "--unit");
    const char *pw = getenv("MOTCUA_PASSWORD");
    char line[512];

    if (!u || !n || !role || !unit) {
        fputs(usage, stderr);
        return 2;
    }
    if (pw == NULL) {
        if (fgets(line, sizeof(line), stdin) == NULL) {
            fprintf(stderr, "motcuactl: no password on stdin\n");
            return 1;
        }
        line[strcspn(line, "\r\n")] = '\0';
        pw = line;
    }
    return create_user(c, u, n, role, unit, opt(argc, argv, "--title"),
                       opt(argc, argv, "--counter"), pw);
}

/* ---- setup-db: the database, its six accounts, the schema --------------- */

/* Create or update one account at DB.AppHost with the configuration's password.  The
 * server hashes the password (a bound parameter); only the hash, hex digits, enters
 * the statement text. */
static int
setup_account(struct db *root, struct pool *p, const char *user, const char *pw,
              const char *apphost)
{
    const char *hash;

    if (schema_password_hash(root, p, pw, &hash) != DB_OK) {
        fprintf(stderr, "motcuactl: setup-db: %s\n", db_error(root));
        return 1;
    }
    if (hash == NULL) {
        fprintf(stderr, "motcuactl: setup-db: the server did not hash the password\n");
        return 1;
    }
    if (schema_account_set(root, p, user, apphost, hash) != DB_OK) {
        fprintf(stderr, "motcuactl: setup-db: account %s: %s\n", user, db_error(root));
        return 1;
    }
    printf("setup-db: account %s@%s\n", user, apphost);
    return 0;
}

/* Create the database and the six accounts of the configuration (passwords from
 * it, so running it again after a password change updates them), give the owner
 * account the database, then migrate as the owner.  Connects as an administrator:
 * root over the local socket by default (unix-socket authentication), else
 * --admin-user with $MOTCUA_ADMIN_PASSWORD or a line of standard input, at --host
 * or DB.Host.  Last, it removes the package's "setup-pending" mark next to the
 * configuration file, which keeps the systemd units from starting before. */
static int
cmd_setup_db(struct ctl *c, const char *conf_path, int argc, char **argv)
{
    static const char *const accounts[] = {
        "owner", "citizen", "officer", "leader", "admin", "api"
    };
    const char *admin = opt(argc, argv, "--admin-user"), *host = opt(argc, argv, "--host");
    const char *pw = getenv("MOTCUA_ADMIN_PASSWORD");
    const char *name = conf_str(c->conf, "DB.Name", "motcua");
    const char *apphost = conf_str(c->conf, "DB.AppHost", "localhost");
    const char *slash, *mark;
    struct pool *p = &c->st.pool;
    struct db *root = NULL;
    HDF *h = NULL;
    NEOERR *err;
    char line[512];
    int rc = 1;

    if (admin != NULL && pw == NULL) {
        if (fgets(line, sizeof(line), stdin) == NULL) {
            fprintf(stderr, "motcuactl: no administrator password on stdin\n");
            return 1;
        }
        line[strcspn(line, "\r\n")] = '\0';
        pw = line;
    }
    if (!schema_name_ok(name, "_") || !schema_name_ok(apphost, ".-_%")) {
        fprintf(stderr, "motcuactl: DB.Name or DB.AppHost has a character that is not allowed\n");
        return 1;
    }
    /* the administrator's connection: no database yet, so information_schema */
    err = hdf_init(&h);
    if (err == STATUS_OK) {
        const char *set[][2] = {
            { "DB.Host", host ? host : conf_str(c->conf, "DB.Host", "localhost") },
            { "DB.Port", conf_str(c->conf, "DB.Port", "0") },
            { "DB.Socket", conf_str(c->conf, "DB.Socket", "") },
            { "DB.Name", "information_schema" },
            { "DB.ConnectTimeout", conf_str(c->conf, "DB.ConnectTimeout", "2") },
            { "DB.ReadTimeout", "60" },
            { "DB.Accounts.setup.User", admin ? admin : "root" },
            { "DB.Accounts.setup.Password", pw ? pw : "" },
        };

        for (size_t i = 0; i < NELEM(set) && err == STATUS_OK; i++) {
            err = hdf_set_value(h, set[i][0], set[i][1]);
        }
    }
    if (err != STATUS_OK) {
        nerr_ignore(&err);
        fprintf(stderr, "motcuactl: out of memory\n");
        goto out;
    }
    root = db_new(h, "setup");
    if (db_connect(root) != DB_OK) {
        fprintf(stderr, "motcuactl: setup-db: cannot connect as %s: %s\n", admin ? admin : "root",
                db_error(root));
        goto out;
    }
    if (schema_create_database(root, p, name) != DB_OK) {
        fprintf(stderr, "motcuactl: setup-db: database %s: %s\n", name, db_error(root));
        goto out;
    }
    printf("setup-db: database %s\n", name);
    for (size_t i = 0; i < NELEM(accounts); i++) {
        const char *user = conf_str(c->conf, pool_printf(p, "DB.Accounts.%s.User", accounts[i]),
                                    pool_printf(p, "motcua_%s", accounts[i]));
        const char *apw =
            conf_str(c->conf, pool_printf(p, "DB.Accounts.%s.Password", accounts[i]), "");

        if (!schema_name_ok(user, "_")) {
            fprintf(stderr, "motcuactl: DB.Accounts.%s.User has a character that is not allowed\n",
                    accounts[i]);
            goto out;
        }
        if (*apw == '\0' || strncmp(apw, "REPLACE_WITH", 12) == 0) {
            fprintf(stderr, "motcuactl: DB.Accounts.%s.Password is not set\n", accounts[i]);
            goto out;
        }
        if (setup_account(root, p, user, apw, apphost) != 0) {
            goto out;
        }
        /* the owner (first) gets the database, to apply sql/grants.sql to the others */
        if (i == 0 && schema_grant_all(root, p, name, user, apphost) != DB_OK) {
            fprintf(stderr, "motcuactl: setup-db: grant to %s: %s\n", user, db_error(root));
            goto out;
        }
    }
    if (db_connect(c->db) != DB_OK) {
        fprintf(stderr, "motcuactl: setup-db: cannot connect as the owner: %s\n", db_error(c->db));
        goto out;
    }
    if ((rc = cmd_migrate(c)) != 0) {
        goto out;
    }
    if (conf_path == NULL) {
        conf_path = getenv("MOTCUA_CONF");
    }
    slash = conf_path ? strrchr(conf_path, '/') : NULL;
    mark = slash ? pool_printf(p, "%.*s/setup-pending", (int)(slash - conf_path), conf_path)
                 : "setup-pending";
    if (conf_path != NULL && unlink(mark) == 0) {
        printf("setup-db: removed %s; start the programs:"
               " systemctl restart motcua.target motcua-tick.timer\n",
               mark);
    }
out:
    db_close(root);
    hdf_destroy(&h);
    return rc;
}

/* ---- calendar import (libcsv) ------------------------------------------ */

struct cal_import {
    struct ctl *c;
    char *field[8];
    size_t nfield;
    long line;
    int header_done;
    int errors, rows;
};

static void
cal_field(void *s, size_t len, void *data)
{
    struct cal_import *ci = data;

    if (ci->nfield < NELEM(ci->field)) {
        ci->field[ci->nfield] = pool_strndup(&ci->c->st.pool, s, len);
    }
    ci->nfield++;
}

static void
cal_row(int ch, void *data)
{
    struct cal_import *ci = data;
    static const char *const cols[] = { "date", "is_working_day", "kind", "name_vi", "name_en",
                                        "source", "confirmed" };
    static const char *const kinds[] = { "holiday", "tet", "compensatory", "swap_off",
                                         "makeup_workday" };
    const char *why = NULL, *col = NULL;
    int year, mon, day, kind_ok = 0;
    char extra;
    struct calendar_day_in in;
    enum db_rc rc;

    ci->line++;
    if (!ci->header_done) {
        ci->header_done = 1;
        for (size_t i = 0; i < NELEM(cols); i++) {
            if (ci->nfield != NELEM(cols) || strcmp(ci->field[i], cols[i]) != 0) {
                fprintf(stderr, "line 1: the header must be: date,is_working_day,kind,name_vi,"
                                "name_en,source,confirmed\n");
                ci->errors++;
                break;
            }
        }
        ci->nfield = 0;
        return;
    }
    if (ci->nfield != NELEM(cols)) {
        why = "expected 7 fields", col = "(row)";
    } else if (sscanf(ci->field[0], "%4d-%2d-%2d%c", &year, &mon, &day, &extra) != 3 ||
               year < 2000 || year > 2100 || mon < 1 || mon > 12 || day < 1 || day > 31) {
        why = "not a date YYYY-MM-DD", col = cols[0];
    } else if (strcmp(ci->field[1], "0") != 0 && strcmp(ci->field[1], "1") != 0) {
        why = "must be 0 or 1", col = cols[1];
    } else if (strcmp(ci->field[6], "yes") != 0 && strcmp(ci->field[6], "no") != 0) {
        why = "must be yes or no", col = cols[6];
    } else if (!utf8_valid(ci->field[3], strlen(ci->field[3])) || *ci->field[3] == '\0') {
        why = "empty or not UTF-8", col = cols[3];
    }
    for (size_t i = 0; why == NULL && i < NELEM(kinds); i++) {
        kind_ok |= strcmp(ci->field[2], kinds[i]) == 0;
    }
    if (why == NULL && !kind_ok) {
        why = "unknown kind", col = cols[2];
    }
    if (why) {
        fprintf(stderr, "line %ld, field %s: %s\n", ci->line, col, why);
        ci->errors++;
        ci->nfield = 0;
        return;
    }
    in = (struct calendar_day_in){ .day = ci->field[0],
                                   .is_working = ci->field[1][0] == '1',
                                   .kind = ci->field[2],
                                   .name_vi = ci->field[3],
                                   .name_en = ci->field[4],
                                   .source = ci->field[5],
                                   .confirmed = ci->field[6][0] == 'y' };
    rc = calendar_day_save(ci->c->db, &in);
    if (rc != DB_OK) {
        fprintf(stderr, "line %ld: %s\n", ci->line, db_error(ci->c->db));
        ci->errors++;
    } else {
        ci->rows++;
    }
    ci->nfield = 0;
}

static int
cmd_import_calendar(struct ctl *c, const char *path)
{
    struct csv_parser p;
    struct cal_import ci = { .c = c };
    size_t len;
    char *data = slurp(path, &len);

    if (data == NULL) {
        fprintf(stderr, "motcuactl: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0 ||
        db_begin(c->db) != DB_OK) {
        free(data);
        return die_db(c, "import-calendar");
    }
    if (csv_parse(&p, data, len, cal_field, cal_row, &ci) != len ||
        csv_fini(&p, cal_field, cal_row, &ci) != 0) {
        fprintf(stderr, "%s: CSV syntax error near line %ld: %s\n", path, ci.line + 1,
                csv_strerror(csv_error(&p)));
        ci.errors++;
    }
    csv_free(&p);
    free(data);
    if (ci.errors) {
        db_rollback(c->db);
        fprintf(stderr, "motcuactl: %d error(s); nothing imported\n", ci.errors);
        return 1;
    }
    if (audit(&c->st.x, "calendar.import", "calendar", 0, path) != DB_OK ||
        db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return die_db(c, "import-calendar");
    }
    printf("import-calendar: %d days\n", ci.rows);
    return 0;
}

static int cmd_qr_ensure(struct ctl *c);
static int demo_data(struct ctl *c, const struct demo_opts *o);
static int demo_opts_parse(int argc, char **argv, struct demo_opts *o);

/* ---- demo data --------------------------------------------------------- */

static int
cmd_demo(struct ctl *c, int argc, char **argv)
{
    static const struct {
        const char *user, *name, *title, *role, *unit, *counter;
    } people[] = {
        { "canbo01", "Nguyễn Thị Hồng Nhung", "Chuyên viên", "officer", "000.00.01.H41", "Q01" },
        { "canbo02", "Trần Văn Đức", "Chuyên viên", "officer", "000.00.01.H41", "Q02" },
        { "canbo03", "Lê Minh Tuấn", "Cán sự", "officer", "000.00.01.H41", "Q03" },
        { "canbo04", "Phạm Thu Hà", "Công chức địa chính", "officer", "000.21.01.H41", "Q01" },
        { "canbo05", "Hoàng Văn Nam", "Công chức tư pháp – hộ tịch", "officer", "000.22.01.H41",
          "Q01" },
        { "lanhdao01", "Đặng Quốc Khánh", "Giám đốc Trung tâm", "leader", "000.00.01.H41", NULL },
        { "lanhdao02", "Vũ Thị Lan Anh", "Chủ tịch UBND tỉnh", "leader", "000.00.00.H41", NULL },
        { "quantri", "Bùi Đức Thắng", "Quản trị hệ thống", "admin", "000.00.00.H41", NULL },
    };
    struct dirent **names = NULL;
    long long units = 0;
    char dir[1024];
    const char *pw = getenv("MOTCUA_DEMO_PASSWORD");
    /* a lived-in system by default: a few hundred dossiers over ten years */
    struct demo_opts o = { .dossiers = 300, .feedback = 60, .ratings = 200, .seed = 1 };
    int n, rc = 0;

    if (demo_opts_parse(argc, argv, &o) != 0) {
        return 2;
    }
    o.showcase = 1; /* the apology workflow due today, tomorrow and overdue */
    if (opt(argc, argv, "--dossiers") && !opt(argc, argv, "--ratings")) {
        o.ratings = -1;   /* the generator's 3 N / 10 */
    }
    o.progress = o.dossiers > 10000;
    if (pw == NULL) {
        pw = "motcua-demo";
    }
    if (unit_count(c->db, &c->st.pool, &units) != DB_OK) {
        return die_db(c, "demo");
    }
    if (units != 0) {
        fprintf(stderr, "motcuactl: the database already has units; demo data is only loaded"
                        " into an empty database\n");
        return 1;
    }
    snprintf(dir, sizeof(dir), "%s/demo", c->sql_dir);
    n = scandir(dir, &names, is_migration, by_name);
    for (int i = 0; i < n; i++) {
        char path[1280];

        snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
        if (rc == 0) {
            rc = run_file(c, path, NULL);
        }
        free(names[i]);
    }
    free(names);
    if (n < 0) {
        fprintf(stderr, "motcuactl: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    /* the unit tree's materialised paths */
    if (rc == 0 && unit_paths_rebuild(c->db) != DB_OK) {
        return die_db(c, "unit paths");
    }
    /* the demo catalogue, written in SQL, gets its folded names */
    if (rc == 0) {
        rc = cmd_search_index(c);
    }
    for (size_t i = 0; rc == 0 && i < NELEM(people); i++) {
        rc = create_user(c, people[i].user, people[i].name, people[i].role, people[i].unit,
                         people[i].title, people[i].counter, pw);
    }
    if (rc == 0) {
        rc = cmd_qr_ensure(c);
    }
    if (rc == 0) {
        rc = demo_data(c, &o);
    }
    return rc;
}

/* Generate demo data with the calendar loaded; one audit row says it happened. */
static int
demo_data(struct ctl *c, const struct demo_opts *o)
{
    struct cal cal;
    char detail[160];
    int rc;

    cal_init(&cal);
    if (cal_load(&cal, c->db, &c->st.pool) != DB_OK) {
        return die_db(c, "calendar");
    }
    rc = demo_generate(&c->st.x, &cal, o);
    cal_free(&cal);
    if (rc != 0) {
        return rc;
    }
    snprintf(detail, sizeof(detail), "dossiers=%lld feedback=%lld ratings=%lld seed=%llu",
             o->dossiers, o->feedback, o->ratings < 0 ? 3 * o->dossiers / 10 : o->ratings,
             o->seed);
    /* the stack's tick may be writing audit rows of its own (escalations of
     * the generated cases): a deadlock on the chain's newest row is tried
     * again, as a request would be */
    (void)db_take_conflict(c->db);
    for (int attempt = 0;; attempt++) {
        if (db_begin(c->db) == DB_OK &&
            audit(&c->st.x, "demo.generate", "demo", 0, detail) == DB_OK &&
            db_commit(c->db) == DB_OK) {
            return 0;
        }
        db_rollback(c->db);
        if (!db_take_conflict(c->db) || attempt == 4) {
            return die_db(c, "demo-data");
        }
    }
}

/* --dossiers N --feedback M [--ratings R] [--seed S] over the defaults in o;
 * 2 (with a message) for a bad value. */
static int
demo_opts_parse(int argc, char **argv, struct demo_opts *o)
{
    static const char *const names[] = { "--dossiers", "--feedback", "--ratings", "--seed" };
    long long v[4] = { o->dossiers, o->feedback, o->ratings, (long long)o->seed };

    for (size_t i = 0; i < NELEM(names); i++) {
        const char *s = opt(argc, argv, names[i]);

        if (s && parse_int(s, 0, 1000000000LL, &v[i]) != 0) {
            fprintf(stderr, "motcuactl: %s wants a whole number from 0 to 1000000000 (got \"%s\")\n",
                    names[i], s);
            return 2;
        }
    }
    o->dossiers = v[0], o->feedback = v[1], o->ratings = v[2], o->seed = (unsigned long long)v[3];
    return 0;
}

static int
cmd_demo_data(struct ctl *c, int argc, char **argv)
{
    struct demo_opts o = { .dossiers = -1, .feedback = -1, .ratings = -1, .seed = 1,
                           .progress = 1 };

    if (demo_opts_parse(argc, argv, &o) != 0) {
        return 2;
    }
    if (o.dossiers < 0 || o.feedback < 0) {
        fputs(usage, stderr);
        return 2;
    }
    return demo_data(c, &o);
}

/* ---- QR links ---------------------------------------------------------- */

/* Give every active counter, every unit with counters and every officer with a
 * counter a QR link, if it has none that is still valid. */
static int
cmd_qr_ensure(struct ctl *c)
{
    struct qrlink *links;
    size_t n;
    int made = 0;

    if (qrlink_missing(c->db, &c->st.pool, &links, &n) != DB_OK) {
        return die_db(c, "qr-ensure");
    }
    for (size_t i = 0; i < n; i++) {
        if (qrlink_create(c->db, c->st.app.secret, &links[i]) != DB_OK) {
            return die_db(c, "qr-ensure");
        }
        made++;
    }
    printf("qr-ensure: %d new QR links\n", made);
    return 0;
}

/* Print the public URL of one QR link (for printing or for a support call). */
static int
cmd_qr_url(struct ctl *c, const char *id)
{
    const char *nonce;
    char tok[TOKEN_LEN + 1];

    if (qrlink_nonce(c->db, &c->st.pool, util_num(id), &nonce) != DB_OK) {
        return die_db(c, "qr-url");
    }
    if (nonce == NULL) {
        fprintf(stderr, "motcuactl: no QR link with id %s\n", id);
        return 1;
    }
    token_from_nonce(c->st.app.secret, nonce, tok);
    printf("%s/q/%s\n", conf_str(c->conf, "Site.BaseURL", ""), tok);
    return 0;
}

/* ---- search synonyms (sql/015_search.sql) ------------------------------ */

/* Add an everyday name for the catalogue search; the term is stored folded,
 * as a query is folded before it is compared (search.h). */
static int
cmd_synonym_add(struct ctl *c, const char *term, const char *expansion)
{
    const char *folded = search_fold(&c->st.pool, term);
    const char *exp = search_fold(&c->st.pool, expansion);
    long long id = 0;
    enum db_rc rc;

    if (folded == NULL || *folded == '\0' || utf8_len(folded) > 100) {
        fprintf(stderr, "motcuactl: the term must be UTF-8 text with a letter or digit, at most 100 characters\n");
        return 1;
    }
    if (exp == NULL || *exp == '\0' || utf8_len(expansion) > 255 || strchr(expansion, '\n')) {
        fprintf(stderr, "motcuactl: the expansion must be one line of UTF-8 text with a letter or digit, at most 255 characters\n");
        return 1;
    }
    if (db_begin(c->db) != DB_OK) {
        return die_db(c, "begin");
    }
    rc = synonym_insert(c->db, folded, expansion, &id);
    if (rc == DB_DUP) {
        db_rollback(c->db);
        fprintf(stderr, "motcuactl: \"%s\" already reads as \"%s\"\n", folded, expansion);
        return 1;
    }
    if (rc != DB_OK ||
        audit(&c->st.x, "search_synonym.add", "search_synonym", id,
              pool_printf(&c->st.pool, "%s -> %s", folded, expansion)) != DB_OK ||
        db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return die_db(c, "synonym-add");
    }
    printf("synonym %lld: \"%s\" also reads as \"%s\"\n", id, folded, expansion);
    return 0;
}

static int
cmd_synonym_list(struct ctl *c)
{
    struct synonym_row *s;
    size_t n;

    if (synonym_list(c->db, &c->st.pool, SYNONYM_BY_TERM, &s, &n) != DB_OK) {
        return die_db(c, "synonym-list");
    }
    for (size_t i = 0; i < n; i++) {
        printf("%lld\t%s\t%s\n", s[i].id, s[i].term, s[i].expansion);
    }
    return 0;
}

/* The folded copies the search index reads, where still empty (search_index_fill). */
static int
cmd_search_index(struct ctl *c)
{
    long long ncases, nprocs;

    if (search_index_fill(c->db, &ncases, &nprocs) != DB_OK) {
        return die_db(c, "search-index");
    }
    printf("search-index: %lld cases, %lld procedures filled\n", ncases, nprocs);
    return 0;
}

static int
cmd_synonym_remove(struct ctl *c, const char *arg)
{
    long long id;
    struct synonym_row s;

    if (parse_int(arg, 1, 1LL << 40, &id) != 0) {
        fprintf(stderr, "motcuactl: synonym-remove takes the id that synonym-list prints\n");
        return 1;
    }
    if (db_begin(c->db) != DB_OK) {
        return die_db(c, "begin");
    }
    if (synonym_lock(c->db, &c->st.pool, id, &s) != DB_OK) {
        db_rollback(c->db);
        return die_db(c, "synonym-remove");
    }
    if (s.id == 0) {
        db_rollback(c->db);
        fprintf(stderr, "motcuactl: no search synonym with id %lld\n", id);
        return 1;
    }
    if (synonym_delete(c->db, id) != DB_OK ||
        audit(&c->st.x, "search_synonym.remove", "search_synonym", id,
              pool_printf(&c->st.pool, "%s -> %s", s.term, s.expansion)) != DB_OK ||
        db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return die_db(c, "synonym-remove");
    }
    printf("removed synonym %lld\n", id);
    return 0;
}

/* ---- periodic work ----------------------------------------------------- */

/* Deliver the outbox's messages that are due (ctl/notify_send.c). */
static int
send_due(struct ctl *c, struct send_report *rep)
{
    if (notify_send(c->db, c->conf, &c->st.pool, rep) != 0) {
        return die_db(c, "notification");
    }
    return 0;
}

static int
cmd_send(struct ctl *c)
{
    struct send_report rep;

    if (send_due(c, &rep) != 0) {
        return 1;
    }
    if (rep.busy) {
        printf("send: another sender holds the lease; nothing done\n");
        return 0;
    }
    printf("send: %d sent (%lld SMS segments), %d to retry, %d failed, %d held by the daily cap,"
           " %d stopped by their recipient\n",
           rep.sent, rep.segments, rep.retry, rep.failed, rep.capped, rep.stopped);
    return 0;
}

/* ---- retention of personal data ----------------------------------------- */

static const char *
retention_unit(enum ret_unit u)
{
    return u == RET_DAYS ? "days" : u == RET_MONTHS ? "months" : "years";
}

/* The files of one committed batch: evidence under Paths.Uploads, e-mails
 * under Paths.Outbox.  One already gone (an e-mail never written there)
 * counts as deleted; any other failure is told and counted. */
static int
retention_unlink(struct ctl *c, enum ret_kind k, const char **files, size_t n)
{
    const char *dir = k == RET_EVIDENCE ? conf_str(c->conf, "Paths.Uploads", "var/uploads")
                                        : conf_str(c->conf, "Paths.Outbox", "var/outbox");
    int failed = 0;

    for (size_t i = 0; i < n; i++) {
        char path[1024];

        snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
        if (unlink(path) != 0 && errno != ENOENT) {
            fprintf(stderr, "motcuactl: retention: %s: %s\n", path, strerror(errno));
            failed++;
        }
    }
    return failed;
}

/* Erase what kind k has past its period, in transactions of at most batch
 * records (a province's table is not locked for long): *erased. */
static int
retention_erase(struct ctl *c, enum ret_kind k, long long age, long long batch, long long *erased,
                int *unlink_failed)
{
    long long n, cursor = 0;

    *erased = 0;
    do {
        struct pool p = { 0 };
        const char **files;
        size_t nfiles;

        if (retention_erase_batch(c->db, &p, k, age, batch, &cursor, &n, &files, &nfiles) !=
            DB_OK) {
            pool_release(&p);
            return die_db(c, retention_kind(k)->name);
        }
        *unlink_failed += retention_unlink(c, k, files, nfiles);
        *erased += n;
        pool_release(&p);
    } while (n == batch);
    return 0;
}

/* Every kind: what is due (count, oldest day); unless dry, its erasure and
 * one audit row per kind, so that the log shows each run's policy at work. */
static int
retention_run(struct ctl *c, int dry)
{
    long long age[RET__MAX];
    long long batch = conf_int(c->conf, "Retention.BatchRows", 1000);
    int unlink_failed = 0;

    retention_policy(c->conf, age);
    if (batch < 1) {
        batch = 1;
    }
    for (int k = 0; k < RET__MAX; k++) {
        const struct ret_kind_info *info = retention_kind(k);
        struct ret_due due;
        long long erased = 0;
        const char *detail;

        if (age[k] < 0) {
            fprintf(stderr, "motcuactl: retention: the period of %s is negative\n", info->name);
            return 1;
        }
        if (retention_due(c->db, &c->st.pool, k, age[k], &due) != DB_OK) {
            return die_db(c, info->name);
        }
        if (dry) {
            printf("retention: %s: %lld to erase, oldest %s (after %lld %s)\n", info->name,
                   due.rows, due.rows ? due.oldest : "-", age[k], retention_unit(info->unit));
            continue;
        }
        if (retention_erase(c, k, age[k], batch, &erased, &unlink_failed) != 0) {
            return 1;
        }
        detail = pool_printf(&c->st.pool, "%s: %lld erased, oldest %s (after %lld %s)", info->name,
                             erased, due.rows ? due.oldest : "-", age[k],
                             retention_unit(info->unit));
        if (db_begin(c->db) != DB_OK ||
            audit(&c->st.x, "retention.erase", "retention", 0, detail) != DB_OK ||
            db_commit(c->db) != DB_OK) {
            db_rollback(c->db);
            return die_db(c, "audit");
        }
        printf("retention: %s\n", detail);
    }
    if (unlink_failed) {
        fprintf(stderr, "motcuactl: retention: %d file(s) could not be deleted\n", unlink_failed);
        return 1;
    }
    return 0;
}

static int
cmd_retention(struct ctl *c, int argc, char **argv)
{
    int dry = 0;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dry-run") == 0) {
            dry = 1;
        } else {
            fputs(usage, stderr);
            return 2;
        }
    }
    return retention_run(c, dry);
}

/* Retention from the periodic job: once a local day. */
static int
retention_daily(struct ctl *c)
{
    char today[11];
    int take;

    cal_format(cal_local_day(time(NULL)), today);
    if (retention_take_day(c->db, &c->st.pool, today, &take) != DB_OK) {
        return die_db(c, "retention mark");
    }
    return take ? retention_run(c, 0) : 0;
}

/* The calendar's coverage warnings (cal_check.h), one line each. */
static int
calendar_warnings(struct ctl *c)
{
    struct cal_check k;
    char from[11], to[11];

    if (cal_check(c->db, &c->st.pool, cal_local_day(time(NULL)), &k) != DB_OK) {
        return die_db(c, "calendar check");
    }
    if (k.days_off == 0) {
        printf("tick: warning: calendar: no holidays or days off between %s and %s;"
               " import next year's calendar (import-calendar)\n",
               cal_format(k.from, from), cal_format(k.to, to));
    }
    if (k.unconfirmed > 0) {
        printf("tick: warning: calendar: %lld day(s) still marked unconfirmed (%s%s);"
               " check them against the official notice\n",
               k.unconfirmed, k.unconfirmed_days, k.unconfirmed > CAL_CHECK_LIST ? ", ..." : "");
    }
    for (size_t i = 0; i < k.ngaps; i++) {
        printf("tick: warning: calendar: %lld open dossier(s) due in %d, a year with no"
               " calendar rows: their due dates skip no holiday\n",
               k.gaps[i].dossiers, k.gaps[i].year);
    }
    return 0;
}

/* The periodic work, run every minute or so (systemd timer, or the local stack's
 * loop): escalate overdue cases and missed forwarding deadlines to leaders,
 * send the outbox's messages, once a day erase the personal data past its
 * period, warn when the calendar runs out. */
static int
cmd_tick(struct ctl *c)
{
    int escalated = 0, late = 0, days = 0, forward = 0;
    struct send_report rep;

    if (case_escalate_overdue(&c->st.x, &escalated) != DB_OK ||
        case_escalate_forward(&c->st.x, &forward) != DB_OK ||
        dossier_escalate_late(&c->st.x, &late) != DB_OK) {
        return die_db(c, "escalation");
    }
    if (stats_late_catch_up(&c->st.x, &days) != DB_OK) {
        return die_db(c, "stat_late");
    }
    if (send_due(c, &rep) != 0) {
        return 1;
    }
    printf("tick: %d cases and %d dossiers escalated, %d cases past their forwarding deadline,"
           " %d days of late-dossier figures completed, %d messages sent\n",
           escalated, late, forward, days, rep.sent);
    if (retention_daily(c) != 0) {
        return 1;
    }
    return calendar_warnings(c);
}

/* The aggregates derived from the records, recomputed after a correction of
 * the rules or by hand, or a restore; dossiers recorded before processing
 * cycles existed get theirs first. */
static int
cmd_rebuild_stats(struct ctl *c, int argc, char **argv)
{
    int days = 0, months = 0, replayed = 0, check = 0;
    struct stats_diff *diff;
    size_t ndiff;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--check") == 0) {
            check = 1;
        } else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (check && stats_check_begin(&c->st.x) != DB_OK) {
        return die_db(c, "rebuild-stats --check");
    }
    if (dossier_cycles_fill(&c->st.x, &replayed) != DB_OK) {
        return die_db(c, "processing cycles");
    }
    if (stats_rebuild(&c->st.x, &days, &months) != DB_OK) {
        return die_db(c, "rebuild-stats");
    }
    if (check) {
        if (stats_check_end(&c->st.x, &diff, &ndiff) != DB_OK) {
            return die_db(c, "rebuild-stats --check");
        }
        for (size_t i = 0; i < ndiff; i++) {
            printf("rebuild-stats: %s %s %s: stored %lld, recount %lld\n", diff[i].table,
                   diff[i].key, diff[i].column, diff[i].stored, diff[i].recount);
        }
        printf("rebuild-stats --check: %zu differences, nothing written\n", ndiff);
        return ndiff ? 1 : 0;
    }
    printf("rebuild-stats: %d dossiers' cycles replayed from their history, ratings, verdicts,"
           " missed forwarding deadlines, dossier counts and QĐ 766 figures recounted, %d days"
           " of late-dossier figures rebuilt, %d months changed\n",
           replayed, days, months);
    return 0;
}

/* ---- CSV imports -------------------------------------------------------- */

static int
cmd_import(struct ctl *c, const char *path, int dossiers)
{
    struct csv_result res;
    int rc = dossiers ? csv_import_dossiers(&c->st.x, "vi", path, stderr, &res)
                      : csv_import_procedures(&c->st.x, "vi", path, stderr, &res);

    if (rc != 0) {
        return 1;
    }
    printf("%s: %d rows stored, %d refused\n", dossiers ? "import-dossiers" : "import-procedures",
           res.rows, res.errors);
    return res.errors ? 1 : 0;
}

/* ---- backup and restore ------------------------------------------------ */

/* The mariadb client options for the owner account; the password travels in
 * MYSQL_PWD, never on a command line other users can see. */
static const char *
client_opts(struct ctl *c)
{
    const char *sock = conf_str(c->conf, "DB.Socket", ""), *host = conf_str(c->conf, "DB.Host", "localhost");

    setenv("MYSQL_PWD", conf_str(c->conf, "DB.Accounts.owner.Password", ""), 1);
    if (*sock && strcmp(host, "localhost") == 0) {
        return pool_printf(&c->st.pool, "--no-defaults -u'%s' --socket='%s'",
                           conf_str(c->conf, "DB.Accounts.owner.User", "root"), sock);
    }
    return pool_printf(&c->st.pool, "--no-defaults -u'%s' -h'%s' -P%lld",
                       conf_str(c->conf, "DB.Accounts.owner.User", "root"), host,
                       conf_int(c->conf, "DB.Port", 3306));
}

static int
shell_safe(const char *s)
{
    return s && *s && strchr(s, '\'') == NULL;
}

static int
sha256_file(const char *path, char out[65])
{
    crypto_hash_sha256_state st;
    unsigned char h[32], buf[65536];
    size_t n;
    FILE *f = fopen(path, "rb");

    if (f == NULL) {
        return -1;
    }
    crypto_hash_sha256_init(&st);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        crypto_hash_sha256_update(&st, buf, n);
    }
    fclose(f);
    crypto_hash_sha256_final(&st, h);
    hex_encode(out, h, sizeof(h));
    return 0;
}

static int
cmd_backup(struct ctl *c, const char *path)
{
    const char *db = conf_str(c->conf, "DB.Name", "motcua"), *base;
    char sum[65], *tmp, *cmd;
    FILE *f;

    if (!shell_safe(path) || !shell_safe(db)) {
        fprintf(stderr, "motcuactl: the file name may not contain a quote\n");
        return 2;
    }
    tmp = pool_printf(&c->st.pool, "%s.part", path);
    /* one consistent snapshot of every InnoDB table, without locking the service */
    cmd =
        pool_printf(&c->st.pool,
                    "set -o pipefail; mariadb-dump %s --single-transaction --quick --routines"
                    " --triggers --hex-blob --default-character-set=utf8mb4 '%s' | gzip -c > '%s'",
                    client_opts(c), db, tmp);
    if (system(pool_printf(&c->st.pool, "bash -c \"%s\"", cmd)) != 0) {
        fprintf(stderr, "motcuactl: mariadb-dump failed; nothing written\n");
        unlink(tmp);
        return 1;
    }
    if (rename(tmp, path) != 0 || sha256_file(path, sum) != 0) {
        fprintf(stderr, "motcuactl: %s: %s\n", path, strerror(errno));
        return 1;
    }
    base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    f = fopen(pool_printf(&c->st.pool, "%s.sha256", path), "w");
    if (f == NULL || fprintf(f, "%s  %s\n", sum, base) < 0 || fclose(f) != 0) {
        fprintf(stderr, "motcuactl: cannot write the checksum file\n");
        return 1;
    }
    printf("backup: %s (sha256 %s)\n", path, sum);
    return 0;
}

static int cmd_verify_audit(struct ctl *c);

static int
cmd_restore(struct ctl *c, const char *path)
{
    const char *db = conf_str(c->conf, "DB.Name", "motcua");
    char sum[65], want[65] = "";
    long long tables = 0;
    FILE *f;

    if (!shell_safe(path) || !shell_safe(db)) {
        fprintf(stderr, "motcuactl: the file name may not contain a quote\n");
        return 2;
    }
    f = fopen(pool_printf(&c->st.pool, "%s.sha256", path), "r");
    if (f == NULL || fscanf(f, "%64s", want) != 1) {
        fprintf(stderr, "motcuactl: %s.sha256 is missing or unreadable\n", path);
        if (f) {
            fclose(f);
        }
        return 1;
    }
    fclose(f);
    if (sha256_file(path, sum) != 0 || strcmp(sum, want) != 0) {
        fprintf(stderr, "motcuactl: %s does not match its checksum: refusing to restore\n", path);
        return 1;
    }
    if (schema_table_count(c->db, &c->st.pool, db, &tables) != DB_OK) {
        return die_db(c, "restore");
    }
    if (tables != 0) {
        fprintf(stderr, "motcuactl: database %s is not empty: restore only into an empty one\n", db);
        return 1;
    }
    if (system(pool_printf(&c->st.pool,
                           "bash -c \"set -o pipefail; gunzip -c '%s' | mariadb %s"
                           " --default-character-set=utf8mb4 '%s'\"",
                           path, client_opts(c), db)) != 0) {
        fprintf(stderr, "motcuactl: loading %s failed\n", path);
        return 1;
    }
    printf("restore: %s loaded into %s\n", path, db);
    return cmd_verify_audit(c);
}

/* ---- audit chain ------------------------------------------------------- */

static int
cmd_verify_audit(struct ctl *c)
{
    long long last = 0, checked = 0;
    char prev[65] = "";

    for (;;) {
        struct audit_row *rows;
        size_t n;
        struct pool p = { 0 };

        if (audit_rows_after(c->db, &p, last, 5000, &rows, &n) != DB_OK) {
            pool_release(&p);
            return die_db(c, "audit_log");
        }
        if (n == 0) {
            pool_release(&p);
            break;
        }
        for (size_t i = 0; i < n; i++) {
            const struct audit_row *a = &rows[i];
            long long id = a->id;
            char want[65];

            if (id != last + 1) {
                printf("verify-audit: BROKEN at row %lld: row %lld is missing\n", id, last + 1);
                pool_release(&p);
                return 1;
            }
            if (strcmp(a->prev_hash, prev) != 0) {
                printf("verify-audit: BROKEN at row %lld: prev_hash does not match row %lld\n",
                       id, last);
                pool_release(&p);
                return 1;
            }
            audit_row_hash(c->st.app.secret, prev, id, a->at, a->actor_id, a->action,
                           a->object_type, a->object_id, a->ip, a->detail, want);
            if (strcmp(want, a->row_hash) != 0) {
                printf("verify-audit: BROKEN at row %lld: its content was changed\n", id);
                pool_release(&p);
                return 1;
            }
            snprintf(prev, sizeof(prev), "%s", want);
            last = id;
            checked++;
        }
        pool_release(&p);
    }
    printf("verify-audit: OK, %lld rows, chain intact\n", checked);
    return 0;
}

int
main(int argc, char **argv)
{
    struct ctl c;
    const char *conf_path = NULL, *cmd;
    int i = 1, rc;

    if (argc > 2 && strcmp(argv[1], "-c") == 0) {
        conf_path = argv[2];
        i = 3;
    }
    if (i >= argc || strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
        fputs(usage, i >= argc ? stderr : stdout);
        return i >= argc ? 2 : 0;
    }
    cmd = argv[i];
    memset(&c, 0, sizeof(c));
    log_set_program("motcuactl");
    nerr_init();
    if (sodium_init() < 0 || mysql_library_init(0, NULL, NULL) != 0) {
        return 1;
    }
    if ((c.conf = conf_load(conf_path)) == NULL) {
        return 1;
    }
    c.sql_dir = conf_str(c.conf, "Paths.SQL", "sql");
    c.db = db_new(c.conf, "owner");
    if (standin_init(&c.st, c.conf, c.db, "motcuactl") != 0) {
        fprintf(stderr, "motcuactl: Secret.Key must be 64 hex digits\n");
        return 1;
    }
    /* setup-db creates the owner account: it connects as an administrator first */
    if (strcmp(cmd, "setup-db") != 0 && db_connect(c.db) != DB_OK) {
        fprintf(stderr, "motcuactl: cannot connect to the database: %s\n", db_error(c.db));
        return 1;
    }
    if (strcmp(cmd, "setup-db") == 0) {
        rc = cmd_setup_db(&c, conf_path, argc - i, argv + i);
    } else if (strcmp(cmd, "migrate") == 0) {
        rc = cmd_migrate(&c);
    } else if (strcmp(cmd, "create-user") == 0) {
        rc = cmd_create_user(&c, argc - i, argv + i);
    } else if (strcmp(cmd, "import-calendar") == 0 && i + 1 < argc) {
        rc = cmd_import_calendar(&c, argv[i + 1]);
    } else if (strcmp(cmd, "demo") == 0) {
        rc = cmd_demo(&c, argc - i, argv + i);
    } else if (strcmp(cmd, "demo-data") == 0) {
        rc = cmd_demo_data(&c, argc - i, argv + i);
    } else if (strcmp(cmd, "qr-ensure") == 0) {
        rc = cmd_qr_ensure(&c);
    } else if (strcmp(cmd, "qr-url") == 0 && i + 1 < argc) {
        rc = cmd_qr_url(&c, argv[i + 1]);
    } else if (strcmp(cmd, "synonym-add") == 0 && i + 2 < argc) {
        rc = cmd_synonym_add(&c, argv[i + 1], argv[i + 2]);
    } else if (strcmp(cmd, "synonym-list") == 0) {
        rc = cmd_synonym_list(&c);
    } else if (strcmp(cmd, "synonym-remove") == 0 && i + 1 < argc) {
        rc = cmd_synonym_remove(&c, argv[i + 1]);
    } else if (strcmp(cmd, "search-index") == 0) {
        rc = cmd_search_index(&c);
    } else if (strcmp(cmd, "tick") == 0) {
        rc = cmd_tick(&c);
    } else if (strcmp(cmd, "send") == 0) {
        rc = cmd_send(&c);
    } else if (strcmp(cmd, "retention") == 0) {
        rc = cmd_retention(&c, argc - i, argv + i);
    } else if (strcmp(cmd, "rebuild-stats") == 0) {
        rc = cmd_rebuild_stats(&c, argc - i, argv + i);
    } else if (strcmp(cmd, "import-procedures") == 0 && i + 1 < argc) {
        rc = cmd_import(&c, argv[i + 1], 0);
    } else if (strcmp(cmd, "import-dossiers") == 0 && i + 1 < argc) {
        rc = cmd_import(&c, argv[i + 1], 1);
    } else if (strcmp(cmd, "backup") == 0 && i + 1 < argc) {
        rc = cmd_backup(&c, argv[i + 1]);
    } else if (strcmp(cmd, "restore") == 0 && i + 1 < argc) {
        rc = cmd_restore(&c, argv[i + 1]);
    } else if (strcmp(cmd, "verify-audit") == 0) {
        rc = cmd_verify_audit(&c);
    } else {
        fprintf(stderr, "motcuactl: unknown command or missing argument: %s\n\n%s", cmd, usage);
        rc = 2;
    }
    db_close(c.db);
    standin_free(&c.st);
    hdf_destroy(&c.conf);
    mysql_library_end();
    return rc;
}
