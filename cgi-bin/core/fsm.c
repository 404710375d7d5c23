/* fsm.c — state machines as tables (see fsm.h). */
#include "fsm.h"

#include <stdio.h>
#include <string.h>

#include "http.h"
#include "render.h"
#include "util.h"

static int
index_of(const char *const *names, int n, const char *name)
{
    for (int i = 0; name && i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

int
fsm_state(const struct fsm *m, const char *name)
{
    return index_of(m->states, m->nstates, name);
}

int
fsm_action(const struct fsm *m, const char *name)
{
    return index_of(m->actions, m->nactions, name);
}

int
fsm_state_is(const struct fsm *m, const char *name, unsigned flags)
{
    int i = fsm_state(m, name);

    return i >= 0 && (m->flags[i] & flags) == flags;
}

int
fsm_next(const struct fsm *m, int from, int action, unsigned role)
{
    if (from < 0 || from >= m->nstates || action < 0 || action >= m->nactions) {
        return -1;
    }
    for (size_t i = 0; i < m->nedges; i++) {
        const struct fsm_edge *e = &m->edges[i];

        if (e->from == from && e->action == action && (e->roles & role)) {
            return e->to;
        }
    }
    return -1;
}

const char *
fsm_sql_states(const struct fsm *m, unsigned all, unsigned none, char *out, size_t n)
{
    size_t len = 0;

    out[0] = '\0';
    for (int i = 0; i < m->nstates; i++) {
        if ((m->flags[i] & all) == all && !(m->flags[i] & none)) {
            int w = snprintf(out + len, n - len, "%s'%s'", len ? "," : "", m->states[i]);

            if (w < 0 || (size_t)w >= n - len) {
                out[len] = '\0'; /* the whole names that fit, never half of one */
                break;
            }
            len += (size_t)w;
        }
    }
    return out;
}

unsigned
fsm_staff_role(const char *role)
{
    if (role && strcmp(role, "officer") == 0) {
        return FSM_OFFICER;
    }
    if (role && strcmp(role, "leader") == 0) {
        return FSM_LEADER;
    }
    return 0;
}

void
fsm_can_hdf(struct req *r, const struct fsm *m, const char *state, unsigned role)
{
    int from = fsm_state(m, state);

    for (int a = 0; a < m->nactions; a++) {
        if (fsm_next(m, from, a, role) >= 0) {
            hset(r, pool_printf(&r->pool, "Page.Can.%s", m->actions[a]), "1");
        }
    }
}
