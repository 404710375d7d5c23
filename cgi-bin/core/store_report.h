/* store_report.h — the leader's figures: from the daily aggregates where the
 * figure is a count, from the dossiers themselves where the figure must match
 * its drill-down list exactly (late, late without apology, ...).  The store
 * returns counts and rows; view_report.h shows them. */
#ifndef MOTCUA_STORE_REPORT_H
#define MOTCUA_STORE_REPORT_H

#include <stddef.h>

#include "db.h"
#include "sctx.h"

struct period {
    char from[11], to[11];   /* local dates, inclusive */
};

struct report_scope {
    long long unit_id;
    const char *name;
    const char *subtree;     /* path + "%" */
    int training;            /* a training unit: its figures are its subtree's
                              * alone, and no other scope counts it */
};

/* The acting staff member's own unit, or a unit of its subtree named by code;
 * 0 = not allowed. */
enum db_rc report_scope(struct sctx *x, const char *code, struct report_scope *s, int *ok);

/* The base of the on-time rate, a rule of the legal version in force on the
 * last day of a period: dossiers received in the period (Decree 61/2018 Art.
 * 30(2)(c)) or finished in it.  A page chooses it once, so that a period and
 * the one it is compared with share it. */
struct report_base {
    const char *base;    /* "received" | "finished"; NULL: not chosen (received) */
    const char *version; /* the title of the legal version that sets it */
};
enum db_rc report_base_of(struct sctx *x, const struct period *p, struct report_base *b);

/* Every count behind the figures of a scope or a unit in a period.  Only long
 * longs: figures of sub-units are added member by member. */
struct report_figs {
    long long received, finished, early, on_time, late_finished, apologies, apologies_late;
    long long late, late_no_apology, escalated;
    long long ratings, r3, r2, r1, feedback, answered, answered_on_time;
    long long crit_sum[4], crit_n[4]; /* attitude, time, trips, guidance */
    long long overdue, answer_rated, answer_unsatisfied, answer_known, forward_late;
    /* QĐ 766 (sql/012_qd766.sql) */
    long long unhappy, recv_in_time, recv_out;
    long long pakn, anonymous, praise, pakn_answered, pakn_on_time, pakn_unhappy;
};

/* The on-time rate's numerator and base under b; on time means on time or early. */
void report_on_time_parts(const struct report_base *b, const struct report_figs *f, long long *part,
                          long long *whole);

/* A direct sub-unit of the scope with its figures, ranked (1 the best, equal
 * values sharing a rank) on the share of satisfied ratings and on the on-time
 * rate among those whose base is at least min_count; 0: does not rank. */
struct report_unit {
    const char *name, *code;
    struct report_figs f;
    long long rank_ratings_share, rank_on_time;
};

/* The dashboard's figures of a scope in a period. */
struct report_summary {
    struct report_figs all;        /* the scope's: its own and its sub-units' */
    long long median_delay;        /* days, late dossiers with a result; -1: none */
    long long median_answer_hours; /* cases of the period answered; -1: none */
    struct report_unit *units;     /* with units: every direct sub-unit */
    size_t nunits;
};

/* Every figure of the dashboard for (scope, period); with units, also every
 * direct sub-unit, ranked under base b.  Lives in x->pool. */
enum db_rc report_figures(struct sctx *x, const struct report_scope *s, const struct period *p,
                          const struct report_base *b, int units, int min_count,
                          struct report_summary *out);

/* Every open unit with dossiers or petitions in the period, each on its own
 * (none added to another's), by sort order and name.  Reads the daily
 * aggregates only.  *out lives in x->pool. */
struct report_public_row {
    const char *name;
    struct report_figs f;
};
enum db_rc report_public(struct sctx *x, const struct period *p, struct report_public_row **out,
                         size_t *n);

/* One unit's public figures of a period as numbers, for the open data: the
 * counts and shares of the public statistics (the ratings table of /thong-ke/
 * and report_public's QĐ 766 figures, same definitions), each share in [0, 1]
 * or -1 when its base is under min_count. */
struct public_figs {
    const char *code, *name;
    long long ratings, r3, r2, r1, feedback, answered, answered_on_time;
    double satisfied_share, p3, p2, p1, answered_on_time_rate;
    long long finished, dossier_unhappy, pakn, pakn_answered, pakn_unhappy, anonymous, praise;
    double sat_dossier, on_time_rate, pakn_on_time_rate, pakn_satisfaction;
};

/* Every unit with ratings, cases or dossiers in the period (closed units
 * too: their past stays published), by id, the on-time rate under base b;
 * *out lives in x->pool. */
enum db_rc report_public_units(struct sctx *x, const struct period *p, const struct report_base *b,
                               int min_count, struct public_figs **out, size_t *n);

/* The counters and the officers of the subtree with their ratings of the
 * period, ranked on the share of satisfied ratings, those under min_count
 * last (out[k][0 .. n[k]) in x->pool). */
enum report_people { REPORT_COUNTERS, REPORT_OFFICERS, REPORT_PEOPLE };
struct report_person {
    const char *name; /* a counter: "name · unit" */
    long long ratings, r3, r1;
};
enum db_rc report_people(struct sctx *x, const struct report_scope *s, const struct period *p,
                         int min_count, struct report_person *out[REPORT_PEOPLE],
                         size_t n[REPORT_PEOPLE]);

/* The recounts that changed the figures of a month of the period in the scope
 * (stat_correction), newest first, at most 24: a leader who signed a report on
 * such a month is told what changed and when. */
enum report_correction_col {
    RC_MONTH, /* "mm/yyyy" */
    RC_AT,    /* the day of the recount, "dd/mm/yyyy" */
    RC_LATE_BEFORE,
    RC_LATE_AFTER,
    RC_ONTIME_BEFORE,
    RC_ONTIME_AFTER,
};
enum db_rc report_corrections(struct sctx *x, const struct report_scope *s, const struct period *p,
                              struct dbres *out);

/* Received and late per month, the last 12 months, oldest first. */
enum report_trend_col { RT_MONTH /* "mm/yyyy" */, RT_RECEIVED, RT_LATE, RT_FINISHED };
enum db_rc report_trend(struct sctx *x, const struct report_scope *s, struct dbres *out);

/* Is kind the name of a list behind a figure (received, finished, early,
 * on_time, late_finished, late, late_no_apology, escalated, apologies,
 * apology_late, ratings, ratings_3/2/1, feedback, answered, feedback_overdue,
 * answer_unsatisfied; QĐ 766: dossier_unhappy, received_in_time, pakn,
 * anonymous, praise, pakn_answered, pakn_unhappy)? */
int report_list_kind(const char *kind);

/* The columns of a list's rows: the page a row opens ("" none), then
 * REPORT_LIST_SHOWN shown columns. */
enum { RL_LINK, RL_SHOWN, REPORT_LIST_SHOWN = 7 };

/* For each shown column of that list (0 .. REPORT_LIST_SHOWN - 1), the
 * language prefix of the words for its codes (status, level, kind), or NULL
 * when shown as it is; NULL for an unknown list. */
const char *const *report_list_codes(const char *kind);

/* Rows [offset, offset + limit) of that list, codes as stored; *total the
 * number of rows of the list. */
enum db_rc report_list(struct sctx *x, const struct report_scope *s, const struct period *p,
                       const char *kind, long long offset, long long limit, struct dbres *out,
                       long long *total);

/* Rows [0, limit) of that list, streamed from the database: each(arg, rows)
 * gets them in batches (db_query_each), columns as report_list's. */
enum db_rc report_list_each(struct sctx *x, const struct report_scope *s, const struct period *p,
                            const char *kind, long long limit, db_each_fn each, void *arg);

/* The audit trail of the scope's people, newest first, filtered (0 or NULL:
 * any); never a line about a confidential case whose subject is the viewer
 * (x->user). */
struct audit_filter {
    long long actor;
    const char *action_key;   /* e.g. "case_answer" */
    const char *object;       /* a dossier or case code */
    const char *from, *to;    /* local days "YYYY-MM-DD" */
};
enum report_audit_col {
    RA_AT,    /* "dd/mm/yyyy hh:mm:ss" */
    RA_ACTOR, /* the person's full name */
    RA_KEY,   /* the action, with '_' for '.' */
    RA_CODE,  /* the object's code, or "" */
    RA_LINK,  /* the object's page, or "" */
    RA_IP,
    RA_DETAIL, /* its first 200 characters */
};
/* A page of per_page lines (page from 1). */
enum db_rc report_audit(struct sctx *x, const struct report_scope *s, const struct audit_filter *f,
                        int page, int per_page, struct dbres *out);
/* The same lines, every one up to max, handed to each in batches (CSV). */
enum db_rc report_audit_each(struct sctx *x, const struct report_scope *s,
                             const struct audit_filter *f, size_t max, db_each_fn each, void *arg);

#endif
