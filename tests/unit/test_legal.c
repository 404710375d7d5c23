/* test_legal.c — the one lateness rule and the supplement rules (legal.c),
 * against dates worked out by hand.  March 2026 has no holiday: Monday 02/03,
 * Friday 06/03, Saturday 07/03, Monday 09/03, Tuesday 10/03; Monday to Friday
 * are working days.  Times are Vietnam local (UTC+7). */
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "legal.h"
#include "tap.h"

static time_t
at(int d, int hh, int mm)
{
    return cal_instant(cal_day_from_ymd(2026, 3, d), hh * 60 + mm);
}

static const char *
verdict(const struct cal *c, time_t now, const char *status, const char *wait, time_t due,
        time_t finished)
{
    return lateness_names[legal_lateness(c, now, status, wait, due, finished, 2)];
}

static const char *
clock_of(const struct cal *c, const struct legal_version *v, time_t start, int restarts,
         time_t now)
{
    return supplement_clocks[legal_supplement_clock(c, v, start, restarts, now)];
}

/* The version in force on y-m-d, from a process's copy of three versions as
 * the migrations record them: Decree 61/2018 from 21/06/2018, Decree
 * 118/2025 from 01/07/2025, its Circular 03/2025 papers from 15/09/2025. */
static const char *
version_on(const struct legal_cache *lc, int y, int m, int d)
{
    const struct legal_version *v = legal_cache_for(lc, cal_day_from_ymd(y, m, d));

    return v ? v->code : "none";
}

int
main(void)
{
    struct cal c;
    struct legal_version v = { .supplement_rule = "restart", .supplement_within_days = 3,
                               .supplement_max_restarts = 1 };
    time_t due = at(9, 17, 0);   /* statutory appointment: Monday 09/03, 17:00 */

    cal_init(&c);

    /* Decree 61/2018 Art. 19(4): within 3 working days of receipt, the day of
     * receipt not counted (Civil Code Art. 147(2)) */
    CHECK_STR(clock_of(&c, &v, at(2, 9, 0), 0, at(5, 16, 0)), "restart",
              "received Mon 02/03, asked Thu 05/03 (Tue, Wed, Thu: 3 days): the period restarts");
    CHECK_STR(clock_of(&c, &v, at(2, 9, 0), 0, at(6, 8, 0)), "late_request",
              "asked Fri 06/03 (4th working day): the clock runs on");
    CHECK_STR(clock_of(&c, &v, at(6, 9, 0), 0, at(11, 9, 0)), "restart",
              "received Fri 06/03, asked Wed 11/03: the weekend does not count (Mon, Tue, Wed)");
    CHECK_STR(clock_of(&c, &v, at(2, 9, 0), 1, at(3, 9, 0)), "too_many",
              "a second restart when one is allowed: the clock runs on");
    CHECK_STR(clock_of(&c, &v, at(2, 9, 0), 1, at(9, 9, 0)), "late_request",
              "late and beyond the restarts: said as late (the first rule broken)");
    v.supplement_rule = "pause";
    CHECK_STR(clock_of(&c, &v, at(2, 9, 0), 3, at(4, 9, 0)), "pause",
              "the pause rule has no limit on how often");
    CHECK_STR(clock_of(&c, &v, at(2, 9, 0), 0, at(6, 9, 0)), "late_request",
              "a pause asked too late does not pause either");

    /* finished: by local day against the statutory appointment (TT01 Art. 13) */
    CHECK_STR(verdict(&c, 0, "ready", NULL, due, at(6, 10, 0)), "early", "Fri 06/03: early");
    CHECK_STR(verdict(&c, 0, "returned", NULL, due, at(9, 16, 0)), "on_time", "Mon 09/03: on time");
    CHECK_STR(verdict(&c, 0, "ready", NULL, due, at(9, 23, 30)), "on_time",
              "23:30 local on the day (16:30 UTC) is still that day");
    CHECK_STR(verdict(&c, 0, "ready", NULL, due, at(10, 0, 30)), "late",
              "00:30 local the next day (17:30 UTC the same UTC day) is late");

    /* in progress */
    CHECK_STR(verdict(&c, at(10, 8, 0), "processing", NULL, due, 0), "overdue",
              "Tue 10/03, not finished: overdue");
    CHECK_STR(verdict(&c, at(10, 8, 0), "supplement", "restart", due, 0), "paused",
              "waiting for documents after a restart: never late");
    CHECK_STR(verdict(&c, at(10, 8, 0), "supplement", "pause", due, 0), "paused",
              "waiting under the pause rule: never late");
    CHECK_STR(verdict(&c, at(10, 8, 0), "supplement", "late_request", due, 0), "overdue",
              "waiting after a request outside the rules: the clock ran on");
    CHECK_STR(verdict(&c, at(10, 8, 0), "refused", NULL, due, 0), "none", "refused: no verdict");
    CHECK_STR(verdict(&c, at(6, 9, 0), "processing", NULL, due, 0), "near",
              "Fri 06/03 for Mon 09/03: 1 working day, nearly due (2 days' notice)");
    CHECK_STR(verdict(&c, at(2, 9, 0), "received", NULL, due, 0), "ok",
              "Mon 02/03 for Mon 09/03: 5 working days, in time");

    /* the version by the day of receipt: a dossier keeps the rules and papers
     * of the day it was received */
    {
        int from[3] = { cal_day_from_ymd(2018, 6, 21), cal_day_from_ymd(2025, 7, 1),
                        cal_day_from_ymd(2025, 9, 15) };
        struct legal_version vs[3] = { { .code = "ND61/2018" },
                                       { .code = "ND118/2025" },
                                       { .code = "ND118/2025+TT03" } };
        struct legal_cache lc = { .gen = 7, .n = 3, .from = from, .v = vs };
        struct legal_cache none = { 0 };

        CHECK_STR(version_on(&lc, 2017, 3, 17), "ND61/2018",
                  "received before every version (an import): the oldest");
        CHECK_STR(version_on(&lc, 2018, 6, 21), "ND61/2018", "on its first day: that version");
        CHECK_STR(version_on(&lc, 2025, 6, 30), "ND61/2018",
                  "30/06/2025, the day before Decree 118: still Decree 61");
        CHECK_STR(version_on(&lc, 2025, 7, 1), "ND118/2025", "01/07/2025: Decree 118");
        CHECK_STR(version_on(&lc, 2025, 9, 14), "ND118/2025", "14/09/2025: the old papers");
        CHECK_STR(version_on(&lc, 2025, 9, 15), "ND118/2025+TT03", "15/09/2025: Circular 03");
        CHECK_STR(version_on(&lc, 2027, 1, 4), "ND118/2025+TT03", "later: the newest");
        CHECK_STR(version_on(&none, 2025, 9, 15), "none", "no version on record: none");
    }

    cal_free(&c);
    return tap_done();
}
