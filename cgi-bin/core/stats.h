/* stats.h — daily aggregates per unit, counter and officer, kept up to date
 * by the write path so that statistics pages never scan whole tables. */
#ifndef MOTCUA_STATS_H
#define MOTCUA_STATS_H

#include "http.h"
#include "legal.h"

struct stat_delta {
    int ratings, r3, r2, r1;
    int feedback, answered, answered_on_time;
    int crit_sum[4], crit_n[4];   /* TT01 criteria: attitude, time, trips, guidance */
    int verdicts, verdicts_unsatisfied;   /* citizens' verdicts on answers (feedback_verdict) */
    int forward_late;                     /* missed forwarding deadlines (feedback_forward_late) */
};

/* Add delta to the rows of the unit, counter and officer (ids of 0 are
 * skipped) for the local day `day` (YYYY-MM-DD).  Inside the caller's transaction. */
enum db_rc stats_add(struct req *r, long long unit_id, long long counter_id,
                     long long officer_id, const char *day, const struct stat_delta *d);

/* The local date (UTC+7) of now, "YYYY-MM-DD" in out[11]. */
void stats_today(char out[11]);

/* Adds sign × the criteria scores (0 = not answered) to d. */
void stats_criteria(struct stat_delta *d, const int crit[4], int sign);

/* The late-dossier aggregate (stat_late, sql/008_dashboard.sql).  The day up to
 * which it is complete, "" when it has not been built yet. */
enum db_rc stats_late_mark(struct req *r, char out[11]);

/* Recomputes the aggregate of the dossier's unit and statutory appointment day
 * when that day is complete; call inside the transaction that changed the
 * dossier.  old_due: the statutory appointment before the change (a restart
 * moves it to another day, whose row is recomputed too), 0 if unchanged. */
enum db_rc stats_late_touch(struct req *r, long long dossier_id, long long old_due);

/* Completes the days that have ended since the mark (all of them the first
 * time), a month per transaction; *days gets how many were completed. */
enum db_rc stats_late_catch_up(struct req *r, int *days);

/* Recomputes the aggregates derived from the records themselves (after a
 * correction of the rules or by hand, or a restore): the ratings' columns of
 * stat_day from the ratings, its verdict and forwarding columns from
 * feedback_verdict and feedback_forward_late, stat_dossier_day from the
 * dossiers and letters, stat_late from the dossiers; then records in
 * stat_correction each month and unit whose late or on-time figures changed.
 * *days: days of stat_late rebuilt; *months: months changed.  Run
 * dossier_cycles_fill first. */
enum db_rc stats_rebuild(struct req *r, int *days, int *months);

/* The late-dossier condition is LEGAL_LATE_COND (legal.h), shared by the
 * aggregate, the live counts and the lists. */
#define STATS_NO_APOLOGY                                                                    \
    " NOT EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id AND a.status <> 'draft')"
#define STATS_DELAY                                                                         \
    " IF(d.finished_at IS NULL, -1, DATEDIFF(d.finished_at + INTERVAL 7 HOUR,"             \
    "                                        d.original_due_at + INTERVAL 7 HOUR))"

#endif
