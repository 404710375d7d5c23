/* test_lists.c — the lists the staff pages pick from, on a real database: a
 * province with two centres (one closed), their counters, staff, procedures
 * and API clients, read back through the store (store_unit, store_user,
 * store_procedure) against what was written, by hand. */
#include "store.h"
#include "store_procedure.h"
#include "store_unit.h"
#include "store_user.h"

static long long top, a, b, closed, training;

/* The position of unit id in rows (n), -1 when it is not there. */
static long
unit_at(const struct unit_name *rows, size_t n, long long id)
{
    for (size_t i = 0; i < n; i++) {
        if (rows[i].id == id) {
            return (long)i;
        }
    }
    return -1;
}

static void
units(void)
{
    struct unit_name *u;
    const char *name;
    size_t n;

    CHECK(unit_list_subtree(st_db, &st.pool,
                            st_str("SELECT CONCAT(path, '%') FROM org_unit WHERE id = ?",
                                   DV_I(top)),
                            &u, &n) == DB_OK &&
              n == 3,
          "unit_list_subtree: the province and its two open centres, not the closed one");
    CHECK(n == 3 && u[0].id == top && unit_at(u, n, a) > 0 && unit_at(u, n, b) > 0,
          "unit_list_subtree: by path, the province first");
    CHECK_STR(n == 3 && unit_at(u, n, a) > 0 ? u[unit_at(u, n, a)].code : NULL, "T.LIST.A",
              "unit_list_subtree: the code");
    CHECK_STR(n == 3 && unit_at(u, n, b) > 0 ? u[unit_at(u, n, b)].name : NULL,
              "Trung tâm B (kiểm thử danh sách)", "unit_list_subtree: the name");

    CHECK(unit_list_open(st_db, &st.pool, a, 0, &u, &n) == DB_OK, "unit_list_open");
    CHECK(unit_at(u, n, top) >= 0 && unit_at(u, n, a) >= 0 && unit_at(u, n, b) >= 0 &&
              unit_at(u, n, closed) == -1,
          "unit_list_open: the open units, not the closed one");
    CHECK(unit_at(u, n, training) == -1, "unit_list_open: a real unit's, never a training unit");
    /* sort_order: B (1) before A (2) */
    CHECK(unit_at(u, n, b) < unit_at(u, n, a), "unit_list_open: in their order");
    CHECK(unit_list_open(st_db, &st.pool, a, 1, &u, &n) == DB_OK && unit_at(u, n, a) == -1 &&
              unit_at(u, n, b) >= 0,
          "unit_list_open: but the one left out");
    CHECK(unit_list_open(st_db, &st.pool, training, 1, &u, &n) == DB_OK && n >= 1 &&
              unit_at(u, n, training) == -1 && unit_at(u, n, a) == -1 && unit_at(u, n, top) == -1,
          "unit_list_open: a training unit's, training units only, itself left out");

    CHECK(unit_name_of(st_db, &st.pool, a, &name) == DB_OK, "unit_name_of");
    CHECK_STR(name, "Trung tâm A (kiểm thử danh sách)", "unit_name_of: the name");
    CHECK(unit_name_of(st_db, &st.pool, 1LL << 40, &name) == DB_OK && name == NULL,
          "unit_name_of: NULL for no unit");
}

static void
counters(void)
{
    struct counter_row *c;
    const char *subtree = st_str("SELECT CONCAT(path, '%') FROM org_unit WHERE id = ?", DV_I(top));
    size_t n;

    st_exec("INSERT INTO counter (unit_id, code, name, sort_order) VALUES (?, 'Q2', 'Quầy 2', 2)",
            DV_I(a));
    st_exec("INSERT INTO counter (unit_id, code, name, sort_order) VALUES (?, 'Q1', 'Quầy 1', 1)",
            DV_I(a));
    st_exec("INSERT INTO counter (unit_id, code, name, active) VALUES (?, 'Q9', 'Quầy cũ', 0)",
            DV_I(a));
    st_exec("INSERT INTO counter (unit_id, code, name) VALUES (?, 'Q1', 'Quầy B1')", DV_I(b));

    CHECK(counter_list_scope(st_db, &st.pool, a, 0, subtree, &c, &n) == DB_OK && n == 2,
          "counter_list_scope: an officer's unit, its two active counters");
    CHECK_STR(n == 2 ? c[0].name : NULL, "Quầy 1 · TT A", "counter_list_scope: in their order");
    CHECK_STR(n == 2 ? c[1].name : NULL, "Quầy 2 · TT A", "counter_list_scope: then the next");
    CHECK(counter_list_scope(st_db, &st.pool, top, 1, subtree, &c, &n) == DB_OK && n == 3,
          "counter_list_scope: a leader's subtree, every active counter under it");
    /* sort_order: B (1) before A (2) */
    CHECK_STR(n == 3 ? c[0].name : NULL, "Quầy B1 · TT B",
              "counter_list_scope: the units in their order");
}

static void
staff(void)
{
    struct colleague_row *c;
    struct staff_row *s;
    struct user u1 = st_user("t.list.u1", "Nguyễn Văn Bình", "officer", a, 0);
    struct user u2 = st_user("t.list.u2", "Trần Thị An", "leader", a, 0);
    size_t n;

    st_user("t.list.u3", "Lê Văn Cường", "officer", b, 0);
    st_exec("UPDATE users SET title = 'Phó Giám đốc' WHERE id = ?", DV_I(u2.id));
    st_exec("INSERT INTO users (username, full_name, role, unit_id, password_hash, disabled)"
            " VALUES ('t.list.u4', 'Đỗ Văn Dũng', 'officer', ?, '-', 1)",
            DV_I(a));

    CHECK(user_list_colleagues(st_db, &st.pool, a, u1.id, &c, &n) == DB_OK && n == 1,
          "user_list_colleagues: the enabled staff of the unit but the one handing over");
    CHECK(n == 1 && c[0].id == u2.id, "user_list_colleagues: the leader");
    CHECK_STR(n == 1 ? c[0].title : NULL, "Phó Giám đốc", "user_list_colleagues: the title");
    CHECK(user_list_colleagues(st_db, &st.pool, a, 0, &c, &n) == DB_OK && n == 2 &&
              c[0].id == u1.id && c[0].title == NULL,
          "user_list_colleagues: by name; no title is NULL");

    CHECK(user_list_subtree(st_db, &st.pool,
                            st_str("SELECT CONCAT(path, '%') FROM org_unit WHERE id = ?", DV_I(a)),
                            &s, &n) == DB_OK &&
              n == 3,
          "user_list_subtree: every account of the unit, the disabled one too");
    CHECK_STR(n == 3 ? s[0].full_name : NULL, "Đỗ Văn Dũng", "user_list_subtree: by name");
}

static void
procedures(void)
{
    struct intake_procedure *p;
    long long field = st_exec("INSERT INTO field (code, name) VALUES ('T.LIST', 'Lĩnh vực')");
    size_t n;
    const char *ins = "INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id,"
                      " time_value, documents, legal_basis, effective_from, effective_to)"
                      " VALUES (?, ?, ?, 'province', ?, ?, ?, '', ?, ?)";

    st_exec(ins, DV_S("T.LIST.2"), DV_S("Thủ tục B"), DV_I(field), DV_I(a), DV_I(5), DV_S("Đơn"),
            DV_S("2020-01-01"), DV_NULL);
    st_exec(ins, DV_S("T.LIST.1"), DV_S("Thủ tục A"), DV_I(field), DV_I(a), DV_I(3),
            DV_S("Tờ khai\nBản sao"), DV_S("2020-01-01"), DV_NULL);
    st_exec(ins, DV_S("T.LIST.3"), DV_S("Thủ tục cũ"), DV_I(field), DV_I(a), DV_I(3), DV_S(""),
            DV_S("2020-01-01"), DV_S("2020-12-31"));
    st_exec(ins, DV_S("T.LIST.4"), DV_S("Thủ tục sắp có"), DV_I(field), DV_I(a), DV_I(3), DV_S(""),
            DV_S("2999-01-01"), DV_NULL);

    CHECK(procedure_list_intake(st_db, &st.pool, a, &p, &n) == DB_OK && n == 2,
          "procedure_list_intake: the two in force, not the ended or the future one");
    CHECK_STR(n == 2 ? p[0].national_code : NULL, "T.LIST.1", "procedure_list_intake: by name");
    CHECK_STR(n == 2 ? p[0].time_value : NULL, "3", "procedure_list_intake: its time");
    CHECK_STR(n == 2 ? p[0].time_unit : NULL, "working_days", "procedure_list_intake: its unit");
    CHECK_STR(n == 2 ? p[0].documents : NULL, "Tờ khai\nBản sao",
              "procedure_list_intake: its documents");
}

static void
api_clients(void)
{
    const char *live = "1111111111111111111111111111111111111111111111111111111111111111";
    const char *gone = "2222222222222222222222222222222222222222222222222222222222222222";
    const char *subtree;
    long long id = 0, made;

    made = st_exec("INSERT INTO api_client (name, key_hash, unit_id, created_at)"
                   " VALUES ('T.LIST live', ?, ?, UTC_TIMESTAMP())",
                   DV_S(live), DV_I(a));
    st_exec("INSERT INTO api_client (name, key_hash, unit_id, active, created_at)"
            " VALUES ('T.LIST gone', ?, ?, 0, UTC_TIMESTAMP())",
            DV_S(gone), DV_I(a));
    CHECK(api_client_by_key(st_db, &st.pool, live, &id, &subtree) == DB_OK && id == made,
          "api_client_by_key: the active client of that key");
    CHECK_STR(subtree, st_str("SELECT CONCAT(path, '%') FROM org_unit WHERE id = ?", DV_I(a)),
              "api_client_by_key: its unit's subtree");
    CHECK(api_client_by_key(st_db, &st.pool, gone, &id, &subtree) == DB_OK && subtree == NULL,
          "api_client_by_key: none for a stopped client");
}

int
main(void)
{
    st_open();
    top = st_unit(0, "T.LIST.0", "Tỉnh (kiểm thử danh sách)", "province");
    a = st_unit(top, "T.LIST.A", "Trung tâm A (kiểm thử danh sách)", "province");
    b = st_unit(top, "T.LIST.B", "Trung tâm B (kiểm thử danh sách)", "province");
    closed = st_unit(top, "T.LIST.C", "Trung tâm đã đóng (kiểm thử danh sách)", "province");
    st_exec("UPDATE org_unit SET short_name = 'TT A', sort_order = 2 WHERE id = ?", DV_I(a));
    st_exec("UPDATE org_unit SET short_name = 'TT B', sort_order = 1 WHERE id = ?", DV_I(b));
    st_exec("UPDATE org_unit SET valid_to = '2020-01-01' WHERE id = ?", DV_I(closed));
    /* two training units (sql/050_training.sql): one's list names the other */
    training = st_unit(0, "T.LIST.T1", "Tập huấn 1 (kiểm thử danh sách)", "province");
    st_unit(0, "T.LIST.T2", "Tập huấn 2 (kiểm thử danh sách)", "province");
    st_exec("UPDATE org_unit SET training = 1 WHERE code IN (?, ?)", DV_S("T.LIST.T1"), DV_S("T.LIST.T2"));
    units();
    counters();
    staff();
    procedures();
    api_clients();
    return st_close();
}
