/* legal.h — legal versions: the rules and papers in force for a dossier,
 * chosen by the day it was received (docs/architecture.md §6), and the one lateness rule
 * every screen, paper, list and figure applies (docs/architecture.md §6).  The SQL of the
 * legal_version table lives here. */
#ifndef MOTCUA_LEGAL_H
#define MOTCUA_LEGAL_H

#include <time.h>

#include "calendar.h"
#include "db.h"
#include "util.h"

struct legal_version {
    const char *code, *title;
    const char *lead_unit;           /* "working_days" | "calendar_days" */
    const char *supplement_rule;     /* "restart" | "pause" */
    const char *ontime_base;         /* "received" | "finished" */
    const char *papers;              /* "TT01" | "TT03" */
    int lead_days, max_reappoint, near_due_days;
    int supplement_within_days, supplement_max_restarts;
};

/* The version in force on the local day of `received` (the newest row whose
 * effective_from is not after it; the oldest row for a dossier older than
 * every row).  Strings are allocated from p.  DB_ERR when the table is empty. */
enum db_rc legal_version_for(struct db *db, struct pool *p, time_t received,
                             struct legal_version *v);

/* Every legal version, as a process keeps them (struct app): read again when
 * the number of legal_generation, which migration 300's triggers move at
 * every write to legal_version, differs from the one they were read at.  A
 * statement reads that number with its own rows (LEGAL_GEN_COL, joined by
 * LEGAL_GEN_JOIN) and the caller passes it to legal_cache_sync. */
struct legal_cache {
    unsigned long long gen; /* the number the rows were read at; 0: not read */
    size_t n;
    int *from; /* each version's effective_from, a day number, oldest first */
    struct legal_version *v;
    struct pool pool; /* what the rows hold */
};

#define LEGAL_GEN_COL "COALESCE(lg.gen, 0)"
#define LEGAL_GEN_JOIN " LEFT JOIN legal_generation lg ON lg.id = 1"

/* Bring c up to generation gen: the rows are read again when gen differs
 * from c's, or is 0 (the row missing: read every time). */
enum db_rc legal_cache_sync(struct legal_cache *c, struct db *db, unsigned long long gen);

/* The version in force on the day `day` (a day number), chosen as
 * legal_version_for does; NULL when there is none. */
const struct legal_version *legal_cache_for(const struct legal_cache *c, int day);

void legal_cache_free(struct legal_cache *c);

/* The same choice inside a statement, for the dossier aliased d. */
#define LEGAL_VERSION_OF_D(col)                                                              \
    "(SELECT lv." col " FROM legal_version lv"                                               \
    "  WHERE lv.effective_from <= GREATEST(DATE(d.received_at + " SQL_VN_OFFSET "),"         \
    "                                      (SELECT MIN(effective_from) FROM legal_version))" \
    "  ORDER BY lv.effective_from DESC LIMIT 1)"

/* What a supplement request does to the clock (Decree 61/2018 Art. 19(4)):
 * restart it once the dossier is complete, pause it, or nothing because the
 * request came after supplement_within_days working days of the cycle's
 * start or after the restarts allowed.  The strings are wait_clock's values. */
enum supplement_clock { SC_RESTART, SC_PAUSE, SC_LATE_REQUEST, SC_TOO_MANY };

extern const char *const supplement_clocks[4];

/* Decide for a request at `now` in a cycle that started at `cycle_start`,
 * after `restarts` earlier restarts. */
enum supplement_clock legal_supplement_clock(const struct cal *cal, const struct legal_version *v,
                                             time_t cycle_start, int restarts, time_t now);

/* The verdict of a dossier (TT01 Art. 13: shorter, equal, longer than the
 * legal time), always against `statutory_due`, the statutory appointment of
 * its last cycle, never a date moved by an apology letter.  wait_clock is the
 * dossier's column (NULL or "" when not waiting). */
enum lateness {
    LATE_NONE,       /* refused or stopped: no verdict */
    LATE_EARLY,      /* finished before the appointment day */
    LATE_ON_TIME,    /* finished on it */
    LATE_LATE,       /* finished after it */
    LATE_OVERDUE,    /* in progress, appointment passed */
    LATE_NEAR,       /* in progress, within near_days working days of it */
    LATE_OK,         /* in progress, in time */
    LATE_WAITING,    /* waiting for the citizen's documents, clock stopped: never late */
};

extern const char *const lateness_names[8];

enum lateness legal_lateness(const struct cal *cal, time_t now, const char *status,
                             const char *wait_clock, time_t statutory_due, time_t finished,
                             int near_days);

/* The late-dossier condition in SQL on dossier d, the same rule as
 * legal_lateness's LATE_LATE and LATE_OVERDUE: shared by the aggregates, the
 * live counts and the lists. */
#define LEGAL_LATE_COND                                                              \
    " d.status NOT IN ('refused','stopped')"                                         \
    " AND NOT (d.status = 'supplement' AND d.wait_clock IN ('restart','pause'))"     \
    " AND ((d.finished_at IS NOT NULL AND DATE(d.finished_at + " SQL_VN_OFFSET ") >" \
    "       DATE(d.original_due_at + " SQL_VN_OFFSET "))"                            \
    "      OR (d.finished_at IS NULL AND d.original_due_at < UTC_TIMESTAMP()))"

#endif
