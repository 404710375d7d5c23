/* test_aggregates.c — the daily aggregates (stat_day) on a real database:
 * ratings and feedback cases stored through the store on two fixed days,
 * Monday 02/03/2026 and Tuesday 03/03/2026 (Vietnam), read back with the
 * store's sums (stats_sums_by for units and counters, stats_sums_read for an
 * officer) against figures counted by hand from TT01 (ratings: three levels,
 * four criteria scored 1–3) and QĐ 766 (PAKN received, answered on time,
 * unhappy); then the recount (stats_rebuild) must give the same figures.
 *
 * The store dates what it writes with the clock; each day's batch is moved to
 * its day with SQL once written, the records and their aggregate rows alike,
 * so that nothing depends on today's date. */
#include "qrlink.h"
#include "stats.h"
#include "store.h"
#include "store_case.h"
#include "store_feedback.h"

#define DAY_A "2026-03-02"
#define DAY_B "2026-03-03"

static long long unit, c1, c2;
static struct user officer, answerer;
static struct qrlink at_c1, at_officer; /* a counter's link; the officer's, at counter 2 */
static int nidem;

/* A rating through link l: level, then the four criteria (0: not answered). */
static void
rate(const struct qrlink *l, int level, int att, int time, int trips, int guide)
{
    struct rating_in in = { .level = level,
                            .c_attitude = att,
                            .c_time = time,
                            .c_trips = trips,
                            .c_guidance = guide,
                            .comment = "",
                            .client_hash = "store-test",
                            .channel = "qr" };
    enum rating_result result;
    char ref[17];

    in.idem = pool_printf(&st.pool, "store-agg-r%d", ++nidem);
    st.x.user = NULL;
    CHECK(rating_save(&st.x, l, &in, ref, &result) == DB_OK && result == RATING_NEW,
          "rating_save (level %d)", level);
}

/* A case filed at counter (0: none) about officer_id (0: none); its id. */
static long long
file(const char *kind, const char *identity, long long counter, long long officer_id)
{
    struct fb_new in = { .kind = kind,
                         .unit_id = unit,
                         .counter_id = counter,
                         .officer_id = officer_id,
                         .identity = identity,
                         .content = "Nội dung phản ánh (kiểm thử số liệu)." };
    char code[32], key[TOKEN_NONCE_LEN + 1];

    if (strcmp(identity, "anonymous") != 0) {
        in.name = "Vũ Thị Ngọc";
        in.phone = "0977111222";
        in.address = "Xã Gia Viễn, tỉnh Ninh Bình";
    }
    in.idem = pool_printf(&st.pool, "store-agg-f%d", ++nidem);
    st.x.user = NULL;
    CHECK(feedback_create(&st.x, &in, code, key) == DB_OK, "feedback_create (%s)", kind);
    return st_num("SELECT id FROM feedback WHERE idem_key = ?", DV_S(in.idem));
}

/* The unit's officer answers case id; the citizen judges the answer (-1: not). */
static void
answer(long long id, int satisfied)
{
    struct case_row c = { 0 };
    struct scope s;

    st.x.user = &answerer;
    CHECK(case_scope(&st.x, &s) == DB_OK &&
              case_get(&st.x, &s, st_str("SELECT code FROM feedback WHERE id = ?", DV_I(id)), &c) ==
                  DB_OK &&
              case_answer(&st.x, &c, "Đơn vị đã xem xét và trả lời.") == DB_OK,
          "case_answer");
    st.x.user = NULL;
    if (satisfied >= 0) {
        CHECK(feedback_rate_answer(&st.x, id, satisfied) == DB_OK, "feedback_rate_answer");
    }
}

/* Everything written since the last batch moves to `day`: the ratings, cases,
 * events and verdicts (filed 09:00, answered 11:00, judged 12:00 in Vietnam,
 * answers due 10 working days later at 17:00) and their aggregate rows.
 * What was just written is told from what was moved by its date: the clock is
 * past June 2026, the fixed days are before it. */
static void
to_day(const char *day, const char *due)
{
    st_exec("UPDATE rating SET created_at = CONCAT(?, ' 02:00:00'), updated_at = created_at"
            " WHERE unit_id = ? AND created_at > '2026-06-01'",
            DV_S(day), DV_I(unit));
    st_exec("UPDATE feedback_event e JOIN feedback f ON f.id = e.feedback_id"
            "   SET e.at = CONCAT(?, IF(e.event = 'created', ' 02:00:00', ' 04:00:00'))"
            " WHERE f.unit_id = ? AND f.created_at > '2026-06-01'",
            DV_S(day), DV_I(unit));
    st_exec("UPDATE feedback_verdict SET at = CONCAT(?, ' 05:00:00')"
            " WHERE unit_id = ? AND at > '2026-06-01'",
            DV_S(day), DV_I(unit));
    st_exec("UPDATE feedback SET created_at = CONCAT(?, ' 02:00:00'),"
            "       due_at = CONCAT(?, ' 10:00:00'), forward_due = NULL,"
            "       answered_at = IF(answered_at IS NULL, NULL, CONCAT(?, ' 04:00:00'))"
            " WHERE unit_id = ? AND created_at > '2026-06-01'",
            DV_S(day), DV_S(due), DV_S(day), DV_I(unit));
    st_exec("UPDATE stat_day SET day = ?"
            " WHERE ((scope = 'unit' AND scope_id = ?) OR (scope = 'counter' AND scope_id IN (?, "
            "?))"
            "        OR (scope = 'officer' AND scope_id = ?))"
            "   AND day NOT IN ('" DAY_A "', '" DAY_B "')",
            DV_S(day), DV_I(unit), DV_I(c1), DV_I(c2), DV_I(officer.id));
}

/* The sums as one line: ratings r3 r2 r1 | criteria sums and counts |
 * cases answered on-time | verdicts unhappy forward-late | QĐ 766. */
static const char *
line(const struct stat_sums *s)
{
    return pool_printf(&st.pool,
                       "%lld %lld %lld %lld | %lld/%lld %lld/%lld %lld/%lld %lld/%lld |"
                       " %lld %lld %lld | %lld %lld %lld | %lld %lld %lld %lld %lld %lld",
                       s->ratings, s->r3, s->r2, s->r1, s->att_sum, s->att_n, s->time_sum,
                       s->time_n, s->trips_sum, s->trips_n, s->guide_sum, s->guide_n, s->feedback,
                       s->answered, s->answered_on_time, s->verdicts, s->verdicts_unsatisfied,
                       s->forward_late, s->pakn, s->anonymous, s->praise, s->pakn_answered,
                       s->pakn_on_time, s->pakn_unhappy);
}

/* The sums of scope ("unit", "counter") named `name` over [from, to]. */
static const char *
sums_by(const char *scope, const char *name, const char *from, const char *to)
{
    struct stat_sums s;
    int rc = st_sums_named(scope, name, from, to, strcmp(scope, "unit") ? unit : 0, &s);

    return rc < 0 ? "(error)" : rc ? "(none)" : line(&s);
}

/* The officer's sums over both days, read with STATS_DAY_SUMS. */
static const char *
officer_sums(void)
{
    struct stat_sums s;

    return st_sums_of("officer", officer.id, DAY_A, DAY_B, &s) ? "(error)" : line(&s);
}

/* Counted by hand from the batches in main. */
static const char *const UNIT_A = "4 2 1 1 | 6/3 5/3 4/2 4/2 | 3 1 1 | 1 1 0 | 1 1 1 1 1 1";
static const char *const UNIT_B = "3 1 1 1 | 0/0 0/0 2/1 0/0 | 1 1 1 | 1 0 0 | 0 0 0 0 0 0";
static const char *const UNIT_AB = "7 3 2 2 | 6/3 5/3 6/3 4/2 | 4 2 2 | 2 1 0 | 1 1 1 1 1 1";
static const char *const C1_AB = "4 2 1 1 | 5/2 4/2 5/2 3/1 | 2 1 1 | 0 0 0 | 1 1 0 1 1 1";
static const char *const C2_AB = "3 1 1 1 | 1/1 1/1 1/1 1/1 | 2 1 1 | 0 0 0 | 0 0 1 0 0 0";
static const char *const OFFICER_AB = "3 1 1 1 | 1/1 1/1 1/1 1/1 | 2 1 1 | 0 0 0 | 0 0 1 0 0 0";

static void
check_all(const char *when)
{
    const char *unit_name = "Trung tâm Phục vụ hành chính công (kiểm thử số liệu)";

    CHECK_STR(sums_by("unit", unit_name, DAY_A, DAY_A), UNIT_A, "%s: the unit on Monday", when);
    CHECK_STR(sums_by("unit", unit_name, DAY_B, DAY_B), UNIT_B, "%s: the unit on Tuesday", when);
    CHECK_STR(sums_by("unit", unit_name, DAY_A, DAY_B), UNIT_AB, "%s: the unit over both days",
              when);
    CHECK_STR(sums_by("unit", unit_name, "2026-03-04", "2026-03-31"), "(none)",
              "%s: no row of the unit on the days after", when);
    CHECK_STR(sums_by("counter", pool_printf(&st.pool, "Quầy 01 · %s", "TTPVHCC (kiểm thử)"), DAY_A,
                      DAY_B),
              C1_AB, "%s: counter 1 over both days", when);
    CHECK_STR(sums_by("counter", pool_printf(&st.pool, "Quầy 02 · %s", "TTPVHCC (kiểm thử)"), DAY_A,
                      DAY_B),
              C2_AB, "%s: counter 2 over both days", when);
    CHECK_STR(officer_sums(), OFFICER_AB, "%s: the officer over both days", when);
}

int
main(void)
{
    long long parent, f;
    int days, months;

    st_open();
    parent = st_unit(0, "T.AGG.0", "Ủy ban nhân dân tỉnh (kiểm thử số liệu)", "province");
    unit = st_unit(parent, "T.AGG.1", "Trung tâm Phục vụ hành chính công (kiểm thử số liệu)",
                   "centre");
    st_exec("UPDATE org_unit SET short_name = 'TTPVHCC (kiểm thử)' WHERE id = ?", DV_I(unit));
    c1 = st_counter(unit, "Q01", "Quầy 01", 1);
    c2 = st_counter(unit, "Q02", "Quầy 02", 2);
    officer = st_user("t_agg_o1", "Bùi Văn Nam", "officer", unit, c2);
    answerer = st_user("t_agg_o2", "Ngô Thị Thảo", "officer", unit, 0);
    st_link(&at_c1, unit, "counter", c1, 0);
    st_link(&at_officer, unit, "officer", c2, officer.id);

    /* Monday: four ratings, three cases; the named petition (a PAKN) answered
     * on time and judged "không hài lòng" */
    rate(&at_c1, 3, 3, 3, 3, 3);
    rate(&at_c1, 3, 0, 0, 0, 0);
    rate(&at_c1, 2, 2, 1, 0, 0);
    rate(&at_officer, 1, 1, 1, 1, 1);
    f = file("petition", "named", c1, 0);
    file("suggestion", "anonymous", c1, 0);
    file("praise", "named", c2, officer.id);
    answer(f, 0);
    to_day(DAY_A, "2026-03-16");

    /* Tuesday: three ratings, one confidential conduct case (no PAKN: only a
     * named petition is one) answered on time, the citizen satisfied */
    rate(&at_c1, 1, 0, 0, 2, 0);
    rate(&at_officer, 3, 0, 0, 0, 0);
    rate(&at_officer, 2, 0, 0, 0, 0);
    f = file("conduct", "confidential", c2, officer.id);
    answer(f, 1);
    to_day(DAY_B, "2026-03-17");

    check_all("as written");
    CHECK(stats_rebuild(&st.x, &days, &months) == DB_OK, "stats_rebuild");
    check_all("recounted");
    st.x.user = NULL;
    return st_close();
}
