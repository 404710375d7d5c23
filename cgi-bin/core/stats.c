/* stats.c — the stat_day aggregates. */
#include "stats.h"

#include <string.h>
#include <time.h>

#include "calendar.h"

void
stats_today(char out[11])
{
    cal_format(cal_local_day(time(NULL)), out);
}

enum db_rc
stats_add(struct req *r, long long unit_id, long long counter_id, long long officer_id,
          const char *day, const struct stat_delta *d)
{
    /* one statement for the three rows (a round trip less per row on the hot
     * path of every rating), those of an id 0 left out */
    return db_exec(r->app->db,
                   "INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1, feedback,"
                   "                      answered, answered_on_time, att_sum, att_n, time_sum,"
                   "                      time_n, trips_sum, trips_n, guide_sum, guide_n,"
                   "                      verdicts, verdicts_unsatisfied, forward_late)"
                   " SELECT x.scope, x.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                   "   FROM (SELECT 1 AS k, 'unit' AS scope, ? AS id UNION ALL"
                   "         SELECT 2, 'counter', ? UNION ALL SELECT 3, 'officer', ?) x"
                   "  WHERE x.id <> 0 ORDER BY x.k"
                   " ON DUPLICATE KEY UPDATE ratings = ratings + VALUES(ratings),"
                   "   r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2), r1 = r1 + VALUES(r1),"
                   "   feedback = feedback + VALUES(feedback),"
                   "   answered = answered + VALUES(answered),"
                   "   answered_on_time = answered_on_time + VALUES(answered_on_time),"
                   "   att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),"
                   "   time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),"
                   "   trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n),"
                   "   guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n),"
                   "   verdicts = verdicts + VALUES(verdicts),"
                   "   verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied),"
                   "   forward_late = forward_late + VALUES(forward_late)",
                   DB_ARGS(DV_S(day), DV_I(d->ratings), DV_I(d->r3), DV_I(d->r2), DV_I(d->r1),
                           DV_I(d->feedback), DV_I(d->answered), DV_I(d->answered_on_time),
                           DV_I(d->crit_sum[0]), DV_I(d->crit_n[0]), DV_I(d->crit_sum[1]),
                           DV_I(d->crit_n[1]), DV_I(d->crit_sum[2]), DV_I(d->crit_n[2]),
                           DV_I(d->crit_sum[3]), DV_I(d->crit_n[3]), DV_I(d->verdicts),
                           DV_I(d->verdicts_unsatisfied), DV_I(d->forward_late), DV_I(unit_id),
                           DV_I(counter_id), DV_I(officer_id)),
                   NULL, NULL);
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
#define LATE_ROWS(unit_cond)                                                                \
    "INSERT INTO stat_late (unit_id, day, delay, late, no_apology, escalated)"             \
    " SELECT d.unit_id, DATE(d.original_due_at + INTERVAL 7 HOUR)," STATS_DELAY ","        \
    "        COUNT(*), SUM(" STATS_NO_APOLOGY "), SUM(d.escalated_at IS NOT NULL)"         \
    "   FROM dossier d"                                                                    \
    "  WHERE d.original_due_at >= ? - INTERVAL 7 HOUR"                                     \
    "    AND d.original_due_at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR"                     \
    unit_cond " AND" STATS_LATE_COND                                                       \
    "  GROUP BY 1, 2, 3"

enum db_rc
stats_late_mark(struct req *r, char out[11])
{
    struct dbres res;
    /* a locking read: a writer must see the mark the ticker has just moved */
    enum db_rc rc = db_query(r->app->db, &r->pool,
                             "SELECT day FROM stat_mark WHERE name = 'late' LOCK IN SHARE MODE",
                             DB_NOARGS, &res);

    out[0] = '\0';
    if (rc == DB_OK && res.nrows) {
        snprintf(out, 11, "%s", dbres_get(&res, 0, 0));
    }
    return rc;
}

enum db_rc
stats_late_touch(struct req *r, long long dossier_id)
{
    struct dbres res;
    char mark[11];
    const char *unit, *day;
    enum db_rc rc = stats_late_mark(r, mark);

    if (rc != DB_OK || mark[0] == '\0') {
        return rc;
    }
    rc = db_query(r->app->db, &r->pool,
                  "SELECT unit_id, DATE(original_due_at + INTERVAL 7 HOUR) FROM dossier WHERE id = ?",
                  DB_ARGS(DV_I(dossier_id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    unit = dbres_get(&res, 0, 0);
    day = dbres_get(&res, 0, 1);
    if (strcmp(day, mark) > 0) {
        return DB_OK;   /* a day still counted from the dossiers themselves */
    }
    rc = db_exec(r->app->db, "DELETE FROM stat_late WHERE unit_id = ? AND day = ?",
                 DB_ARGS(DV_S(unit), DV_S(day)), NULL, NULL);
    if (rc == DB_OK) {
        rc = db_exec(r->app->db, LATE_ROWS(" AND d.unit_id = ?"),
                     DB_ARGS(DV_S(day), DV_S(day), DV_S(unit)), NULL, NULL);
    }
    return rc;
}

enum db_rc
stats_late_catch_up(struct req *r, int *days)
{
    struct dbres res;
    char from[11], to[11];
    int yesterday = cal_local_day(time(NULL)) - 1, first, last;
    enum db_rc rc;

    *days = 0;
    for (;;) {
        if ((rc = db_begin(r->app->db)) != DB_OK) {
            return rc;
        }
        rc = db_query(r->app->db, &r->pool,
                      "SELECT day FROM stat_mark WHERE name = 'late' FOR UPDATE", DB_NOARGS, &res);
        if (rc == DB_OK && res.nrows) {
            rc = cal_parse_date(dbres_get(&res, 0, 0), &first) == 0 ? DB_OK : DB_ERR;
            first++;
        } else if (rc == DB_OK) {
            /* never built: from the first appointment on record */
            rc = db_query(r->app->db, &r->pool,
                          "SELECT COALESCE(DATE(MIN(original_due_at) + INTERVAL 7 HOUR),"
                          "                DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR))"
                          "  FROM dossier", DB_NOARGS, &res);
            if (rc == DB_OK && cal_parse_date(dbres_get(&res, 0, 0), &first) != 0) {
                rc = DB_ERR;
            }
        }
        if (rc != DB_OK || first > yesterday) {
            return db_end(r->app->db, rc);
        }
        last = first + 30 < yesterday ? first + 30 : yesterday;
        cal_format(first, from);
        cal_format(last, to);
        rc = db_exec(r->app->db, "DELETE FROM stat_late WHERE day BETWEEN ? AND ?",
                     DB_ARGS(DV_S(from), DV_S(to)), NULL, NULL);
        if (rc == DB_OK) {
            rc = db_exec(r->app->db, LATE_ROWS(""), DB_ARGS(DV_S(from), DV_S(to)), NULL, NULL);
        }
        if (rc == DB_OK) {
            rc = db_exec(r->app->db,
                         "INSERT INTO stat_mark (name, day) VALUES ('late', ?)"
                         " ON DUPLICATE KEY UPDATE day = VALUES(day)",
                         DB_ARGS(DV_S(to)), NULL, NULL);
        }
        if ((rc = db_end(r->app->db, rc)) != DB_OK) {
            return rc;
        }
        *days += last - first + 1;
    }
}

enum db_rc
stats_rebuild(struct req *r, int *days)
{
    struct db *db = r->app->db;
    enum db_rc rc = db_begin(db);

    *days = 0;
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
                     "                DATE(created_at + INTERVAL 7 HOUR) AS day, level,"
                     "                c_attitude AS a, c_time AS t, c_trips AS p, c_guidance AS g"
                     "           FROM rating"
                     "         UNION ALL"
                     "         SELECT 'counter', counter_id, DATE(created_at + INTERVAL 7 HOUR), level,"
                     "                c_attitude, c_time, c_trips, c_guidance"
                     "           FROM rating WHERE counter_id IS NOT NULL"
                     "         UNION ALL"
                     "         SELECT 'officer', officer_id, DATE(created_at + INTERVAL 7 HOUR), level,"
                     "                c_attitude, c_time, c_trips, c_guidance"
                     "           FROM rating WHERE officer_id IS NOT NULL) s"
                     "  GROUP BY s.scope, s.id, s.day"
                     " ON DUPLICATE KEY UPDATE ratings = VALUES(ratings), r3 = VALUES(r3),"
                     "   r2 = VALUES(r2), r1 = VALUES(r1), att_sum = VALUES(att_sum),"
                     "   att_n = VALUES(att_n), time_sum = VALUES(time_sum), time_n = VALUES(time_n),"
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
                     "   FROM (SELECT unit_id, DATE(at + INTERVAL 7 HOUR) AS day, 1 AS v,"
                     "                satisfied = 0 AS u, 0 AS f"
                     "           FROM feedback_verdict"
                     "         UNION ALL"
                     "         SELECT unit_id, DATE(due_at + INTERVAL 7 HOUR), 0, 0, 1"
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
    if ((rc = db_end(db, rc)) != DB_OK) {
        return rc;
    }
    return stats_late_catch_up(r, days);
}
