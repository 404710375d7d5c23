/* test_case_fsm.c — the feedback case's state machine through the store, on a
 * real database: a case is filed as the citizen program files it, then moved
 * with the staff's and the citizen's store functions.  Each legal move must
 * write the status of the workflow of Decree 20/2008 and QĐ 766 (new →
 * accepted → need_info → accepted → answered → review → answered → closed →
 * accepted again by a leader); each illegal one must be refused and leave the
 * row as it was. */
#include "case_fsm.h"
#include "store.h"
#include "store_case.h"
#include "store_feedback.h"

static long long unit, other;
static struct user officer, officer2, leader;

/* What a move may change of case id: its columns, its timeline and verdicts. */
static const char *
snapshot(long long id)
{
    return st_str("SELECT CONCAT_WS('|', f.status, f.unit_id, COALESCE(f.assigned_to, '-'),"
                  "       COALESCE(f.classified_at, '-'), COALESCE(f.paused_at, '-'),"
                  "       COALESCE(f.answered_at, '-'), COALESCE(f.answer_satisfied, '-'),"
                  "       COALESCE(f.closed_at, '-'), f.due_at,"
                  "       (SELECT COUNT(*) FROM feedback_event e WHERE e.feedback_id = f.id),"
                  "       (SELECT COUNT(*) FROM feedback_verdict v WHERE v.feedback_id = f.id))"
                  "  FROM feedback f WHERE f.id = ?",
                  DV_I(id));
}

static const char *
status(long long id)
{
    return st_str("SELECT status FROM feedback WHERE id = ?", DV_I(id));
}

/* The unit's time to answer as the dashboard reads it, by month and by day
 * of receipt (stat_answer_month, stat_answer_day): "answered histogram" of
 * each, or "-" without a row. */
static const char *
answer_time(void)
{
    return st_str("SELECT CONCAT(COALESCE((SELECT CONCAT(answered, ' ', hours)"
                  "                          FROM stat_answer_month WHERE unit_id = ?), '-'),"
                  "              ' / ',"
                  "              COALESCE((SELECT CONCAT(answered, ' ', hours)"
                  "                          FROM stat_answer_day WHERE unit_id = ?), '-'))",
                  DV_I(unit), DV_I(unit));
}

/* File a case as the citizen program does; its id. */
static long long
file_case(const char *kind, const char *identity, const char *idem)
{
    struct fb_new in = { .kind = kind,
                         .unit_id = unit,
                         .identity = identity,
                         .content = "Quầy tiếp nhận hẹn trả kết quả nhưng không trả đúng hẹn.",
                         .idem = idem };
    char code[32], key[TOKEN_NONCE_LEN + 1];
    enum db_rc rc;

    if (strcmp(identity, "anonymous") != 0) {
        in.name = "Trần Văn Bình";
        in.phone = "0912345678";
        in.address = "Phường Hoa Lư, tỉnh Ninh Bình";
    }
    st.x.user = NULL;
    rc = feedback_create(&st.x, &in, code, key);
    CHECK(rc == DB_OK, "feedback_create (%s, %s) files the case", kind, identity);
    return st_num("SELECT id FROM feedback WHERE idem_key = ?", DV_S(idem));
}

/* The case as staff see it, acting as user u. */
static struct case_row
as(struct user *u, long long id)
{
    struct case_row c = { 0 };
    struct scope s;

    st.x.user = u;
    if (case_scope(&st.x, &s) != DB_OK ||
        case_get(&st.x, &s, st_str("SELECT code FROM feedback WHERE id = ?", DV_I(id)), &c) !=
            DB_OK) {
        CHECK(0, "case_get");
    }
    return c;
}

/* A move the table forbids: refused (DB_DUP), nothing written. */
#define REFUSED(id, call, what)                                       \
    do {                                                              \
        const char *before_ = snapshot(id);                           \
        enum db_rc rc_ = (call);                                      \
        CHECK(rc_ == DB_DUP, "%s is refused", what);                  \
        CHECK_STR(snapshot(id), before_, "%s changes nothing", what); \
    } while (0)

static void
main_path(void)
{
    long long id = file_case("petition", "named", "store-case-1");
    struct case_row c;
    const char *before;

    CHECK_STR(status(id), "new", "a filed case is new");
    CHECK(st_num("SELECT formal FROM feedback WHERE id = ?", DV_I(id)) == 1,
          "a named petition with name, phone and address is a formal PAKN");
    CHECK(st_num("SELECT COUNT(*) FROM feedback_event WHERE feedback_id = ? AND event = 'created'",
                 DV_I(id)) == 1,
          "its timeline starts with 'created'");

    /* the citizen judges an answer only once there is one */
    before = snapshot(id);
    st.x.user = NULL;
    CHECK(feedback_rate_answer(&st.x, id, 0) == DB_OK, "a verdict on a new case: no error");
    CHECK_STR(snapshot(id), before, "a verdict on an unanswered case changes nothing");
    st.x.user = NULL;
    CHECK(feedback_citizen_reply(&st.x, id, "Tôi bổ sung.") == DB_OK,
          "a reply nobody asked for: no error");
    CHECK_STR(snapshot(id), before, "a reply to a case not waiting for one changes nothing");

    c = as(&officer, id);
    CHECK(c.id == id, "the officer of the unit sees the case");
    REFUSED(id, case_close(&st.x, &c), "closing a new (unanswered) case");
    c = as(&leader, id);
    REFUSED(id, case_reopen(&st.x, &c, "Mở lại."), "reopening a new case");
    REFUSED(id, case_classify(&st.x, &c, "closed", NULL, 0), "an unknown classification");

    c = as(&officer, id);
    CHECK(case_classify(&st.x, &c, "accepted", NULL, 0) == DB_OK, "accept");
    CHECK_STR(status(id), "accepted", "accepted after accept");
    CHECK(st_num("SELECT classified_at IS NOT NULL FROM feedback WHERE id = ?", DV_I(id)) == 1,
          "the classification is dated");
    CHECK(st_num("SELECT COUNT(*) FROM audit_log WHERE action = 'case.classify' AND object_id = ?"
                 "   AND actor_id = ?",
                 DV_I(id), DV_I(officer.id)) == 1,
          "the officer's action is in the audit log");

    c = as(&officer, id);
    CHECK(case_assign(&st.x, &c, officer2.id) == DB_OK, "assign to a colleague of the unit");
    CHECK_STR(st_row("feedback", id, "status, assigned_to"),
              pool_printf(&st.pool, "accepted %lld", officer2.id),
              "assigning keeps the status and records the assignee");

    c = as(&officer2, id);
    CHECK(case_request_info(&st.x, &c, "Xin cho biết số biên nhận.") == DB_OK,
          "ask for information");
    CHECK_STR(status(id), "need_info", "need_info while waiting for the citizen");
    CHECK(st_num("SELECT paused_at IS NOT NULL FROM feedback WHERE id = ?", DV_I(id)) == 1,
          "the deadline's clock stands still");
    c = as(&officer2, id);
    REFUSED(id, case_close(&st.x, &c), "closing a case waiting for the citizen");
    REFUSED(id, case_request_info(&st.x, &c, "Lần nữa."), "asking again while waiting");

    st.x.user = NULL;
    CHECK(feedback_citizen_reply(&st.x, id, "Số biên nhận 000.00.01.H41-260302-0001.") == DB_OK,
          "the citizen replies");
    CHECK_STR(st_row("feedback", id, "status, paused_at IS NULL"), "accepted 1",
              "the reply sends the case back to accepted, the clock runs again");

    c = as(&officer2, id);
    CHECK(case_answer(&st.x, &c, "Đơn vị đã trả kết quả ngày 05/03.") == DB_OK, "answer");
    CHECK_STR(st_row("feedback", id, "status, answered_at IS NOT NULL"), "answered 1",
              "answered, and dated");
    CHECK_STR(answer_time(), "1 0:1 / 1 0:1",
              "the time to answer counted at once: one case, answered within its first hour");

    st.x.user = NULL;
    CHECK(feedback_rate_answer(&st.x, id, 0) == DB_OK, "the citizen is not satisfied");
    CHECK_STR(st_row("feedback", id, "status, answer_satisfied"), "review 0",
              "'không hài lòng' sends the answer to a leader's review");
    before = snapshot(id);
    CHECK(feedback_rate_answer(&st.x, id, 1) == DB_OK, "a second verdict: no error");
    CHECK_STR(snapshot(id), before, "an answer is judged once: the second verdict changes nothing");

    c = as(&officer2, id);
    CHECK(case_answer(&st.x, &c, "Trả lời lại sau khi xem xét.") == DB_OK, "answer again");
    CHECK_STR(st_row("feedback", id, "status, answer_satisfied IS NULL"), "answered 1",
              "the new answer waits for a new verdict");
    CHECK_STR(answer_time(), "1 0:1 / 1 0:1",
              "a new answer replaces the time of the last, not added");
    st.x.user = NULL;
    CHECK(feedback_rate_answer(&st.x, id, 1) == DB_OK, "the citizen is satisfied");
    CHECK_STR(st_row("feedback", id, "status, answer_satisfied"), "answered 1",
              "a satisfied citizen leaves the case answered");
    CHECK(st_num("SELECT COUNT(*) FROM feedback_verdict WHERE feedback_id = ?", DV_I(id)) == 2,
          "two verdicts recorded, one per answer");

    c = as(&officer2, id);
    CHECK(case_close(&st.x, &c) == DB_OK, "close");
    CHECK_STR(st_row("feedback", id, "status, closed_at IS NOT NULL"), "closed 1",
              "closed, and dated");
    c = as(&officer2, id);
    REFUSED(id, case_answer(&st.x, &c, "Trả lời muộn."), "answering a closed case");
    REFUSED(id, case_close(&st.x, &c), "closing a closed case");
    REFUSED(id, case_reopen(&st.x, &c, "Mở lại."), "an officer reopening a case (a leader's move)");
    REFUSED(id, case_classify(&st.x, &c, "accepted", NULL, 0), "classifying a closed case");
    before = snapshot(id);
    st.x.user = NULL;
    CHECK(feedback_rate_answer(&st.x, id, 0) == DB_OK && strcmp(snapshot(id), before) == 0,
          "a verdict on a closed case changes nothing");

    c = as(&leader, id);
    CHECK(case_reopen(&st.x, &c, "Công dân gửi thêm chứng cứ.") == DB_OK, "a leader reopens");
    CHECK_STR(st_row("feedback", id,
                     "status, answered_at IS NULL, closed_at IS NULL, answer_satisfied IS NULL"),
              "accepted 1 1 1", "a reopened case is accepted again, its answer and closing undone");
    CHECK(st_num("SELECT SUM(n) FROM feedback_count WHERE unit_id = ? AND status = 'accepted'",
                 DV_I(unit)) == 1,
          "the inbox counts follow: one accepted case in the unit");
    CHECK_STR(answer_time(), "- / -", "a reopened case's answer is no longer counted");
}

static void
other_paths(void)
{
    long long rej = file_case("suggestion", "anonymous", "store-case-2");
    long long con = file_case("conduct", "confidential", "store-case-3");
    long long fwd = file_case("petition", "named", "store-case-4");
    struct case_row c;
    const char *before;

    c = as(&officer, rej);
    CHECK(case_classify(&st.x, &c, "rejected", "Không thuộc thẩm quyền, nội dung không rõ.", 0) ==
              DB_OK,
          "reject");
    CHECK_STR(st_row("feedback", rej, "status, closed_at IS NOT NULL"), "rejected 1",
              "a rejected case is done with");
    c = as(&officer, rej);
    REFUSED(rej, case_answer(&st.x, &c, "Trả lời."), "answering a rejected case");
    REFUSED(rej, case_request_info(&st.x, &c, "Hỏi."), "asking about a rejected case");
    CHECK(case_close(&st.x, &c) == DB_OK, "close a rejected case");
    CHECK_STR(status(rej), "closed", "a rejected case can be closed");

    c = as(&officer, con);
    CHECK(case_classify(&st.x, &c, "conduct", NULL, 0) == DB_OK, "classify as conduct");
    CHECK_STR(status(con), "conduct", "conduct after the conduct classification");
    before = snapshot(con);
    st.x.user = NULL;
    CHECK(feedback_rate_answer(&st.x, con, 0) == DB_OK && strcmp(snapshot(con), before) == 0,
          "a verdict on a case under investigation changes nothing");
    c = as(&officer, con);
    CHECK(case_answer(&st.x, &c, "Đã kiểm điểm cán bộ.") == DB_OK, "answer a conduct case");
    CHECK_STR(status(con), "answered", "a conduct case answered");
    CHECK_STR(answer_time(), "1 0:1 / 1 0:1",
              "its time to answer counted, the reopened one's still not");

    c = as(&officer, fwd);
    REFUSED(fwd, case_classify(&st.x, &c, "forwarded", NULL, unit), "forwarding to its own unit");
    CHECK(case_classify(&st.x, &c, "forwarded", NULL, other) == DB_OK,
          "forward to the competent unit");
    CHECK_STR(st_str("SELECT CONCAT_WS(' ', status, unit_id = ?, forwarded_to = ?,"
                     "                 assigned_to IS NULL)"
                     "  FROM feedback WHERE id = ?",
                     DV_I(other), DV_I(other), DV_I(fwd)),
              "new 1 1 1", "a forwarded case starts anew as new at the competent unit");
    c = as(&officer, fwd);
    CHECK(c.id == 0, "the sending unit's officer no longer sees it");
}

/* Complaints filed at once for one unit: each filing holds its count row
 * (feedback_count) until it commits, so another session stands for a
 * citizen whose filing of a case like the first has not committed yet.  The
 * next filing must not wait on it: with MariaDB waiting at most a second for
 * a lock, a filing that waits fails.  The counts then add up to the cases. */
static void
filing_at_once(void)
{
    long long first = file_case("suggestion", "anonymous", "store-case-once-1"), second;
    long long slot = st_num("SELECT t.slot FROM (SELECT " FB_COUNT_COLS " FROM feedback"
                            "                    WHERE id = ?) t",
                            DV_I(first));
    struct db *other_citizen = db_new(st_conf, "owner");

    CHECK(st_num("SELECT n FROM feedback_count WHERE unit_id = ? AND status = 'new'"
                 "   AND kind = 'suggestion' AND counter_id = 0 AND hidden_from = 0"
                 "   AND escalated = 0 AND slot = ?",
                 DV_I(unit), DV_I(slot)) >= 1,
          "the first case is counted in the row of its slot");
    if (db_connect(other_citizen) != DB_OK || db_begin(other_citizen) != DB_OK ||
        db_exec(other_citizen,
                "UPDATE feedback_count SET n = n WHERE unit_id = ? AND status = 'new'"
                "   AND kind = 'suggestion' AND counter_id = 0 AND hidden_from = 0"
                "   AND escalated = 0 AND slot = ?",
                DB_ARGS(DV_I(unit), DV_I(slot)), NULL, NULL) != DB_OK) {
        CHECK(0, "another session holds the first case's count row: %s", db_error(other_citizen));
    }
    st_exec0("SET SESSION innodb_lock_wait_timeout = 1");
    second = file_case("suggestion", "anonymous", "store-case-once-2");
    CHECK(second > first, "a second suggestion for the unit is filed meanwhile, without waiting");
    st_exec0("SET SESSION innodb_lock_wait_timeout = DEFAULT");
    db_rollback(other_citizen);
    db_close(other_citizen);
    CHECK(st_num("SELECT SUM(n) FROM feedback_count WHERE unit_id = ? AND status = 'new'"
                 "   AND kind = 'suggestion'",
                 DV_I(unit)) ==
              st_num("SELECT COUNT(*) FROM feedback WHERE unit_id = ? AND status = 'new'"
                     "   AND kind = 'suggestion'",
                     DV_I(unit)),
          "the unit's count of new suggestions is the number of its new suggestions");
}

int
main(void)
{
    long long parent;

    st_open();
    parent = st_unit(0, "T.CASE.0", "Ủy ban nhân dân tỉnh (kiểm thử phản ánh)", "province");
    unit = st_unit(parent, "T.CASE.1", "Trung tâm Phục vụ hành chính công (kiểm thử)", "centre");
    other = st_unit(parent, "T.CASE.2", "Sở Tư pháp (kiểm thử)", "department");
    officer = st_user("t_case_o1", "Nguyễn Thị Lan", "officer", unit, 0);
    officer2 = st_user("t_case_o2", "Lê Văn Hùng", "officer", unit, 0);
    leader = st_user("t_case_l1", "Phạm Minh Tuấn", "leader", unit, 0);
    main_path();
    other_paths();
    filing_at_once();
    st.x.user = NULL;
    return st_close();
}
