/* store_case.h — feedback cases as staff see and handle them.  Every query
 * applies the same visibility rule: an officer sees its own unit, a leader its
 * unit's subtree, and nobody sees a confidential case about themselves. */
#ifndef MOTCUA_STORE_CASE_H
#define MOTCUA_STORE_CASE_H

#include "fsm.h"
#include "http.h"

/* The states of a case, in the order of feedback.status's ENUM.  The column
 * also allows "forwarded", which nothing writes (a forwarded case starts anew
 * as "new" at the competent unit): it allows nothing. */
enum case_state {
    CS_NEW,
    CS_ACCEPTED,
    CS_CONDUCT,
    CS_REJECTED,
    CS_FORWARDED,
    CS_NEED_INFO,
    CS_ANSWERED,
    CS_CLOSED,
    CS_REVIEW,
    CS__COUNT
};

/* What a state means (case_fsm.flags): the unit still owes an answer (the
 * inbox's "open" and the law's pending cases); the deadline's clock stands
 * still while the unit waits for the citizen.  Open and not paused is
 * "running": such a case can be overdue. */
#define CSF_OPEN 1u
#define CSF_PAUSED 2u

/* The running states as SQL, for statements that must be constant text (the
 * report's lists): test_fsm checks that the table gives exactly this list. */
#define CASE_RUNNING_SQL "'new','accepted','conduct','review'"

/* Everything that moves a case.  Staff: classify (accept, conduct), reject,
 * forward, assign, ask for information, answer, close, reopen (a leader).
 * Citizen: reply to a request for information, judge the answer.  System
 * (motcuactl tick): escalate an overdue case, or one left unforwarded. */
enum case_action {
    CA_ACCEPT,
    CA_CONDUCT,
    CA_REJECT,
    CA_FORWARD,
    CA_ASSIGN,
    CA_REQUEST_INFO,
    CA_ANSWER,
    CA_CLOSE,
    CA_REOPEN,
    CA_REPLY,
    CA_SATISFIED,
    CA_UNSATISFIED,
    CA_ESCALATE,
    CA_FORWARD_LATE,
    CA__COUNT
};

/* The whole state machine: state × action → state, and who may (fsm.h). */
extern const struct fsm case_fsm;

/* The state `action` by `role` leads to from the case whose count key was just
 * locked into *before (feedback_count_lock, column 1 the status), as its
 * name; NULL when the table does not allow it or the case is gone. */
const char *case_may(const struct dbres *before, enum case_action action, unsigned role);

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

#endif
