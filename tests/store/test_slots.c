/* test_slots.c — the hot rows spread over slots, on a real database:
 * ratings and a case stored through the store with Stats.Slots = 8 land in
 * several slot rows of stat_day, and the figures read back (stats_sums_by,
 * STATS_DAY_SUMS) are the ones counted by hand; the recount gives the same
 * figures and leaves one slot-0 row per day; the rebuild of stat_dossier_day
 * folds its slots into slot 0.  Then the rate limits: a limit of N spread over
 * slots, or on one row, lets N hits through one after another and refuses
 * the next (a refused one is not counted), through ratelimit_take and through
 * a rating's own transaction. */
#include "qrlink.h"
#include "ratelimit.h"
#include "stats.h"
#include "store.h"
#include "store_feedback.h"

static long long unit, c1, c2;
static struct user officer;
static int nidem;

/* A rating of level (attitude scored att, 0: not answered) through l, under
 * limits (NULL: none); what rating_save made of it. */
static enum rating_result
rating(const struct qrlink *l, int level, int att, const struct ratelimit *limits)
{
    struct rating_in in = { .level = level,
                            .c_attitude = att,
                            .comment = "",
                            .channel = "qr",
                            .limits = limits };
    enum rating_result result = RATING_NEW;
    char ref[17];

    in.client_hash = "store-slots";
    in.idem = pool_printf(&st.pool, "store-slots-%d", ++nidem);
    st.x.user = NULL;
    if (rating_save(&st.x, l, &in, ref, &result) != DB_OK) {
        printf("# rating_save: %s\n", db_error(st_db));
        return (enum rating_result) - 1;
    }
    return result;
}

/* ratings r3 r2 r1 attitude-sum/count feedback */
static const char *
line(const struct stat_sums *s)
{
    return pool_printf(&st.pool, "%lld %lld %lld %lld %lld/%lld %lld", s->ratings, s->r3, s->r2,
                       s->r1, s->att_sum, s->att_n, s->feedback);
}

static const char *
sums_by(const char *scope, const char *name)
{
    struct stat_sums s;
    int rc = st_sums_named(scope, name, "2026-01-01", "2099-12-31",
                           strcmp(scope, "unit") ? unit : 0, &s);

    return rc < 0 ? "(error)" : rc ? "(none)" : line(&s);
}

static const char *
officer_sums(void)
{
    struct stat_sums s;

    return st_sums_of("officer", officer.id, "2026-01-01", "2099-12-31", &s) ? "(error)" : line(&s);
}

/* This test's rows of stat_day: "<rows> <rows in a slot other than 0>". */
static const char *
day_rows(void)
{
    return st_str("SELECT CONCAT(COUNT(*), ' ', SUM(slot <> 0)) FROM stat_day"
                  " WHERE (scope = 'unit' AND scope_id = ?) OR (scope = 'counter' AND scope_id"
                  " IN (?, ?)) OR (scope = 'officer' AND scope_id = ?)",
                  DV_I(unit), DV_I(c1), DV_I(c2), DV_I(officer.id));
}

/* Counted by hand from the ratings in aggregates(). */
static const char *const UNIT = "12 5 3 4 11/5 1";
static const char *const C1 = "8 4 2 2 6/3 1";
static const char *const C2 = "4 1 1 2 5/2 0";
static const char *const OFFICER = "4 1 1 2 5/2 0";

static void
check_figures(const char *when)
{
    CHECK_STR(sums_by("unit", "Trung tâm Phục vụ hành chính công (kiểm thử khe)"), UNIT,
              "%s: the unit", when);
    CHECK_STR(sums_by("counter", "Quầy 01 · TTPVHCC (khe)"), C1, "%s: counter 1", when);
    CHECK_STR(sums_by("counter", "Quầy 02 · TTPVHCC (khe)"), C2, "%s: counter 2", when);
    CHECK_STR(officer_sums(), OFFICER, "%s: the officer", when);
}

static void
aggregates(void)
{
    static const int a_levels[8] = { 3, 3, 3, 2, 2, 1, 3, 1 }, a_att[8] = { 3, 2, 0, 0, 1 };
    static const int b_levels[4] = { 2, 3, 1, 1 }, b_att[4] = { 0, 3, 0, 2 };
    struct qrlink at_c1, at_officer;
    struct fb_new fb = { .kind = "suggestion",
                         .identity = "named",
                         .name = "Đinh Thị Hoa",
                         .phone = "0912000111",
                         .address = "Xã Gia Viễn, tỉnh Ninh Bình",
                         .content = "Góp ý về giờ làm việc của quầy (kiểm thử khe)." };
    char code[32], key[TOKEN_NONCE_LEN + 1];
    int days, months, ok = 1;

    st_link(&at_c1, unit, "counter", c1, 0);
    st_link(&at_officer, unit, "officer", c2, officer.id);
    for (int i = 0; i < 8; i++) {
        ok &= rating(&at_c1, a_levels[i], a_att[i], NULL) == RATING_NEW;
    }
    for (int i = 0; i < 4; i++) {
        ok &= rating(&at_officer, b_levels[i], b_att[i], NULL) == RATING_NEW;
    }
    CHECK(ok, "twelve ratings stored");
    fb.unit_id = unit;
    fb.counter_id = c1;
    fb.idem = "store-slots-case";
    CHECK(feedback_create(&st.x, &fb, code, key) == DB_OK, "a case filed at counter 1");
    /* twelve ratings over 8 slots all in one: 8^-11 */
    CHECK(st_num("SELECT COUNT(DISTINCT slot) FROM stat_day WHERE scope = 'unit'"
                 " AND scope_id = ?",
                 DV_I(unit)) > 1,
          "the unit's ratings are spread over several slot rows");
    check_figures("as written");

    CHECK(stats_rebuild(&st.x, &days, &months) == DB_OK, "stats_rebuild");
    check_figures("recounted");
    /* one day: one row each for the unit, two counters and the officer */
    CHECK_STR(day_rows(), "4 0", "the recount leaves one slot-0 row per scope and day");
}

static void
dossier_day_fold(void)
{
    st_exec("INSERT INTO stat_dossier_day (scope, scope_id, day, slot, received, unhappy)"
            " VALUES ('unit', ?, '2026-03-02', 0, 5, 1), ('unit', ?, '2026-03-02', 3, 6, 2),"
            "        ('unit', ?, '2026-03-02', 5, 7, 4)",
            DV_I(unit), DV_I(unit), DV_I(unit));
    CHECK(stats_dossier_rebuild(&st.x) == DB_OK, "stats_dossier_rebuild");
    /* received is recounted from the unit's dossiers (none); unhappy is not
     * this rebuild's: the slots' 1 + 2 + 4 are kept, in slot 0 */
    CHECK_STR(st_str("SELECT GROUP_CONCAT(slot, ' ', received, ' ', unhappy) FROM stat_dossier_day"
                     " WHERE scope = 'unit' AND scope_id = ?",
                     DV_I(unit)),
              "0 0 7", "stat_dossier_day's slots folded into slot 0");
}

/* n hits on l, each in its own transaction (committed when allowed, rolled
 * back when refused): "allowed allowed … refused" as 1s and 0s. */
static const char *
hits(const struct ratelimit *l, int n)
{
    char *out = pool_alloc(&st.pool, (size_t)n + 1);

    for (int i = 0; i < n; i++) {
        int allowed = -1;

        if (db_begin(st_db) != DB_OK || ratelimit_take(&st.x, l, 3600, &allowed) != DB_OK) {
            db_rollback(st_db);
            return "(error)";
        }
        if (allowed) {
            db_commit(st_db);
        } else {
            db_rollback(st_db);
        }
        out[i] = allowed ? '1' : '0';
    }
    out[n] = '\0';
    return out;
}

static void
rate_limits(void)
{
    const struct ratelimit spread = { "t-slots", "link-of-a-test", 10, 16 };
    const struct ratelimit one = { "t-slots", "an-address", 3, 1 };
    struct ratelimit limits[2];
    struct qrlink l;
    int ok = 1;

    CHECK_STR(hits(&spread, 12), "111111111100",
              "a limit of 10 over 16 slots: 10 pass, 11th refused");
    CHECK_STR(st_str("SELECT CONCAT(SUM(hits), ' ', COUNT(DISTINCT slot) > 1) FROM rate_limit"
                     " WHERE bucket = 't-slots' AND k = 'link-of-a-test'"),
              "10 1", "the 10 hits are on several slot rows; the refused ones are not counted");
    CHECK_STR(hits(&one, 5), "11100", "a limit of 3 on one row: 3 pass, 4th refused");
    CHECK_STR(st_str("SELECT GROUP_CONCAT(slot, ' ', hits) FROM rate_limit"
                     " WHERE bucket = 't-slots' AND k = 'an-address'"),
              "0 3", "one row, slot 0, 3 hits");

    /* through a rating: the link's limit (3, over 8 slots), then the address's (5) */
    st_link(&l, unit, "counter", c1, 0);
    limits[0] = (struct ratelimit){ "rate-ip", "192.0.2.61", 100, 1 };
    limits[1] = (struct ratelimit){ "rate-link", l.token, 3, 8 };
    for (int i = 0; i < 3; i++) {
        ok &= rating(&l, 3, 0, limits) == RATING_NEW;
    }
    CHECK(ok, "three ratings through a link with a limit of 3");
    CHECK(rating(&l, 3, 0, limits) == RATING_LIMITED, "the fourth is refused");
    CHECK_STR(st_str("SELECT COUNT(*) FROM rating WHERE qr_link_id = ?", DV_I(l.id)), "3",
              "the refused rating is not stored");
    st_link(&l, unit, "counter", c1, 0);
    limits[0] = (struct ratelimit){ "rate-ip", "192.0.2.62", 2, 1 };
    limits[1] = (struct ratelimit){ "rate-link", l.token, 600, 8 };
    ok = rating(&l, 2, 0, limits) == RATING_NEW && rating(&l, 2, 0, limits) == RATING_NEW;
    CHECK(ok && rating(&l, 2, 0, limits) == RATING_LIMITED,
          "an address's limit of 2: the third rating is refused");
}

int
main(void)
{
    long long parent;

    st_open();
    hdf_set_value(st_conf, "Stats.Slots", "8");
    parent = st_unit(0, "T.SLOT.0", "Ủy ban nhân dân tỉnh (kiểm thử khe)", "province");
    unit =
        st_unit(parent, "T.SLOT.1", "Trung tâm Phục vụ hành chính công (kiểm thử khe)", "centre");
    st_exec("UPDATE org_unit SET short_name = 'TTPVHCC (khe)' WHERE id = ?", DV_I(unit));
    c1 = st_counter(unit, "Q01", "Quầy 01", 1);
    c2 = st_counter(unit, "Q02", "Quầy 02", 2);
    officer = st_user("t_slot_o1", "Trần Văn Khải", "officer", unit, c2);

    aggregates();
    dossier_day_fold();
    rate_limits();
    st.x.user = NULL;
    return st_close();
}
