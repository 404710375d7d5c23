/* store_case.h — feedback cases as staff see and handle them.  Every query
 * applies the same visibility rule: an officer sees its own unit, a leader its
 * unit's subtree, and nobody sees a confidential case about themselves. */
#ifndef MOTCUA_STORE_CASE_H
#define MOTCUA_STORE_CASE_H

#include "case_fsm.h"
#include "db.h"
#include "http.h"

struct scope {
    int leader;              /* sees the subtree */
    long long unit_id;
    const char *path;        /* the unit's materialised path */
    const char *subtree;     /* path + "%", for LIKE */
    long long viewer_id;
};

enum db_rc case_scope(struct req *r, struct scope *s);

struct case_filter {
    const char *status;      /* open (default), new, overdue, due_soon, review, answered, closed, all */
    const char *kind;        /* NULL = all */
    long long counter_id;    /* 0 = all */
    const char *q;           /* code or words of the content */
    int page;                /* from 1 */
    int due_soon_days;
};

/* One page of cases into Page.Cases (overdue first, then by due date), the
 * filter's total into Page.Total and the counts per status, open, overdue and
 * escalated into Page.Counts.  Counts come from feedback_count, except those
 * the clock decides (overdue, due soon) and searches, which count the cases;
 * the page reads each status in due order from an index. */
enum db_rc case_list(struct req *r, const struct scope *s, const struct case_filter *f,
                     int per_page);

struct case_row {
    long long id, unit_id, officer_id, assigned_to, counter_id;
    const char *code, *status, *kind, *identity, *email;
    long long due_at;        /* unix time */
};

/* Find a visible case by its staff code (PA-YYYYMMDD-NNNN); id 0 if not visible. */
enum db_rc case_get(struct req *r, const struct scope *s, const char *code, struct case_row *c);

/* The whole case into Page.Case (content, context, contact as the rules allow,
 * files, full timeline).  show_contact: the caller decided (see officer.c). */
enum db_rc case_hdf(struct req *r, const struct case_row *c, int show_contact);

/* Actions: each one transaction with its timeline event and its audit row. */
enum db_rc case_classify(struct req *r, const struct case_row *c, const char *cls,
                         const char *reason, long long forward_unit);
enum db_rc case_assign(struct req *r, const struct case_row *c, long long officer_id);
enum db_rc case_note(struct req *r, const struct case_row *c, const char *text);
enum db_rc case_request_info(struct req *r, const struct case_row *c, const char *text);
enum db_rc case_answer(struct req *r, const struct case_row *c, const char *text);
enum db_rc case_close(struct req *r, const struct case_row *c);
enum db_rc case_reopen(struct req *r, const struct case_row *c, const char *text);
enum db_rc case_reveal(struct req *r, const struct case_row *c, const char *reason);

/* Overdue open cases not yet escalated: mark them, one event and audit row
 * each (run by `motcuactl tick`).  *n gets how many. */
enum db_rc case_escalate_overdue(struct req *r, int *n);

/* Cases still awaiting classification past their forwarding deadline (Decree
 * 20/2008 Art. 9(1)(d)), not yet marked for the unit holding them: record the
 * miss (feedback_forward_late, counted in stat_day), escalate the case to the
 * unit's leader, one event and audit row each (run by `motcuactl tick`). */
enum db_rc case_escalate_forward(struct req *r, int *n);

/* A file a citizen attached to a case. */
struct case_file {
    const char *case_code; /* NULL: no case has this file */
    const char *mime, *filename;
};

/* The file stored under stored_name into f (strings from p).  Whoever asks
 * must still check that the case is theirs to see. */
enum db_rc case_file_find(struct db *db, struct pool *p, const char *stored_name,
                          struct case_file *f);

#endif
