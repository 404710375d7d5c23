/* store_report.h — the leader's figures: from the daily aggregates where the
 * figure is a count, from the dossiers themselves where the figure must match
 * its drill-down list exactly (late, late without apology, ...). */
#ifndef MOTCUA_STORE_REPORT_H
#define MOTCUA_STORE_REPORT_H

#include "db.h"
#include "http.h"

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

/* The leader's own unit, or a unit of its subtree named by code; 0 = not allowed. */
enum db_rc report_scope(struct req *r, const char *code, struct report_scope *s, int *ok);

/* Every figure of the dashboard for (scope, period) into prefix.*; with units,
 * also one row per direct sub-unit with every figure (Page.Units), ranked on
 * satisfaction and on-time rate among those with at least min_count. */
enum db_rc report_figures(struct req *r, const struct report_scope *s, const struct period *p,
                          const char *prefix, int units, int min_count);

/* The QĐ 766 figures of every unit with dossiers or petitions in the period,
 * each unit on its own (prefix.N: name, finished and the figures of the
 * dashboard's QĐ 766 section); a rate whose base is under min_count is left
 * out.  Reads the daily aggregates only.  Page.OnTimeBase names the base. */
enum db_rc report_public(struct req *r, const struct period *p, const char *prefix,
                         int min_count);

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
 * too: their past stays published), by id; *out lives in the request's pool.
 * Page.OnTimeBase names the on-time base, as for report_public. */
enum db_rc report_public_units(struct req *r, const struct period *p, int min_count,
                               struct public_figs **out, size_t *n);

/* The share of satisfied ratings per counter and per officer of the subtree (Page.Counters, Page.Officers). */
enum db_rc report_people(struct req *r, const struct report_scope *s, const struct period *p,
                         int min_count);

/* The recounts that changed the figures of a month of the period in the scope
 * (stat_correction), newest first (Page.Corrections): a leader who signed a
 * report on such a month is told what changed and when. */
enum db_rc report_corrections(struct req *r, const struct report_scope *s, const struct period *p);

/* Received and late per month, the last 12 months (Page.Trend). */
enum db_rc report_trend(struct req *r, const struct report_scope *s);

/* Is kind the name of a list behind a figure (received, finished, early,
 * on_time, late_finished, late, late_no_apology, escalated, apologies,
 * apology_late, ratings, ratings_3/2/1, feedback, answered, feedback_overdue,
 * answer_unsatisfied; QĐ 766: dossier_unhappy, received_in_time, pakn,
 * anonymous, praise, pakn_answered, pakn_unhappy)? */
int report_list_kind(const char *kind);

/* Rows [offset, offset + limit) of that list: column 0 the page a row opens
 * ("" none), then seven shown columns; *total the number of rows of the list. */
enum db_rc report_list(struct req *r, const struct report_scope *s, const struct period *p,
                       const char *kind, long long offset, long long limit, struct dbres *out,
                       long long *total);

/* Rows [0, limit) of that list, streamed from the database: each(arg, rows)
 * gets them in batches (db_query_each), column 0 the link as above. */
enum db_rc report_list_each(struct req *r, const struct report_scope *s, const struct period *p,
                            const char *kind, long long limit, db_each_fn each, void *arg);

/* Audit rows of people of the subtree, newest first (Page.Audit). */
/* The audit trail of the scope's people, newest first, filtered (0 or NULL:
 * any); never a line about a confidential case whose subject is the viewer.
 * Columns: at, actor, key (the action with '_' for '.'), object code, link,
 * ip, detail. */
struct audit_filter {
    long long actor;
    const char *action_key;   /* e.g. "case_answer" */
    const char *object;       /* a dossier or case code */
    const char *from, *to;    /* local days "YYYY-MM-DD" */
};
enum db_rc report_audit(struct req *r, const struct report_scope *s,
                        const struct audit_filter *f, int page, int per_page);
/* The same lines, every one up to max, handed to each in batches (CSV). */
enum db_rc report_audit_each(struct req *r, const struct report_scope *s,
                             const struct audit_filter *f, size_t max, db_each_fn each, void *arg);

#endif
