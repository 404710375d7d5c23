/* stats.c — the stat_day aggregates. */
#include "stats.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "case_fsm.h"
#include "conf.h"
#include "db.h"
#include "legal.h"
#include "util.h"

void
stats_today(char out[11])
{
    cal_format(cal_local_day(time(NULL)), out);
}

void
stats_sums_read(const struct dbres *res, size_t row, size_t first, struct stat_sums *out)
{
    /* in the order of STATS_DAY_SUMS */
    long long *const f[] = { &out->ratings,
                             &out->r3,
                             &out->r2,
                             &out->r1,
                             &out->feedback,
                             &out->answered,
                             &out->answered_on_time,
                             &out->att_sum,
                             &out->att_n,
                             &out->time_sum,
                             &out->time_n,
                             &out->trips_sum,
                             &out->trips_n,
                             &out->guide_sum,
                             &out->guide_n,
                             &out->verdicts,
                             &out->verdicts_unsatisfied,
                             &out->forward_late,
                             &out->pakn,
                             &out->anonymous,
                             &out->praise,
                             &out->pakn_answered,
                             &out->pakn_on_time,
                             &out->pakn_unhappy };

    _Static_assert(sizeof(f) / sizeof(f[0]) == sizeof(struct stat_sums) / sizeof(long long),
                   "every field of struct stat_sums is read");
    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
        *f[i] = util_num(dbres_get(res, row, first + i));
    }
}

/* The columns of the SELECTs below: the name, then STATS_DAY_SUMS. */
enum { SB_NAME, SB_SUMS };

/* A unit with more counters than this reads them by a join (every day of
 * their history), not by their ids */
#define COUNTERS_IN_LIST 64

/* The sums of one unit's counters, by counter.  Their ids are bound to the
 * statement's list, so that each counter's days of the period are read as a
 * range of the primary key (scope, scope_id, day): joined from the counter,
 * its rows are found by (scope, scope_id) alone, every day since it opened.
 * The list has the next power of two of places, the rest bound to 0 (no
 * counter has it), so that every unit's page shares one of seven statements. */
static enum db_rc
unit_counter_sums(struct db *db, struct pool *p, const char *from, const char *to,
                  long long unit_id, struct dbres *res)
{
    struct dbv args[COUNTERS_IN_LIST + 3];
    struct buf b = { 0 };
    struct dbres ids;
    const char *sql;
    size_t places = 1, n = 0;
    enum db_rc rc;

    rc = db_query(db, p, "SELECT id FROM counter WHERE unit_id = ? ORDER BY id",
                  DB_ARGS(DV_I(unit_id)), &ids);
    if (rc != DB_OK || ids.nrows == 0) {
        *res = (struct dbres){ 0 };
        return rc;
    }
    if (ids.nrows > COUNTERS_IN_LIST) {
        return db_query(db, p,
                        "SELECT CONCAT(c.name, ' · ', u.short_name)," STATS_DAY_SUMS
                        "  FROM counter c JOIN org_unit u ON u.id = c.unit_id"
                        "  JOIN stat_day sd ON sd.scope = 'counter' AND sd.scope_id = c.id"
                        "   AND sd.day BETWEEN ? AND ?"
                        " WHERE c.unit_id = ? AND u.training = 0"
                        " GROUP BY c.id, c.name, u.short_name ORDER BY c.sort_order",
                        DB_ARGS(DV_S(from), DV_S(to), DV_I(unit_id)), res);
    }
    while (places < ids.nrows) {
        places *= 2;
    }
    buf_adds(&b, "SELECT CONCAT(c.name, ' · ', u.short_name)," STATS_DAY_SUMS
                 "  FROM stat_day sd FORCE INDEX (PRIMARY)"
                 "  JOIN counter c FORCE INDEX (PRIMARY) ON c.id = sd.scope_id"
                 "  JOIN org_unit u ON u.id = c.unit_id"
                 " WHERE sd.scope = 'counter' AND sd.scope_id IN (?");
    for (size_t i = 1; i < places; i++) {
        buf_adds(&b, ",?");
    }
    buf_adds(&b, ") AND sd.day BETWEEN ? AND ? AND c.unit_id = ? AND u.training = 0"
                 " GROUP BY c.id, c.name, u.short_name ORDER BY c.sort_order");
    sql = db_text(b.p);
    buf_free(&b);
    for (size_t i = 0; i < places; i++) {
        args[n++] = DV_I(i < ids.nrows ? util_num(dbres_get(&ids, i, 0)) : 0);
    }
    args[n++] = DV_S(from);
    args[n++] = DV_S(to);
    args[n++] = DV_I(unit_id);
    return db_query(db, p, sql, args, n, res);
}

enum db_rc
stats_sums_by(struct db *db, struct pool *p, const char *scope, const char *from, const char *to,
              long long unit_id, struct stat_named_sums **rows, size_t *n)
{
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    if (unit_id != 0) {
        /* one unit's page: its own rows and its counters', from the primary
         * key (scope, scope_id, day), not every unit's rows of the period */
        rc = strcmp(scope, "unit") == 0
                 ? db_query(db, p,
                            "SELECT u.name," STATS_DAY_SUMS
                            "  FROM org_unit u JOIN stat_day sd ON sd.scope = 'unit'"
                            "   AND sd.scope_id = u.id AND sd.day BETWEEN ? AND ?"
                            " WHERE u.id = ? AND u.training = 0 GROUP BY u.id, u.name",
                            DB_ARGS(DV_S(from), DV_S(to), DV_I(unit_id)), &res)
                 : unit_counter_sums(db, p, from, to, unit_id, &res);
    } else if (strcmp(scope, "unit") == 0) {
        rc = db_query(db, p,
                      "SELECT u.name," STATS_DAY_SUMS
                      "  FROM stat_day sd JOIN org_unit u ON u.id = sd.scope_id"
                      " WHERE sd.scope = 'unit' AND sd.day BETWEEN ? AND ?"
                      "   AND (? = 0 OR u.id = ?) AND u.training = 0"
                      " GROUP BY u.id, u.name ORDER BY u.sort_order, u.name",
                      DB_ARGS(DV_S(from), DV_S(to), DV_I(unit_id), DV_I(unit_id)), &res);
    } else {
        rc = db_query(db, p,
                      "SELECT CONCAT(c.name, ' · ', u.short_name)," STATS_DAY_SUMS
                      "  FROM stat_day sd JOIN counter c ON c.id = sd.scope_id"
                      "  JOIN org_unit u ON u.id = c.unit_id"
                      " WHERE sd.scope = 'counter' AND sd.day BETWEEN ? AND ?"
                      "   AND (? = 0 OR u.id = ?) AND u.training = 0"
                      " GROUP BY c.id, c.name, u.short_name ORDER BY u.sort_order, c.sort_order",
                      DB_ARGS(DV_S(from), DV_S(to), DV_I(unit_id), DV_I(unit_id)), &res);
    }
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].name = dbres_get(&res, i, SB_NAME);
        stats_sums_read(&res, i, SB_SUMS, &(*rows)[i].s);
    }
    *n = res.nrows;
    return DB_OK;
}

/* Each counted column of stat_day (STATS_DAY_COLS) added to itself from
 * the row an INSERT … ON DUPLICATE KEY UPDATE brings. */
#define DAY_ADD                                                                          \
    " ratings = ratings + VALUES(ratings),"                                              \
    "   r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2), r1 = r1 + VALUES(r1),"               \
    "   feedback = feedback + VALUES(feedback),"                                         \
    "   answered = answered + VALUES(answered),"                                         \
    "   answered_on_time = answered_on_time + VALUES(answered_on_time),"                 \
    "   att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),"             \
    "   time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),"       \
    "   trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n)," \
    "   guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n)," \
    "   verdicts = verdicts + VALUES(verdicts),"                                         \
    "   verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied),"     \
    "   forward_late = forward_late + VALUES(forward_late),"                             \
    "   pakn = pakn + VALUES(pakn), anonymous = anonymous + VALUES(anonymous),"          \
    "   praise = praise + VALUES(praise),"                                               \
    "   pakn_answered = pakn_answered + VALUES(pakn_answered),"                          \
    "   pakn_on_time = pakn_on_time + VALUES(pakn_on_time),"                             \
    "   pakn_unhappy = pakn_unhappy + VALUES(pakn_unhappy)"

/* The same for stat_dossier_day. */
#define DOSSIER_DAY_SUMS                                                                  \
    " SUM(received), SUM(finished), SUM(early), SUM(on_time), SUM(late), SUM(apologies)," \
    " SUM(apologies_late), SUM(delay_days), SUM(unhappy), SUM(recv_in_time),"             \
    " SUM(recv_out)"
#define DOSSIER_DAY_ADD                                                                     \
    " received = received + VALUES(received), finished = finished + VALUES(finished),"      \
    "   early = early + VALUES(early), on_time = on_time + VALUES(on_time),"                \
    "   late = late + VALUES(late), apologies = apologies + VALUES(apologies),"             \
    "   apologies_late = apologies_late + VALUES(apologies_late),"                          \
    "   delay_days = delay_days + VALUES(delay_days), unhappy = unhappy + VALUES(unhappy)," \
    "   recv_in_time = recv_in_time + VALUES(recv_in_time),"                                \
    "   recv_out = recv_out + VALUES(recv_out)"

/* The slot a write on a citizen's path adds to: one of Stats.Slots at random,
 * so that concurrent writers of one counter's day (two of them on two Galera
 * nodes) rarely wait on, or conflict over, the same row. */
static unsigned
stats_slot(struct sctx *x)
{
    long long n = conf_int(x->app->conf, "Stats.Slots", STATS_SLOTS);

    n = n < 1 ? 1 : n > 255 ? 255 : n;
    return randombytes_uniform((uint32_t)n);
}

/* The text of stats_add's statement for the rows of `which` (bit 0 the
 * unit's, 1 the counter's, 2 the officer's), each row its id, day and slot,
 * then `ncols` values (STATS_DAY_COLS); kept once per combination.  One row of
 * VALUES each: an INSERT … SELECT of a derived table would build two
 * temporary tables on every rating. */
static const char *
stats_add_sql(unsigned which, size_t ncols)
{
    static const char *const scope[3] = { "unit", "counter", "officer" };
    static const char *text[8];
    struct buf b = { 0 };

    if (text[which] == NULL) {
        buf_adds(&b, "INSERT INTO stat_day (scope, scope_id, day, slot," STATS_DAY_COLS ") VALUES");
        for (int k = 0, n = 0; k < 3; k++) {
            if (which & (1u << k)) {
                buf_adds(&b, n++ ? ", ('" : " ('");
                buf_adds(&b, scope[k]);
                buf_adds(&b, "', ?, ?, ?");
                for (size_t i = 0; i < ncols; i++) {
                    buf_adds(&b, ", ?");
                }
                buf_adds(&b, ")");
            }
        }
        buf_adds(&b, " ON DUPLICATE KEY UPDATE" DAY_ADD);
        text[which] = db_text(b.p);
        buf_free(&b);
    }
    return text[which];
}

enum db_rc
stats_add(struct sctx *x, long long unit_id, long long counter_id, long long officer_id,
          const char *day, const struct stat_delta *d)
{
    /* one statement for the three rows (a round trip less per row on the hot
     * path of every rating), those of an id 0 left out, in the order unit,
     * counter, officer as every writer of these rows takes them */
    const long long id[3] = { unit_id, counter_id, officer_id };
    /* in the order of STATS_DAY_COLS */
    const int v[] = { d->ratings,
                      d->r3,
                      d->r2,
                      d->r1,
                      d->feedback,
                      d->answered,
                      d->answered_on_time,
                      d->crit_sum[0],
                      d->crit_n[0],
                      d->crit_sum[1],
                      d->crit_n[1],
                      d->crit_sum[2],
                      d->crit_n[2],
                      d->crit_sum[3],
                      d->crit_n[3],
                      d->verdicts,
                      d->verdicts_unsatisfied,
                      d->forward_late,
                      d->pakn,
                      d->anonymous,
                      d->praise,
                      d->pakn_answered,
                      d->pakn_on_time,
                      d->pakn_unhappy };
    struct dbv arg[3 * (3 + NELEM(v))];
    unsigned which = 0, slot = stats_slot(x);
    size_t n = 0;

    for (int k = 0; k < 3; k++) {
        if (id[k] == 0) {
            continue;
        }
        which |= 1u << k;
        arg[n++] = DV_I(id[k]);
        arg[n++] = DV_S(day);
        arg[n++] = DV_I(slot);
        for (size_t i = 0; i < NELEM(v); i++) {
            arg[n++] = DV_I(v[i]);
        }
    }
    return which ? db_exec(x->db, stats_add_sql(which, NELEM(v)), arg, n, NULL, NULL) : DB_OK;
}

/* A rebuild's first steps: every row's slots added into its slot 0 and
 * deleted, so that the rebuild, which writes slot 0, leaves no stray slot
 * behind and the columns it does not recount keep their sums. */
#define FOLD_DAY                                                           \
    "INSERT INTO stat_day (scope, scope_id, day, slot," STATS_DAY_COLS ")" \
    " SELECT sd.scope, sd.scope_id, sd.day, 0," STATS_DAY_SUMS             \
    "   FROM stat_day sd WHERE sd.slot > 0 GROUP BY 1, 2, 3"               \
    " ON DUPLICATE KEY UPDATE" DAY_ADD,                                    \
        "DELETE FROM stat_day WHERE slot > 0"
#define FOLD_DOSSIER_DAY                                                                   \
    "INSERT INTO stat_dossier_day (scope, scope_id, day, slot," STATS_DOSSIER_DAY_COLS ")" \
    " SELECT scope, scope_id, day, 0," DOSSIER_DAY_SUMS                                    \
    "   FROM stat_dossier_day WHERE slot > 0 GROUP BY 1, 2, 3"                             \
    " ON DUPLICATE KEY UPDATE" DOSSIER_DAY_ADD,                                            \
        "DELETE FROM stat_dossier_day WHERE slot > 0"

/* Runs the statements in one transaction. */
static enum db_rc
run_steps(struct sctx *x, const char *const *steps, size_t n)
{
    enum db_rc rc = db_begin(x->db);

    for (size_t i = 0; rc == DB_OK && i < n; i++) {
        rc = db_exec(x->db, steps[i], DB_NOARGS, NULL, NULL);
    }
    return db_end(x->db, rc);
}

/* The first day of a daily row's month, the key of its month's row. */
#define MONTH_OF_DAY " day - INTERVAL (DAYOFMONTH(day) - 1) DAY"

/* The months of the daily aggregates (sql/340), kept by triggers, recounted
 * from the days: what a recount of the days leaves behind, and what sets
 * right a month row changed by hand. */
static enum db_rc
stats_month_rebuild(struct sctx *x)
{
    static const char *const steps[] = {
        "DELETE FROM stat_month",
        "INSERT INTO stat_month (scope, scope_id, month, slot," STATS_DAY_COLS ")"
        " SELECT sd.scope, sd.scope_id," MONTH_OF_DAY ", 0," STATS_DAY_SUMS
        "   FROM stat_day sd GROUP BY 1, 2, 3",
        "DELETE FROM stat_dossier_month",
        "INSERT INTO stat_dossier_month (scope, scope_id, month, slot," STATS_DOSSIER_DAY_COLS ")"
        " SELECT scope, scope_id," MONTH_OF_DAY ", 0," DOSSIER_DAY_SUMS
        "   FROM stat_dossier_day GROUP BY 1, 2, 3",
    };

    return run_steps(x, steps, NELEM(steps));
}

void
stats_criteria(struct stat_delta *d, const int crit[4], int sign)
{
    for (int k = 0; k < 4; k++) {
        if (crit[k]) {
            d->crit_sum[k] += sign * crit[k];
            d->crit_n[k] += sign;
        }
    }
}

/* ---- late dossiers -------------------------------------------------------- */

/* The rows of stat_late from the dossiers whose statutory appointment falls on
 * local days [?, ?] (two "YYYY-MM-DD"); a third argument narrows it to a unit. */
#define LATE_ROWS(unit_cond)                                                          \
    "INSERT INTO stat_late (unit_id, day, delay, late, no_apology, escalated)"        \
    " SELECT d.unit_id, DATE(d.original_due_at + " SQL_VN_OFFSET ")," STATS_DELAY "," \
    "        COUNT(*), SUM(" STATS_NO_APOLOGY "), SUM(d.escalated_at IS NOT NULL)"    \
    "   FROM dossier d"                                                               \
    "  WHERE d.original_due_at >= ? - " SQL_VN_OFFSET                                 \
    "    AND d.original_due_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET unit_cond       \
    " AND" LEGAL_LATE_COND "  GROUP BY 1, 2, 3"

/* The month figures of month_figures: one row per (month, receiving unit). */
#define MONTH_FIGURES                                                                       \
    " SELECT m.month, m.unit_id, SUM(m.late), SUM(m.ontime) FROM ("                        \
    "   SELECT DATE_FORMAT(day, '%Y-%m-01') AS month, unit_id, late, 0 AS ontime"          \
    "     FROM stat_late"                                                                  \
    "   UNION ALL SELECT DATE_FORMAT(day, '%Y-%m-01'), scope_id, 0, early + on_time"       \
    "     FROM stat_dossier_day WHERE scope = 'unit') m"                                   \
    " GROUP BY 1, 2"

/* Finished dossiers judged late against their last cycle's statutory appointment. */
#define FINISHED_LATE                                                                      \
    " FROM dossier d WHERE d.status IN ('ready','returned') AND d.finished_at IS NOT NULL" \
    "   AND DATE(d.finished_at + " SQL_VN_OFFSET ") > DATE(d.original_due_at + " SQL_VN_OFFSET ")"

enum db_rc
stats_late_mark(struct sctx *x, char out[11])
{
    struct dbres res;
    /* a locking read: a writer must see the mark the ticker has just moved */
    enum db_rc rc = db_query(x->db, x->pool,
                             "SELECT day FROM stat_mark WHERE name = 'late' LOCK IN SHARE MODE",
                             DB_NOARGS, &res);

    out[0] = '\0';
    if (rc == DB_OK && res.nrows) {
        snprintf(out, 11, "%s", dbres_get(&res, 0, 0));
    }
    return rc;
}

/* stat_late_month follows stat_late: the rows of stat_late of local days
 * [?, ?] (a third argument narrows them to a unit) added to their months,
 * times the sign (the first argument): -1 for the rows about to be rewritten,
 * then +1 for the new ones. */
#define LATE_MONTH_ADD(unit_cond)                                                               \
    "INSERT INTO stat_late_month (unit_id, month, delay, late, no_apology, escalated)"          \
    " SELECT unit_id, DATE_FORMAT(day, '%Y-%m-01'), delay, ? * SUM(late), ? * SUM(no_apology)," \
    "        ? * SUM(escalated)"                                                                \
    "   FROM stat_late WHERE day BETWEEN ? AND ?" unit_cond " GROUP BY 1, 2, 3"                 \
    " ON DUPLICATE KEY UPDATE late = late + VALUES(late),"                                      \
    "   no_apology = no_apology + VALUES(no_apology), escalated = escalated + VALUES(escalated)"

static enum db_rc
late_month_add(struct sctx *x, int sign, const char *from, const char *to, const char *unit)
{
    return unit ? db_exec(x->db, LATE_MONTH_ADD(" AND unit_id = ?"),
                          DB_ARGS(DV_I(sign), DV_I(sign), DV_I(sign), DV_S(from), DV_S(to),
                                  DV_S(unit)),
                          NULL, NULL)
                : db_exec(x->db, LATE_MONTH_ADD(""),
                          DB_ARGS(DV_I(sign), DV_I(sign), DV_I(sign), DV_S(from), DV_S(to)), NULL,
                          NULL);
}

/* Recount one unit's row of one complete day (day <= mark), its month with
 * it.  The unit's rows of that month are locked first, in the order of their
 * key, so that two recounts of one unit and month wait for each other instead
 * of each locking the delays of its own day and then the other's. */
static enum db_rc
late_recount(struct sctx *x, const char *unit, const char *day)
{
    struct dbres res;
    enum db_rc rc = db_query(x->db, x->pool,
                             "SELECT delay FROM stat_late_month"
                             " WHERE unit_id = ? AND month = DATE_FORMAT(?, '%Y-%m-01') FOR UPDATE",
                             DB_ARGS(DV_S(unit), DV_S(day)), &res);

    if (rc == DB_OK) {
        rc = late_month_add(x, -1, day, day, unit);
    }

    if (rc == DB_OK) {
        rc = db_exec(x->db, "DELETE FROM stat_late WHERE unit_id = ? AND day = ?",
                     DB_ARGS(DV_S(unit), DV_S(day)), NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(x->db, LATE_ROWS(" AND d.unit_id = ?"),
                     DB_ARGS(DV_S(day), DV_S(day), DV_S(unit)), NULL, NULL);
    }
    return rc == DB_OK ? late_month_add(x, +1, day, day, unit) : rc;
}

/* The days from `day` to the mark go back to being counted from the
 * dossiers: a dossier of `day` has an appointment still ahead (one received
 * after the day's last appointment had passed, for a procedure counted in
 * hours).  Their rows leave stat_late and their months; the caller holds the
 * mark for update. */
static enum db_rc
late_unmark(struct sctx *x, const char *day, const char *mark)
{
    enum db_rc rc = late_month_add(x, -1, day, mark, NULL);

    if (rc == DB_OK) {
        rc = db_exec(x->db, "DELETE FROM stat_late WHERE day BETWEEN ? AND ?",
                     DB_ARGS(DV_S(day), DV_S(mark)), NULL, NULL);
    }
    return rc == DB_OK
               ? db_exec(x->db, "UPDATE stat_mark SET day = ? - INTERVAL 1 DAY WHERE name = 'late'",
                         DB_ARGS(DV_S(day)), NULL, NULL)
               : rc;
}

/* The columns of the SELECT below. */
enum { LT_UNIT, LT_DAY, LT_AHEAD };

enum db_rc
stats_late_touch(struct sctx *x, long long dossier_id, long long old_due)
{
    struct dbres res, m;
    char mark[11], old_day[11], today[11];
    const char *unit, *day;
    int ahead;
    enum db_rc rc = db_query(x->db, x->pool,
                             "SELECT unit_id, DATE(original_due_at + " SQL_VN_OFFSET "),"
                             "       original_due_at >= UTC_TIMESTAMP()"
                             "  FROM dossier WHERE id = ?",
                             DB_ARGS(DV_I(dossier_id)), &res);

    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    unit = dbres_get(&res, 0, LT_UNIT);
    day = dbres_get(&res, 0, LT_DAY);
    stats_today(today);
    /* an appointment still ahead on a day up to today may have to take the
     * mark back: the mark is locked for that at once, not upgraded later */
    ahead = strcmp(dbres_get(&res, 0, LT_AHEAD), "1") == 0 && strcmp(day, today) <= 0;
    if (ahead) {
        rc = db_query(x->db, x->pool, "SELECT day FROM stat_mark WHERE name = 'late' FOR UPDATE",
                      DB_NOARGS, &m);
        mark[0] = '\0';
        if (rc == DB_OK && m.nrows) {
            snprintf(mark, sizeof(mark), "%s", dbres_get(&m, 0, 0));
        }
    } else {
        rc = stats_late_mark(x, mark);
    }
    if (rc != DB_OK || mark[0] == '\0') {
        return rc;
    }
    if (strcmp(day, mark) <= 0) {   /* later days are still counted from the dossiers */
        rc = ahead ? late_unmark(x, day, mark) : late_recount(x, unit, day);
        if (ahead) {
            int d;

            cal_parse_date(day, &d);
            cal_format(d - 1, mark);
        }
    }
    if (rc == DB_OK && old_due) {
        cal_format(cal_local_day((time_t)old_due), old_day);
        if (strcmp(old_day, day) != 0 && strcmp(old_day, mark) <= 0) {
            rc = late_recount(x, unit, old_day);
        }
    }
    return rc;
}

/* The last day whose late figures can be completed: today once none of its
 * appointments is still ahead (after the counters close, for most days),
 * otherwise yesterday.  A day's late dossiers then change only by the writes
 * that recount it (stats_late_touch).  Inside the transaction holding the
 * mark, so that an intake due today waits for it or it for the intake. */
static enum db_rc
late_last_day(struct sctx *x, int *last)
{
    struct dbres res;
    char today[11];
    enum db_rc rc;

    stats_today(today);
    cal_parse_date(today, last);
    rc = db_query(x->db, x->pool,
                  "SELECT 1 FROM dossier WHERE original_due_at >= UTC_TIMESTAMP()"
                  "   AND original_due_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET " LIMIT 1",
                  DB_ARGS(DV_S(today)), &res);
    if (rc == DB_OK && res.nrows) {
        --*last;
    }
    return rc;
}

enum db_rc
stats_late_catch_up(struct sctx *x, int *days)
{
    struct dbres res;
    char from[11], to[11];
    int upto, first, last;
    enum db_rc rc;

    *days = 0;
    for (;;) {
        if ((rc = db_begin(x->db)) != DB_OK) {
            return rc;
        }
        rc = db_query(x->db, x->pool, "SELECT day FROM stat_mark WHERE name = 'late' FOR UPDATE",
                      DB_NOARGS, &res);
        if (rc == DB_OK && res.nrows) {
            rc = cal_parse_date(dbres_get(&res, 0, 0), &first) == 0 ? DB_OK : DB_ERR;
            first++;
        } else if (rc == DB_OK) {
            /* never built: from the first appointment on record */
            rc = db_query(x->db, x->pool,
                          "SELECT COALESCE(DATE(MIN(original_due_at) + " SQL_VN_OFFSET "),"
                          "                " SQL_VN_TODAY ")"
                          "  FROM dossier",
                          DB_NOARGS, &res);
            if (rc == DB_OK && cal_parse_date(dbres_get(&res, 0, 0), &first) != 0) {
                rc = DB_ERR;
            }
        }
        if (rc == DB_OK) {
            rc = late_last_day(x, &upto);
        }
        if (rc != DB_OK || first > upto) {
            return db_end(x->db, rc);
        }
        last = first + 30 < upto ? first + 30 : upto;
        cal_format(first, from);
        cal_format(last, to);
        rc = late_month_add(x, -1, from, to, NULL);
        if (rc == DB_OK) {
            rc = db_exec(x->db, "DELETE FROM stat_late WHERE day BETWEEN ? AND ?",
                         DB_ARGS(DV_S(from), DV_S(to)), NULL, NULL);
        }
        if (rc == DB_OK) {
            rc = db_exec(x->db, LATE_ROWS(""), DB_ARGS(DV_S(from), DV_S(to)), NULL, NULL);
        }
        if (rc == DB_OK) {
            rc = late_month_add(x, +1, from, to, NULL);
        }
        if (rc == DB_OK) {
            rc = db_exec(x->db,
                         "INSERT INTO stat_mark (name, day) VALUES ('late', ?)"
                         " ON DUPLICATE KEY UPDATE day = VALUES(day)",
                         DB_ARGS(DV_S(to)), NULL, NULL);
        }
        if ((rc = db_end(x->db, rc)) != DB_OK) {
            return rc;
        }
        *days += last - first + 1;
    }
}

/* The month figures a correction can change, per receiving unit: late
 * dossiers (by statutory appointment, from stat_late) and dossiers finished
 * early or on time (from stat_dossier_day), into the temporary table t. */
static enum db_rc
month_figures(struct db *db, const char *t)
{
    enum db_rc rc = db_exec(db, strcmp(t, "fig_before") == 0
                                    ? "CREATE TEMPORARY TABLE fig_before (month DATE, unit_id INT,"
                                      " late INT, ontime INT, PRIMARY KEY (month, unit_id))"
                                    : "CREATE TEMPORARY TABLE fig_after (month DATE, unit_id INT,"
                                      " late INT, ontime INT, PRIMARY KEY (month, unit_id))",
                            DB_NOARGS, NULL, NULL);

    if (rc == DB_OK) {
        rc = db_exec(db, strcmp(t, "fig_before") == 0
                             ? "INSERT INTO fig_before " MONTH_FIGURES
                             : "INSERT INTO fig_after " MONTH_FIGURES,
                     DB_NOARGS, NULL, NULL);
    }
    return rc;
}

/* The columns of the SELECT of delay_days. */
enum { DD_SCOPE, DD_ID, DD_FDAY, DD_DDAY, DD_N };

/* Working days late of the late finished dossiers, per scope and finishing
 * day, added to stat_dossier_day after stats_dossier_rebuild zeroed them (the
 * calendar is C's, not SQL's). */
static enum db_rc
delay_days(struct sctx *x)
{
    const struct cal *cal = sctx_calendar(x);
    struct dbres res;
    int due, fin;
    enum db_rc rc;

    if (cal == NULL) {
        return DB_DOWN;
    }
    rc = db_query(x->db, x->pool,
                  "SELECT s.scope, s.id, s.fday, s.dday, COUNT(*) FROM ("
                  "  SELECT 'unit' AS scope, d.unit_id AS id,"
                  "         DATE(d.finished_at + " SQL_VN_OFFSET ") AS fday,"
                  "         DATE(d.original_due_at + " SQL_VN_OFFSET ") AS dday" FINISHED_LATE
                  "  UNION ALL SELECT 'counter', d.counter_id,"
                  "         DATE(d.finished_at + " SQL_VN_OFFSET "),"
                  "         DATE(d.original_due_at + " SQL_VN_OFFSET ")" FINISHED_LATE
                  "     AND d.counter_id IS NOT NULL"
                  "  UNION ALL SELECT 'officer', d.officer_id,"
                  "         DATE(d.finished_at + " SQL_VN_OFFSET "),"
                  "         DATE(d.original_due_at + " SQL_VN_OFFSET ")" FINISHED_LATE
                  "     AND d.officer_id IS NOT NULL) s"
                  " GROUP BY 1, 2, 3, 4",
                  DB_NOARGS, &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        if (cal_parse_date(dbres_get(&res, i, DD_FDAY), &fin) != 0 ||
            cal_parse_date(dbres_get(&res, i, DD_DDAY), &due) != 0) {
            return DB_ERR;
        }
        rc = db_exec(x->db,
                     "UPDATE stat_dossier_day SET delay_days = delay_days + ?"
                     " WHERE scope = ? AND scope_id = ? AND day = ? AND slot = 0",
                     DB_ARGS(DV_I((long long)cal_working_days_between(cal, due, fin) *
                                  util_num(dbres_get(&res, i, DD_N))),
                             DV_S(dbres_get(&res, i, DD_SCOPE)), DV_S(dbres_get(&res, i, DD_ID)),
                             DV_S(dbres_get(&res, i, DD_FDAY))),
                     NULL, NULL);
    }
    return rc;
}

enum db_rc
stats_rebuild(struct sctx *x, int *days, int *months)
{
    static const char *const fold[] = {
        FOLD_DAY,
        /* the inbox's counts, kept on write (store_feedback.c), from the cases */
        "DELETE FROM feedback_count",
        "INSERT INTO feedback_count (unit_id, status, kind, counter_id, hidden_from, escalated,"
        "                            slot, n)"
        " SELECT " FB_COUNT_COLS ", COUNT(*) FROM feedback GROUP BY 1, 2, 3, 4, 5, 6, 7",
        /* the running cases by day of receipt and day due, kept by triggers */
        "DELETE FROM stat_open",
        "INSERT INTO stat_open (day, unit_id, due_day, slot, n)"
        " SELECT " STAT_OPEN_COLS ", COUNT(*)" STAT_OPEN_FROM " GROUP BY 1, 2, 3, 4",
        /* the same by unit and day due, kept by the same triggers */
        "DELETE FROM stat_due",
        "INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)"
        " SELECT " STAT_DUE_COLS ", COUNT(*)" STAT_OPEN_FROM " GROUP BY 1, 2, 3, 4",
        /* time to answer by month and day of receipt, kept on write (stats_answer_time) */
        "DELETE FROM stat_answer_month",
        ANSWER_MONTH_RECOUNT(""),
        "DELETE FROM stat_answer_day",
        ANSWER_DAY_RECOUNT(""),
    };
    struct db *db = x->db;
    struct dbres res;
    enum db_rc rc;

    *days = *months = 0;
    (void)db_exec(db, "DROP TEMPORARY TABLE IF EXISTS fig_before", DB_NOARGS, NULL, NULL);
    (void)db_exec(db, "DROP TEMPORARY TABLE IF EXISTS fig_after", DB_NOARGS, NULL, NULL);
    rc = month_figures(db, "fig_before");
    if (rc == DB_OK) {
        rc = db_begin(db);
    }
    for (size_t i = 0; rc == DB_OK && i < NELEM(fold); i++) {
        rc = db_exec(db, fold[i], DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(db,
                     "UPDATE stat_day SET ratings = 0, r3 = 0, r2 = 0, r1 = 0, att_sum = 0,"
                     "       att_n = 0, time_sum = 0, time_n = 0, trips_sum = 0, trips_n = 0,"
                     "       guide_sum = 0, guide_n = 0",
                     DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(db,
                     "INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1, att_sum,"
                     "                      att_n, time_sum, time_n, trips_sum, trips_n,"
                     "                      guide_sum, guide_n)"
                     " SELECT s.scope, s.id, s.day, COUNT(*), SUM(s.level = 3), SUM(s.level = 2),"
                     "        SUM(s.level = 1), COALESCE(SUM(s.a), 0), COUNT(s.a),"
                     "        COALESCE(SUM(s.t), 0), COUNT(s.t), COALESCE(SUM(s.p), 0), COUNT(s.p),"
                     "        COALESCE(SUM(s.g), 0), COUNT(s.g)"
                     "   FROM (SELECT 'unit' AS scope, unit_id AS id,"
                     "                DATE(created_at + " SQL_VN_OFFSET ") AS day, level,"
                     "                c_attitude AS a, c_time AS t, c_trips AS p, c_guidance AS g"
                     "           FROM rating"
                     "         UNION ALL"
                     "         SELECT 'counter', counter_id, DATE(created_at + " SQL_VN_OFFSET
                     "), level,"
                     "                c_attitude, c_time, c_trips, c_guidance"
                     "           FROM rating WHERE counter_id IS NOT NULL"
                     "         UNION ALL"
                     "         SELECT 'officer', officer_id, DATE(created_at + " SQL_VN_OFFSET
                     "), level,"
                     "                c_attitude, c_time, c_trips, c_guidance"
                     "           FROM rating WHERE officer_id IS NOT NULL) s"
                     "  GROUP BY s.scope, s.id, s.day"
                     " ON DUPLICATE KEY UPDATE ratings = VALUES(ratings), r3 = VALUES(r3),"
                     "   r2 = VALUES(r2), r1 = VALUES(r1), att_sum = VALUES(att_sum),"
                     "   att_n = VALUES(att_n), time_sum = VALUES(time_sum), time_n = "
                     "VALUES(time_n),"
                     "   trips_sum = VALUES(trips_sum), trips_n = VALUES(trips_n),"
                     "   guide_sum = VALUES(guide_sum), guide_n = VALUES(guide_n)",
                     DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(db, "UPDATE stat_day SET verdicts = 0, verdicts_unsatisfied = 0, forward_late = 0",
                     DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        /* verdicts by the local day they were given, missed forwarding
         * deadlines by the local day of the deadline: the unit's rows */
        rc = db_exec(db,
                     "INSERT INTO stat_day (scope, scope_id, day, verdicts, verdicts_unsatisfied,"
                     "                      forward_late)"
                     " SELECT 'unit', s.unit_id, s.day, SUM(s.v), SUM(s.u), SUM(s.f)"
                     "   FROM (SELECT unit_id, DATE(at + " SQL_VN_OFFSET ") AS day, 1 AS v,"
                     "                satisfied = 0 AS u, 0 AS f"
                     "           FROM feedback_verdict"
                     "         UNION ALL"
                     "         SELECT unit_id, DATE(due_at + " SQL_VN_OFFSET "), 0, 0, 1"
                     "           FROM feedback_forward_late) s"
                     "  GROUP BY s.unit_id, s.day"
                     " ON DUPLICATE KEY UPDATE verdicts = VALUES(verdicts),"
                     "   verdicts_unsatisfied = VALUES(verdicts_unsatisfied),"
                     "   forward_late = VALUES(forward_late)",
                     DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(db, "DELETE FROM stat_mark WHERE name = 'late'", DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(db, "DELETE FROM stat_late", DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_exec(db, "DELETE FROM stat_late_month", DB_NOARGS, NULL, NULL);
    }
    if ((rc = db_end(db, rc)) != DB_OK || (rc = stats_dossier_rebuild(x)) != DB_OK ||
        (rc = stats_qd766_rebuild(x)) != DB_OK) {
        return rc;
    }
    if ((rc = db_begin(db)) != DB_OK || (rc = db_end(db, delay_days(x))) != DB_OK ||
        (rc = stats_month_rebuild(x)) != DB_OK) {
        return rc;
    }
    if ((rc = stats_late_catch_up(x, days)) != DB_OK) {
        return rc;
    }
    /* the months whose figures the recount changed, so that a leader who
     * signed a report on them is told (the dashboard reads stat_correction) */
    rc = month_figures(db, "fig_after");
    if (rc == DB_OK) {
        rc = db_exec(db,
                     "INSERT INTO stat_correction (corrected_at, month, unit_id, late_before,"
                     "                             late_after, ontime_before, ontime_after)"
                     " SELECT UTC_TIMESTAMP(), k.month, k.unit_id, COALESCE(b.late, 0),"
                     "        COALESCE(a.late, 0), COALESCE(b.ontime, 0), COALESCE(a.ontime, 0)"
                     "   FROM (SELECT month, unit_id FROM fig_before UNION"
                     "         SELECT month, unit_id FROM fig_after) k"
                     "   LEFT JOIN fig_before b ON b.month = k.month AND b.unit_id = k.unit_id"
                     "   LEFT JOIN fig_after a ON a.month = k.month AND a.unit_id = k.unit_id"
                     "  WHERE COALESCE(b.late, 0) <> COALESCE(a.late, 0)"
                     "     OR COALESCE(b.ontime, 0) <> COALESCE(a.ontime, 0)",
                     DB_NOARGS, NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = db_query(db, x->pool,
                      "SELECT COUNT(DISTINCT month) FROM stat_correction"
                      " WHERE corrected_at >= UTC_TIMESTAMP() - INTERVAL 1 MINUTE",
                      DB_NOARGS, &res);
        *months = rc == DB_OK ? (int)util_num(dbres_get(&res, 0, 0)) : 0;
    }
    (void)db_exec(db, "DROP TEMPORARY TABLE IF EXISTS fig_before", DB_NOARGS, NULL, NULL);
    (void)db_exec(db, "DROP TEMPORARY TABLE IF EXISTS fig_after", DB_NOARGS, NULL, NULL);
    return rc;
}

/* ---- QĐ 766 ----------------------------------------------------------------
 * The dossier satisfaction index counts dossiers (dossier_unhappy), the PAKN
 * figures identified petitions (feedback.formal) and their answers. */

void
stats_case_received(struct stat_delta *d, const char *kind, const char *identity, int formal,
                    int sign)
{
    d->pakn += sign * (formal != 0);
    d->anonymous += sign * (strcmp(identity, "anonymous") == 0);
    d->praise += sign * (strcmp(kind, "praise") == 0);
}

/* The columns of the SELECT below. */
enum { CF_UNIT, CF_COUNTER, CF_KIND, CF_IDENTITY, CF_FORMAL, CF_DAY };

enum db_rc
stats_case_forward(struct sctx *x, long long case_id, long long to_unit)
{
    struct stat_delta out = { 0 }, in = { 0 };
    struct dbres res;
    enum db_rc rc;

    rc = db_query(x->db, x->pool,
                  "SELECT unit_id, COALESCE(counter_id, 0), kind, identity, formal,"
                  "       DATE_FORMAT(created_at + " SQL_VN_OFFSET ", '%Y-%m-%d')"
                  "  FROM feedback WHERE id = ?",
                  DB_ARGS(DV_I(case_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    stats_case_received(&out, dbres_get(&res, 0, CF_KIND), dbres_get(&res, 0, CF_IDENTITY),
                        (int)util_num(dbres_get(&res, 0, CF_FORMAL)), -1);
    stats_case_received(&in, dbres_get(&res, 0, CF_KIND), dbres_get(&res, 0, CF_IDENTITY),
                        (int)util_num(dbres_get(&res, 0, CF_FORMAL)), +1);
    /* the officer a case is about stays; the counter was the first unit's */
    rc = stats_add(x, util_num(dbres_get(&res, 0, CF_UNIT)),
                   util_num(dbres_get(&res, 0, CF_COUNTER)), 0, dbres_get(&res, 0, CF_DAY), &out);
    return rc == DB_OK ? stats_add(x, to_unit, 0, 0, dbres_get(&res, 0, CF_DAY), &in) : rc;
}

/* The columns of the SELECT below. */
enum { PV_UNIT, PV_COUNTER, PV_OFFICER, PV_DAY };

enum db_rc
stats_pakn_verdict(struct sctx *x, long long case_id)
{
    struct stat_delta d = { .pakn_unhappy = 1 };
    struct dbres res;
    enum db_rc rc;

    rc = db_query(x->db, x->pool,
                  "SELECT unit_id, COALESCE(counter_id, 0), COALESCE(officer_id, 0),"
                  "       DATE_FORMAT(answered_at + " SQL_VN_OFFSET ", '%Y-%m-%d')"
                  "  FROM feedback f WHERE id = ? AND formal = 1 AND answered_at <= due_at"
                  "   AND (SELECT COUNT(*) FROM feedback_event e"
                  "         WHERE e.feedback_id = f.id AND e.event = 'answer') = 1",
                  DB_ARGS(DV_I(case_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;   /* not a PAKN, not its first answer, or late and counted already */
    }
    return stats_add(x, util_num(dbres_get(&res, 0, PV_UNIT)),
                     util_num(dbres_get(&res, 0, PV_COUNTER)),
                     util_num(dbres_get(&res, 0, PV_OFFICER)), dbres_get(&res, 0, PV_DAY), &d);
}

/* unhappy += n on the unit's row of day (YYYY-MM-DD), in a slot: a citizen's
 * rating or case moves it */
static enum db_rc
dossier_unhappy_add(struct sctx *x, const char *unit, const char *day, int n)
{
    return db_exec(x->db,
                   "INSERT INTO stat_dossier_day (scope, scope_id, day, slot, unhappy)"
                   " VALUES ('unit', ?, ?, ?, ?) ON DUPLICATE KEY UPDATE unhappy = unhappy + "
                   "VALUES(unhappy)",
                   DB_ARGS(DV_S(unit), DV_S(day), DV_I(stats_slot(x)), DV_I(n)), NULL, NULL);
}

/* The columns of the SELECT below. */
enum { DT_UNIT, DT_FINISHED, DT_UNHAPPY };

enum db_rc
stats_dossier_touch(struct sctx *x, long long dossier_id)
{
    struct dbres res;
    unsigned long long n = 0;
    enum db_rc rc;
    int want;

    rc = db_query(x->db, x->pool,
                  "SELECT d.unit_id,"
                  "       IF(d.finished_at IS NULL OR d.status IN ('refused','stopped'), NULL,"
                  "          DATE_FORMAT(d.finished_at + " SQL_VN_OFFSET ", '%Y-%m-%d')),"
                  "       EXISTS (SELECT 1 FROM rating x WHERE x.dossier_id = d.id "
                  "AND" STATS_UNHAPPY_RATING ")"
                  "       OR EXISTS (SELECT 1 FROM feedback f WHERE f.dossier_id = d.id "
                  "AND" STATS_UNHAPPY_CASE ")"
                  "  FROM dossier d WHERE d.id = ?",
                  DB_ARGS(DV_I(dossier_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    want = strcmp(dbres_get(&res, 0, DT_UNHAPPY), "1") == 0;
    /* the row's insert or delete says whether the flag changed, also when two
     * requests touch the same dossier at once */
    rc = db_exec(x->db,
                 want ? "INSERT IGNORE INTO dossier_unhappy (dossier_id) VALUES (?)"
                      : "DELETE FROM dossier_unhappy WHERE dossier_id = ?",
                 DB_ARGS(DV_I(dossier_id)), &n, NULL);
    if (rc == DB_OK && n == 1 && dbres_get(&res, 0, DT_FINISHED)) {
        rc = dossier_unhappy_add(x, dbres_get(&res, 0, DT_UNIT), dbres_get(&res, 0, DT_FINISHED),
                                 want ? 1 : -1);
    }
    return rc;
}

enum db_rc
stats_dossier_closed(struct sctx *x, long long dossier_id, long long unit_id, time_t received_at,
                     time_t finished_at, int outcome, int t)
{
    char recv[11], fin[11];
    enum db_rc rc;

    cal_format(cal_local_day(received_at), recv);
    cal_format(cal_local_day(finished_at), fin);
    rc = db_exec(x->db,
                 "INSERT INTO stat_dossier_day (scope, scope_id, day, recv_in_time, recv_out)"
                 " VALUES ('unit', ?, ?, ?, ?)"
                 " ON DUPLICATE KEY UPDATE recv_in_time = recv_in_time + VALUES(recv_in_time),"
                 "   recv_out = recv_out + VALUES(recv_out)",
                 DB_ARGS(DV_I(unit_id), DV_S(recv), DV_I(outcome == 'r' && t <= 0),
                         DV_I(outcome == 'x')),
                 NULL, NULL);
    if (rc == DB_OK && outcome == 'r') {
        rc = db_exec(x->db,
                     "INSERT INTO stat_dossier_day (scope, scope_id, day, unhappy)"
                     " SELECT 'unit', ?, ?, COUNT(*) FROM dossier_unhappy WHERE dossier_id = ?"
                     " ON DUPLICATE KEY UPDATE unhappy = unhappy + VALUES(unhappy)",
                     DB_ARGS(DV_I(unit_id), DV_S(fin), DV_I(dossier_id)), NULL, NULL);
    }
    return rc;
}

/* The rows of the three scopes from a CTE "a" with (unit_id, counter_id,
 * officer_id, day, v1, v2, v3, v4) per record. */
#define SCOPES_OF_A                                                                         \
    "   FROM (SELECT 'unit' AS scope, unit_id AS id, day, v1, v2, v3, v4 FROM a"            \
    "         UNION ALL"                                                                    \
    "         SELECT 'counter', counter_id, day, v1, v2, v3, v4 FROM a"                     \
    "          WHERE counter_id IS NOT NULL"                                                \
    "         UNION ALL"                                                                    \
    "         SELECT 'officer', officer_id, day, v1, v2, v3, v4 FROM a"                     \
    "          WHERE officer_id IS NOT NULL) s"                                             \
    "  GROUP BY 1, 2, 3"

enum db_rc
stats_dossier_rebuild(struct sctx *x)
{
    static const char *const steps[] = {
        FOLD_DOSSIER_DAY,
        "UPDATE stat_dossier_day SET received = 0, finished = 0, early = 0, on_time = 0,"
        "       late = 0, apologies = 0, apologies_late = 0, delay_days = 0",
        "INSERT INTO stat_dossier_day (scope, scope_id, day, received)"
        " WITH a AS (SELECT unit_id, counter_id, officer_id,"
        "                   DATE(received_at + " SQL_VN_OFFSET ") AS day, 1 AS v1, 0 AS v2,"
        "                   0 AS v3, 0 AS v4 FROM dossier)"
        " SELECT s.scope, s.id, s.day, SUM(s.v1)" SCOPES_OF_A
        " ON DUPLICATE KEY UPDATE received = VALUES(received)",
        "INSERT INTO stat_dossier_day (scope, scope_id, day, finished, early, on_time, late)"
        " WITH a AS (SELECT d.unit_id, d.counter_id, d.officer_id,"
        "                   DATE(d.finished_at + " SQL_VN_OFFSET
        ") AS day, 1 AS v1," STATS_TIMELINESS " < 0 AS v2," STATS_TIMELINESS
        " = 0 AS v3," STATS_TIMELINESS " > 0 AS v4"
        "              FROM dossier d"
        "             WHERE d.finished_at IS NOT NULL AND d.status NOT IN ('refused','stopped'))"
        " SELECT s.scope, s.id, s.day, SUM(s.v1), SUM(s.v2), SUM(s.v3), SUM(s.v4)" SCOPES_OF_A
        " ON DUPLICATE KEY UPDATE finished = VALUES(finished), early = VALUES(early),"
        "   on_time = VALUES(on_time), late = VALUES(late)",
        "INSERT INTO stat_dossier_day (scope, scope_id, day, apologies, apologies_late)"
        " WITH a AS (SELECT d.unit_id, d.counter_id, d.officer_id,"
        "                   DATE(x.signed_at + " SQL_VN_OFFSET ") AS day, 1 AS v1,"
        "                   x.on_time = 0 AS v2, 0 AS v3, 0 AS v4"
        "              FROM apology x JOIN dossier d ON d.id = x.dossier_id"
        "             WHERE x.status <> 'draft' AND x.signed_at IS NOT NULL)"
        " SELECT s.scope, s.id, s.day, SUM(s.v1), SUM(s.v2)" SCOPES_OF_A
        " ON DUPLICATE KEY UPDATE apologies = VALUES(apologies),"
        "   apologies_late = VALUES(apologies_late)",
    };

    return run_steps(x, steps, NELEM(steps));
}

enum db_rc
stats_qd766_rebuild(struct sctx *x)
{
    static const char *const steps[] = {
        FOLD_DAY,
        FOLD_DOSSIER_DAY,
        "DELETE FROM dossier_unhappy",
        "INSERT IGNORE INTO dossier_unhappy (dossier_id)"
        " SELECT x.dossier_id FROM rating x WHERE x.dossier_id IS NOT NULL AND" STATS_UNHAPPY_RATING
        " UNION"
        " SELECT f.dossier_id FROM feedback f WHERE f.dossier_id IS NOT NULL "
        "AND" STATS_UNHAPPY_CASE,
        "UPDATE stat_dossier_day SET unhappy = 0, recv_in_time = 0, recv_out = 0",
        "INSERT INTO stat_dossier_day (scope, scope_id, day, unhappy)"
        " SELECT 'unit', d.unit_id, DATE(d.finished_at + " SQL_VN_OFFSET "), COUNT(*)"
        "   FROM dossier_unhappy u JOIN dossier d ON d.id = u.dossier_id"
        "  WHERE d.finished_at IS NOT NULL AND d.status NOT IN ('refused','stopped')"
        "  GROUP BY 2, 3"
        " ON DUPLICATE KEY UPDATE unhappy = VALUES(unhappy)",
        "INSERT INTO stat_dossier_day (scope, scope_id, day, recv_in_time, recv_out)"
        " SELECT 'unit', d.unit_id, DATE(d.received_at + " SQL_VN_OFFSET "),"
        "        SUM(d.finished_at IS NOT NULL AND d.status NOT IN ('refused','stopped') "
        "AND" STATS_IN_TIME "), SUM(d.status IN ('refused','stopped'))"
        "   FROM dossier d GROUP BY 2, 3"
        " ON DUPLICATE KEY UPDATE recv_in_time = VALUES(recv_in_time), recv_out = VALUES(recv_out)",
        "UPDATE stat_day SET pakn = 0, anonymous = 0, praise = 0, pakn_answered = 0,"
        "       pakn_on_time = 0, pakn_unhappy = 0",
        "INSERT INTO stat_day (scope, scope_id, day, pakn, anonymous, praise)"
        " WITH a AS (SELECT unit_id, counter_id, officer_id,"
        "                   DATE(created_at + " SQL_VN_OFFSET ") AS day, formal = 1 AS v1,"
        "                   identity = 'anonymous' AS v2, kind = 'praise' AS v3, 0 AS v4"
        "              FROM feedback)"
        " SELECT s.scope, s.id, s.day, SUM(s.v1), SUM(s.v2), SUM(s.v3)" SCOPES_OF_A
        " ON DUPLICATE KEY UPDATE pakn = VALUES(pakn), anonymous = VALUES(anonymous),"
        "   praise = VALUES(praise)",
        "INSERT INTO stat_day (scope, scope_id, day, pakn_answered, pakn_on_time, pakn_unhappy)"
        " WITH a AS ("
        "   SELECT f.unit_id, f.counter_id, f.officer_id, DATE(e.at + " SQL_VN_OFFSET ") AS day,"
        "          1 AS v1, e.at <= f.due_at AS v2," STATS_PAKN_UNHAPPY " AS v3, 0 AS v4"
        "     FROM feedback_event e JOIN feedback f ON f.id = e.feedback_id"
        "    WHERE e.event = 'answer' AND f.formal = 1 AND" STATS_FIRST_ANSWER ")"
        " SELECT s.scope, s.id, s.day, SUM(s.v1), SUM(s.v2), SUM(s.v3)" SCOPES_OF_A
        " ON DUPLICATE KEY UPDATE pakn_answered = VALUES(pakn_answered),"
        "   pakn_on_time = VALUES(pakn_on_time), pakn_unhappy = VALUES(pakn_unhappy)",
    };

    return run_steps(x, steps, NELEM(steps));
}

/* ---- rebuild-stats --check ------------------------------------------------ */

/* An aggregate table as the check compares it: its key, its counted columns
 * (slot rows folded), the rows it covers, and, for a table the rebuild does
 * not rewrite, the recount to compare with. */
struct agg {
    const char *table, *key, *cols, *from, *recount;
};

static const struct agg aggs[] = {
    { "stat_day", "scope, scope_id, day", STATS_DAY_COLS, "stat_day", NULL },
    { "stat_dossier_day", "scope, scope_id, day", STATS_DOSSIER_DAY_COLS, "stat_dossier_day",
      NULL },
    /* their months, kept by triggers: compared with the recounted days added up */
    { "stat_month", "scope, scope_id, month", STATS_DAY_COLS, "stat_month",
      "(SELECT scope, scope_id," MONTH_OF_DAY " AS month," STATS_DAY_COLS " FROM stat_day) t" },
    { "stat_dossier_month", "scope, scope_id, month", STATS_DOSSIER_DAY_COLS, "stat_dossier_month",
      "(SELECT scope, scope_id," MONTH_OF_DAY " AS month," STATS_DOSSIER_DAY_COLS
      " FROM stat_dossier_day) t" },
    /* the days complete before the check (the rebuild also adds any day the
     * ticker has not counted yet, which is not a difference) */
    { "stat_late", "unit_id, day, delay", " late, no_apology, escalated",
      "stat_late WHERE day <= (SELECT MIN(day) FROM chk_mark)", NULL },
    /* its months, kept with it: compared with its complete days added up */
    { "stat_late_month", "unit_id, month, delay", " late, no_apology, escalated", "stat_late_month",
      "(SELECT unit_id, DATE_FORMAT(day, '%Y-%m-01') AS month, delay, late, no_apology,"
      " escalated FROM stat_late WHERE day <= (SELECT MIN(day) FROM chk_mark)) t" },
    { "dossier_unhappy", "dossier_id", " n", "(SELECT dossier_id, 1 AS n FROM dossier_unhappy) t",
      NULL },
    { "stat_answer_month", "month, unit_id", " answered, hours_sum", "stat_answer_month", NULL },
    { "stat_answer_day", "day, unit_id", " answered, hours_sum", "stat_answer_day", NULL },
    /* the inbox's counts are kept on write only: compared with the cases (the
     * slots folded: a sum per key is what the inbox reads) */
    { "feedback_count", "unit_id, status, kind, counter_id, hidden_from, escalated", " n",
      "feedback_count", "(SELECT " FB_COUNT_COLS ", 1 AS n FROM feedback) t" },
    /* the running cases' counts, kept by triggers: compared with the cases */
    { "stat_open", "day, unit_id, due_day, slot", " n", "stat_open",
      "(SELECT " STAT_OPEN_COLS ", 1 AS n" STAT_OPEN_FROM ") t" },
    { "stat_due", "unit_id, due_day, hidden_from, slot", " n", "stat_due",
      "(SELECT " STAT_DUE_COLS ", 1 AS n" STAT_OPEN_FROM ") t" },
};

/* Each column of the list "a, b" through fmt, which names it once or twice,
 * joined by sep: "SUM(%s) AS %s" gives "SUM(a) AS a, SUM(b) AS b". */
static const char *
col_list(struct pool *p, const char *cols, const char *fmt, const char *sep)
{
    struct buf b = { 0 };
    char *copy = pool_strdup(p, cols), *save = NULL;
    const char *out;

    for (char *c = strtok_r(copy, ", ", &save); c; c = strtok_r(NULL, ", ", &save)) {
        if (b.len) {
            buf_adds(&b, sep);
        }
        buf_printf(&b, fmt, c, c);
    }
    out = pool_strdup(p, b.p ? b.p : "");
    buf_free(&b);
    return out;
}

static enum db_rc
snapshot(struct sctx *x, const struct agg *a, size_t i, const char *which, const char *from)
{
    /* keyed: the differences join each snapshot on the key (without the
     * index, a join of two million-row snapshots never ends) */
    const char *sql = pool_printf(x->pool,
                                  "CREATE TEMPORARY TABLE chk_%zu_%s (KEY (%s))"
                                  " AS SELECT %s, %s FROM %s GROUP BY %s",
                                  i, which, a->key, a->key,
                                  col_list(x->pool, a->cols, "SUM(%s) AS %s", ", "), from, a->key);

    (void)db_exec(x->db,
                  db_text(
                      pool_printf(x->pool, "DROP TEMPORARY TABLE IF EXISTS chk_%zu_%s", i, which)),
                  DB_NOARGS, NULL, NULL);
    return db_exec(x->db, db_text(sql), DB_NOARGS, NULL, NULL);
}

static void
drop_snapshots(struct sctx *x)
{
    for (size_t i = 0; i < NELEM(aggs); i++) {
        (void)db_exec(x->db,
                      db_text(pool_printf(x->pool, "DROP TEMPORARY TABLE IF EXISTS chk_%zu_b", i)),
                      DB_NOARGS, NULL, NULL);
        (void)db_exec(x->db,
                      db_text(pool_printf(x->pool, "DROP TEMPORARY TABLE IF EXISTS chk_%zu_a", i)),
                      DB_NOARGS, NULL, NULL);
    }
    (void)db_exec(x->db, "DROP TEMPORARY TABLE IF EXISTS chk_mark", DB_NOARGS, NULL, NULL);
}

enum db_rc
stats_check_begin(struct sctx *x)
{
    enum db_rc rc;

    drop_snapshots(x);
    if ((rc = db_begin(x->db)) != DB_OK) {
        return rc;
    }
    db_hold(x->db, 1);
    /* the stored figures, read under the locks the rebuild will take */
    rc = db_exec(x->db,
                 "CREATE TEMPORARY TABLE chk_mark AS"
                 " SELECT COALESCE((SELECT day FROM stat_mark WHERE name = 'late' FOR UPDATE),"
                 "                 '1000-01-01') AS day",
                 DB_NOARGS, NULL, NULL);
    for (size_t i = 0; rc == DB_OK && i < NELEM(aggs); i++) {
        rc = snapshot(x, &aggs[i], i, "b", aggs[i].from);
    }
    if (rc != DB_OK) {
        db_hold(x->db, 0);
        db_rollback(x->db);
        drop_snapshots(x);
    }
    return rc;
}

/* The columns of each SELECT of the differences below. */
enum { CHK_KEY, CHK_COLUMN, CHK_STORED, CHK_RECOUNT };

enum db_rc
stats_check_end(struct sctx *x, struct stats_diff **out, size_t *n)
{
    enum db_rc rc = DB_OK;
    struct buf q = { 0 };

    *out = NULL;
    *n = 0;
    for (size_t i = 0; rc == DB_OK && i < NELEM(aggs); i++) {
        const struct agg *a = &aggs[i];

        rc = snapshot(x, a, i, "a", a->recount ? a->recount : a->from);
    }
    for (size_t i = 0; rc == DB_OK && i < NELEM(aggs); i++) {
        const struct agg *a = &aggs[i];
        const char *on_b = col_list(x->pool, a->key, "b.%s = k.%s", " AND ");
        const char *on_a = col_list(x->pool, a->key, "a.%s = k.%s", " AND ");
        const char *keyk = col_list(x->pool, a->key, "k.%s", ", ");
        char *copy = pool_strdup(x->pool, a->cols), *save = NULL;
        struct dbres res;

        buf_reset(&q);
        for (char *c = strtok_r(copy, ", ", &save); c; c = strtok_r(NULL, ", ", &save)) {
            buf_printf(&q,
                       "%sSELECT CONCAT_WS(' ', %s), '%s', COALESCE(b.%s, 0), COALESCE(a.%s, 0)"
                       "  FROM (SELECT %s FROM chk_%zu_b UNION SELECT %s FROM chk_%zu_a) k"
                       "  LEFT JOIN chk_%zu_b b ON %s LEFT JOIN chk_%zu_a a ON %s"
                       " WHERE COALESCE(b.%s, 0) <> COALESCE(a.%s, 0)",
                       q.len ? " UNION ALL " : "", keyk, c, c, c, a->key, i, a->key, i, i, on_b, i,
                       on_a, c, c);
        }
        buf_adds(&q, " LIMIT 1000");
        rc = db_query(x->db, x->pool, db_text(q.p), DB_NOARGS, &res);
        if (rc == DB_OK && res.nrows) {
            struct stats_diff *grown = pool_alloc(x->pool, (*n + res.nrows) * sizeof(*grown));

            if (*n) {
                memcpy(grown, *out, *n * sizeof(*grown));
            }
            for (size_t j = 0; j < res.nrows; j++) {
                struct stats_diff *d = &grown[*n + j];

                d->table = a->table;
                /* the results' strings last until the next query */
                d->key = pool_strdup(x->pool, dbres_get(&res, j, CHK_KEY));
                d->column = pool_strdup(x->pool, dbres_get(&res, j, CHK_COLUMN));
                d->stored = util_num(dbres_get(&res, j, CHK_STORED));
                d->recount = util_num(dbres_get(&res, j, CHK_RECOUNT));
            }
            *out = grown;
            *n += res.nrows;
        }
    }
    buf_free(&q);
    /* nothing of the recount stays */
    db_hold(x->db, 0);
    db_rollback(x->db);
    drop_snapshots(x);
    return rc;
}

void
stats_answer_hist_each(const char *hist, void (*fn)(long long h, long long n, void *arg), void *arg)
{
    const char *s = hist ? hist : "";

    while (*s) {
        char *end;
        long long h = strtoll(s, &end, 10), n;

        if (end == s || *end != ':') {
            return; /* not a histogram: nothing more is read */
        }
        s = end + 1;
        n = strtoll(s, &end, 10);
        if (end == s) {
            return;
        }
        fn(h, n, arg);
        s = end;
        while (*s == ' ') {
            s++;
        }
    }
}

/* A histogram being rewritten with one hour's count changed. */
struct hist_edit {
    struct buf out;
    long long h, sign, answered, hours_sum;
    int done;
};

static void
hist_put(struct hist_edit *e, long long h, long long n)
{
    if (n > 0) {
        buf_printf(&e->out, "%s%lld:%lld", e->out.len ? " " : "", h, n);
        e->answered += n;
        e->hours_sum += h * n;
    }
}

static void
hist_edit_one(long long h, long long n, void *arg)
{
    struct hist_edit *e = arg;

    if (!e->done && e->h < h) {
        hist_put(e, e->h, e->sign); /* an hour not counted before */
        e->done = 1;
    }
    if (h == e->h) {
        n += e->sign;
        e->done = 1;
    }
    hist_put(e, h, n);
}

/* The two tables of the time to answer, by month and by day of receipt: the
 * statements that read a unit's row for update, take it away, write it. */
static const struct {
    const char *read, *drop, *write;
} answer_tables[] = {
    { "SELECT hours FROM stat_answer_month WHERE month = ? AND unit_id = ? FOR UPDATE",
      "DELETE FROM stat_answer_month WHERE month = ? AND unit_id = ?",
      "INSERT INTO stat_answer_month (month, unit_id, answered, hours_sum, hours)"
      " VALUES (?, ?, ?, ?, ?)"
      " ON DUPLICATE KEY UPDATE answered = VALUES(answered),"
      "   hours_sum = VALUES(hours_sum), hours = VALUES(hours)" },
    { "SELECT hours FROM stat_answer_day WHERE day = ? AND unit_id = ? FOR UPDATE",
      "DELETE FROM stat_answer_day WHERE day = ? AND unit_id = ?",
      "INSERT INTO stat_answer_day (day, unit_id, answered, hours_sum, hours)"
      " VALUES (?, ?, ?, ?, ?)"
      " ON DUPLICATE KEY UPDATE answered = VALUES(answered),"
      "   hours_sum = VALUES(hours_sum), hours = VALUES(hours)" },
};

enum db_rc
stats_answer_time(struct sctx *x, long long case_id, int sign)
{
    enum { A_MONTH, A_DAY, A_UNIT, A_HOURS };
    struct dbres res;
    const char *key[2];
    long long unit, h;
    enum db_rc rc;

    rc = db_query(x->db, x->pool,
                  "SELECT DATE_FORMAT(f.created_at + " SQL_VN_OFFSET ", '%Y-%m-01'),"
                  "       DATE(f.created_at + " SQL_VN_OFFSET "), f.unit_id, " ANSWER_HOURS_SQL
                  " FROM feedback f WHERE f.id = ? AND f.answered_at IS NOT NULL",
                  DB_ARGS(DV_I(case_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    /* the results' strings last until the next query */
    key[0] = pool_strdup(x->pool, dbres_get(&res, 0, A_MONTH));
    key[1] = pool_strdup(x->pool, dbres_get(&res, 0, A_DAY));
    unit = util_num(dbres_get(&res, 0, A_UNIT));
    h = util_num(dbres_get(&res, 0, A_HOURS));
    for (size_t t = 0; rc == DB_OK && t < NELEM(answer_tables); t++) {
        struct hist_edit e = { .sign = sign, .h = h };

        rc = db_query(x->db, x->pool, answer_tables[t].read, DB_ARGS(DV_S(key[t]), DV_I(unit)),
                      &res);
        if (rc != DB_OK) {
            break;
        }
        stats_answer_hist_each(res.nrows ? dbres_get(&res, 0, 0) : "", hist_edit_one, &e);
        if (!e.done) {
            hist_put(&e, e.h, e.sign); /* after every hour counted before */
        }
        rc = e.answered == 0 ? db_exec(x->db, answer_tables[t].drop,
                                       DB_ARGS(DV_S(key[t]), DV_I(unit)), NULL, NULL)
                             : db_exec(x->db, answer_tables[t].write,
                                       DB_ARGS(DV_S(key[t]), DV_I(unit), DV_I(e.answered),
                                               DV_I(e.hours_sum), DV_S(e.out.p)),
                                       NULL, NULL);
        buf_free(&e.out);
    }
    return rc;
}
