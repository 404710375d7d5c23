/* Store test of retention (store_retention.c): erasure in batches erases what
 * was counted due, one batch at a time, the last one short; the records past
 * their period lose their personal fields once, the others keep them; the
 * evidence files come back for the caller to unlink; the day is taken once. */
#include <string.h>

#include "store.h"
#include "store_retention.h"

static long long unit;

/* Erase kind k in batches of `batch`: the records erased, the batches run. */
static long long
erase_all(enum ret_kind k, long long age, long long batch, int *batches, size_t *files)
{
    long long n, total = 0, cursor = 0;

    *batches = 0;
    *files = 0;
    do {
        struct pool p = { 0 };
        const char **names;
        size_t nnames;

        if (retention_erase_batch(st_db, &p, k, age, batch, &cursor, &n, &names, &nnames) !=
            DB_OK) {
            printf("not ok - erase: %s\n", db_error(st_db));
            exit(1);
        }
        for (size_t i = 0; i < nnames; i++) {
            *files += names[i] != NULL && names[i][0] != '\0';
        }
        total += n;
        (*batches)++;
        pool_release(&p);
    } while (n == batch);
    return total;
}

static void
ratings(void)
{
    struct ret_due due;
    long long erased;
    int batches;
    size_t files;

    for (int i = 0; i < 3; i++) {
        st_exec("INSERT INTO rating (ref, unit_id, level, comment, client_hash, created_at,"
                "                    updated_at)"
                " VALUES (?, ?, 2, 'Anh Bình ở quầy 1', 'aaaabbbbccccdddd', CONCAT('2019-05-0', ?),"
                "         '2019-05-01')",
                DV_S(pool_printf(&st.pool, "tret%012d", i)), DV_I(unit), DV_I(i + 1));
    }
    st_exec("INSERT INTO rating (ref, unit_id, level, comment, created_at, updated_at)"
            " VALUES ('tret000000000009', ?, 3, 'Mới', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
            DV_I(unit));
    CHECK(retention_due(st_db, &st.pool, RET_RATING_COMMENT, 24, &due) == DB_OK, "due");
    CHECK(due.rows >= 3, "the 3 old comments are due (%lld)", due.rows);
    erased = erase_all(RET_RATING_COMMENT, 24, 1, &batches, &files);
    CHECK(erased == due.rows, "as many erased as counted: %lld of %lld", erased, due.rows);
    CHECK(batches == (int)erased + 1, "one record a batch, the last batch empty: %d", batches);
    CHECK_STR(st_str("SELECT GROUP_CONCAT(CONCAT(level, ':', comment, ':', client_hash,"
                     "       ':', comment_erased_at IS NOT NULL) ORDER BY ref SEPARATOR ' ')"
                     "  FROM rating WHERE ref LIKE ? AND unit_id = ?",
                     DV_S("tret%"), DV_I(unit)),
              "2:::1 2:::1 2:::1 3:Mới::0", "old comments erased, levels and the new one kept");
    CHECK(erase_all(RET_RATING_COMMENT, 24, 1000, &batches, &files) == 0 && batches == 1,
          "a second run erases nothing");
}

static void
evidence(void)
{
    long long old, open;
    int batches;
    size_t files;

    old = st_exec("INSERT INTO feedback (code, check_part, kind, status, unit_id, content,"
                  "                      identity, contact_phone, created_at, due_at, closed_at)"
                  " VALUES ('PA-20190501-7001', 'x001', 'petition', 'closed', ?, 'Nội dung',"
                  "         'named', '0912000001', '2019-05-01', '2019-05-15', '2019-05-10')",
                  DV_I(unit));
    open = st_exec("INSERT INTO feedback (code, check_part, kind, status, unit_id, content,"
                   "                      identity, created_at, due_at)"
                   " VALUES ('PA-20190502-7002', 'x002', 'petition', 'accepted', ?, 'Nội dung',"
                   "         'anonymous', '2019-05-02', '2019-05-16')",
                   DV_I(unit));
    for (int i = 0; i < 2; i++) {
        st_exec("INSERT INTO feedback_file (feedback_id, stored_name, filename, mime, size,"
                "                           created_at)"
                " VALUES (?, ?, 'a.jpg', 'image/jpeg', 1, '2019-05-01')",
                DV_I(i ? open : old), DV_S(pool_printf(&st.pool, "ff%030d", i)));
    }
    CHECK(erase_all(RET_EVIDENCE, 24, 1000, &batches, &files) >= 1 && files >= 1,
          "the closed case's file is deleted and named");
    CHECK_STR(st_str("SELECT GROUP_CONCAT(ff.stored_name) FROM feedback_file ff"
                     "  JOIN feedback f ON f.id = ff.feedback_id WHERE f.unit_id = ?",
                     DV_I(unit)),
              "ff000000000000000000000000000001", "the open case keeps its file");
    CHECK_STR(st_row("feedback", old, "files_erased_at IS NOT NULL, contact_phone, identity"),
              "1 0912000001 named", "the case says when; contacts have their own period");
    CHECK(erase_all(RET_FEEDBACK_CONTACT, 24, 1000, &batches, &files) >= 1, "contacts erased");
    CHECK_STR(st_row("feedback", old,
                     "contact_erased_at IS NOT NULL, COALESCE(contact_phone, '-'), identity,"
                     " status"),
              "1 - named closed", "the contact goes, identity and status stay");
}

static void
notifications(void)
{
    static const char *const rows[][2] = { { "sent", "email" },
                                           { "queued", "email" },
                                           { "failed", "sms" },
                                           { "sent", "email" } };
    long long first = 0, erased;
    int batches;
    size_t files;

    for (size_t i = 0; i < NELEM(rows); i++) {
        long long id =
            st_exec("INSERT INTO notification (idem_key, channel, recipient, subject, body,"
                    "                          state, created_at, next_attempt_at)"
                    " VALUES (?, ?, 'a@example.vn', 's', 'Kính gửi bà An', ?, '2019-05-01',"
                    "         '2019-05-01')",
                    DV_S(pool_printf(&st.pool, "tret%028zu", i)), DV_S(rows[i][1]),
                    DV_S(rows[i][0]));
        first = first ? first : id;
    }
    erased = erase_all(RET_NOTIFICATION, 90, 2, &batches, &files);
    CHECK(erased >= 3 && files >= 2,
          "3 delivered or failed erased (%lld), the e-mails' files named", erased);
    CHECK_STR(st_str("SELECT GROUP_CONCAT(CONCAT(state, ':', recipient, ':', body) ORDER BY id"
                     "  SEPARATOR ' ') FROM notification WHERE id >= ? AND idem_key LIKE ?",
                     DV_I(first), DV_S("tret%")),
              "sent:: queued:a@example.vn:Kính gửi bà An failed:: sent::",
              "a queued message between them is kept");
}

static void
day_mark(void)
{
    int take;

    st_exec0("DELETE FROM stat_mark WHERE name = 'retention'");
    CHECK(retention_take_day(st_db, &st.pool, "2026-05-01", &take) == DB_OK && take == 1,
          "the first run of a day takes it");
    CHECK(retention_take_day(st_db, &st.pool, "2026-05-01", &take) == DB_OK && take == 0,
          "the same day is not taken twice");
    CHECK(retention_take_day(st_db, &st.pool, "2026-04-30", &take) == DB_OK && take == 0,
          "nor an earlier day");
    CHECK(retention_take_day(st_db, &st.pool, "2026-05-02", &take) == DB_OK && take == 1,
          "the next day is");
}

int
main(void)
{
    st_open();
    unit = st_unit(0, "T.RET.1", "Đơn vị kiểm thử lưu giữ", "centre");
    ratings();
    evidence();
    notifications();
    day_mark();
    return st_close();
}
