/* test_lease.c — the job leases (store_lease.c, sql/120_job_lease.sql) on a
 * real database: one holder at a time, renewed by its holder, given back,
 * and freed by expiry when a holder dies with it. */
#include "store.h"
#include "store_lease.h"

static int
take(const char *holder, long long seconds)
{
    int got = -1;

    CHECK(lease_take(st_db, &st.pool, "notify_send", holder, seconds, &got) == DB_OK, "lease_take");
    return got;
}

int
main(void)
{
    st_open();
    st_exec("UPDATE job_lease SET holder = '', expires_at = '1970-01-01' WHERE name = ?",
            DV_S("notify_send"));
    CHECK(take("a:1", 600) == 1, "a free lease is taken");
    CHECK(take("b:2", 600) == 0, "another host does not get it while it is held");
    CHECK(take("a:1", 600) == 1, "its holder renews it");
    CHECK(lease_release(st_db, "notify_send", "b:2") == DB_OK && take("b:2", 600) == 0,
          "a release by another than the holder changes nothing");
    CHECK(lease_release(st_db, "notify_send", "a:1") == DB_OK && take("b:2", 600) == 1,
          "given back, the next host gets it");
    /* b dies holding a lease that has run out: it is free again */
    st_exec("UPDATE job_lease SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE name = ?",
            DV_S("notify_send"));
    CHECK(take("c:3", 600) == 1, "an expired lease is taken by another host");
    CHECK_STR(st_str("SELECT holder FROM job_lease WHERE name = ?", DV_S("notify_send")), "c:3",
              "the holder is recorded");
    return st_close();
}
