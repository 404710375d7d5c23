/* test_dossier_fsm.c — the dossier's state machine through the store, on a
 * real database: received at the one-stop unit, forwarded to the competent
 * agency, documents asked for and supplied, result ready, returned; refused;
 * stopped.  Each legal move writes the status of Decree 61/2018 as amended by
 * Decree 118/2025; each illegal one is refused and leaves the row as it was.
 * A dossier placed at a fixed instant (received Monday 02/03/2026 09:00 in
 * Vietnam, a procedure of 10 working days) shows the rules that follow from
 * dates without depending on today's. */
#include "store.h"
#include "store_dossier.h"

static long long centre, dept, proc;
static struct user officer;

/* What a move may change of dossier id: its columns, events, steps, cycles. */
static const char *
snapshot(long long id)
{
    return st_str("SELECT CONCAT_WS('|', d.status, d.processing_unit_id, d.due_at,"
                  "       d.original_due_at, d.cycle, COALESCE(d.wait_clock, '-'),"
                  "       COALESCE(d.paused_at, '-'), COALESCE(d.finished_at, '-'),"
                  "       COALESCE(d.returned_at, '-'),"
                  "       (SELECT COUNT(*) FROM dossier_event e WHERE e.dossier_id = d.id),"
                  "       (SELECT COUNT(*) FROM dossier_step s WHERE s.dossier_id = d.id),"
                  "       (SELECT COUNT(*) FROM dossier_cycle c WHERE c.dossier_id = d.id))"
                  "  FROM dossier d WHERE d.id = ?",
                  DV_I(id));
}

/* Receive a dossier as the counter's program does; its id, its code in code. */
static long long
receive(char code[64])
{
    return st_receive(centre, proc, &officer, code);
}

/* Apply move m to the dossier with this code as the receiving officer. */
static enum db_rc
move(const char *code, enum dossier_move m, long long to_unit)
{
    struct dossier_row d;

    st.x.user = &officer;
    if (dossier_get(&st.x, code, &d) != DB_OK || d.id == 0) {
        return DB_ERR;
    }
    return dossier_apply(&st.x, &d, m, to_unit, "Trần Thị Thu", NULL, 0);
}

/* Move m (to unit `to`) is made, and then the columns cols of dossier id read
 * want. */
static void
moved(long long id, const char *code, enum dossier_move m, long long to, const char *cols,
      const char *want, const char *what)
{
    CHECK(move(code, m, to) == DB_OK, "%s: done", what);
    CHECK_STR(st_row("dossier", id, cols), want, "%s", what);
}

/* How many events of this name dossier id has with a paper's number. */
static long long
papers(long long id, const char *event)
{
    return st_num("SELECT COUNT(*) FROM dossier_event WHERE dossier_id = ? AND event = ?"
                  "   AND paper_no IS NOT NULL",
                  DV_I(id), DV_S(event));
}

#define REFUSED(id, code, m, to, what)                                \
    do {                                                              \
        const char *before_ = snapshot(id);                           \
        CHECK(move(code, m, to) == DB_DUP, "%s is refused", what);    \
        CHECK_STR(snapshot(id), before_, "%s changes nothing", what); \
    } while (0)

/* Received, forwarded, documents asked for at once (within 3 working days of
 * receipt: the time restarts once the file is complete, ND61 Art. 19(4)),
 * supplied, ready the same day (early: shorter than the legal time, TT01
 * Art. 13), returned. */
static void
whole_path(void)
{
    char code[64];
    long long id = receive(code);

    CHECK(strncmp(code, "T.DOS.1-", 8) == 0, "the code starts with the receiving unit's code");
    CHECK_STR(st_row("dossier", id, "status, cycle, processing_unit_id = unit_id"), "received 1 1",
              "a new dossier is received, in its first cycle, at the receiving unit");
    CHECK(st_num("SELECT COUNT(*) FROM dossier_event WHERE dossier_id = ? AND event = 'received'",
                 DV_I(id)) == 1,
          "its history starts with 'received'");
    CHECK(st_num("SELECT COUNT(*) FROM qr_link WHERE dossier_id = ?", DV_I(id)) == 1,
          "it has its QR link");
    REFUSED(id, code, DM_RETURN, 0, "returning a dossier not ready");
    REFUSED(id, code, DM_SUPPLIED, 0, "supplying documents nobody asked for");
    REFUSED(id, code, DM_STOP, 0, "stopping a dossier not yet in processing");
    REFUSED(id, code, DM_FORWARD, centre, "forwarding to the unit that holds it");

    CHECK(move(code, DM_FORWARD, dept) == DB_OK, "forward to the competent agency");
    CHECK_STR(st_str("SELECT CONCAT_WS(' ', status, processing_unit_id = ?, competent_unit_id = ?)"
                     "  FROM dossier WHERE id = ?",
                     DV_I(dept), DV_I(dept), DV_I(id)),
              "processing 1 1", "processing at the competent agency");
    CHECK(st_num("SELECT COUNT(*) FROM dossier_step WHERE dossier_id = ? AND seq = 1"
                 "   AND to_unit_id = ? AND done_at IS NULL",
                 DV_I(id), DV_I(dept)) == 1,
          "the control slip has the hand-over, open");
    REFUSED(id, code, DM_FORWARD, dept, "forwarding to the agency that holds it");
    REFUSED(id, code, DM_RETURN, 0, "returning a dossier in processing");

    moved(id, code, DM_SUPPLEMENT, 0, "status, wait_clock, paused_at IS NOT NULL",
          "supplement restart 1",
          "waiting for the citizen; asked within 3 working days, the time will restart");
    CHECK(papers(id, "supplement_requested") == 1, "the request is a numbered paper");
    REFUSED(id, code, DM_READY, 0, "a result while documents are missing");
    REFUSED(id, code, DM_SUPPLEMENT, 0, "asking again while waiting");
    REFUSED(id, code, DM_RETURN, 0, "returning a dossier waiting for documents");

    moved(id, code, DM_SUPPLIED, 0, "status, cycle, wait_clock IS NULL, paused_at IS NULL",
          "processing 2 1 1", "processing again, in a second cycle counted from the complete file");
    CHECK(st_num("SELECT COUNT(*) FROM dossier_cycle WHERE dossier_id = ? AND n = 1"
                 "   AND end_reason = 'restart'",
                 DV_I(id)) == 1,
          "the first cycle ended by the restart");

    moved(id, code, DM_READY, 0, "status, finished_at IS NOT NULL, returned_at IS NULL",
          "ready 1 1", "ready, and dated");
    CHECK_STR(st_str("SELECT result FROM dossier_step WHERE dossier_id = ?"
                     " ORDER BY seq DESC LIMIT 1",
                     DV_I(id)),
              "early", "ready on the day of receipt: early against 10 working days");
    REFUSED(id, code, DM_SUPPLEMENT, 0, "asking for documents once the result is ready");
    REFUSED(id, code, DM_STOP, 0, "stopping a dossier whose result is ready");
    REFUSED(id, code, DM_REFUSE, 0, "refusing a dossier whose result is ready");

    moved(id, code, DM_RETURN, 0, "status, returned_at IS NOT NULL", "returned 1",
          "returned, and dated");
    for (int m = 0; m < DM__COUNT; m++) {
        REFUSED(id, code, (enum dossier_move)m, dept, "a move after the return");
    }
    CHECK_STR(st_str("SELECT CONCAT_WS(' ', SUM(received), SUM(finished), SUM(early),"
                     "                 SUM(on_time), SUM(late))"
                     "  FROM stat_dossier_day WHERE scope = 'unit' AND scope_id = ?",
                     DV_I(centre)),
              "1 1 1 0 0", "the unit's aggregates: one received, one finished early");
}

/* Received Monday 02/03/2026 09:00, due 10 working days later (counted from
 * the next day: Tuesday 03/03 … Monday 16/03, no holiday in between), 17:00. */
static void
fixed_dates(void)
{
    char code[64], code2[64];
    long long id = receive(code), id2;

    st_exec("UPDATE dossier SET received_at = '2026-03-02 02:00:00',"
            "       due_at = '2026-03-16 10:00:00', original_due_at = '2026-03-16 10:00:00'"
            " WHERE id = ?",
            DV_I(id));
    st_exec("UPDATE dossier_cycle SET started_at = '2026-03-02 02:00:00',"
            "       statutory_due_at = '2026-03-16 10:00:00'"
            " WHERE dossier_id = ? AND n = 1",
            DV_I(id));
    /* documents asked for after the 3 working days: the time does not restart */
    moved(id, code, DM_SUPPLEMENT, 0, "status, wait_clock, cycle, original_due_at",
          "supplement late_request 1 2026-03-16 10:00:00",
          "asked later than 3 working days after receipt: the appointment stands");
    moved(id, code, DM_REFUSE, 0, "status, finished_at IS NOT NULL", "refused 1",
          "refused, and dated");
    CHECK(papers(id, "refused") == 1, "the refusal is a numbered paper");
    for (int m = 0; m < DM__COUNT; m++) {
        REFUSED(id, code, (enum dossier_move)m, dept, "a move after a refusal");
    }

    id2 = receive(code2);
    CHECK(move(code2, DM_FORWARD, dept) == DB_OK, "forward");
    moved(id2, code2, DM_STOP, 0, "status, finished_at IS NOT NULL", "stopped 1",
          "stopped, and dated");
    for (int m = 0; m < DM__COUNT; m++) {
        REFUSED(id2, code2, (enum dossier_move)m, centre, "a move after stopping");
    }
}

int
main(void)
{
    long long parent;

    st_open();
    parent = st_unit(0, "T.DOS.0", "Ủy ban nhân dân tỉnh (kiểm thử hồ sơ)", "province");
    centre =
        st_unit(parent, "T.DOS.1", "Trung tâm Phục vụ hành chính công (kiểm thử hồ sơ)", "centre");
    dept = st_unit(parent, "T.DOS.2", "Sở Xây dựng (kiểm thử hồ sơ)", "department");
    officer = st_user("t_dos_o1", "Đỗ Thị Hạnh", "officer", centre, 0);
    proc = st_procedure("T-DOS", "9.900017", "Cấp giấy phép xây dựng (kiểm thử)", dept);
    whole_path();
    fixed_dates();
    st.x.user = NULL;
    return st_close();
}
