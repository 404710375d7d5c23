/* test_report.c — the leader's report store, called with a store context and
 * no page: a leader's scope, the figures of a scope added up from its
 * sub-units' daily aggregates and ranked, the counters and officers, the
 * recounts, the monthly trend, the public QĐ 766 rows, a list's columns and
 * the audit trail, whole and streamed.  The aggregates are written by hand
 * for today, so the period is the current month up to today. */
#include <string.h>

#include "audit.h"
#include "store.h"
#include "store_report.h"

static int
count_rows(void *arg, const struct dbres *rows)
{
    *(size_t *)arg += rows->nrows;
    return 0;
}

/* The received list of May 2019 as codes, "," between; *total its count. */
static const char *
received_codes(const struct report_scope *s, char *buf, size_t len, long long *total)
{
    struct period may = { "2019-05-01", "2019-05-31" };
    struct dbres res;
    size_t used = 0;

    buf[0] = '\0';
    *total = -1;
    if (report_list(&st.x, s, &may, "received", 0, 10, &res, total) != DB_OK) {
        return "(error)";
    }
    for (size_t i = 0; i < res.nrows; i++) {
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? "," : "",
                                 dbres_get(&res, i, RL_SHOWN));
    }
    return buf;
}

/* A list of a period's dossiers is read from the scope's units when the scope
 * is a sub-unit holding under 5 % of the period's dossiers (the aggregates
 * say), else from the dossiers (a whole tree always); either way it lists
 * the same dossiers in the same order.
 * Province Q: unit C received K1 (10/05/2019), then K2 (written later, its
 * day set to 03/05/2019), unit D received K3 (20/05/2019); no other test has
 * May 2019.  Expected by hand, by the day received: C's list K2, K1; Q's list
 * K2, K1, K3. */
static void
lists_of_dossiers(void)
{
    long long q = st_unit(0, "T.REP.Q", "Tỉnh Q (kiểm thử danh sách)", "province");
    long long c = st_unit(q, "T.REP.QC", "Xã C (kiểm thử danh sách)", "commune");
    long long d = st_unit(q, "T.REP.QD", "Xã D (kiểm thử danh sách)", "commune");
    long long far = st_unit(0, "T.REP.QZ", "Tỉnh Z (kiểm thử danh sách)", "province");
    long long proc = st_procedure("T.REP.QF", "T.REP.QP", "Thủ tục kiểm thử danh sách", q);
    struct user lq = st_user("t_rep_lq", "Lê Thị Quỳnh", "leader", q, 0);
    struct user oc = st_user("t_rep_oc", "Trần Văn Cường", "officer", c, 0);
    struct user od = st_user("t_rep_od", "Đỗ Văn Dũng", "officer", d, 0);
    static const char *const at[3] = { "2019-05-10 02:00:00", "2019-05-03 02:00:00",
                                       "2019-05-20 02:00:00" };
    char code[3][64], want[3 * 64 + 3], got[16 * 64];
    struct report_scope sq, sc;
    long long total;
    int ok;

    for (int i = 0; i < 3; i++) {
        long long id = st_receive(i < 2 ? c : d, proc, i < 2 ? &oc : &od, code[i]);

        st_exec("UPDATE dossier SET received_at = ? WHERE id = ?", DV_S(at[i]), DV_I(id));
    }
    /* May 2019 in the aggregates: C 2, D 1, and province Z 100 */
    st_exec("INSERT INTO stat_dossier_day (scope, scope_id, day, received) VALUES"
            " ('unit', ?, '2019-05-10', 1), ('unit', ?, '2019-05-03', 1),"
            " ('unit', ?, '2019-05-20', 1), ('unit', ?, '2019-05-15', 100)",
            DV_I(c), DV_I(c), DV_I(d), DV_I(far));
    st.x.user = &lq;
    CHECK(report_scope(&st.x, "", &sq, &ok) == DB_OK && ok, "province Q's leader");
    CHECK(report_scope(&st.x, "T.REP.QC", &sc, &ok) == DB_OK && ok, "and its commune C");

    /* C, 2 of 103: from its unit; Z had none: C, 2 of 3, from the dossiers;
     * Q, a whole tree, from the dossiers both times */
    for (int round = 0; round < 2; round++) {
        const char *how = round == 0 ? "under 5 % of May" : "most of May";

        snprintf(want, sizeof(want), "%s,%s", code[1], code[0]);
        CHECK_STR(received_codes(&sc, got, sizeof(got), &total), want, "C, %s: its list", how);
        CHECK(total == 2, "C, %s: 2 received", how);
        snprintf(want, sizeof(want), "%s,%s,%s", code[1], code[0], code[2]);
        CHECK_STR(received_codes(&sq, got, sizeof(got), &total), want, "Q, %s: its list", how);
        CHECK(total == 3, "Q, %s: 3 received", how);
        st_exec("UPDATE stat_dossier_day SET received = 0 WHERE scope = 'unit' AND scope_id = ?",
                DV_I(far));
    }
}

int
main(void)
{
    struct sctx *x;
    struct report_scope s, sa;
    struct report_base b;
    struct report_summary sum;
    struct report_public_row *pub;
    struct report_person *people[REPORT_PEOPLE];
    struct audit_filter f = { .action_key = "report_export" };
    struct user leader, officer;
    struct period p;
    struct dbres res;
    const struct report_public_row *row_a = NULL, *row_top = NULL;
    long long top, a, bb, other, total = -1;
    size_t n, npeople[REPORT_PEOPLE], streamed = 0;
    int ok;

    st_open();
    top = st_unit(0, "T.REP.0", "Tỉnh (kiểm thử báo cáo)", "province");
    a = st_unit(top, "T.REP.1", "Xã A (kiểm thử báo cáo)", "commune");
    bb = st_unit(top, "T.REP.2", "Xã B (kiểm thử báo cáo)", "commune");
    other = st_unit(0, "T.REP.9", "Tỉnh khác (kiểm thử báo cáo)", "province");
    leader = st_user("t_rep_l", "Lê Văn Lãnh", "leader", top, 0);
    officer = st_user("t_rep_o", "Phạm Thị Mai", "officer", a, 0);
    stats_today(p.to);
    memcpy(p.from, p.to, sizeof(p.from));
    memcpy(p.from + 8, "01", 2);

    /* today: unit A 4 received (2 in time), 3 finished (1 late), 4 ratings
     * (1 not satisfied); unit B 2 received in time, 2 finished, 2 ratings */
    st_exec("INSERT INTO stat_dossier_day (scope, scope_id, day, received, finished, early,"
            "  on_time, late, recv_in_time) VALUES ('unit', ?, ?, 4, 3, 1, 1, 1, 2),"
            " ('unit', ?, ?, 2, 2, 0, 2, 0, 2)",
            DV_I(a), DV_S(p.to), DV_I(bb), DV_S(p.to));
    st_exec("INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1)"
            " VALUES ('unit', ?, ?, 4, 3, 0, 1), ('unit', ?, ?, 2, 0, 2, 0),"
            " ('officer', ?, ?, 2, 2, 0, 0)",
            DV_I(a), DV_S(p.to), DV_I(bb), DV_S(p.to), DV_I(officer.id), DV_S(p.to));
    /* the other province, the same day: 50 received, 40 ratings, none of
     * them the province's */
    st_exec("INSERT INTO stat_dossier_day (scope, scope_id, day, received) VALUES ('unit', ?, ?, "
            "50)",
            DV_I(other), DV_S(p.to));
    st_exec("INSERT INTO stat_day (scope, scope_id, day, ratings, r1) VALUES ('unit', ?, ?, 40, "
            "40)",
            DV_I(other), DV_S(p.to));
    st_exec("INSERT INTO stat_correction (corrected_at, month, unit_id, late_before, late_after,"
            "  ontime_before, ontime_after) VALUES (UTC_TIMESTAMP(), ?, ?, 2, 1, 3, 4)",
            DV_S(p.from), DV_I(a));

    st.x.user = &leader;
    x = &st.x;
    CHECK(report_scope(x, "", &s, &ok) == DB_OK && ok && s.unit_id == top && !s.training,
          "report_scope: no code is the leader's own unit");
    CHECK(report_scope(x, "T.REP.1", &sa, &ok) == DB_OK && ok && sa.unit_id == a,
          "report_scope: a unit of the subtree by its code");
    CHECK(report_scope(x, "T.REP.9", &sa, &ok) == DB_OK && !ok,
          "report_scope: a unit outside the subtree is not allowed");
    report_scope(x, "T.REP.1", &sa, &ok);

    CHECK(report_base_of(x, &p, &b) == DB_OK && b.base && b.version,
          "report_base_of: the legal version in force names the on-time base");
    CHECK(report_figures(x, &s, &p, &b, 1, 3, &sum) == DB_OK, "report_figures of the province");
    CHECK(sum.all.received == 6 && sum.all.finished == 5 && sum.all.late_finished == 1 &&
              sum.all.ratings == 6 && sum.all.r1 == 1 && sum.all.r2 == 2,
          "the province's figures are its sub-units' added up");
    CHECK(sum.median_delay == -1 && sum.median_answer_hours == -1,
          "no late dossier and no answer: no medians");
    CHECK(sum.nunits == 2, "two sub-units");
    /* a scope of more units than Report.UnitsInStatement reads the period's
     * rows of every unit: the same figures, the other province's left out */
    hdf_set_value(st_conf, "Report.UnitsInStatement", "1");
    CHECK(report_figures(x, &s, &p, &b, 1, 3, &sum) == DB_OK && sum.all.received == 6 &&
              sum.all.finished == 5 && sum.all.late_finished == 1 && sum.all.ratings == 6 &&
              sum.all.r1 == 1 && sum.all.r2 == 2 && sum.nunits == 2 &&
              sum.units[0].f.received == 4 && sum.units[1].f.received == 2,
          "the figures of a scope of more units than written in a statement: the same");
    hdf_set_value(st_conf, "Report.UnitsInStatement", "2000");
    CHECK(report_figures(x, &s, &p, &b, 1, 3, &sum) == DB_OK, "report_figures again");
    if (sum.nunits == 2) {
        CHECK_STR(sum.units[0].code, "T.REP.1", "sub-units by name: A first");
        CHECK(sum.units[0].f.received == 4 && sum.units[1].f.received == 2,
              "each sub-unit with its own figures");
        /* 3 ratings or more rank: A (4) ranks, B (2) does not */
        CHECK(sum.units[0].rank_ratings_share == 1 && sum.units[1].rank_ratings_share == 0,
              "the satisfaction ranking leaves out a base under the minimum");
        CHECK(sum.units[0].rank_on_time == 1 && sum.units[1].rank_on_time == 0,
              "the on-time ranking too");
    }
    CHECK(report_figures(x, &sa, &p, &b, 0, 0, &sum) == DB_OK && sum.all.received == 4 &&
              sum.nunits == 0,
          "report_figures of unit A alone, without sub-units");

    /* late dossiers of a period: its whole months from stat_late_month, the
     * days at its ends from stat_late.  Unit A, by day of the statutory
     * appointment: 29/01 128, 30/01 1, 31/01 2, 01/02 4, 28/02 8, 01/03 16,
     * 02/03 32, 03/03 64; unit B, 10/02 256 (powers of two: a day counted
     * twice or left out shows); the months are their days added up, as they
     * are kept */
    {
        static const struct {
            const char *from, *to;
            long long late;
        } late_periods[] = {
            { "2025-01-30", "2025-03-02",
              1 + 2 + 4 + 8 + 16 + 32 + 256 }, /* days, February, days */
            { "2025-01-31", "2025-03-01", 2 + 4 + 8 + 16 + 256 },
            { "2025-02-01", "2025-02-28", 4 + 8 + 256 }, /* February alone */
            { "2025-02-02", "2025-02-27", 256 },         /* no whole month */
            { "2025-01-01", "2025-03-31", 128 + 1 + 2 + 4 + 8 + 16 + 32 + 64 + 256 },
            { "2025-02-28", "2025-03-01", 8 + 16 }, /* across a month's end */
        };
        struct period lp;
        struct report_base lb;
        struct dbres mark;

        st_exec("INSERT INTO stat_late (unit_id, day, delay, late) VALUES"
                " (?, '2025-01-29', 1, 128), (?, '2025-01-30', 2, 1), (?, '2025-01-31', 1, 2),"
                " (?, '2025-02-01', 3, 4), (?, '2025-02-28', 0, 8), (?, '2025-03-01', 5, 16),"
                " (?, '2025-03-02', 5, 32), (?, '2025-03-03', 1, 64), (?, '2025-02-10', 2, 256)",
                DV_I(a), DV_I(a), DV_I(a), DV_I(a), DV_I(a), DV_I(a), DV_I(a), DV_I(a), DV_I(bb));
        st_exec("INSERT INTO stat_late_month (unit_id, month, delay, late)"
                " SELECT unit_id, DATE_FORMAT(day, '%Y-%m-01'), delay, SUM(late) FROM stat_late"
                "  WHERE unit_id IN (?, ?) GROUP BY 1, 2, 3",
                DV_I(a), DV_I(bb));
        /* complete up to the end of 2025 (the mark put back afterwards) */
        db_query(st_db, &st.pool, "SELECT day FROM stat_mark WHERE name = 'late'", DB_NOARGS,
                 &mark);
        st_exec0("INSERT INTO stat_mark (name, day) VALUES ('late', '2025-12-31')"
                 " ON DUPLICATE KEY UPDATE day = VALUES(day)");
        for (size_t i = 0; i < sizeof(late_periods) / sizeof(late_periods[0]); i++) {
            snprintf(lp.from, sizeof(lp.from), "%s", late_periods[i].from);
            snprintf(lp.to, sizeof(lp.to), "%s", late_periods[i].to);
            CHECK(report_base_of(x, &lp, &lb) == DB_OK &&
                      report_figures(x, &s, &lp, &lb, 0, 0, &sum) == DB_OK &&
                      sum.all.late == late_periods[i].late,
                  "late dossiers from %s to %s: %lld", lp.from, lp.to, late_periods[i].late);
        }
        if (mark.nrows) {
            st_exec("UPDATE stat_mark SET day = ? WHERE name = 'late'",
                    DV_S(dbres_get(&mark, 0, 0)));
        } else {
            st_exec0("DELETE FROM stat_mark WHERE name = 'late'");
        }
        st_exec("DELETE FROM stat_late WHERE unit_id IN (?, ?)", DV_I(a), DV_I(bb));
        st_exec("DELETE FROM stat_late_month WHERE unit_id IN (?, ?)", DV_I(a), DV_I(bb));
    }

    /* dossiers received, ratings and an officer's ratings of a period: its
     * whole months from stat_dossier_month and stat_month (kept from the
     * daily rows by the triggers of sql/340), the days at its ends from
     * stat_dossier_day and stat_day.  The same powers of two as above, in
     * 2024 (a leap year): unit A 29/01 128, 30/01 1, 31/01 2, 01/02 4, 29/02 8
     * (5 and 3 in two slots), 01/03 16, 02/03 32, 03/03 64; unit B 10/02 256;
     * the officer's ratings the same nine.  Each sum worked out by hand from
     * the days in the period. */
    {
        static const struct {
            const char *from, *to;
            long long n;
        } periods[] = {
            { "2024-01-30", "2024-03-02",
              1 + 2 + 4 + 8 + 16 + 32 + 256 }, /* days, February, days */
            { "2024-01-31", "2024-03-01", 2 + 4 + 8 + 16 + 256 },
            { "2024-02-01", "2024-02-29", 4 + 8 + 256 }, /* February alone */
            { "2024-02-02", "2024-02-28", 256 },         /* no whole month */
            { "2024-01-01", "2024-03-31", 128 + 1 + 2 + 4 + 8 + 16 + 32 + 64 + 256 },
            { "2024-02-29", "2024-03-01", 8 + 16 },                    /* across a month's end */
            { "2023-12-15", "2024-02-29", 128 + 1 + 2 + 4 + 8 + 256 }, /* and a year's */
        };
        static const char *const units_in[] = { "2000", "1" };
        struct period mp;
        struct report_base mb;
        static const char *const rows =
            " VALUES ('%s', ?, '2024-01-29', 0, 128), ('%s', ?, '2024-01-30', 0, 1),"
            " ('%s', ?, '2024-01-31', 0, 2), ('%s', ?, '2024-02-01', 0, 4),"
            " ('%s', ?, '2024-02-29', 0, 5), ('%s', ?, '2024-02-29', 3, 3),"
            " ('%s', ?, '2024-03-01', 0, 16), ('%s', ?, '2024-03-02', 0, 32),"
            " ('%s', ?, '2024-03-03', 0, 64), ('%s', ?, '2024-02-10', 0, 256)";
        char sql[1024]; /* each text through db_text: statements are kept by their text's address */

        for (int t = 0; t < 3; t++) {
            const char *scope = t == 2 ? "officer" : "unit";
            long long id = t == 2 ? officer.id : a, last = t == 2 ? officer.id : bb;

            snprintf(sql, sizeof(sql), "%s (scope, scope_id, day, slot, %s)",
                     t == 0 ? "INSERT INTO stat_dossier_day" : "INSERT INTO stat_day",
                     t == 0 ? "received" : "ratings");
            snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), rows, scope, scope, scope, scope,
                     scope, scope, scope, scope, scope, scope);
            st_exec(db_text(sql), DV_I(id), DV_I(id), DV_I(id), DV_I(id), DV_I(id), DV_I(id),
                    DV_I(id), DV_I(id), DV_I(id), DV_I(last));
        }
        for (size_t u = 0; u < 2; u++) {
            hdf_set_value(st_conf, "Report.UnitsInStatement", units_in[u]);
            for (size_t i = 0; i < sizeof(periods) / sizeof(periods[0]); i++) {
                snprintf(mp.from, sizeof(mp.from), "%s", periods[i].from);
                snprintf(mp.to, sizeof(mp.to), "%s", periods[i].to);
                CHECK(report_base_of(x, &mp, &mb) == DB_OK &&
                          report_figures(x, &s, &mp, &mb, 0, 0, &sum) == DB_OK &&
                          sum.all.received == periods[i].n && sum.all.ratings == periods[i].n,
                      "received and ratings from %s to %s (%s units in a statement): %lld, %lld"
                      " (%lld)",
                      mp.from, mp.to, units_in[u], sum.all.received, sum.all.ratings, periods[i].n);
                CHECK(report_people(x, &s, &mp, 1, people, npeople) == DB_OK &&
                          npeople[REPORT_OFFICERS] == 1 &&
                          people[REPORT_OFFICERS][0].ratings == periods[i].n,
                      "the officer's ratings from %s to %s: %lld", mp.from, mp.to, periods[i].n);
            }
        }
        hdf_set_value(st_conf, "Report.UnitsInStatement", "2000");
        /* a day's row changed, removed, moved to another month: its months follow */
        st_exec("UPDATE stat_dossier_day SET received = received + 1024"
                " WHERE scope = 'unit' AND scope_id = ? AND day = '2024-02-01'",
                DV_I(a));
        st_exec("DELETE FROM stat_dossier_day WHERE scope = 'unit' AND scope_id = ?"
                "   AND day = '2024-02-10'",
                DV_I(bb));
        st_exec("UPDATE stat_day SET day = '2024-03-15'"
                " WHERE scope = 'unit' AND scope_id = ? AND day = '2024-02-01'",
                DV_I(a));
        memcpy(mp.from, "2024-02-01", 11);
        memcpy(mp.to, "2024-02-29", 11);
        CHECK(report_base_of(x, &mp, &mb) == DB_OK &&
                  report_figures(x, &s, &mp, &mb, 0, 0, &sum) == DB_OK &&
                  sum.all.received == 4 + 1024 + 8 && sum.all.ratings == 8 + 256,
              "February after the changes: received 1036, ratings 264 (%lld, %lld)",
              sum.all.received, sum.all.ratings);
        memcpy(mp.from, "2024-03-01", 11);
        memcpy(mp.to, "2024-03-31", 11);
        CHECK(report_base_of(x, &mp, &mb) == DB_OK &&
                  report_figures(x, &s, &mp, &mb, 0, 0, &sum) == DB_OK &&
                  sum.all.received == 16 + 32 + 64 && sum.all.ratings == 16 + 32 + 4 + 64,
              "March: received 112, ratings 116 with the moved day (%lld, %lld)", sum.all.received,
              sum.all.ratings);
        for (int t = 0; t < 2; t++) {
            snprintf(sql, sizeof(sql),
                     "DELETE FROM %s WHERE scope_id IN (?, ?, ?) AND day < '2025-01-01'",
                     t ? "stat_day" : "stat_dossier_day");
            st_exec(db_text(sql), DV_I(a), DV_I(bb), DV_I(officer.id));
        }
        CHECK(st_num("SELECT COALESCE(SUM(ratings), 0) FROM stat_month"
                     " WHERE scope = 'unit' AND month < '2025-01-01' AND scope_id IN (SELECT id "
                     "FROM org_unit"
                     " WHERE code LIKE 'T.REP._')") == 0 &&
                  st_num("SELECT COALESCE(SUM(received), 0) FROM stat_dossier_month"
                         " WHERE scope = 'unit' AND month < '2025-01-01' AND scope_id IN (SELECT "
                         "id FROM org_unit"
                         " WHERE code LIKE 'T.REP._')") == 0,
              "their days removed, the months hold nothing more");
    }

    CHECK(report_people(x, &s, &p, 1, people, npeople) == DB_OK && npeople[REPORT_COUNTERS] == 0 &&
              npeople[REPORT_OFFICERS] == 1,
          "report_people: no counter, one officer");
    if (npeople[REPORT_OFFICERS] == 1) {
        CHECK_STR(people[REPORT_OFFICERS][0].name, "Phạm Thị Mai", "the officer by name");
        CHECK(people[REPORT_OFFICERS][0].ratings == 2 && people[REPORT_OFFICERS][0].r3 == 2,
              "with the ratings of the period");
    }

    CHECK(report_corrections(x, &s, &p, &res) == DB_OK && res.nrows == 1,
          "report_corrections: the recount of the month");
    CHECK_STR(dbres_get(&res, 0, RC_LATE_BEFORE), "2", "late before the recount");
    CHECK_STR(dbres_get(&res, 0, RC_LATE_AFTER), "1", "late after it");

    CHECK(report_trend(x, &s, &res) == DB_OK && res.nrows == 1, "report_trend: this month");
    CHECK_STR(dbres_get(&res, 0, RT_RECEIVED), "6", "received this month");
    CHECK_STR(dbres_get(&res, 0, RT_LATE), "1", "late this month");

    CHECK(report_public(x, &p, &pub, &n) == DB_OK, "report_public");
    for (size_t i = 0; i < n; i++) {
        row_top = strcmp(pub[i].name, "Tỉnh (kiểm thử báo cáo)") == 0 ? &pub[i] : row_top;
        row_a = strcmp(pub[i].name, "Xã A (kiểm thử báo cáo)") == 0 ? &pub[i] : row_a;
    }
    CHECK(row_top == NULL, "a unit with nothing of its own in the period has no public row");
    CHECK(row_a && row_a->f.received == 4 && row_a->f.finished == 3,
          "unit A's public row holds its own figures");

    CHECK(report_list(x, &s, &p, "received", 0, 10, &res, &total) == DB_OK && total == 0 &&
              res.nrows == 0,
          "report_list: the aggregates written by hand have no dossiers behind them");
    CHECK(report_list(x, &s, &p, "nope", 0, 10, &res, &total) == DB_ERR, "an unknown list");
    CHECK(report_list_codes("received") && report_list_codes("received")[5] &&
              strcmp(report_list_codes("received")[5], "Dossier.St") == 0,
          "report_list_codes: the received list's status is a dossier's");
    CHECK(report_list_codes("nope") == NULL, "report_list_codes: an unknown list");

    st.x.user = &officer;
    CHECK(db_begin(st_db) == DB_OK &&
              audit(&st.x, "report.export", "report", 0, "kiểm thử") == DB_OK &&
              db_commit(st_db) == DB_OK,
          "an officer of unit A exports");
    st.x.user = &leader;
    x = &st.x;
    CHECK(report_audit(x, &s, &f, 1, 50, &res) == DB_OK && res.nrows == 1,
          "report_audit: the export in the province's trail");
    CHECK_STR(dbres_get(&res, 0, RA_ACTOR), "Phạm Thị Mai", "by the officer");
    CHECK_STR(dbres_get(&res, 0, RA_KEY), "report_export", "the action with '_' for '.'");
    CHECK_STR(dbres_get(&res, 0, RA_DETAIL), "kiểm thử", "its detail");
    CHECK(report_audit_each(x, &s, &f, 100, count_rows, &streamed) == DB_OK && streamed == 1,
          "report_audit_each streams the same line");

    lists_of_dossiers();
    st.x.user = NULL;
    return st_close();
}
