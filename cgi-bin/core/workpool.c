/* workpool.c — a worker pool that grows under load and shrinks when idle.
 *
 * The policy (after php-fpm's dynamic mode):
 *   - Workers.<program> workers start, and never fewer serve: one that dies
 *     is replaced while the pool is at or below that minimum.
 *   - Each worker marks its slot BUSY when it has a request and IDLE when it
 *     is done, with an atomic store in memory shared with the master (mapped
 *     before the first fork): no lock and no message per request.
 *   - The master looks about ten times a second.  When a connection waits on
 *     the listening socket and no worker is idle, it forks one more, up to
 *     Workers.Max.<program>, and at most one every WP_SPAWN_GAP_MS.
 *   - When no connection waits and a worker above the minimum has been idle
 *     Workers.IdleSeconds, the master marks it RETIRING and sends SIGTERM; the
 *     worker exits at once if it waits in accept(), or after the request it
 *     holds (it blocks SIGTERM while serving).  A marked worker that has not
 *     gone a second later is signalled again.
 * Each worker holds one database connection, so the sum of the maxima over
 * all programs and app hosts must stay below MariaDB's max_connections
 * (docs/motcua.hdf.5, WORKERS). */
#include "workpool.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "util.h"

#define WP_SPAWN_GAP_MS 100
#define WP_RESIGNAL_MS 1000
#define WP_REPORT_MS 1000

long long
workpool_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
workpool_limits(long long start, long long max, long long idle_seconds, int *min_out, int *max_out,
                long long *idle_ms_out)
{
    if (start < 1 || start > WP_LIMIT) {
        start = 2;
    }
    if (max <= 0) {
        max = 4 * start;
    }
    if (max < start) {
        max = start; /* a fixed pool */
    }
    if (max > WP_LIMIT) {
        max = WP_LIMIT;
    }
    if (idle_seconds < 1) {
        idle_seconds = 1;
    }
    if (idle_seconds > 86400) {
        idle_seconds = 86400;
    }
    *min_out = (int)start;
    *max_out = (int)max;
    *idle_ms_out = idle_seconds * 1000;
}

int
workpool_init(struct workpool *p, int min, int max, long long idle_ms)
{
    void *m;

    memset(p, 0, sizeof(*p));
    m = mmap(NULL, (size_t)max * sizeof(struct workpool_slot), PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        log_err("cannot map the pool's shared memory: %s", strerror(errno));
        return -1;
    }
    p->shm = m;
    for (int i = 0; i < max; i++) {
        atomic_init(&p->shm[i].state, WP_FREE);
        atomic_init(&p->shm[i].idle_ms, 0);
    }
    p->pid = xcalloc((size_t)max, sizeof(*p->pid));
    p->mark_ms = xcalloc((size_t)max, sizeof(*p->mark_ms));
    p->min = min;
    p->max = max;
    p->idle_limit_ms = idle_ms;
    p->spawn_gap_ms = WP_SPAWN_GAP_MS;
    return 0;
}

void
workpool_free(struct workpool *p)
{
    if (p->shm != NULL) {
        munmap(p->shm, (size_t)p->max * sizeof(struct workpool_slot));
    }
    free(p->pid);
    free(p->mark_ms);
    memset(p, 0, sizeof(*p));
}

int
workpool_count(const struct workpool *p)
{
    int n = 0;

    for (int i = 0; i < p->max; i++) {
        n += p->pid[i] > 0;
    }
    return n;
}

int
workpool_serving(const struct workpool *p)
{
    int n = 0;

    for (int i = 0; i < p->max; i++) {
        n += p->pid[i] > 0 && atomic_load(&p->shm[i].state) != WP_RETIRING;
    }
    return n;
}

int
workpool_free_slot(const struct workpool *p)
{
    for (int i = 0; i < p->max; i++) {
        if (p->pid[i] <= 0) {
            return i;
        }
    }
    return -1;
}

void
workpool_started(struct workpool *p, int i, pid_t pid, long long now)
{
    assert(i >= 0 && i < p->max && p->pid[i] <= 0);
    /* idle from birth: the child has not yet accepted anything */
    atomic_store(&p->shm[i].idle_ms, now);
    atomic_store(&p->shm[i].state, pid > 0 ? WP_IDLE : WP_FREE);
    p->pid[i] = pid > 0 ? pid : 0;
    p->mark_ms[i] = now;
    p->last_spawn_ms = now;
}

int
workpool_reaped(struct workpool *p, pid_t pid, int *retired, long long *born)
{
    for (int i = 0; i < p->max; i++) {
        if (p->pid[i] == pid) {
            *retired = atomic_load(&p->shm[i].state) == WP_RETIRING;
            *born = p->mark_ms[i];
            atomic_store(&p->shm[i].state, WP_FREE);
            p->pid[i] = 0;
            return i;
        }
    }
    *retired = 0;
    *born = 0;
    return -1;
}

enum workpool_action
workpool_decide(struct workpool *p, int backlog, long long now, int *slot)
{
    int idle = 0, serving = 0, oldest = -1;
    long long oldest_ms = 0;

    /* a clock that went back (a test's fake clock) must not stop the pool */
    if (now < p->last_spawn_ms) {
        p->last_spawn_ms = now - p->spawn_gap_ms;
    }
    for (int i = 0; i < p->max; i++) {
        int st;

        if (p->pid[i] <= 0) {
            continue;
        }
        st = atomic_load(&p->shm[i].state);
        if (st == WP_RETIRING) {
            /* mark_ms: when it was told; tell it again if it missed it */
            if (now - p->mark_ms[i] >= WP_RESIGNAL_MS || now < p->mark_ms[i]) {
                p->mark_ms[i] = now;
                *slot = i;
                return WP_SHRINK;
            }
            continue;
        }
        serving++;
        if (st == WP_IDLE) {
            long long since = atomic_load(&p->shm[i].idle_ms);

            idle++;
            if (oldest < 0 || since < oldest_ms) {
                oldest = i;
                oldest_ms = since;
            }
        }
    }
    if ((serving < p->min || (backlog && idle == 0)) && now - p->last_spawn_ms >= p->spawn_gap_ms &&
        (*slot = workpool_free_slot(p)) >= 0) {
        p->grown += serving >= p->min;
        return WP_GROW;
    }
    if (!backlog && serving > p->min && oldest >= 0 && now - oldest_ms >= p->idle_limit_ms) {
        int expect = WP_IDLE;

        /* the worker may take a request this very moment: then it keeps it */
        if (atomic_compare_exchange_strong(&p->shm[oldest].state, &expect, WP_RETIRING)) {
            p->mark_ms[oldest] = now;
            p->shrunk++;
            *slot = oldest;
            return WP_SHRINK;
        }
    }
    return WP_NOTHING;
}

int
workpool_busy(struct workpool_slot *s)
{
    int expect = WP_IDLE;

    if (atomic_compare_exchange_strong(&s->state, &expect, WP_BUSY)) {
        return 0;
    }
    return expect == WP_RETIRING;
}

void
workpool_idle(struct workpool_slot *s)
{
    int expect = WP_BUSY;

    atomic_store(&s->idle_ms, workpool_now_ms());
    (void)atomic_compare_exchange_strong(&s->state, &expect, WP_IDLE);
}

void
workpool_report(struct workpool *p, long long now, int flush)
{
    if (p->grown == 0 && p->shrunk == 0) {
        return;
    }
    if (!flush && now - p->last_report_ms < WP_REPORT_MS && now >= p->last_report_ms) {
        return;
    }
    log_info("workers: %d serving (%d started, %d told to stop since the last report; min %d, max "
             "%d)",
             workpool_serving(p), p->grown, p->shrunk, p->min, p->max);
    p->grown = 0;
    p->shrunk = 0;
    p->last_report_ms = now;
}
