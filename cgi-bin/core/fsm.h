/* fsm.h — a state machine as a table: for each state and action the state the
 * action leads to and the roles that may take it.  The dossier (store_dossier.c)
 * and the feedback case (store_case.c) are each one such table; the stores
 * check every move against it, the pages show the actions it allows. */
#ifndef MOTCUA_FSM_H
#define MOTCUA_FSM_H

#include <stddef.h>

/* Who takes an action. */
enum fsm_role {
    FSM_OFFICER = 1u << 0,
    FSM_LEADER = 1u << 1,
    FSM_CITIZEN = 1u << 2,
    FSM_SYSTEM = 1u << 3, /* motcuactl tick: deadlines passing */
};
#define FSM_STAFF (FSM_OFFICER | FSM_LEADER)

/* One allowed move: action taken in state `from` by one of `roles` leads to `to`. */
struct fsm_edge {
    unsigned char from, action, to, roles;
};

struct fsm {
    const char *const *states; /* names as stored (the column's ENUM) */
    const unsigned *flags;     /* per state: what the state means to its machine */
    int nstates;
    const char *const *actions; /* names as the pages ask for them: Page.Can.<name> */
    int nactions;
    const struct fsm_edge *edges;
    size_t nedges;
};

/* The index of a state or action by name; -1 if there is none. */
int fsm_state(const struct fsm *m, const char *name);
int fsm_action(const struct fsm *m, const char *name);

/* 1 if the state named `name` has every flag of `flags`; 0 for an unknown name. */
int fsm_state_is(const struct fsm *m, const char *name, unsigned flags);

/* The state `action` by a caller of `role` (any one bit of it will do) leads
 * to from state `from`; -1 when the table does not allow it. */
int fsm_next(const struct fsm *m, int from, int action, unsigned role);

/* The SQL list "'a','b'" of the states having every flag of `all` and none of
 * `none`, in table order, into out (size n; cut short if too small).  The
 * names are the table's own constants, never input. */
const char *fsm_sql_states(const struct fsm *m, unsigned all, unsigned none, char *out, size_t n);

/* The role bit of a staff account's role ("officer", "leader"); 0 for others. */
unsigned fsm_staff_role(const char *role);

struct req;

/* Page.Can.<action> = 1 for each action m allows `role` in state `state`: the
 * pages offer only what the store would accept. */
void fsm_can_hdf(struct req *r, const struct fsm *m, const char *state, unsigned role);

#endif
