/* test_datareq.c — personal data requests through the store, on a real
 * database: who sees a request (the case's unit, a leader over the subtree,
 * never another unit nor the officer a confidential case is about), its
 * deadline as given, an answer given once, a restriction marking its case
 * until refused, a correction changing one field, and an erasure emptying the
 * contact fields and handing back the evidence files to remove. */
#include <string.h>

#include "store.h"
#include "store_datareq.h"
#include "store_feedback.h"
#include "token.h"

static long long top, unit, other;
static struct user officer, subject, far, leader;

static long long
file_case(const char *identity, long long officer_id, const char *idem)
{
    struct fb_new in = { .kind = "petition",
                         .unit_id = unit,
                         .officer_id = officer_id,
                         .identity = identity,
                         .content = "Yêu cầu về dữ liệu cá nhân: hồ sơ kiểm thử.",
                         .name = "Trần Văn Bình",
                         .phone = "0912345678",
                         .email = "binh@example.vn",
                         .address = "Phường Hoa Lư",
                         .idem = idem };
    char code[32], key[TOKEN_NONCE_LEN + 1];

    st.x.user = NULL;
    CHECK(feedback_create(&st.x, &in, code, key) == DB_OK, "feedback_create (%s)", identity);
    return st_num("SELECT id FROM feedback WHERE idem_key = ?", DV_S(idem));
}

static long long
request(long long fb, const char *kind, const char *field, const char *value)
{
    struct datareq_in in = { .object = DRO_FEEDBACK,
                             .object_id = fb,
                             .unit_id = unit,
                             .kind = kind,
                             .field = field,
                             .new_value = value,
                             .detail = "Lý do",
                             .created = 1767225600, /* 2026-01-01 00:00 UTC */
                             .due = 1767225600 + 72 * 3600 };
    char code[24];

    CHECK(datareq_insert(st_db, &st.pool, &in, code, sizeof(code)) == DB_OK &&
              strncmp(code, "YC-", 3) == 0 && strlen(code) == 11,
          "datareq_insert (%s) gives a code YC-XXXXXXXX: %s", kind, code);
    return st_num("SELECT id FROM data_request WHERE code = ?", DV_S(code));
}

static struct datareq_scope
scope_of(const struct user *u)
{
    struct datareq_scope s = { .unit_id = u->unit_id,
                               .viewer_id = u->id,
                               .leader = strcmp(u->role, "leader") == 0 };

    s.subtree = pool_printf(&st.pool, "%s%%",
                            st_str("SELECT path FROM org_unit WHERE id = ?", DV_I(u->unit_id)));
    return s;
}

static int
sees(const struct user *u, long long id)
{
    struct datareq_scope s = scope_of(u);
    struct datareq_row w;

    if (datareq_get(st_db, &st.pool, &s, id, &w) != DB_OK) {
        return -1;
    }
    return w.id == id;
}

int
main(void)
{
    long long named, conf, r1, r2, r3, r4;
    struct datareq_row w;
    const char **stored;
    size_t n;
    int changed, yes;

    st_open();
    top = st_unit(0, "T.datareq.0", "Tỉnh kiểm thử", "province");
    unit = st_unit(top, "T.datareq.1", "Trung tâm kiểm thử", "province");
    other = st_unit(top, "T.datareq.2", "Xã kiểm thử", "commune");
    officer = st_user("dr-officer", "Cán bộ A", "officer", unit, 0);
    subject = st_user("dr-subject", "Cán bộ B", "officer", unit, 0);
    far = st_user("dr-far", "Cán bộ C", "officer", other, 0);
    leader = st_user("dr-leader", "Lãnh đạo", "leader", top, 0);
    named = file_case("named", 0, "datareq-named");
    conf = file_case("confidential", subject.id, "datareq-conf");

    r1 = request(named, "restrict", NULL, NULL);
    CHECK_STR(st_str("SELECT TIMESTAMPDIFF(SECOND, created_at, due_at) FROM data_request"
                     " WHERE id = ?",
                     DV_I(r1)),
              "259200", "the deadline is stored as given: 72 hours after");
    CHECK(sees(&officer, r1) == 1 && sees(&leader, r1) == 1 && sees(&far, r1) == 0,
          "the unit and the leader above see it, another unit does not");
    r2 = request(conf, "object", NULL, NULL);
    CHECK(sees(&officer, r2) == 1 && sees(&subject, r2) == 0 && sees(&leader, r2) == 1,
          "the officer a confidential case is about never sees its requests");

    CHECK(datareq_restricted(st_db, &st.pool, DRO_FEEDBACK, named, &yes) == DB_OK && yes,
          "an open restriction marks the case");
    CHECK(datareq_answer(st_db, r1, "refused", "Không", officer.id, &changed) == DB_OK && changed,
          "the restriction is refused");
    CHECK(datareq_answer(st_db, r1, "done", "Có", officer.id, &changed) == DB_OK && !changed,
          "an answered request is not answered again");
    CHECK(datareq_restricted(st_db, &st.pool, DRO_FEEDBACK, named, &yes) == DB_OK && !yes,
          "a refused restriction marks nothing");

    r3 = request(named, "correct", "email", "moi@example.vn");
    {
        struct datareq_scope s = scope_of(&officer);

        CHECK(datareq_get(st_db, &st.pool, &s, r3, &w) == DB_OK && w.id == r3, "read back");
    }
    CHECK(datareq_correct(st_db, DRO_FEEDBACK, named, w.field, w.new_value) == DB_OK, "correct");
    CHECK_STR(st_row("feedback", named, "contact_name, contact_email"),
              "Trần Văn Bình moi@example.vn", "only the e-mail changed");
    CHECK(datareq_correct(st_db, DRO_FEEDBACK, named, "code", "X") == DB_ERR,
          "a field that is not a contact field is refused");

    st_exec("INSERT INTO feedback_file (feedback_id, stored_name, filename, mime, size, created_at)"
            " VALUES (?, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'a.jpg', 'image/jpeg', 1,"
            "         UTC_TIMESTAMP())",
            DV_I(named));
    r4 = request(named, "erase", NULL, NULL);
    CHECK(sees(&officer, r4) == 1, "the erasure request is the unit's");
    CHECK(datareq_erase_feedback(st_db, &st.pool, named, &stored, &n) == DB_OK && n == 1 &&
              strcmp(stored[0], "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") == 0,
          "erasure hands back the file to remove");
    CHECK_STR(st_str("SELECT CONCAT_WS('/', COALESCE(contact_name, '-'),"
                     " COALESCE(contact_phone, '-'), COALESCE(contact_email, '-'),"
                     " COALESCE(contact_address, '-'),"
                     " (SELECT COUNT(*) FROM feedback_file WHERE feedback_id = f.id))"
                     "  FROM feedback f WHERE id = ?",
                     DV_I(named)),
              "-/-/-/-/0", "the contact fields are empty and the file rows gone");
    return st_close();
}
