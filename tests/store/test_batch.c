/* test_batch.c — ratings stored in batches (rating_save_many, the rating
 * writer's transaction), on a real database: a batch decides each rating as
 * rating_save would have decided it had they come one after another in the
 * batch's order.  The figures expected are counted by hand from the rules:
 * an address's limit of 3 lets three attempts through and refuses the fourth
 * (not counted); a repeated form is counted as an attempt and answered with
 * the first rating's reference, whether that one was stored before or earlier
 * in the same batch; a link's limit spread over slots holds inside a batch; a
 * rating is flagged when its link already has Rating.BurstCount ratings in the
 * window, counting the batch's ratings before it; the day's aggregates get
 * each new rating once.  A dossier is rated once: in a batch, as one after
 * another, its first rating is new, the next ones within Rating.ReplaceHours
 * replace it (moving the aggregates where the rating was counted: its day,
 * unit and officer, whatever link the later one came through; keeping its
 * reference), one after that window changes nothing, and its QĐ 766 verdict
 * follows its last rating.  A batch and a rating stored alone take their
 * rows in one order (the address's last), so neither waits on the other in a
 * circle; a batch whose rating an address's hits counted meanwhile would
 * take over its limit is rolled back, one within the limit is not.
 * And which ratings the writer may take at all. */
#include <sys/wait.h>
#include <unistd.h>

#include "qrlink.h"
#include "ratelimit.h"
#include "stats.h"
#include "store.h"
#include "store_feedback.h"

static long long unit, c1, c2, c3;
static int nidem;

/* A job for rating_save_many: a rating of level through l from address addr,
 * an address's limit of addr_limit, a link's of link_limit over 8 slots,
 * flagged after burst ratings in 300 s (0: never); its idempotency key idem
 * (NULL: a new one). */
static struct rating_job
job(const struct qrlink *l, const char *addr, int level, int addr_limit, int link_limit, int burst,
    const char *idem)
{
    struct rating_job j;
    struct ratelimit limits[2] = { { RATING_BUCKET_ADDR, addr, addr_limit, 1 },
                                   { RATING_BUCKET_LINK, l->token, link_limit, 8 } };
    struct rating_in in = { .level = level,
                            .c_attitude = level,
                            .comment = "Lời góp ý",
                            .channel = "qr",
                            .client_hash = "store-batch",
                            .burst_count = burst,
                            .burst_seconds = 300,
                            .replace_hours = 72,
                            .limits = limits };

    in.idem = idem ? idem : pool_printf(&st.pool, "%032d", ++nidem);
    CHECK(rating_job_from(&j, l, &in) == 1, "a new rating through a counter's link may be batched");
    return j;
}

/* The results of done[n] as letters: N new, D duplicate, L limited. */
static const char *
results(const struct rating_done *done, size_t n)
{
    char *s = pool_alloc(&st.pool, n + 1);

    for (size_t i = 0; i < n; i++) {
        s[i] = done[i].rc != DB_OK                  ? '!'
               : done[i].result == RATING_NEW       ? 'N'
               : done[i].result == RATING_DUPLICATE ? 'D'
               : done[i].result == RATING_LIMITED   ? 'L'
               : done[i].result == RATING_REPLACED  ? 'R'
               : done[i].result == RATING_ALREADY   ? 'A'
                                                    : '?';
    }
    return s;
}

static const char *
hits(const char *bucket, const char *key)
{
    return st_str("SELECT COALESCE(SUM(hits), 0) FROM rate_limit WHERE bucket = ? AND k = ?",
                  DV_S(bucket), DV_S(key));
}

static void
limits_and_forms(void)
{
    struct qrlink l1, l2;
    struct rating_job j[6];
    struct rating_done done[6];
    struct rating_in before = { .level = 2,
                                .comment = "",
                                .channel = "qr",
                                .client_hash = "store-batch",
                                .idem = "b0000000000000000000000000000000" };
    enum rating_result r;
    char old_ref[17];

    st_link(&l1, unit, "counter", c1, 0);
    st_link(&l2, unit, "counter", c2, 0);
    /* a rating stored alone before the batch, whose form comes again in it */
    CHECK(rating_save(&st.x, &l2, &before, old_ref, &r) == DB_OK && r == RATING_NEW,
          "a rating stored alone first");
    j[0] = job(&l1, "192.0.2.71", 3, 3, 600, 0, NULL);
    j[1] = job(&l1, "192.0.2.71", 2, 3, 600, 0, j[0].idem); /* job 0's form again */
    j[2] = job(&l1, "192.0.2.71", 1, 3, 600, 0, NULL);
    j[3] = job(&l1, "192.0.2.71", 3, 3, 600, 0, NULL); /* the address's fourth attempt */
    j[4] = job(&l2, "192.0.2.72", 3, 3, 600, 0, NULL);
    j[5] = job(&l2, "192.0.2.72", 2, 3, 600, 0, before.idem);
    CHECK(rating_save_many(&st.x, j, 6, done) == DB_OK, "a batch of six");
    CHECK_STR(results(done, 6), "NDNLND",
              "new; job 0 again; new; the address's fourth refused; new; a form stored before");
    CHECK_STR(done[1].ref, done[0].ref, "the repeated form gets the first one's reference");
    CHECK_STR(done[5].ref, old_ref, "the form stored before: its reference");
    CHECK(strcmp(done[0].ref, done[2].ref) != 0 && strcmp(done[0].ref, done[4].ref) != 0,
          "each new rating its own reference");
    CHECK_STR(st_str("SELECT GROUP_CONCAT(level ORDER BY id) FROM rating WHERE qr_link_id = ?",
                     DV_I(l1.id)),
              "3,1", "counter 1: the two new ratings, levels 3 and 1");
    CHECK_STR(st_str("SELECT GROUP_CONCAT(level ORDER BY id) FROM rating WHERE qr_link_id = ?",
                     DV_I(l2.id)),
              "2,3", "counter 2: the one before and the new one");
    CHECK_STR(hits(RATING_BUCKET_ADDR, "192.0.2.71"), "3",
              "the address: three attempts counted, the refused one not");
    CHECK_STR(hits(RATING_BUCKET_ADDR, "192.0.2.72"), "2", "the other address: two attempts");
    CHECK_STR(hits(RATING_BUCKET_LINK, l1.token), "3", "link 1: three attempts");
    CHECK_STR(hits(RATING_BUCKET_LINK, l2.token), "2",
              "link 2: two attempts in the batch (the rating alone had no limits)");
    /* ratings r3 r2 r1, attitude sum/answers: counter 1 got a 3 and a 1
     * (attitude scored as the level); counter 2 the 2 before (no attitude)
     * and a 3 */
    CHECK_STR(st_str("SELECT CONCAT(SUM(ratings), ' ', SUM(r3), ' ', SUM(r2), ' ', SUM(r1), ' ',"
                     " SUM(att_sum), '/', SUM(att_n)) FROM stat_day WHERE scope = 'counter'"
                     " AND scope_id = ?",
                     DV_I(c1)),
              "2 1 0 1 4/2", "counter 1's day: two ratings, each once");
    CHECK_STR(st_str("SELECT CONCAT(SUM(ratings), ' ', SUM(r3), ' ', SUM(r2), ' ', SUM(r1), ' ',"
                     " SUM(att_sum), '/', SUM(att_n)) FROM stat_day WHERE scope = 'counter'"
                     " AND scope_id = ?",
                     DV_I(c2)),
              "2 1 1 0 3/1", "counter 2's day: the one before and the batch's new one");
    CHECK_STR(st_str("SELECT SUM(ratings) FROM stat_day WHERE scope = 'unit' AND scope_id = ?",
                     DV_I(unit)),
              "4", "the unit's day: the four stored ratings");
}

static void
link_limit_and_bursts(void)
{
    struct qrlink l;
    struct rating_job j[4];
    struct rating_done done[4];
    struct rating_in alone = { .level = 3,
                               .comment = "",
                               .channel = "qr",
                               .client_hash = "store-batch" };
    enum rating_result r;
    char ref[17];
    int ok = 1;

    /* a link's limit of 2 spread over 8 slots, three addresses at once */
    st_link(&l, unit, "counter", c3, 0);
    j[0] = job(&l, "192.0.2.81", 3, 30, 2, 0, NULL);
    j[1] = job(&l, "192.0.2.82", 3, 30, 2, 0, NULL);
    j[2] = job(&l, "192.0.2.83", 3, 30, 2, 0, NULL);
    CHECK(rating_save_many(&st.x, j, 3, done) == DB_OK, "a batch of three through one link");
    CHECK_STR(results(done, 3), "NNL", "a link's limit of 2: the third refused");
    CHECK_STR(hits(RATING_BUCKET_LINK, l.token), "2", "two hits on the link's slots");
    CHECK_STR(hits(RATING_BUCKET_ADDR, "192.0.2.83"), "0", "the refused address: nothing counted");

    /* bursts: a link with two ratings just now, a rule of 3 in 300 s */
    st_link(&l, unit, "counter", c3, 0);
    for (int i = 0; i < 2; i++) {
        alone.idem = pool_printf(&st.pool, "a%031d", i);
        ok &= rating_save(&st.x, &l, &alone, ref, &r) == DB_OK && r == RATING_NEW;
    }
    CHECK(ok, "two ratings through a new link, stored alone");
    for (int i = 0; i < 4; i++) {
        j[i] = job(&l, "192.0.2.84", 3, 30, 600, 3, NULL);
    }
    CHECK(rating_save_many(&st.x, j, 4, done) == DB_OK, "then four at once");
    CHECK_STR(st_str("SELECT GROUP_CONCAT(flagged ORDER BY id SEPARATOR '') FROM rating"
                     " WHERE qr_link_id = ?",
                     DV_I(l.id)),
              "000111",
              "the first of the four has two before it, the second three: flagged from there");
}

/* A QR link rating dossier id of unit u, given by officer (0: none), made
 * into l. */
static void
dossier_link(struct qrlink *l, long long u, long long id, long long officer)
{
    memset(l, 0, sizeof(*l));
    snprintf(l->kind, sizeof(l->kind), "dossier");
    l->unit_id = u;
    l->officer_id = officer;
    l->dossier_id = id;
    CHECK(db_begin(st_db) == DB_OK && qrlink_create(st_db, st.app.secret, l) == DB_OK &&
              db_commit(st_db) == DB_OK,
          "a dossier's link");
}

/* A dossier received at unit u, returned to its citizen on 10/03/2026, and a
 * QR link rating it, made into l: the dossier's id. */
static long long
returned_dossier(struct qrlink *l, long long u, long long proc, struct user *officer)
{
    char code[64];
    long long id = st_receive(u, proc, officer, code);

    st_exec("UPDATE dossier SET status = 'returned', finished_at = '2026-03-10 03:00:00'"
            " WHERE id = ?",
            DV_I(id));
    dossier_link(l, u, id, 0);
    return id;
}

/* The sums "ratings r3 r2 r1 attitude-sum/answers" of the days of a unit or
 * officer (scope), those of day (NULL: every day) or, with other, every day
 * but day. */
static const char *
sums(const char *scope, long long id, const char *day, int other)
{
    return st_str("SELECT CONCAT(COALESCE(SUM(ratings), 0), ' ', COALESCE(SUM(r3), 0), ' ',"
                  " COALESCE(SUM(r2), 0), ' ', COALESCE(SUM(r1), 0), ' ', COALESCE(SUM(att_sum), "
                  "0),"
                  " '/', COALESCE(SUM(att_n), 0)) FROM stat_day WHERE scope = ?"
                  " AND scope_id = ? AND (? IS NULL OR (day = ?) <> ?)",
                  DV_S(scope), DV_I(id), day ? DV_S(day) : DV_NULL, day ? DV_S(day) : DV_NULL,
                  DV_I(other));
}

static void
dossiers(void)
{
    struct qrlink la, lb, lc, le, lf;
    struct rating_job j[9];
    struct rating_done done[9];
    /* units of their own, whose aggregates are these dossiers' ratings only:
     * b's unit u2 */
    long long u = st_unit(0, "T.BATCH.2", "Ủy ban nhân dân xã (kiểm thử lô)", "commune"),
              u2 = st_unit(0, "T.BATCH.3", "Ủy ban nhân dân phường (kiểm thử lô)", "commune");
    struct user officer = st_user("t_batch_o1", "Đỗ Thị Hạnh", "officer", u, 0);
    long long proc = st_procedure("T.BATCH.F", "T.BATCH.P1", "Thủ tục kiểm thử lô", u);
    long long a = returned_dossier(&la, u, proc, &officer),
              b = returned_dossier(&lb, u2, proc, &officer),
              c = returned_dossier(&lc, u, proc, &officer),
              e = returned_dossier(&le, u, proc, &officer),
              f = returned_dossier(&lf, u, proc, &officer);
    struct rating_in before = { .level = 3,
                                .comment = "",
                                .channel = "qr",
                                .client_hash = "store-batch",
                                .replace_hours = 72 };
    enum rating_result r;
    char ref_b[17], ref_c[17], ref_f[17];
    const char *bday;

    st.x.user = NULL;
    /* b, c and f rated 3 with no criteria, stored alone; then b's rating moved
     * 48 hours back (within the 72) with its unit's aggregates, c's 100 hours
     * back (past them) */
    before.idem = "c0000000000000000000000000000000";
    CHECK(rating_save(&st.x, &lb, &before, ref_b, &r) == DB_OK && r == RATING_NEW,
          "dossier b rated alone");
    before.idem = "c0000000000000000000000000000001";
    CHECK(rating_save(&st.x, &lc, &before, ref_c, &r) == DB_OK && r == RATING_NEW,
          "dossier c rated alone");
    before.idem = "c0000000000000000000000000000002";
    CHECK(rating_save(&st.x, &lf, &before, ref_f, &r) == DB_OK && r == RATING_NEW,
          "dossier f rated alone");
    st_exec("UPDATE rating SET created_at = created_at - INTERVAL 100 HOUR WHERE dossier_id = ?",
            DV_I(c));
    st_exec("UPDATE rating SET created_at = created_at - INTERVAL 48 HOUR WHERE dossier_id = ?",
            DV_I(b));
    bday = st_str("SELECT DATE_FORMAT(created_at + INTERVAL 7 HOUR, '%Y-%m-%d') FROM rating"
                  " WHERE dossier_id = ?",
                  DV_I(b));
    st_exec("UPDATE stat_day SET day = ? WHERE scope = 'unit' AND scope_id = ?", DV_S(bday),
            DV_I(u2));
    j[0] = job(&la, "192.0.2.61", 3, 30, 600, 0, NULL);
    j[1] = job(&la, "192.0.2.61", 1, 30, 600, 0, NULL);
    j[2] = job(&lb, "192.0.2.61", 1, 30, 600, 0, NULL);
    j[3] = job(&lc, "192.0.2.61", 1, 30, 600, 0, NULL);
    j[4] = job(&la, "192.0.2.61", 2, 30, 600, 0, NULL);
    j[5] = job(&la, "192.0.2.61", 1, 30, 600, 0, j[0].idem); /* job 0's form again */
    j[6] = job(&le, "192.0.2.61", 1, 30, 600, 0, NULL);
    j[7] = job(&lf, "192.0.2.61", 1, 30, 600, 0, NULL);
    j[7].replace_hours = 0; /* no changing one's mind: f's rating of a moment ago stays */
    j[8] = job(&la, "192.0.2.62", 3, 0, 600, 0, NULL); /* an address with no rating left */
    snprintf(j[4].comment, sizeof(j[4].comment), "Lần cuối");
    CHECK(rating_save_many(&st.x, j, 9, done) == DB_OK, "a batch of nine about five dossiers");
    CHECK_STR(results(done, 9), "NRRARDNAL",
              "a: new, then replaced; b's from before replaced; c's too old to replace; a again;"
              " job 0's form again; e new; f's not replaceable at 0 hours; a refused");
    CHECK(strcmp(done[1].ref, done[0].ref) == 0 && strcmp(done[4].ref, done[0].ref) == 0 &&
              strcmp(done[5].ref, done[0].ref) == 0,
          "a's rating keeps the reference of its first");
    CHECK_STR(done[2].ref, ref_b, "b's rating keeps its reference");
    CHECK_STR(done[3].ref, ref_c, "c's rating: its reference");
    CHECK_STR(done[7].ref, ref_f, "f's rating: its reference");
    CHECK_STR(st_str("SELECT CONCAT(COUNT(*), ' ', MAX(level), ' ', MAX(c_attitude), ' ',"
                     " MAX(comment), ' ', MAX(idem_key)) FROM rating WHERE dossier_id = ?",
                     DV_I(a)),
              pool_printf(&st.pool, "1 2 2 Lần cuối %s", j[0].idem),
              "a: one rating, with job 4's answers and job 0's form key");
    CHECK_STR(st_str("SELECT CONCAT(COUNT(*), ' ', MAX(level), ' ', MAX(c_attitude))"
                     " FROM rating WHERE dossier_id = ?",
                     DV_I(b)),
              "1 1 1", "b: its one rating now 1, attitude 1");
    CHECK_STR(st_str("SELECT CONCAT(COUNT(*), ' ', MAX(level), ' ', COALESCE(MAX(c_attitude), '-'))"
                     " FROM rating WHERE dossier_id IN (?, ?)",
                     DV_I(c), DV_I(f)),
              "2 3 -", "c's and f's ratings unchanged");
    /* unit u: a (ends at 2, attitude 2), c (3), e (1, attitude 1), f (3) */
    CHECK_STR(sums("unit", u, NULL, 0), "4 2 1 1 3/2",
              "the unit's aggregates follow each dossier's last rating");
    /* unit u2: b's rating, 3 on its day, now 1 with attitude 1, on that day */
    CHECK_STR(sums("unit", u2, bday, 0), "1 0 0 1 1/1",
              "b's change is counted on the day of b's rating");
    CHECK_STR(sums("unit", u2, bday, 1), "0 0 0 0 0/0", "and on no other day");
    /* QĐ 766: b and e end unhappy (1); a passed through 1 and ends at 2 */
    CHECK_STR(st_str("SELECT COALESCE(GROUP_CONCAT(dossier_id ORDER BY dossier_id), '-')"
                     " FROM dossier_unhappy WHERE dossier_id IN (?, ?, ?, ?, ?)",
                     DV_I(a), DV_I(b), DV_I(c), DV_I(e), DV_I(f)),
              pool_printf(&st.pool, "%lld,%lld", b, e), "two unhappy dossiers: b and e");
    CHECK_STR(st_str("SELECT COALESCE(SUM(unhappy), 0) FROM stat_dossier_day"
                     " WHERE scope = 'unit' AND scope_id = ? AND day = '2026-03-10'",
                     DV_I(u)),
              "1", "u's day of return counts one unhappy dossier (e)");
    CHECK_STR(st_str("SELECT COALESCE(SUM(unhappy), 0) FROM stat_dossier_day"
                     " WHERE scope = 'unit' AND scope_id = ? AND day = '2026-03-10'",
                     DV_I(u2)),
              "1", "u2's one (b)");
}

/* A dossier rated through one officer's link and then, within the window,
 * through another's: the rating and its aggregates stay where it was first
 * counted (the first officer's), moved from 3 to 1 there, whether the second
 * comes alone or in a batch. */
static void
dossier_two_links(void)
{
    long long u = st_unit(0, "T.BATCH.4", "Ủy ban nhân dân thị trấn (kiểm thử lô)", "commune");
    struct user o1 = st_user("t_batch_o2", "Lý Văn Tài", "officer", u, 0),
                o2 = st_user("t_batch_o3", "Mạc Thị Yến", "officer", u, 0);
    long long proc = st_procedure("T.BATCH.G", "T.BATCH.P2", "Thủ tục kiểm thử lô 2", u);
    struct qrlink lg, lh, lg2, lh2;
    long long g = returned_dossier(&lg, u, proc, &o1), h = returned_dossier(&lh, u, proc, &o1);
    struct rating_in in = { .level = 3,
                            .c_attitude = 3,
                            .comment = "",
                            .channel = "qr",
                            .client_hash = "store-batch",
                            .replace_hours = 72 };
    struct rating_job j;
    struct rating_done done;
    enum rating_result r;
    char ref[17];

    st.x.user = NULL;
    dossier_link(&lg, u, g, o1.id);
    dossier_link(&lh, u, h, o1.id);
    dossier_link(&lg2, u, g, o2.id);
    dossier_link(&lh2, u, h, o2.id);
    in.idem = "d0000000000000000000000000000000";
    CHECK(rating_save(&st.x, &lg, &in, ref, &r) == DB_OK && r == RATING_NEW, "g rated, officer 1");
    in.idem = "d0000000000000000000000000000001";
    CHECK(rating_save(&st.x, &lh, &in, ref, &r) == DB_OK && r == RATING_NEW, "h rated, officer 1");
    j = job(&lg2, "192.0.2.63", 1, 30, 600, 0, NULL);
    CHECK(rating_save_many(&st.x, &j, 1, &done) == DB_OK && done.result == RATING_REPLACED,
          "g rated again through officer 2's link, in a batch: replaced");
    in.level = in.c_attitude = 1;
    in.idem = "d0000000000000000000000000000002";
    CHECK(rating_save(&st.x, &lh2, &in, ref, &r) == DB_OK && r == RATING_REPLACED,
          "h rated again through officer 2's link, alone: replaced");
    CHECK_STR(sums("officer", o1.id, NULL, 0), "2 0 0 2 2/2",
              "officer 1: the two ratings, each now 1 with attitude 1");
    CHECK_STR(sums("officer", o2.id, NULL, 0), "0 0 0 0 0/0", "officer 2: nothing");
}

static void
which_ratings(void)
{
    struct qrlink l;
    struct rating_job j;
    struct ratelimit limits[2] = { { RATING_BUCKET_ADDR, "192.0.2.91", 30, 1 },
                                   { RATING_BUCKET_LINK, "token", 600, 8 } };
    struct rating_in in = { .level = 3,
                            .comment = "",
                            .channel = "qr",
                            .client_hash = "x",
                            .replace_minutes = 10,
                            .limits = limits };

    st_link(&l, unit, "counter", c1, 0);
    CHECK(rating_job_from(&j, &l, &in) == 1 && strlen(j.idem) == 32 &&
              strspn(j.idem, "0123456789abcdef") == 32,
          "a form without a key: the job gets a fresh one");
    in.replace_ref = "0123456789abcdef";
    CHECK(rating_job_from(&j, &l, &in) == 0,
          "a rating that may replace this browser's: stored alone");
    l.dossier_id = 1;
    CHECK(rating_job_from(&j, &l, &in) == 1 && j.dossier_id == 1,
          "a dossier's rating (the browser's cookie plays no part in it): batched");
    in.replace_ref = NULL;
    l.dossier_id = 0;
    in.limits = NULL;
    CHECK(rating_job_from(&j, &l, &in) == 0, "a rating without limits: stored alone");
}

/* Job j stored by a batch in a child process, on a connection of its own,
 * while this process's session `other` holds rows the batch needs; the
 * child's exit status is the batch's rc times 16 plus the job's result, or
 * 255 when the batch met a conflict (a deadlock, a lock wait given up). */
static pid_t
batch_in_child(const struct rating_job *j)
{
    pid_t pid = fflush(stdout) == 0 ? fork() : -1;

    if (pid == 0) {
        struct db *db = db_new(st_conf, "owner");
        struct standin s = { 0 };
        struct rating_done done = { 0 };
        enum db_rc rc = DB_DOWN;
        int conflict;

        if (standin_init(&s, st_conf, db, "127.0.0.1") == 0 && db_connect(db) == DB_OK &&
            db_exec(db, "SET SESSION innodb_lock_wait_timeout = 5", DB_NOARGS, NULL, NULL) ==
                DB_OK) {
            rc = rating_save_many(&s.x, j, 1, &done);
        }
        conflict = db_take_conflict(db);
        standin_free(&s);
        db_close(db);
        _exit(conflict ? 255 : (int)rc * 16 + (int)done.result);
    }
    return pid;
}

/* Whether, within 10 s, another session of this account runs a statement
 * beginning with `head` (the child's batch, waiting there on a row; a
 * session sees the others of its account without the PROCESS privilege). */
static int
one_waits(const char *head)
{
    for (int i = 0; i < 200; i++) {
        if (st_num("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                   " WHERE ID <> CONNECTION_ID() AND DB = DATABASE()"
                   "   AND INFO LIKE CONCAT(?, '%')",
                   DV_S(head)) > 0) {
            return 1;
        }
        usleep(50000);
    }
    return 0;
}

/* The child's exit status (see batch_in_child); -1 when it did not exit. */
static int
child_status(pid_t pid)
{
    int status;

    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) ? WEXITSTATUS(status)
                                                                           : -1;
}

/* Whether link l has `ratings` ratings and address addr `count` hits. */
static int
link_holds(const struct qrlink *l, long long ratings, const char *addr, const char *count)
{
    return st_num("SELECT COUNT(*) FROM rating WHERE qr_link_id = ?", DV_I(l->id)) == ratings &&
           strcmp(hits(RATING_BUCKET_ADDR, addr), count) == 0;
}

/* A batch of job j (through a counter of unit u) in a child process waits on
 * the unit's aggregates, which `other` (a rating stored alone, its sctx ox)
 * holds; meanwhile that rating counts the job's address, its limit `limit`,
 * and commits.  The child's status (batch_in_child). */
static int
counted_meanwhile(struct db *other, struct sctx *ox, long long u, const struct rating_job *j,
                  int limit)
{
    const struct ratelimit alone = { RATING_BUCKET_ADDR, j->addr, limit, 1 };
    struct dbres held;
    char today[11];
    int allowed = 0;
    pid_t pid;

    /* the day's rows and the gap where new ones go (none yet, were the day
     * to have just begun) */
    stats_today(today);
    if (db_begin(other) != DB_OK ||
        db_query(other, &st.pool,
                 "SELECT slot FROM stat_day WHERE scope = 'unit' AND scope_id = ? AND day = ?"
                 " FOR UPDATE",
                 DB_ARGS(DV_I(u), DV_S(today)), &held) != DB_OK) {
        CHECK(0, "a rating stored alone holds the unit's aggregates: %s", db_error(other));
    }
    pid = batch_in_child(j);
    CHECK(one_waits("INSERT INTO stat_day"),
          "a batch through a counter of the unit, from that address, waits for them");
    CHECK(ratelimit_take(ox, &alone, 3600, &allowed) == DB_OK && allowed &&
              db_commit(other) == DB_OK,
          "the lone rating counts its address meanwhile and commits");
    return child_status(pid);
}

/* A batch and a rating stored alone take their rows in one order: the
 * limits' rows of the link, the dossier's rating, the aggregates, and the
 * address's row last.  A rating stored alone holds a dossier's rating when a
 * batch rating the same dossier from the same address starts; the batch
 * waits for it, and the lone rating then takes its address's row without
 * waiting on the batch (the batch used to hold that row from its first
 * statement: the two waited on each other, and InnoDB rolled one back).
 * When ratings stored alone are counted at an address after the batch read
 * its hits and take a rating it let through over the address's limit, the
 * batch is rolled back and its ratings go one by one, so the address's count
 * stays exact; within the limit it commits. */
static void
lock_order(void)
{
    long long u = st_unit(0, "T.BATCH.5", "Ủy ban nhân dân xã (kiểm thử thứ tự khóa)", "commune");
    struct user officer = st_user("t_batch_o4", "Tạ Văn Long", "officer", u, 0);
    long long proc = st_procedure("T.BATCH.H", "T.BATCH.P3", "Thủ tục kiểm thử thứ tự khóa", u);
    long long cq = st_counter(u, "Q01", "Quầy 01", 1);
    struct qrlink ld, lq;
    long long d = returned_dossier(&ld, u, proc, &officer);
    const char *addr = "198.51.100.23";
    const struct ratelimit alone = { RATING_BUCKET_ADDR, addr, 100, 1 };
    struct rating_job j0 = job(&ld, addr, 1, 100, 600, 0, NULL), j1;
    struct rating_done done;
    struct db *other = db_new(st_conf, "owner");
    struct sctx ox = st.x;
    struct dbres held;
    int allowed = 0, status, first;
    pid_t pid;

    st_link(&lq, u, "counter", cq, 0);
    CHECK(rating_save_many(&st.x, &j0, 1, &done) == DB_OK && done.result == RATING_NEW &&
              strcmp(hits(RATING_BUCKET_ADDR, addr), "1") == 0,
          "the dossier's first rating, in a batch: the address counts 1");
    ox.db = other;
    if (db_connect(other) != DB_OK ||
        db_exec(other, "SET SESSION innodb_lock_wait_timeout = 5", DB_NOARGS, NULL, NULL) !=
            DB_OK ||
        db_begin(other) != DB_OK ||
        db_query(other, &st.pool, "SELECT id FROM rating WHERE dossier_id = ? FOR UPDATE",
                 DB_ARGS(DV_I(d)), &held) != DB_OK ||
        held.nrows != 1) {
        CHECK(0, "a rating stored alone holds the dossier's rating: %s", db_error(other));
    }
    j1 = job(&ld, addr, 3, 100, 600, 0, NULL);
    pid = batch_in_child(&j1);
    CHECK(one_waits("SELECT dossier_id, id, ref"),
          "a batch rating the dossier from the same address waits for it");
    first = ratelimit_take(&ox, &alone, 3600, &allowed) == DB_OK && allowed;
    CHECK(first, "the lone rating then counts its address without waiting on the batch");
    CHECK(db_commit(other) == DB_OK, "and commits");
    status = child_status(pid);
    CHECK(status == DB_OK * 16 + RATING_REPLACED,
          "the batch then replaces the dossier's rating (status %d)", status);
    CHECK(st_num("SELECT level FROM rating WHERE dossier_id = ?", DV_I(d)) == 3 &&
              strcmp(hits(RATING_BUCKET_ADDR, addr), "3") == 0,
          "with its answers; the address counts 3, one for each");

    if (!first) {
        /* the two waited on each other: the next case would wait as long */
        CHECK(0, "a batch and a rating stored alone take their rows in one order");
        db_close(other);
        return;
    }
    /* ratings alone counted at the address between the batch's read and its
     * end: one that takes the batch's rating over the address's limit of 4
     * (3 so far), then one that leaves it within 100 */
    j1 = job(&lq, addr, 2, 4, 600, 0, NULL);
    status = counted_meanwhile(other, &ox, u, &j1, 4);
    CHECK(status == DB_ERR * 16 + RATING_NEW,
          "the batch finds its rating over the limit now and is rolled back (status %d)", status);
    CHECK(link_holds(&lq, 0, addr, "4"),
          "nothing of it stored: the address counts the lone rating only (4)");
    CHECK(rating_save_many(&st.x, &j1, 1, &done) == DB_OK && done.result == RATING_LIMITED &&
              strcmp(hits(RATING_BUCKET_ADDR, addr), "4") == 0,
          "stored again, as its worker would, it is the address's fifth: refused, not counted");
    j1 = job(&lq, addr, 2, 100, 600, 0, NULL);
    status = counted_meanwhile(other, &ox, u, &j1, 100);
    CHECK(status == DB_OK * 16 + RATING_NEW,
          "within the limit, the batch stores its rating all the same (status %d)", status);
    CHECK(link_holds(&lq, 1, addr, "6"), "the address counts both (6)");
    db_close(other);
}

int
main(void)
{
    st_open();
    /* one centre of its own, three counters, no one signed in: ratings are citizens' */
    unit = st_unit(0, "T.BATCH.1", "Trung tâm Phục vụ hành chính công (kiểm thử lô)", "centre");
    c1 = st_counter(unit, "Q01", "Quầy 01", 1);
    c2 = st_counter(unit, "Q02", "Quầy 02", 2);
    c3 = st_counter(unit, "Q03", "Quầy 03", 3);
    st.x.user = NULL;
    limits_and_forms();
    link_limit_and_bursts();
    dossiers();
    dossier_two_links();
    which_ratings();
    lock_order();
    return st_close();
}
