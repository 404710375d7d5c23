/* test_check.c — rebuild-stats --check on a real database: the stored
 * aggregates compared with a recount, writing nothing.  After a recount the
 * check finds nothing; rows put in by hand into six aggregate tables (one
 * in a slot row, as the hot counters are spread; the daily rows carry their
 * months along, by the triggers of sql/340) are each reported with the
 * stored value and the recount's (0: no record behind them), and stay where
 * they are; a real recount then removes them, and the check is clean again.
 * The stray rows name a unit id no record has (999999), so the other tests'
 * records do not matter. */
#include <string.h>

#include "stats.h"
#include "store.h"

#define NOBODY "999999"

/* Runs the check; the differences whose key names NOBODY into want (the
 * other tests' rows must show none at all: *others). */
static int
check(struct stats_diff **d, size_t *n, size_t *others)
{
    struct sctx *x = &st.x;
    int days = 0, months = 0;
    struct stats_diff *all;
    size_t nall, k = 0;

    if (stats_check_begin(x) != DB_OK || stats_rebuild(x, &days, &months) != DB_OK ||
        stats_check_end(x, &all, &nall) != DB_OK) {
        return -1;
    }
    *others = 0;
    *d = pool_alloc(&st.pool, (nall + 1) * sizeof(**d));
    for (size_t i = 0; i < nall; i++) {
        if (strstr(all[i].key, NOBODY)) {
            (*d)[k++] = all[i];
        } else {
            (*others)++;
        }
    }
    *n = k;
    return 0;
}

static const struct stats_diff *
find(struct stats_diff *d, size_t n, const char *table, const char *column)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(d[i].table, table) == 0 && strcmp(d[i].column, column) == 0) {
            return &d[i];
        }
    }
    return NULL;
}

int
main(void)
{
    struct stats_diff *d;
    const struct stats_diff *one;
    size_t n, others;
    int days = 0, months = 0;
    long long corrections;

    st_open();
    /* the other tests move records by hand: start from a recount */
    CHECK(stats_rebuild(&st.x, &days, &months) == DB_OK, "a recount first");
    CHECK(check(&d, &n, &others) == 0 && n == 0 && others == 0,
          "after a recount the check finds no difference (%zu, %zu)", n, others);

    /* six stray figures, with no record behind any of them: two daily rows
     * (and so their months' rows), a month's row of an officer whose days
     * hold nothing, and two running cases due on a day (the inbox's overdue
     * count) */
    st_exec0("INSERT INTO stat_day (scope, scope_id, day, slot, ratings, r3)"
             " VALUES ('counter', " NOBODY ", '2026-03-04', 7, 3, 2)");
    st_exec0("INSERT INTO stat_dossier_day (scope, scope_id, day, slot, received)"
             " VALUES ('unit', " NOBODY ", '2026-03-05', 0, 5)");
    st_exec0("INSERT INTO feedback_count (unit_id, status, kind, counter_id, hidden_from,"
             "                            escalated, n)"
             " VALUES (" NOBODY ", 'new', 'gop_y', 0, 0, 0, 1)");
    st_exec0("INSERT INTO stat_late_month (unit_id, month, delay, late)"
             " VALUES (" NOBODY ", '2026-02-01', 3, 7)");
    st_exec0("INSERT INTO stat_month (scope, scope_id, month, slot, ratings)"
             " VALUES ('officer', " NOBODY ", '2026-01-01', 3, 4)");
    st_exec0("INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)"
             " VALUES (" NOBODY ", '2026-03-06', 0, 0, 2)");
    corrections = st_num("SELECT COUNT(*) FROM stat_correction");

    CHECK(check(&d, &n, &others) == 0, "the check runs");
    for (size_t i = 0; i < n && n != 10; i++) {
        printf("# %s %s %s: %lld, %lld\n", d[i].table, d[i].key, d[i].column, d[i].stored,
               d[i].recount);
    }
    CHECK(n == 10 && others == 0, "ten differences, all on the stray rows (%zu, %zu others)", n,
          others);
    one = find(d, n, "stat_day", "ratings");
    CHECK(one && strcmp(one->key, "counter " NOBODY " 2026-03-04") == 0 && one->stored == 3 &&
              one->recount == 0,
          "stat_day: the counter's ratings of 04/03/2026, stored 3, recounted 0");
    one = find(d, n, "stat_day", "r3");
    CHECK(one && one->stored == 2 && one->recount == 0, "stat_day: its r3, stored 2, recounted 0");
    one = find(d, n, "stat_dossier_day", "received");
    CHECK(one && strcmp(one->key, "unit " NOBODY " 2026-03-05") == 0 && one->stored == 5 &&
              one->recount == 0,
          "stat_dossier_day: the unit's dossiers received on 05/03/2026, stored 5, recounted 0");
    one = find(d, n, "stat_dossier_month", "received");
    CHECK(one && strcmp(one->key, "unit " NOBODY " 2026-03-01") == 0 && one->stored == 5 &&
              one->recount == 0,
          "stat_dossier_month: the same in March 2026's row, stored 5, recounted 0 (%s)",
          one ? one->key : "-");
    one = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(d[i].table, "stat_month") == 0 && strcmp(d[i].column, "ratings") == 0 &&
            strcmp(d[i].key, "counter " NOBODY " 2026-03-01") == 0) {
            one = &d[i];
        }
    }
    CHECK(one && one->stored == 3 && one->recount == 0,
          "stat_month: the counter's ratings of March 2026, stored 3, recounted 0");
    one = find(d, n, "stat_month", "r3");
    CHECK(one && one->stored == 2 && one->recount == 0,
          "stat_month: their r3, stored 2, recounted 0");
    one = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(d[i].table, "stat_month") == 0 &&
            strcmp(d[i].key, "officer " NOBODY " 2026-01-01") == 0) {
            one = &d[i];
        }
    }
    CHECK(one && strcmp(one->column, "ratings") == 0 && one->stored == 4 && one->recount == 0,
          "stat_month: the officer's month with no day behind it, stored 4, recounted 0");
    one = find(d, n, "stat_late_month", "late");
    CHECK(one && strcmp(one->key, NOBODY " 2026-02-01 3") == 0 && one->stored == 7 &&
              one->recount == 0,
          "stat_late_month: the unit's late dossiers of February 2026, stored 7, recounted 0 (%s)",
          one ? one->key : "-");
    one = find(d, n, "feedback_count", "n");
    CHECK(one && strncmp(one->key, NOBODY " new gop_y", strlen(NOBODY " new gop_y")) == 0 &&
              one->stored == 1 && one->recount == 0,
          "feedback_count: the unit's new cases, stored 1, counted 0 (%s)", one ? one->key : "-");
    one = find(d, n, "stat_due", "n");
    CHECK(one && strcmp(one->key, NOBODY " 2026-03-06 0 0") == 0 && one->stored == 2 &&
              one->recount == 0,
          "stat_due: the unit's cases due on 06/03/2026, stored 2, counted 0 (%s)",
          one ? one->key : "-");

    /* the check wrote nothing */
    CHECK(st_num("SELECT SUM(ratings) FROM stat_day WHERE scope_id = " NOBODY) == 3 &&
              st_num("SELECT SUM(received) FROM stat_dossier_day WHERE scope_id = " NOBODY) == 5 &&
              st_num("SELECT SUM(n) FROM feedback_count WHERE unit_id = " NOBODY) == 1 &&
              st_num("SELECT SUM(late) FROM stat_late_month WHERE unit_id = " NOBODY) == 7 &&
              st_num("SELECT SUM(ratings) FROM stat_month WHERE scope_id = " NOBODY) == 3 + 4 &&
              st_num("SELECT SUM(received) FROM stat_dossier_month WHERE scope_id = " NOBODY) ==
                  5 &&
              st_num("SELECT SUM(n) FROM stat_due WHERE unit_id = " NOBODY) == 2,
          "the stray figures are still there after the check");
    CHECK(st_num("SELECT COUNT(*) FROM stat_correction") == corrections,
          "the check records no correction");
    CHECK(st_num("SELECT COUNT(*) FROM information_schema.innodb_trx"
                 " WHERE trx_mysql_thread_id = CONNECTION_ID()") == 0,
          "no transaction stays open after the check");

    /* a real recount removes them */
    CHECK(stats_rebuild(&st.x, &days, &months) == DB_OK, "rebuild-stats");
    CHECK(st_num("SELECT COALESCE(SUM(ratings), 0) FROM stat_day WHERE scope_id = " NOBODY) == 0 &&
              st_num("SELECT COALESCE(SUM(n), 0) FROM feedback_count WHERE unit_id = " NOBODY) ==
                  0 &&
              st_num("SELECT COUNT(*) FROM stat_late_month WHERE unit_id = " NOBODY) == 0 &&
              st_num("SELECT COALESCE(SUM(ratings), 0) FROM stat_month WHERE scope_id = " NOBODY) ==
                  0 &&
              st_num("SELECT COALESCE(SUM(received), 0) FROM stat_dossier_month"
                     " WHERE scope_id = " NOBODY) == 0 &&
              st_num("SELECT COUNT(*) FROM stat_due WHERE unit_id = " NOBODY) == 0,
          "the recount zeroes the stray figures");
    CHECK(check(&d, &n, &others) == 0 && n == 0 && others == 0,
          "after it, the check is clean again (%zu, %zu)", n, others);
    st_exec0("DELETE FROM stat_day WHERE scope_id = " NOBODY);
    st_exec0("DELETE FROM stat_dossier_day WHERE scope_id = " NOBODY);
    st_exec0("DELETE FROM stat_month WHERE scope_id = " NOBODY);
    st_exec0("DELETE FROM stat_dossier_month WHERE scope_id = " NOBODY);
    return st_close();
}
