/* test_dossier_list.c — an officer's dossier list, a page at a time: the
 * dossiers the officer's unit received or processes, each once, the running
 * ones (received, processing) first and then by the statutory appointment,
 * for each filter of the page; a leader's, those of every unit of the
 * subtree merged, for a district's leader (its units' own indexes) and the
 * province's (the indexes over every dossier).  Statuses and appointments
 * are set by hand; each expected order below was read off the definition. */
#include <string.h>
#include <time.h>

#include "store.h"
#include "store_dossier.h"

static long long centre, dept, proc;
static struct user officer, officer_dept, leader, leader_root;

/* A dossier received at the centre, then set by hand: its id. */
static long long
dossier(const char *status, const char *due, long long unit, long long processing)
{
    char code[64];
    long long id = st_receive(centre, proc, &officer, code);

    st_exec("UPDATE dossier SET status = ?, original_due_at = ?, due_at = ?, unit_id = ?,"
            "       processing_unit_id = NULLIF(?, 0),"
            "       finished_at = IF(? = 'returned', '2098-12-20 03:00:00', NULL)"
            " WHERE id = ?",
            DV_S(status), DV_S(due), DV_S(due), DV_I(unit), DV_I(processing), DV_S(status),
            DV_I(id));
    return id;
}

/* The codes' ids of a page as "d1 d2 …", by the names given to the ids. */
static const char *
page_of(struct user *u, const char *filter, int page, int per_page, const long long *ids,
        size_t nids)
{
    static char out[256];
    struct dossier_list l;
    size_t len = 0;

    st.x.user = u;
    out[0] = '\0';
    if (dossier_list(&st.x, filter, page, per_page, &l) != DB_OK) {
        printf("# %s\n", db_error(st_db));
        return "error";
    }
    for (size_t i = 0; i < l.rows.nrows; i++) {
        long long id =
            st_num("SELECT id FROM dossier WHERE code = ?", DV_S(dbres_get(&l.rows, i, DL_CODE)));
        size_t k = 0;

        while (k < nids && ids[k] != id) {
            k++;
        }
        len += (size_t)snprintf(out + len, sizeof(out) - len, "%sd%zu", len ? " " : "", k + 1);
    }
    return out;
}

int
main(void)
{
    long long root, parent, other, d[10], unit = 0;
    char soon[32];
    time_t in_an_hour = time(NULL) + 3600;

    st_open();
    root = st_unit(0, "T.DLS.R", "Ủy ban nhân dân tỉnh (kiểm thử danh sách)", "province");
    parent = st_unit(root, "T.DLS.0", "Ủy ban nhân dân huyện (kiểm thử danh sách)", "district");
    centre = st_unit(parent, "T.DLS.1", "Trung tâm (kiểm thử danh sách)", "centre");
    dept = st_unit(parent, "T.DLS.2", "Phòng Kinh tế, Hạ tầng và Đô thị (kiểm thử danh sách)",
                   "department");
    /* another province's tree (the tests' database holds several roots) */
    other = st_unit(0, "T.DLS.X", "Ủy ban nhân dân tỉnh khác (kiểm thử danh sách)", "province");
    officer = st_user("t_dls_o1", "Đặng Văn Minh", "officer", centre, 0);
    officer_dept = st_user("t_dls_o2", "Bùi Thị Hoa", "officer", dept, 0);
    leader = st_user("t_dls_l1", "Phạm Quốc Trung", "leader", parent, 0);
    leader_root = st_user("t_dls_l2", "Lê Thị Thanh Hương", "leader", root, 0);
    proc = st_procedure("T-DLS", "9.900018", "Cấp giấy phép xây dựng (kiểm thử danh sách)", dept);

    d[0] = dossier("received", "2099-01-05 10:00:00", centre, 0);
    d[1] = dossier("processing", "2099-01-03 10:00:00", centre, dept); /* at the department */
    d[2] = dossier("supplement", "2099-01-01 10:00:00", centre, 0);
    d[3] = dossier("returned", "2099-01-02 10:00:00", centre, 0);
    d[4] = dossier("received", "2099-01-04 10:00:00", dept, 0);     /* received by the department */
    d[5] = dossier("processing", "2020-01-01 10:00:00", centre, 0); /* past its appointment */

    /* the centre: d6 d2 d1 running, by appointment (2020, 03/01, 05/01), then d3 */
    CHECK_STR(page_of(&officer, "open", 1, 25, d, 6), "d6 d2 d1 d3",
              "open: the running ones first by appointment, then the one waiting for documents");
    CHECK_STR(page_of(&officer, "open", 1, 2, d, 6), "d6 d2",
              "open, 2 a page: page 1, running ones only");
    CHECK_STR(page_of(&officer, "open", 2, 2, d, 6), "d1 d3",
              "open, 2 a page: page 2, the last running one and the one waiting for documents");
    CHECK_STR(page_of(&officer, "open", 3, 2, d, 6), "", "open, 2 a page: past the end");
    CHECK_STR(page_of(&officer, "all", 1, 25, d, 6), "d6 d2 d1 d3 d4",
              "all: then the others by appointment (01/01, 02/01)");
    CHECK_STR(page_of(&officer, "all", 2, 2, d, 6), "d1 d3", "all, 2 a page: page 2");
    CHECK_STR(page_of(&officer, "all", 3, 2, d, 6), "d4", "all, 2 a page: page 3");
    CHECK_STR(page_of(&officer, "late", 1, 25, d, 6), "d6",
              "late: the one past its appointment and not finished");
    CHECK_STR(page_of(&officer, "returned", 1, 25, d, 6), "d4", "a status: returned");
    CHECK_STR(page_of(&officer, "near", 1, 25, d, 6), "",
              "near: no appointment within the next working days");
    /* the district's leader: both units merged in the list's order, d2
     * (received at the centre, processed at the department) once */
    CHECK_STR(page_of(&leader, "all", 1, 25, d, 6), "d6 d2 d5 d1 d3 d4",
              "a leader: every unit of the subtree, the running ones first, by appointment");
    CHECK_STR(page_of(&leader, "all", 1, 2, d, 6), "d6 d2", "a leader, 2 a page: page 1");
    CHECK_STR(page_of(&leader, "all", 2, 2, d, 6), "d5 d1",
              "a leader, 2 a page: page 2 takes the department's d5 between the centre's");
    CHECK_STR(page_of(&leader, "all", 3, 2, d, 6), "d3 d4", "a leader, 2 a page: page 3");
    CHECK_STR(page_of(&leader, "all", 4, 2, d, 6), "", "a leader, 2 a page: past the end");
    CHECK_STR(page_of(&leader, "open", 1, 25, d, 6), "d6 d2 d5 d1 d3",
              "a leader, open: the returned one left out");
    CHECK_STR(page_of(&leader, "open", 2, 2, d, 6), "d5 d1", "a leader, open, 2 a page: page 2");
    CHECK_STR(page_of(&leader, "open", 3, 2, d, 6), "d3",
              "a leader, open, 2 a page: page 3, past the running ones");
    CHECK_STR(page_of(&leader, "late", 1, 25, d, 6), "d6", "a leader, late");
    CHECK_STR(page_of(&leader, "received", 1, 25, d, 6), "d5 d1",
              "a leader, a status: by appointment across units");
    CHECK_STR(page_of(&leader, "near", 1, 25, d, 6), "", "a leader, near: none");
    /* the department: the one it processes and the one it received, once each */
    CHECK_STR(page_of(&officer_dept, "open", 1, 25, d, 6), "d2 d5",
              "the department sees what it processes and what it received");
    st_exec("UPDATE dossier SET processing_unit_id = ? WHERE id = ?", DV_I(dept), DV_I(d[4]));
    CHECK_STR(page_of(&officer_dept, "open", 1, 25, d, 6), "d2 d5",
              "a dossier received and processed by the department is listed once");
    CHECK_STR(page_of(&leader, "all", 1, 25, d, 6), "d6 d2 d5 d1 d3 d4",
              "a leader: still once each");
    /* a district of twenty units (read sixteen a statement): the last one's
     * dossier, due between d2 and d5, takes its place */
    for (int i = 3; i < 20; i++) {
        char ucode[32], uname[96];

        snprintf(ucode, sizeof(ucode), "T.DLS.%d", i);
        snprintf(uname, sizeof(uname), "Ủy ban nhân dân xã số %d (kiểm thử danh sách)", i);
        unit = st_unit(parent, ucode, uname, "commune");
    }
    d[6] = dossier("received", "2099-01-03 12:00:00", unit, 0);
    CHECK_STR(page_of(&leader, "all", 1, 25, d, 7), "d6 d2 d7 d5 d1 d3 d4",
              "a leader of twenty units: the twentieth unit's dossier in its place");
    CHECK_STR(page_of(&leader, "all", 2, 2, d, 7), "d7 d5",
              "a leader of twenty units, 2 a page: page 2");
    /* a page ending past the first ten thousand dossiers: one statement over
     * the subtree, the same order */
    CHECK_STR(page_of(&leader, "all", 1, 10001, d, 7), "d6 d2 d7 d5 d1 d3 d4",
              "a leader, deep in the list: the same order");
    CHECK_STR(page_of(&leader, "late", 1, 10001, d, 7), "d6", "a leader, deep in the list: late");
    CHECK_STR(page_of(&leader, "received", 1, 10001, d, 7), "d7 d5 d1",
              "a leader, deep in the list: a status");
    CHECK_STR(page_of(&leader, "all", 2, 10001, d, 7), "",
              "a leader, deep in the list: past the end");
    /* the province's leader, a unit above the district: the same dossiers in
     * the same order, at any depth */
    CHECK_STR(page_of(&leader_root, "all", 1, 25, d, 7), "d6 d2 d7 d5 d1 d3 d4",
              "the province's leader: every dossier of its units, the running ones first");
    CHECK_STR(page_of(&leader_root, "all", 2, 2, d, 7), "d7 d5",
              "the province's leader, 2 a page: page 2");
    CHECK_STR(page_of(&leader_root, "all", 4, 2, d, 7), "d4",
              "the province's leader, 2 a page: page 4, the last");
    CHECK_STR(page_of(&leader_root, "all", 5, 2, d, 7), "",
              "the province's leader, 2 a page: past the end");
    CHECK_STR(page_of(&leader_root, "open", 1, 25, d, 7), "d6 d2 d7 d5 d1 d3",
              "the province's leader, open: the one waiting for documents after the running ones");
    CHECK_STR(page_of(&leader_root, "open", 2, 2, d, 7), "d7 d5",
              "the province's leader, open, 2 a page: page 2, running ones only");
    CHECK_STR(page_of(&leader_root, "open", 3, 2, d, 7), "d1 d3",
              "the province's leader, open, 2 a page: page 3 across the statuses");
    CHECK_STR(page_of(&leader, "open", 1, 10001, d, 7), "d6 d2 d7 d5 d1 d3",
              "a leader, deep in the list: open");
    CHECK_STR(page_of(&leader_root, "late", 1, 25, d, 7), "d6", "the province's leader: late");
    CHECK_STR(page_of(&leader_root, "received", 1, 25, d, 7), "d7 d5 d1",
              "the province's leader, a status: by appointment");
    CHECK_STR(page_of(&leader_root, "returned", 1, 25, d, 7), "d4",
              "the province's leader, a status: returned");
    CHECK_STR(page_of(&leader_root, "near", 1, 25, d, 7), "", "the province's leader, near: none");
    CHECK_STR(page_of(&leader_root, "all", 1, 10001, d, 7), "d6 d2 d7 d5 d1 d3 d4",
              "the province's leader, deep in the list: the same order");
    CHECK_STR(page_of(&leader_root, "all", 2, 10001, d, 7), "",
              "the province's leader, deep in the list: past the end");
    /* another province: a dossier it received, due before all, is neither
     * leader's; one it received for the department to process is both's */
    d[7] = dossier("received", "2098-01-01 10:00:00", other, 0);
    d[8] = dossier("processing", "2099-01-02 10:00:00", other, dept);
    CHECK_STR(page_of(&leader_root, "all", 1, 25, d, 9), "d6 d9 d2 d7 d5 d1 d3 d4",
              "the province's leader: another province's dossier out, the one processed here in");
    CHECK_STR(page_of(&leader, "all", 1, 25, d, 9), "d6 d9 d2 d7 d5 d1 d3 d4",
              "the district's leader: the same");
    CHECK_STR(page_of(&leader_root, "received", 1, 25, d, 9), "d7 d5 d1",
              "the province's leader, a status: another province's left out");
    /* due within the hour: near for both leaders */
    strftime(soon, sizeof(soon), "%Y-%m-%d %H:%M:%S", gmtime(&in_an_hour));
    d[9] = dossier("processing", soon, unit, 0);
    CHECK_STR(page_of(&leader_root, "near", 1, 25, d, 10), "d10",
              "the province's leader, near: the one due within the hour");
    CHECK_STR(page_of(&leader, "near", 1, 25, d, 10), "d10",
              "the district's leader, near: the same");
    st.x.user = NULL;
    return st_close();
}
