/* stats.c — the stat_day aggregates. */
#include "stats.h"

#include <time.h>

void
stats_today(char out[11])
{
    cal_format(cal_local_day(time(NULL)), out);
}

enum db_rc
stats_add(struct req *r, long long unit_id, long long counter_id, long long officer_id,
          const char *day, const struct stat_delta *d)
{
    static const char *const scopes[] = { "unit", "counter", "officer" };
    long long ids[] = { unit_id, counter_id, officer_id };
    enum db_rc rc = DB_OK;

    for (size_t i = 0; i < NELEM(scopes) && rc == DB_OK; i++) {
        if (ids[i] == 0) {
            continue;
        }
        rc = db_exec(r->app->db,
                     "INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1, feedback,"
                     "                      answered, answered_on_time)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     " ON DUPLICATE KEY UPDATE ratings = ratings + VALUES(ratings),"
                     "   r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2), r1 = r1 + VALUES(r1),"
                     "   feedback = feedback + VALUES(feedback),"
                     "   answered = answered + VALUES(answered),"
                     "   answered_on_time = answered_on_time + VALUES(answered_on_time)",
                     DB_ARGS(DV_S(scopes[i]), DV_I(ids[i]), DV_S(day), DV_I(d->ratings),
                             DV_I(d->r3), DV_I(d->r2), DV_I(d->r1), DV_I(d->feedback),
                             DV_I(d->answered), DV_I(d->answered_on_time)),
                     NULL, NULL);
    }
    return rc;
}
