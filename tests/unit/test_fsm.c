/* test_fsm.c — unit tests of both state machines (store_dossier.c's dossier,
 * store_case.c's feedback case) and of fsm.c.  Every expected value is written
 * out by hand from the rules and the behaviour before the tables existed, never
 * recomputed from the tables. */
#include <string.h>

#include "case_fsm.h"
#include "fsm.h"
#include "store_dossier.h"
#include "tap.h"

/* One legal move, as the law and the pages know it. */
struct move {
    const char *from, *action, *to;
    unsigned roles; /* exactly the roles that may */
};

static const unsigned all_roles[] = { FSM_OFFICER, FSM_LEADER, FSM_CITIZEN, FSM_SYSTEM };

/* Every (state, action, role) of machine m: allowed exactly when the list has
 * it, to the listed state.  Also: each listed move names a real state and action. */
static void
check_machine(const char *what, const struct fsm *m, const struct move *mv, size_t n)
{
    int wrong = 0, tried = 0;

    for (size_t i = 0; i < n; i++) {
        CHECK(fsm_state(m, mv[i].from) >= 0 && fsm_action(m, mv[i].action) >= 0 &&
                  fsm_state(m, mv[i].to) >= 0,
              "%s: %s --%s--> %s names a state and an action of the table", what, mv[i].from,
              mv[i].action, mv[i].to);
    }
    for (int s = 0; s < m->nstates; s++) {
        for (int a = 0; a < m->nactions; a++) {
            for (size_t k = 0; k < sizeof(all_roles) / sizeof(all_roles[0]); k++) {
                const char *want = NULL;
                int got = fsm_next(m, s, a, all_roles[k]);

                for (size_t i = 0; i < n; i++) {
                    if (strcmp(mv[i].from, m->states[s]) == 0 &&
                        strcmp(mv[i].action, m->actions[a]) == 0 && (mv[i].roles & all_roles[k])) {
                        want = mv[i].to;
                    }
                }
                tried++;
                if ((want == NULL) != (got < 0) || (want && strcmp(want, m->states[got]) != 0)) {
                    wrong++;
                    printf("#   %s: %s --%s--> by role %u: got %s, want %s\n", what, m->states[s],
                           m->actions[a], all_roles[k], got < 0 ? "-" : m->states[got],
                           want ? want : "-");
                }
            }
        }
    }
    CHECK(wrong == 0, "%s: all %d (state, action, role) agree with the legal moves", what, tried);
}

static void
check_terminal(const struct fsm *m, const char *state)
{
    int s = fsm_state(m, state), any = 0;

    for (int a = 0; a < m->nactions; a++) {
        any |= fsm_next(m, s, a, FSM_OFFICER | FSM_LEADER | FSM_CITIZEN | FSM_SYSTEM) >= 0;
    }
    CHECK(s >= 0 && !any, "%s allows nothing to anyone", state);
}

static void
dossier_tests(void)
{
    /* Decree 61/2018 and Circular 01/2018, as the dossier page offered them */
    /* clang-format off */
    static const struct move legal[] = {
        { "received",   "forward",      "processing", FSM_STAFF },
        { "received",   "supplement",   "supplement", FSM_STAFF },
        { "received",   "refuse",       "refused",    FSM_STAFF },
        { "received",   "ready",        "ready",      FSM_STAFF },
        { "processing", "forward",      "processing", FSM_STAFF },
        { "processing", "supplement",   "supplement", FSM_STAFF },
        { "processing", "refuse",       "refused",    FSM_STAFF },
        { "processing", "stop",         "stopped",    FSM_STAFF },
        { "processing", "ready",        "ready",      FSM_STAFF },
        { "supplement", "supplied",     "processing", FSM_STAFF },
        { "supplement", "refuse",       "refused",    FSM_STAFF },
        { "supplement", "stop",         "stopped",    FSM_STAFF },
        { "ready",      "return",       "returned",   FSM_STAFF },
    };
    /* clang-format on */

    check_machine("dossier", &dossier_fsm, legal, sizeof(legal) / sizeof(legal[0]));
    check_terminal(&dossier_fsm, "refused");
    check_terminal(&dossier_fsm, "stopped");
    check_terminal(&dossier_fsm, "returned");

    /* the old interface on top of the table */
    CHECK(dossier_move_allowed(DS_RECEIVED, DM_FORWARD), "a received dossier can be handed on");
    CHECK(!dossier_move_allowed(DS_RECEIVED, DM_STOP), "a received dossier cannot be stopped");
    CHECK(!dossier_move_allowed(DS_READY, DM_FORWARD),
          "a dossier with its result is not forwarded");
    CHECK(dossier_move_target(DS_SUPPLEMENT, DM_SUPPLIED) == DS_PROCESSING,
          "a supplied dossier is processed again");
    CHECK(dossier_state_parse("supplement") == DS_SUPPLEMENT, "states parse by name");
    CHECK(dossier_state_parse("lost") == -1 && dossier_state_parse(NULL) == -1,
          "an unknown state is -1");
    CHECK(dossier_state_reachable(DS_RECEIVED, DS_RETURNED), "received can end returned");
    CHECK(!dossier_state_reachable(DS_READY, DS_PROCESSING), "ready never goes back");
    CHECK(!dossier_state_reachable(DS_REFUSED, DS_PROCESSING), "refused never goes back");
    /* the citizen rates a dossier with the result in hand (QĐ 766): the form
     * shows then; before it, the page says when; a refused or stopped dossier
     * is never rated */
    {
        static const struct {
            const char *state;
            enum rate_when when;
        } rate[] = { { "received", RATE_LATER },   { "processing", RATE_LATER },
                     { "supplement", RATE_LATER }, { "ready", RATE_LATER },
                     { "returned", RATE_NOW },     { "refused", RATE_NEVER },
                     { "stopped", RATE_NEVER },    { "no-such-state", RATE_NEVER } };

        for (size_t i = 0; i < sizeof(rate) / sizeof(rate[0]); i++) {
            CHECK(dossier_rate_when(rate[i].state) == rate[i].when, "a %s dossier is rated %s",
                  rate[i].state,
                  rate[i].when == RATE_NOW     ? "now"
                  : rate[i].when == RATE_LATER ? "later"
                                               : "never");
        }
        CHECK(dossier_rate_when(NULL) == RATE_NEVER, "no dossier: never");
    }

    /* an apology letter re-appoints a dossier still in hand */
    CHECK(fsm_state_is(&dossier_fsm, "received", DSF_OPEN) &&
              fsm_state_is(&dossier_fsm, "processing", DSF_OPEN) &&
              fsm_state_is(&dossier_fsm, "supplement", DSF_OPEN),
          "received, processing, supplement are open");
    CHECK(!fsm_state_is(&dossier_fsm, "ready", DSF_OPEN) &&
              !fsm_state_is(&dossier_fsm, "refused", DSF_OPEN) &&
              !fsm_state_is(&dossier_fsm, "stopped", DSF_OPEN) &&
              !fsm_state_is(&dossier_fsm, "returned", DSF_OPEN),
          "ready, refused, stopped, returned are not open");
}

static void
case_tests(void)
{
    /* the conditional UPDATEs of store_case.c and store_feedback.c before the
     * table, and officer.c's leader-only reopen */
    /* clang-format off */
    static const struct move legal[] = {
        { "new",        "accept",       "accepted",   FSM_STAFF },
        { "new",        "conduct",      "conduct",    FSM_STAFF },
        { "new",        "reject",       "rejected",   FSM_STAFF },
        { "new",        "forward",      "new",        FSM_STAFF },
        { "new",        "assign",       "new",        FSM_STAFF },
        { "new",        "request_info", "need_info",  FSM_STAFF },
        { "new",        "answer",       "answered",   FSM_STAFF },
        { "new",        "escalate",     "new",        FSM_SYSTEM },
        { "new",        "forward_late", "new",        FSM_SYSTEM },
        { "accepted",   "accept",       "accepted",   FSM_STAFF },
        { "accepted",   "conduct",      "conduct",    FSM_STAFF },
        { "accepted",   "reject",       "rejected",   FSM_STAFF },
        { "accepted",   "forward",      "new",        FSM_STAFF },
        { "accepted",   "assign",       "accepted",   FSM_STAFF },
        { "accepted",   "request_info", "need_info",  FSM_STAFF },
        { "accepted",   "answer",       "answered",   FSM_STAFF },
        { "accepted",   "escalate",     "accepted",   FSM_SYSTEM },
        { "conduct",    "accept",       "accepted",   FSM_STAFF },
        { "conduct",    "conduct",      "conduct",    FSM_STAFF },
        { "conduct",    "reject",       "rejected",   FSM_STAFF },
        { "conduct",    "forward",      "new",        FSM_STAFF },
        { "conduct",    "assign",       "conduct",    FSM_STAFF },
        { "conduct",    "request_info", "need_info",  FSM_STAFF },
        { "conduct",    "answer",       "answered",   FSM_STAFF },
        { "conduct",    "escalate",     "conduct",    FSM_SYSTEM },
        { "need_info",  "assign",       "need_info",  FSM_STAFF },
        { "need_info",  "answer",       "answered",   FSM_STAFF },
        { "need_info",  "reply",        "accepted",   FSM_CITIZEN },
        { "review",     "assign",       "review",     FSM_STAFF },
        { "review",     "request_info", "need_info",  FSM_STAFF },
        { "review",     "answer",       "answered",   FSM_STAFF },
        { "review",     "close",        "closed",     FSM_STAFF },
        { "review",     "reopen",       "accepted",   FSM_LEADER },
        { "review",     "escalate",     "review",     FSM_SYSTEM },
        { "answered",   "close",        "closed",     FSM_STAFF },
        { "answered",   "reopen",       "accepted",   FSM_LEADER },
        { "answered",   "satisfied",    "answered",   FSM_CITIZEN },
        { "answered",   "unsatisfied",  "review",     FSM_CITIZEN },
        { "rejected",   "close",        "closed",     FSM_STAFF },
        { "closed",     "reopen",       "accepted",   FSM_LEADER },
    };
    /* clang-format on */
    char buf[128];

    check_machine("case", &case_fsm, legal, sizeof(legal) / sizeof(legal[0]));
    check_terminal(&case_fsm, "forwarded");

    /* roles */
    CHECK(fsm_next(&case_fsm, CS_CLOSED, CA_REOPEN, FSM_OFFICER) < 0,
          "an officer cannot reopen a closed case");
    CHECK(fsm_next(&case_fsm, CS_CLOSED, CA_REOPEN, FSM_LEADER) == CS_ACCEPTED,
          "a leader reopens a closed case as accepted");
    CHECK(fsm_next(&case_fsm, CS_ANSWERED, CA_UNSATISFIED, FSM_STAFF) < 0,
          "staff cannot judge their own answer");
    CHECK(fsm_next(&case_fsm, CS_NEED_INFO, CA_REPLY, FSM_OFFICER) < 0,
          "only the citizen replies to a request for information");
    CHECK(fsm_next(&case_fsm, CS_NEW, CA_ANSWER, FSM_CITIZEN) < 0 &&
              fsm_next(&case_fsm, CS_NEW, CA_ANSWER, FSM_SYSTEM) < 0,
          "neither the citizen nor the tick answers a case");
    CHECK(fsm_next(&case_fsm, CS_NEW, CA_ANSWER, 0) < 0, "nobody (role 0) may do anything");
    CHECK(fsm_staff_role("officer") == FSM_OFFICER && fsm_staff_role("leader") == FSM_LEADER &&
              fsm_staff_role("admin") == 0 && fsm_staff_role(NULL) == 0,
          "staff roles: officer, leader; an administrator handles no case");
    CHECK(fsm_next(&case_fsm, -1, CA_ANSWER, FSM_STAFF) < 0 &&
              fsm_next(&case_fsm, CS__COUNT, CA_ANSWER, FSM_STAFF) < 0 &&
              fsm_next(&case_fsm, CS_NEW, CA__COUNT, FSM_STAFF) < 0,
          "out-of-range states and actions are refused");

    /* the lists the inbox and QĐ 766's counting read: open = the unit owes an
     * answer; running = open with its clock running (overdue can happen) */
    CHECK_STR(fsm_sql_states(&case_fsm, CSF_OPEN, 0, buf, sizeof(buf)),
              "'new','accepted','conduct','need_info','review'", "the open states");
    CHECK_STR(fsm_sql_states(&case_fsm, CSF_OPEN, CSF_PAUSED, buf, sizeof(buf)),
              "'new','accepted','conduct','review'", "the running states");
    CHECK_STR(fsm_sql_states(&case_fsm, CSF_OPEN, CSF_PAUSED, buf, sizeof(buf)), CASE_RUNNING_SQL,
              "CASE_RUNNING_SQL, the constant the report's statements use, is the table's list");
    CHECK_STR(fsm_sql_states(&case_fsm, CSF_PAUSED, 0, buf, sizeof(buf)), "'need_info'",
              "the paused states");
    /* the forwarding deadline (3 working days to hand a case to the competent
     * unit) runs only until the receiving unit takes the case up */
    CHECK_STR(fsm_sql_states(&case_fsm, CSF_FORWARD, 0, buf, sizeof(buf)), "'new'",
              "only a new case shows its forwarding deadline");
    /* a dossier's wait clock is shown only while it waits for the supplement */
    CHECK(fsm_state_is(&dossier_fsm, "supplement", DSF_WAIT) &&
              !fsm_state_is(&dossier_fsm, "processing", DSF_WAIT) &&
              !fsm_state_is(&dossier_fsm, "received", DSF_WAIT) &&
              !fsm_state_is(&dossier_fsm, "returned", DSF_WAIT),
          "only a dossier in supplement shows its wait clock");
    CHECK_STR(fsm_sql_states(&case_fsm, CSF_OPEN, 0, buf, 20), "'new','accepted'",
              "a short buffer keeps whole names only");
    CHECK(fsm_state_is(&case_fsm, "need_info", CSF_OPEN) &&
              !fsm_state_is(&case_fsm, "answered", CSF_OPEN) && !fsm_state_is(&case_fsm, "x", 0),
          "fsm_state_is reads the flags; an unknown state has none");
    CHECK(fsm_action(&case_fsm, "request_info") == CA_REQUEST_INFO &&
              fsm_action(&case_fsm, "fly") == -1,
          "actions by the names the pages use");
}

int
main(void)
{
    dossier_tests();
    case_tests();
    return tap_done();
}
