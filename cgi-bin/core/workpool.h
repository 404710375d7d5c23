/* workpool.h — the bookkeeping of a program's worker pool: how many workers run,
 * which are busy, when the master grows or shrinks the pool (policy in workpool.c).
 * The master forks and signals; this file only decides and records. */
#ifndef MOTCUA_WORKPOOL_H
#define MOTCUA_WORKPOOL_H

#include <stdatomic.h>
#include <sys/types.h>

/* A slot's state, written by its worker (IDLE, BUSY) and by the master
 * (FREE, RETIRING). */
enum workpool_state {
    WP_FREE = 0, /* no worker */
    WP_IDLE,     /* waiting for a connection */
    WP_BUSY,     /* serving a request */
    WP_RETIRING  /* told to exit (SIGTERM) after any request it holds */
};

/* One worker's word in the shared memory: lock-free, one atomic store per
 * change, read by the master a few times a second. */
struct workpool_slot {
    _Atomic int state;
    _Atomic long long idle_ms; /* monotonic ms when it last became idle */
};

struct workpool {
    struct workpool_slot *shm; /* max slots, MAP_SHARED: the workers see it */
    /* the master's own (not shared, so a worker cannot disturb them) */
    pid_t *pid;
    long long *mark_ms; /* when started, or when told to retire */
    int min, max;
    long long idle_limit_ms; /* Workers.IdleSeconds */
    long long spawn_gap_ms;  /* at most one new worker per gap */
    long long last_spawn_ms;
    /* grows and shrinks not yet in the log (workpool_report) */
    int grown, shrunk;
    long long last_report_ms;
};

enum workpool_action { WP_NOTHING, WP_GROW, WP_SHRINK };

/* The milliseconds of CLOCK_MONOTONIC: one clock for the master and the workers. */
long long workpool_now_ms(void);

/* Workers.<program> (min), Workers.Max.<program> (max; 0: 4 × min) and
 * Workers.IdleSeconds, bounded: 1 ≤ min ≤ max ≤ WP_LIMIT. */
#define WP_LIMIT 256
void workpool_limits(long long start, long long max, long long idle_seconds, int *min_out,
                     int *max_out, long long *idle_ms_out);

/* Set up for min..max workers, the shared slots mapped before any fork.
 * 0, or -1 (logged).  workpool_free unmaps and frees. */
int workpool_init(struct workpool *p, int min, int max, long long idle_ms);
void workpool_free(struct workpool *p);

/* Live workers (slots with a process), and those not retiring. */
int workpool_count(const struct workpool *p);
int workpool_serving(const struct workpool *p);

/* A FREE slot for a new worker, or -1 when max run. */
int workpool_free_slot(const struct workpool *p);

/* Record that the worker of slot i is pid, started at now. */
void workpool_started(struct workpool *p, int i, pid_t pid, long long now);

/* A child was reaped: its slot, FREE again, or -1 if pid is not ours.
 * *retired is 1 when the master had told it to exit; *born is when it started. */
int workpool_reaped(struct workpool *p, pid_t pid, int *retired, long long *born);

/* The master's tick: backlog is 1 when a connection waits on the socket.
 * WP_GROW: fork a worker into *slot; WP_SHRINK: the worker of *slot is
 * now RETIRING, send it SIGTERM.  At most one of either per call. */
enum workpool_action workpool_decide(struct workpool *p, int backlog, long long now, int *slot);

/* Worker side: around each request.  workpool_busy returns 1 when the master has
 * already told this worker to retire (serve the request, then exit). */
int workpool_busy(struct workpool_slot *s);
void workpool_idle(struct workpool_slot *s);

/* At most one line a second in the log for the grows and shrinks since the
 * last one; call on each tick, and with flush 1 when stopping. */
void workpool_report(struct workpool *p, long long now, int flush);

#endif
