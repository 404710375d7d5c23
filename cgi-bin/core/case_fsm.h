/* case_fsm.h — the state machine of a feedback case: its states, its actions
 * and who may take them (the table is case_fsm.c).  The staff's store
 * (store_case.c), the citizen's (store_feedback.c) and both programs' pages
 * ask it. */
#ifndef MOTCUA_CASE_FSM_H
#define MOTCUA_CASE_FSM_H

#include "db.h"
#include "fsm.h"

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
/* Not yet taken up by the unit that received it: the deadline for handing it
 * to the competent unit runs (the pages show it; forward_late passes it). */
#define CSF_FORWARD 4u

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

#endif
