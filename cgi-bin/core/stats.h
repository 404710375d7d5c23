/* stats.h — daily aggregates per unit, counter and officer, kept up to date
 * by the write path so that statistics pages never scan whole tables. */
#ifndef MOTCUA_STATS_H
#define MOTCUA_STATS_H

#include <time.h>

#include "calendar.h"
#include "db.h"
#include "sctx.h"

struct stat_delta {
    int ratings, r3, r2, r1;
    int feedback, answered, answered_on_time;
    int crit_sum[4], crit_n[4];   /* TT01 criteria: attitude, time, trips, guidance */
    int verdicts, verdicts_unsatisfied;   /* citizens' verdicts on answers (feedback_verdict) */
    int forward_late;                     /* missed forwarding deadlines (feedback_forward_late) */
    int pakn, anonymous, praise;  /* cases received: identified petitions, anonymous, praise */
    int pakn_answered, pakn_on_time, pakn_unhappy;   /* answers to identified petitions */
};

/* The counted columns of stat_day and of its months, stat_month (sql/340), in
 * the order of STATS_DAY_SUMS. */
#define STATS_DAY_COLS                                                             \
    " ratings, r3, r2, r1, feedback, answered, answered_on_time, att_sum, att_n,"  \
    " time_sum, time_n, trips_sum, trips_n, guide_sum, guide_n, verdicts,"         \
    " verdicts_unsatisfied, forward_late, pakn, anonymous, praise, pakn_answered," \
    " pakn_on_time, pakn_unhappy"

/* The counted columns of stat_dossier_day and of its months,
 * stat_dossier_month. */
#define STATS_DOSSIER_DAY_COLS                                                          \
    " received, finished, early, on_time, late, apologies, apologies_late, delay_days," \
    " unhappy, recv_in_time, recv_out"

/* The sums of stat_day's columns over a group of its rows, written once: a
 * statement selects STATS_DAY_SUMS from stat_day aliased sd, and
 * stats_sums_read reads them back from the column where the list starts.
 * The order of the list is the order of the fields of struct stat_sums. */
#define STATS_DAY_SUMS                                                                     \
    " SUM(sd.ratings), SUM(sd.r3), SUM(sd.r2), SUM(sd.r1), SUM(sd.feedback),"              \
    " SUM(sd.answered), SUM(sd.answered_on_time), SUM(sd.att_sum), SUM(sd.att_n),"         \
    " SUM(sd.time_sum), SUM(sd.time_n), SUM(sd.trips_sum), SUM(sd.trips_n),"               \
    " SUM(sd.guide_sum), SUM(sd.guide_n), SUM(sd.verdicts), SUM(sd.verdicts_unsatisfied)," \
    " SUM(sd.forward_late), SUM(sd.pakn), SUM(sd.anonymous), SUM(sd.praise),"              \
    " SUM(sd.pakn_answered), SUM(sd.pakn_on_time), SUM(sd.pakn_unhappy)"

/* Time to answer by month of receipt (stat_answer_month, sql/140): the hours
 * from a case's receipt to its answer as the dashboard counts them, 0 to
 * ANSWER_HOURS_MAX, as SQL over feedback aliased f. */
#define ANSWER_HOURS_MAX 19999
#define ANSWER_HOURS_TEXT(n) #n
#define ANSWER_HOURS_CAP(n) ANSWER_HOURS_TEXT(n) /* the number, as SQL text */
#define ANSWER_HOURS_SQL                                                                      \
    "LEAST(GREATEST(TIMESTAMPDIFF(HOUR, f.created_at, f.answered_at), 0), " ANSWER_HOURS_CAP( \
        ANSWER_HOURS_MAX) ")"
/* The rows of stat_answer_month (by local month of receipt) or stat_answer_day
 * (by local day) recounted from the answered cases that where_sql (" AND …"
 * or "") keeps. */
#define ANSWER_RECOUNT(table, key, fmt, where_sql)                                                \
    "INSERT INTO " table " (" key ", unit_id, answered, hours_sum, hours)"                        \
    " SELECT t.k, t.unit_id, SUM(t.n), SUM(t.h * t.n),"                                           \
    "        GROUP_CONCAT(CONCAT(t.h, ':', t.n) ORDER BY t.h SEPARATOR ' ')"                      \
    "   FROM (SELECT DATE_FORMAT(f.created_at + " SQL_VN_OFFSET ", '" fmt "') AS k,"              \
    "                f.unit_id, " ANSWER_HOURS_SQL " AS h, COUNT(*) AS n"                         \
    "           FROM feedback f WHERE f.answered_at IS NOT NULL" where_sql " GROUP BY 1, 2, 3) t" \
    "  GROUP BY t.k, t.unit_id"
#define ANSWER_MONTH_RECOUNT(where_sql) \
    ANSWER_RECOUNT("stat_answer_month", "month", "%Y-%m-01", where_sql)
#define ANSWER_DAY_RECOUNT(where_sql) \
    ANSWER_RECOUNT("stat_answer_day", "day", "%Y-%m-%d", where_sql)

/* Count (sign 1) or take back (sign -1) the answer of case case_id in
 * stat_answer_month and stat_answer_day, in the caller's transaction: after the answer is
 * written, before it is cleared (a reopening), and around a change of the
 * case's unit.  Nothing for a case without an answer. */
enum db_rc stats_answer_time(struct sctx *x, long long case_id, int sign);

/* Each "h:n" of a stat_answer_month (or _day) histogram, in order: fn(h, n, arg). */
void stats_answer_hist_each(const char *hist, void (*fn)(long long h, long long n, void *arg),
                            void *arg);

/* A case's key in the inbox's counts (feedback_count), as columns of feedback:
 * unit, status, kind, counter, the officer it is hidden from (a confidential
 * report's subject), escalated, and the slot row it is counted in.  A new
 * case, the status every citizen's filing writes, is counted in the slot of
 * its id modulo FB_COUNT_SLOTS, so that cases filed at once for one unit take
 * different rows (each held locked until its transaction commits); every
 * other status, written by officers one case at a time, in slot 0, so that
 * the inbox reads few rows.  The slot follows from the case's own columns:
 * its move between statuses finds the row it was counted in. */
#define FB_COUNT_SLOTS "16"
#define FB_SLOT_SQL "IF(status = 'new', id MOD " FB_COUNT_SLOTS ", 0) AS slot"
#define FB_COUNT_COLS                                                            \
    "unit_id, status, kind, COALESCE(counter_id, 0) AS counter_id,"              \
    " IF(identity = 'confidential', COALESCE(officer_id, 0), 0) AS hidden_from," \
    " escalated_at IS NOT NULL AS escalated, " FB_SLOT_SQL

/* The running cases' counts (stat_open, sql/330_stat_open.sql) recounted from
 * the cases, as the migration's triggers keep them: the local day of
 * receipt, the unit, the local day due and the slot of the inbox's counts,
 * then n. */
#define STAT_OPEN_COLS                                      \
    "DATE(created_at + " SQL_VN_OFFSET ") AS day, unit_id," \
    " DATE(due_at + " SQL_VN_OFFSET ") AS due_day, " FB_SLOT_SQL
#define STAT_OPEN_FROM " FROM feedback WHERE status IN (" CASE_RUNNING_SQL ")"

/* The running cases by unit and day due (stat_due, sql/350_stat_due.sql),
 * recounted from the cases as the triggers keep them: the unit, the local
 * day due, the officer a confidential case is hidden from and the slot of
 * the inbox's counts, then n (rows from STAT_OPEN_FROM). */
#define STAT_DUE_COLS                                       \
    "unit_id, DATE(due_at + " SQL_VN_OFFSET ") AS due_day," \
    " IF(identity = 'confidential', COALESCE(officer_id, 0), 0) AS hidden_from, " FB_SLOT_SQL

struct stat_sums {
    long long ratings, r3, r2, r1, feedback, answered, answered_on_time;
    long long att_sum, att_n, time_sum, time_n, trips_sum, trips_n, guide_sum, guide_n;
    long long verdicts, verdicts_unsatisfied, forward_late;
    long long pakn, anonymous, praise, pakn_answered, pakn_on_time, pakn_unhappy;
};

/* The STATS_DAY_SUMS of row `row` of res, starting at column `first`, into
 * out (a NULL sum, from no rows, is 0). */
void stats_sums_read(const struct dbres *res, size_t row, size_t first, struct stat_sums *out);

/* The sums of a period for each unit or each counter, named for the public
 * statistics ("unit": the unit's name; "counter": "counter · unit"), in the
 * units' and counters' order. */
struct stat_named_sums {
    const char *name;
    struct stat_sums s;
};

/* The named sums of scope ("unit" or "counter") over the local days [from,
 * to] (YYYY-MM-DD), of every unit or only of unit_id (its counters): *rows
 * (n) from p.  For the public pages: training units are left out. */
enum db_rc stats_sums_by(struct db *db, struct pool *p, const char *scope, const char *from,
                         const char *to, long long unit_id, struct stat_named_sums **rows,
                         size_t *n);

/* stat_day and stat_dossier_day hold a row per (scope, id, day, slot): the
 * writers on a citizen's path add to one of Stats.Slots slots (default
 * STATS_SLOTS) picked at random, so concurrent ratings of one counter do not
 * wait on one row; every reader sums over the slots (GROUP BY without slot);
 * the rebuilds fold the slots into slot 0. */
#define STATS_SLOTS 16

/* Add delta to the rows of the unit, counter and officer (ids of 0 are
 * skipped) for the local day `day` (YYYY-MM-DD), in a slot.  Inside the
 * caller's transaction. */
enum db_rc stats_add(struct sctx *x, long long unit_id, long long counter_id, long long officer_id,
                     const char *day, const struct stat_delta *d);

/* The local date (UTC+7) of now, "YYYY-MM-DD" in out[11]. */
void stats_today(char out[11]);

/* Adds sign × the criteria scores (0 = not answered) to d. */
void stats_criteria(struct stat_delta *d, const int crit[4], int sign);

/* The late-dossier aggregate (stat_late, sql/008_dashboard.sql, and its
 * months, stat_late_month, sql/210, kept with it by the functions below).
 * The day up to which it is complete, "" when it has not been built yet. */
enum db_rc stats_late_mark(struct sctx *x, char out[11]);

/* Recomputes the aggregate of the dossier's unit and statutory appointment day
 * when that day is complete; call inside the transaction that changed the
 * dossier.  old_due: the statutory appointment before the change (a restart
 * moves it to another day, whose row is recomputed too), 0 if unchanged. */
enum db_rc stats_late_touch(struct sctx *x, long long dossier_id, long long old_due);

/* Completes the days that have ended since the mark (all of them the first
 * time), a month per transaction; *days gets how many were completed. */
enum db_rc stats_late_catch_up(struct sctx *x, int *days);

/* Recomputes the aggregates derived from the records themselves (after a
 * correction of the rules or by hand, or a restore): the ratings' columns of
 * stat_day from the ratings, its verdict and forwarding columns from
 * feedback_verdict and feedback_forward_late, stat_dossier_day from the
 * dossiers and letters, stat_late (and its months) from the dossiers; then records in
 * stat_correction each month and unit whose late or on-time figures changed.
 * *days: days of stat_late rebuilt; *months: months changed.  Run
 * dossier_cycles_fill first. */
enum db_rc stats_rebuild(struct sctx *x, int *days, int *months);

/* rebuild-stats --check: the aggregates compared with a recount, writing
 * nothing.  stats_check_begin reads the stored figures (slot rows folded) in
 * one transaction held open (db_hold); the caller then runs the recount
 * (dossier_cycles_fill, stats_rebuild) inside it; stats_check_end compares
 * and rolls everything back.  The inbox's counts (feedback_count) are
 * compared with the cases directly.  The check holds the aggregates' locks
 * while it runs, so writers wait for it: run it when the load is low. */
struct stats_diff {
    const char *table; /* stat_day, stat_dossier_day, stat_late, stat_late_month, … */
    const char *key;   /* the row's key, space-separated (e.g. "unit 12 2026-05-04") */
    const char *column;
    long long stored, recount;
};
enum db_rc stats_check_begin(struct sctx *x);
/* The differences (at most 1,000 per table) into *out (x's pool), *n of them. */
enum db_rc stats_check_end(struct sctx *x, struct stats_diff **out, size_t *n);

/* The late-dossier condition is LEGAL_LATE_COND (legal.h), shared by the
 * aggregate, the live counts and the lists. */

/* Adds sign × one received case (kind, identity, formal) to d. */
void stats_case_received(struct stat_delta *d, const char *kind, const char *identity, int formal,
                         int sign);

/* Moves the case's received counts from the unit and counter it was filed at
 * to the unit it is forwarded to, on the day it was filed; inside the caller's
 * transaction, before the case's row changes. */
enum db_rc stats_case_forward(struct sctx *x, long long case_id, long long to_unit);

/* A citizen's "Không hài lòng" on the first answer of identified petition
 * case_id: counts the case in pakn_unhappy unless that answer was late. */
enum db_rc stats_pakn_verdict(struct sctx *x, long long case_id);

/* QĐ 766 dossier satisfaction: puts dossier_id in dossier_unhappy or takes it
 * out after one of its ratings or cases changed, and moves the unit's count
 * of the day its result was ready.  Inside the caller's transaction. */
enum db_rc stats_dossier_touch(struct sctx *x, long long dossier_id);

/* A dossier's result is ready (outcome 'r', with timeliness t: -1 early, 0 on
 * time, 1 late) or it was refused or stopped (outcome 'x'): the QĐ 766 counts
 * of its day of receipt and of today.  Inside the caller's transaction. */
enum db_rc stats_dossier_closed(struct sctx *x, long long dossier_id, long long unit_id,
                                time_t received_at, time_t finished_at, int outcome, int t);

/* Recomputes the dossier counts of stat_dossier_day (received, finished early,
 * on time or late, apology letters and those signed late) of every scope from
 * the records, and zeroes delay_days for stats_rebuild to add up again; one
 * transaction (part of stats_rebuild). */
enum db_rc stats_dossier_rebuild(struct sctx *x);

/* Recomputes every QĐ 766 aggregate from the records (part of stats_rebuild,
 * also run at the end of the demo generator); one transaction. */
enum db_rc stats_qd766_rebuild(struct sctx *x);

/* -1 early, 0 on time, 1 late: finished dossier d against its statutory
 * appointment, day against day (the SQL twin of dossier_timeliness). */
#define STATS_TIMELINESS \
    " SIGN(DATEDIFF(d.finished_at + " SQL_VN_OFFSET ", d.original_due_at + " SQL_VN_OFFSET "))"
/* Dossier d, finished, got its result early or on time (the statutory appointment). */
#define STATS_IN_TIME \
    " DATE(d.finished_at + " SQL_VN_OFFSET ") <= DATE(d.original_due_at + " SQL_VN_OFFSET ")"
/* What puts a dossier in dossier_unhappy: a rating x, a case f of it. */
#define STATS_UNHAPPY_RATING " x.level = 1"
#define STATS_UNHAPPY_CASE " f.kind IN ('petition','conduct') AND f.status <> 'rejected'"
/* Answer event e is the case's first: a PAKN counts once in the QĐ 766
 * figures, however often it is answered again after a reopen. */
#define STATS_FIRST_ANSWER                                                                  \
    " NOT EXISTS (SELECT 1 FROM feedback_event p WHERE p.feedback_id = e.feedback_id"       \
    "             AND p.event = 'answer' AND p.id < e.id)"
/* Answer event e of case f was late or drew a "không hài lòng" verdict before
 * the next answer: the answer counts against the PAKN satisfaction rate. */
#define STATS_PAKN_UNHAPPY                                                                  \
    " (e.at > f.due_at OR EXISTS (SELECT 1 FROM feedback_event v"                           \
    "     WHERE v.feedback_id = e.feedback_id AND v.event = 'review_requested'"             \
    "       AND v.id > e.id AND NOT EXISTS (SELECT 1 FROM feedback_event n"                 \
    "           WHERE n.feedback_id = e.feedback_id AND n.event = 'answer'"                 \
    "             AND n.id > e.id AND n.id < v.id)))"
#define STATS_NO_APOLOGY                                                                    \
    " NOT EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id AND a.status <> 'draft')"
#define STATS_DELAY                                                              \
    " IF(d.finished_at IS NULL, -1, DATEDIFF(d.finished_at + " SQL_VN_OFFSET "," \
    "                                        d.original_due_at + " SQL_VN_OFFSET "))"

#endif
