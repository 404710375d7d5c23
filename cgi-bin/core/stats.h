/* stats.h — daily aggregates per unit, counter and officer, kept up to date
 * by the write path so that statistics pages never scan whole tables. */
#ifndef MOTCUA_STATS_H
#define MOTCUA_STATS_H

#include "http.h"

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

/* Recomputes the aggregate of the dossier's unit and appointment day when that
 * day is complete; call inside the transaction that changed the dossier. */
enum db_rc stats_late_touch(struct req *r, long long dossier_id);

/* Completes the days that have ended since the mark (all of them the first
 * time), a month per transaction; *days gets how many were completed. */
enum db_rc stats_late_catch_up(struct req *r, int *days);

/* Recomputes the aggregates derived from the records themselves: the ratings'
 * columns of stat_day from the ratings, its verdict and forwarding columns
 * from feedback_verdict and feedback_forward_late, stat_late from the dossiers
 * (after a correction by hand or a restore).  *days: days of stat_late rebuilt. */
enum db_rc stats_rebuild(struct req *r, int *days);

/* The late-dossier condition on dossier d (receiving unit, statutory
 * appointment), shared by the aggregate, the live counts and the lists. */
#define STATS_LATE_COND                                                                     \
    " d.status NOT IN ('refused','stopped')"                                               \
    " AND ((d.finished_at IS NOT NULL AND DATE(d.finished_at + INTERVAL 7 HOUR) >"         \
    "       DATE(d.original_due_at + INTERVAL 7 HOUR))"                                    \
    "      OR (d.finished_at IS NULL AND d.original_due_at < UTC_TIMESTAMP()))"
#define STATS_NO_APOLOGY                                                                    \
    " NOT EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id AND a.status <> 'draft')"
#define STATS_DELAY                                                                         \
    " IF(d.finished_at IS NULL, -1, DATEDIFF(d.finished_at + INTERVAL 7 HOUR,"             \
    "                                        d.original_due_at + INTERVAL 7 HOUR))"

#endif
