/* demo_gen.h — a deterministic generator of a lived-in demo province: dossiers
 * with their hand-overs, events, QR links and apology letters, ratings and
 * feedback cases, and the aggregates that the write path would have kept.
 * Used by `motcuactl demo` (a small set) and `motcuactl demo-data` (any size,
 * for benchmarks).  Only for the demo province: it refuses any other database. */
#ifndef MOTCUA_DEMO_GEN_H
#define MOTCUA_DEMO_GEN_H

#include "calendar.h"
#include "sctx.h"

struct demo_opts {
    long long dossiers;      /* received over the last ten years up to now */
    long long feedback;      /* feedback cases, around those dossiers */
    long long ratings;       /* ratings; < 0: 3 × dossiers / 10 */
    unsigned long long seed; /* same seed, same day: same data */
    int progress;            /* 1: progress on stderr (a bar on a tty, else every 10 %) */
    int showcase;            /* 1: also the apology workflow's cases, due relative to
                              * today (the demo province of make run; not make bench) */
};

/* Generate into r->app->db (the owner account: it sets session variables and
 * writes every table).  cal is the loaded working-day calendar.  Rows are
 * appended after what is there, so the database should be quiet meanwhile.
 * Returns 0, or 1 after printing why on stderr. */
int demo_generate(struct sctx *x, const struct cal *cal, const struct demo_opts *o);

#endif
