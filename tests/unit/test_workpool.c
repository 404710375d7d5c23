/* test_workpool.c — the worker pool's decisions (workpool.c), with the clock
 * passed in: it grows when a connection waits and no worker is idle, at most
 * one per spawn gap, up to its maximum; it shrinks only workers above the
 * minimum idle long enough; a worker told to retire keeps a request it took. */

#include "tap.h"
#include "workpool.h"

/* start a worker in slot i as the master does, with a made-up pid */
static void
start(struct workpool *p, int i, long long now)
{
    workpool_started(p, i, 1000 + i, now);
}

int
main(void)
{
    struct workpool p;
    int min, max, slot = -1, retired;
    long long idle_ms, born, t = 5000;

    workpool_limits(2, 0, 3, &min, &max, &idle_ms);
    CHECK(min == 2 && max == 8 && idle_ms == 3000, "default maximum is 4 x the start number");
    workpool_limits(4, 2, 0, &min, &max, &idle_ms);
    CHECK(min == 4 && max == 4 && idle_ms == 1000, "a maximum below the start is a fixed pool");
    workpool_limits(0, 9999, 5, &min, &max, &idle_ms);
    CHECK(min == 2 && max == WP_LIMIT, "bounded start and maximum");

    workpool_limits(2, 4, 2, &min, &max, &idle_ms);
    CHECK(workpool_init(&p, min, max, idle_ms) == 0, "init");
    start(&p, 0, t);
    start(&p, 1, t);
    CHECK(workpool_count(&p) == 2 && workpool_serving(&p) == 2, "two workers");

    t += 1000;
    CHECK(workpool_decide(&p, 1, t, &slot) == WP_NOTHING,
          "a waiting connection with idle workers: nothing");
    CHECK(workpool_decide(&p, 0, t, &slot) == WP_NOTHING, "idle at the minimum: nothing");

    CHECK(workpool_busy(&p.shm[0]) == 0 && workpool_busy(&p.shm[1]) == 0, "both take a request");
    CHECK(workpool_decide(&p, 0, t, &slot) == WP_NOTHING, "all busy, no connection waits: nothing");
    CHECK(workpool_decide(&p, 1, t, &slot) == WP_GROW && slot == 2, "all busy and one waits: grow");
    start(&p, slot, t);
    workpool_busy(&p.shm[2]);
    CHECK(workpool_decide(&p, 1, t + 10, &slot) == WP_NOTHING, "not twice within the spawn gap");
    CHECK(workpool_decide(&p, 1, t + 100, &slot) == WP_GROW && slot == 3,
          "grow again after the gap");
    start(&p, slot, t + 100);
    workpool_busy(&p.shm[3]);
    CHECK(workpool_decide(&p, 1, t + 1000, &slot) == WP_NOTHING, "never above the maximum");
    CHECK(workpool_count(&p) == 4, "four workers");

    /* the load ends at t + 1000 */
    t += 1000;
    for (int i = 0; i < 4; i++) {
        workpool_idle(&p.shm[i]);
        atomic_store(&p.shm[i].idle_ms, t + i); /* the worker's clock, made definite */
    }
    CHECK(workpool_decide(&p, 0, t + 1000, &slot) == WP_NOTHING,
          "idle less than IdleSeconds: kept");
    CHECK(workpool_decide(&p, 1, t + 5000, &slot) == WP_NOTHING,
          "a waiting connection: none stops");
    CHECK(workpool_decide(&p, 0, t + 2000, &slot) == WP_SHRINK && slot == 0,
          "the longest idle stops first");
    CHECK(workpool_serving(&p) == 3 && workpool_count(&p) == 4,
          "retiring: no longer serving, not yet gone");
    CHECK(workpool_busy(&p.shm[0]) == 1,
          "a retiring worker that takes a request learns it must go");
    CHECK(workpool_decide(&p, 0, t + 2001, &slot) == WP_SHRINK && slot == 1, "a second one stops");
    CHECK(workpool_decide(&p, 0, t + 2002, &slot) == WP_NOTHING, "never below the minimum");
    CHECK(workpool_decide(&p, 0, t + 3001, &slot) == WP_SHRINK && slot == 0,
          "a retiring worker still there a second later is told again");

    CHECK(workpool_reaped(&p, 1000, &retired, &born) == 0 && retired, "the retired one is reaped");
    CHECK(workpool_reaped(&p, 1001, &retired, &born) == 1 && retired, "and the second");
    CHECK(workpool_reaped(&p, 4242, &retired, &born) == -1, "not a worker");
    CHECK(workpool_count(&p) == 2 && workpool_serving(&p) == 2, "back to the minimum");

    /* a worker killed mid-request: the pool falls below its minimum */
    workpool_busy(&p.shm[2]);
    CHECK(workpool_reaped(&p, 1002, &retired, &born) == 2 && !retired && born == t - 1000,
          "a crashed worker is not a retired one");
    CHECK(workpool_serving(&p) == 1, "one left");
    CHECK(workpool_decide(&p, 0, t + 4000, &slot) == WP_GROW && slot == 0,
          "below the minimum: start one");
    start(&p, slot, t + 4000);
    CHECK(workpool_decide(&p, 0, t + 9000, &slot) == WP_NOTHING, "at the minimum, idle: nothing");

    /* a clock that goes back does not stop the pool */
    workpool_busy(&p.shm[0]);
    workpool_busy(&p.shm[3]);
    CHECK(workpool_decide(&p, 1, 10, &slot) == WP_GROW, "grows after the clock went back");

    workpool_free(&p);
    return tap_done();
}
