/* stats.h — daily aggregates per unit, counter and officer, kept up to date
 * by the write path so that statistics pages never scan whole tables. */
#ifndef MOTCUA_STATS_H
#define MOTCUA_STATS_H

#include "http.h"

struct stat_delta {
    int ratings, r3, r2, r1;
    int feedback, answered, answered_on_time;
};

/* Add delta to the rows of the unit, counter and officer (ids of 0 are
 * skipped) for the local day `day` (YYYY-MM-DD).  Inside the caller's transaction. */
enum db_rc stats_add(struct req *r, long long unit_id, long long counter_id,
                     long long officer_id, const char *day, const struct stat_delta *d);

/* The local date (UTC+7) of now, "YYYY-MM-DD" in out[11]. */
void stats_today(char out[11]);

#endif
