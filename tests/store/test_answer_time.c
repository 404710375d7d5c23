/* test_answer_time.c — the dashboard's time to answer and overdue cases,
 * from the monthly aggregate (stat_answer_month) for the whole months of a
 * period and from the daily one (stat_answer_day) for the days around them.  Cases are written
 * with fixed dates in 2024; every expected figure below was counted by hand
 * from the definition: the hours from receipt to answer of the cases
 * received in the period (by the local day, UTC+7) and answered, their
 * median the value at position n/2 of the sorted hours (the upper one of an
 * even count), and the running cases received in the period and past their
 * due time now. */
#include <string.h>

#include "stats.h"
#include "store.h"
#include "store_report.h"

static long long a, bb;
static int seq;

/* A case of unit u received at created (UTC), answered at answered (UTC, or
 * NULL), in status st, due at due. */
static void
add_case(long long u, const char *created, const char *answered, const char *st, const char *due)
{
    char code[32];

    snprintf(code, sizeof(code), "PA-20240101-%04d", 8000 + ++seq);
    st_exec("INSERT INTO feedback (code, check_part, kind, status, unit_id, content, identity,"
            "  created_at, due_at, answered_at)"
            " VALUES (?, 'x001', 'petition', ?, ?, 'Nội dung', 'anonymous', ?, ?, ?)",
            DV_S(code), DV_S(st), DV_I(u), DV_S(created), DV_S(due),
            answered ? DV_S(answered) : DV_NULL);
}

static struct report_summary
figures(struct sctx *x, const struct report_scope *s, const char *from, const char *to)
{
    struct report_summary sum;
    struct report_base b;
    struct period p;

    memcpy(p.from, from, sizeof(p.from));
    memcpy(p.to, to, sizeof(p.to));
    if (report_base_of(x, &p, &b) != DB_OK || report_figures(x, s, &p, &b, 1, 0, &sum) != DB_OK) {
        CHECK(0, "report_figures %s..%s", from, to);
        memset(&sum, 0, sizeof(sum));
    }
    return sum;
}

int
main(void)
{
    struct report_summary sum;
    struct report_scope s;
    struct user leader;
    struct sctx *x;
    long long top;
    int ok;

    st_open();
    top = st_unit(0, "T.ANS.0", "Tỉnh (kiểm thử thời gian trả lời)", "province");
    a = st_unit(top, "T.ANS.1", "Xã A (kiểm thử thời gian trả lời)", "commune");
    bb = st_unit(top, "T.ANS.2", "Xã B (kiểm thử thời gian trả lời)", "commune");
    leader = st_user("t_ans_l", "Hoàng Văn Nam", "leader", top, 0);

    /* unit A */
    add_case(a, "2024-03-10 02:00:00", "2024-03-10 03:00:00", "answered", "2024-03-24");
    /* received before the period: not counted */
    add_case(a, "2024-03-20 01:00:00", "2024-03-20 05:00:00", "answered", "2024-04-03"); /* 4 h */
    add_case(a, "2024-04-02 03:00:00", "2024-04-03 03:00:00", "closed", "2024-04-16");   /* 24 h */
    add_case(a, "2024-04-15 03:00:00", "2024-04-15 05:30:00", "answered", "2024-04-29"); /* 2 h */
    /* 18:00 UTC on 30/04 is 01:00 on 01/05 in Vietnam: received in May */
    add_case(a, "2024-04-30 18:00:00", "2024-05-04 22:00:00", "answered", "2024-05-14"); /* 100 h */
    add_case(a, "2024-05-05 02:00:00", NULL, "accepted", "2024-05-08"); /* running, overdue */
    /* 17:30 UTC on 10/05 is 00:30 on 11/05 in Vietnam: after the period */
    add_case(a, "2024-05-10 17:30:00", "2024-05-10 20:30:00", "answered", "2024-05-24");
    /* unit B */
    add_case(bb, "2024-04-10 03:00:00", "2024-04-10 13:00:00", "answered", "2024-04-24"); /* 10 h */
    /* 17:30 UTC on 14/03 is 00:30 on 15/03 in Vietnam: the period's first day */
    add_case(bb, "2024-03-14 17:30:00", "2024-03-14 23:30:00", "answered", "2024-03-28"); /* 6 h */
    add_case(bb, "2024-04-20 03:00:00", NULL, "review", "2024-05-04");   /* running, overdue */
    add_case(bb, "2024-04-22 03:00:00", NULL, "rejected", "2024-05-06"); /* not running */

    /* the months and days as the write path and rebuild-stats keep them */
    st_exec(ANSWER_MONTH_RECOUNT(" AND f.unit_id IN (?, ?)"), DV_I(a), DV_I(bb));
    st_exec(ANSWER_DAY_RECOUNT(" AND f.unit_id IN (?, ?)"), DV_I(a), DV_I(bb));
    CHECK(st_num("SELECT COUNT(*) FROM stat_answer_day WHERE unit_id IN (?, ?)", DV_I(a),
                 DV_I(bb)) == 8,
          "one row per unit and local day of receipt with an answered case: A 6, B 2");
    CHECK_STR(st_str("SELECT CONCAT(answered, ' ', hours) FROM stat_answer_day"
                     " WHERE unit_id = ? AND day = '2024-05-01'",
                     DV_I(a)),
              "1 100:1", "A's 01/05: the case of 30/04 18:00 UTC, 100 hours");
    CHECK(st_num("SELECT COUNT(*) FROM stat_answer_month WHERE unit_id IN (?, ?)", DV_I(a),
                 DV_I(bb)) == 5,
          "one row per unit and local month of receipt: A March, April, May; B March, April");
    CHECK_STR(st_str("SELECT CONCAT(answered, ' ', hours_sum, ' ', hours) FROM stat_answer_month"
                     " WHERE unit_id = ? AND month = '2024-04-01'",
                     DV_I(a)),
              "2 26 2:1 24:1", "A's April: 2 h and 24 h (the case of 30/04 18:00 UTC is May's)");
    CHECK_STR(st_str("SELECT CONCAT(answered, ' ', hours) FROM stat_answer_month"
                     " WHERE unit_id = ? AND month = '2024-03-01'",
                     DV_I(bb)),
              "1 6:1", "B's March: the case of 14/03 17:30 UTC, received on 15/03 in Vietnam");

    st.x.user = &leader;
    x = &st.x;
    CHECK(report_scope(x, "", &s, &ok) == DB_OK && ok && s.unit_id == top, "the leader's scope");

    /* 15/03 to 10/05: the days of March, the whole of April, the days of May.
     * Hours 4, 24, 2, 100 (A), 10, 6 (B): sorted 2 4 6 10 24 100, n/2 = 3: 10 */
    sum = figures(x, &s, "2024-03-15", "2024-05-10");
    CHECK(sum.median_answer_hours == 10, "15/03–10/05: median 10 hours (got %lld)",
          sum.median_answer_hours);
    CHECK(sum.all.answer_known == 6, "15/03–10/05: 6 cases received and answered (got %lld)",
          sum.all.answer_known);
    CHECK(sum.all.overdue == 2, "15/03–10/05: 2 running cases past their due time (got %lld)",
          sum.all.overdue);
    CHECK(sum.nunits == 2 && sum.units[0].f.overdue == 1 && sum.units[1].f.overdue == 1 &&
              sum.units[0].f.answer_known == 4 && sum.units[1].f.answer_known == 2,
          "per sub-unit: A 4 answered, 1 overdue; B 2 answered, 1 overdue");

    /* April alone, one whole month from the aggregate: 2 24 (A), 10 (B) → 10 */
    sum = figures(x, &s, "2024-04-01", "2024-04-30");
    CHECK(sum.median_answer_hours == 10 && sum.all.answer_known == 3 && sum.all.overdue == 1,
          "April: 3 answered, median 10 hours, 1 overdue (got %lld, %lld, %lld)",
          sum.all.answer_known, sum.median_answer_hours, sum.all.overdue);

    /* 15/03 to 31/03, no whole month: 4 (A), 6 (B) → the upper one, 6 */
    sum = figures(x, &s, "2024-03-15", "2024-03-31");
    CHECK(sum.median_answer_hours == 6 && sum.all.answer_known == 2,
          "15/03–31/03: 2 answered, median 6 hours (got %lld, %lld)", sum.all.answer_known,
          sum.median_answer_hours);

    /* 01/05 to 10/05: only the case received at 01:00 on 01/05, 100 h */
    sum = figures(x, &s, "2024-05-01", "2024-05-10");
    CHECK(sum.median_answer_hours == 100 && sum.all.answer_known == 1 && sum.all.overdue == 1,
          "01/05–10/05: 1 answered in 100 hours, 1 overdue (got %lld, %lld, %lld)",
          sum.all.answer_known, sum.median_answer_hours, sum.all.overdue);

    /* the whole of 2024: 1 (10/03) and 3 (11/05) added: 1 2 3 4 6 10 24 100,
     * n/2 = 4: 6 */
    sum = figures(x, &s, "2024-01-01", "2024-12-31");
    CHECK(sum.median_answer_hours == 6 && sum.all.answer_known == 8 && sum.all.overdue == 2,
          "2024: 8 answered, median 6 hours, 2 overdue (got %lld, %lld, %lld)",
          sum.all.answer_known, sum.median_answer_hours, sum.all.overdue);

    /* February: nothing received */
    sum = figures(x, &s, "2024-02-01", "2024-02-29");
    CHECK(sum.median_answer_hours == -1 && sum.all.answer_known == 0 && sum.all.overdue == 0,
          "February: no case, no median");
    st.x.user = NULL;
    return st_close();
}
