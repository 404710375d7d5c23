/* case_fsm.c — the feedback case's state machine as a table (case_fsm.h). */
#include "case_fsm.h"

#include "db.h"
#include "util.h"

/* Every status of a case (the ENUM's order, enum case_state). */
static const char *const states[CS__COUNT] = { "new",      "accepted",  "conduct",
                                               "rejected", "forwarded", "need_info",
                                               "answered", "closed",    "review" };
static const unsigned state_flags[CS__COUNT] = {
    [CS_NEW] = CSF_OPEN | CSF_FORWARD,      [CS_ACCEPTED] = CSF_OPEN, [CS_CONDUCT] = CSF_OPEN,
    [CS_NEED_INFO] = CSF_OPEN | CSF_PAUSED, [CS_REVIEW] = CSF_OPEN,
};
static const char *const actions[CA__COUNT] = {
    "accept", "conduct", "reject", "forward",   "assign",      "request_info", "answer",
    "close",  "reopen",  "reply",  "satisfied", "unsatisfied", "escalate",     "forward_late",
};

#define STAFF FSM_STAFF
#define LEADER FSM_LEADER
#define CITIZEN FSM_CITIZEN
#define SYSTEM FSM_SYSTEM

/* The state machine of a feedback case (Decree 20/2008, QĐ 766): every move,
 * from the state it leaves, to the state it reaches, and who may make it.
 * A note and a leader's look at a confidential identity are no moves: they
 * are open in every state. */
/* clang-format off */
static const struct fsm_edge case_edges[] = {
    /* from         action           to            who */
    { CS_NEW,       CA_ACCEPT,       CS_ACCEPTED,  STAFF },
    { CS_NEW,       CA_CONDUCT,      CS_CONDUCT,   STAFF },
    { CS_NEW,       CA_REJECT,       CS_REJECTED,  STAFF },
    { CS_NEW,       CA_FORWARD,      CS_NEW,       STAFF }, /* anew at the competent unit */
    { CS_NEW,       CA_ASSIGN,       CS_NEW,       STAFF },
    { CS_NEW,       CA_REQUEST_INFO, CS_NEED_INFO, STAFF },
    { CS_NEW,       CA_ANSWER,       CS_ANSWERED,  STAFF },
    { CS_NEW,       CA_ESCALATE,     CS_NEW,       SYSTEM },
    { CS_NEW,       CA_FORWARD_LATE, CS_NEW,       SYSTEM },
    { CS_ACCEPTED,  CA_ACCEPT,       CS_ACCEPTED,  STAFF },
    { CS_ACCEPTED,  CA_CONDUCT,      CS_CONDUCT,   STAFF },
    { CS_ACCEPTED,  CA_REJECT,       CS_REJECTED,  STAFF },
    { CS_ACCEPTED,  CA_FORWARD,      CS_NEW,       STAFF },
    { CS_ACCEPTED,  CA_ASSIGN,       CS_ACCEPTED,  STAFF },
    { CS_ACCEPTED,  CA_REQUEST_INFO, CS_NEED_INFO, STAFF },
    { CS_ACCEPTED,  CA_ANSWER,       CS_ANSWERED,  STAFF },
    { CS_ACCEPTED,  CA_ESCALATE,     CS_ACCEPTED,  SYSTEM },
    { CS_CONDUCT,   CA_ACCEPT,       CS_ACCEPTED,  STAFF },
    { CS_CONDUCT,   CA_CONDUCT,      CS_CONDUCT,   STAFF },
    { CS_CONDUCT,   CA_REJECT,       CS_REJECTED,  STAFF },
    { CS_CONDUCT,   CA_FORWARD,      CS_NEW,       STAFF },
    { CS_CONDUCT,   CA_ASSIGN,       CS_CONDUCT,   STAFF },
    { CS_CONDUCT,   CA_REQUEST_INFO, CS_NEED_INFO, STAFF },
    { CS_CONDUCT,   CA_ANSWER,       CS_ANSWERED,  STAFF },
    { CS_CONDUCT,   CA_ESCALATE,     CS_CONDUCT,   SYSTEM },
    { CS_NEED_INFO, CA_ASSIGN,       CS_NEED_INFO, STAFF },
    { CS_NEED_INFO, CA_ANSWER,       CS_ANSWERED,  STAFF },
    { CS_NEED_INFO, CA_REPLY,        CS_ACCEPTED,  CITIZEN },
    { CS_REVIEW,    CA_ASSIGN,       CS_REVIEW,    STAFF },
    { CS_REVIEW,    CA_REQUEST_INFO, CS_NEED_INFO, STAFF },
    { CS_REVIEW,    CA_ANSWER,       CS_ANSWERED,  STAFF },
    { CS_REVIEW,    CA_CLOSE,        CS_CLOSED,    STAFF },
    { CS_REVIEW,    CA_REOPEN,       CS_ACCEPTED,  LEADER },
    { CS_REVIEW,    CA_ESCALATE,     CS_REVIEW,    SYSTEM },
    { CS_ANSWERED,  CA_CLOSE,        CS_CLOSED,    STAFF },
    { CS_ANSWERED,  CA_REOPEN,       CS_ACCEPTED,  LEADER },
    { CS_ANSWERED,  CA_SATISFIED,    CS_ANSWERED,  CITIZEN },
    { CS_ANSWERED,  CA_UNSATISFIED,  CS_REVIEW,    CITIZEN },
    { CS_REJECTED,  CA_CLOSE,        CS_CLOSED,    STAFF },
    { CS_CLOSED,    CA_REOPEN,       CS_ACCEPTED,  LEADER },
};
/* clang-format on */

const struct fsm case_fsm = {
    .states = states,
    .flags = state_flags,
    .nstates = CS__COUNT,
    .actions = actions,
    .nactions = CA__COUNT,
    .edges = case_edges,
    .nedges = NELEM(case_edges),
};

/* The columns of a case's count key, FB_COUNT_COLS (stats.h), in its order. */
enum count_key_col { CK_UNIT, CK_STATUS, CK_KIND, CK_COUNTER, CK_HIDDEN_FROM, CK_ESCALATED };

const char *
case_may(const struct dbres *before, enum case_action action, unsigned role)
{
    int to = before->nrows
                 ? fsm_next(&case_fsm, fsm_state(&case_fsm, dbres_get(before, 0, CK_STATUS)),
                            (int)action, role)
                 : -1;

    return to >= 0 ? states[to] : NULL;
}
