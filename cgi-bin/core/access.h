/* access.h — who may open what on the staff side.  The rules are named here
 * once; each staff route names the rule it follows (struct route.roles), the
 * worker refuses a request whose role the rule does not include before any
 * handler runs, and the staff menu shows an entry only to the roles whose
 * rule lets them open it (access_menu_hdf).  A program whose route table
 * leaves a staff route without a rule, or whose menu entry promises more than
 * its route allows, refuses to start (access_check). */
#ifndef MOTCUA_ACCESS_H
#define MOTCUA_ACCESS_H

#include "http.h"

struct program;

/* the roles of users.role, as bits */
#define ROLE_OFFICER 0x1u
#define ROLE_LEADER 0x2u
#define ROLE_ADMIN 0x4u

/* The rules.  Cases, dossiers and their papers: the people at the counters
 * and their leaders.  Figures, lists and the audit trail: leaders.  The
 * administration: the administrator.  One's own password and home: anyone
 * signed in. */
#define ACCESS_CASEWORK (ROLE_OFFICER | ROLE_LEADER)
#define ACCESS_AUDIT ROLE_LEADER
#define ACCESS_ADMIN ROLE_ADMIN
#define ACCESS_ANY_STAFF (ROLE_OFFICER | ROLE_LEADER | ROLE_ADMIN)

/* The bit of a role name ("officer", "leader", "admin"); 0 for anything else. */
unsigned access_role_bit(const char *role);

/* Req.Menu.N.{href,label}: the staff menu entries the signed-in user's role
 * may open, in menu order (nothing when nobody is signed in). */
void access_menu_hdf(struct req *r);

/* 0 when every route of a staff program (P_STAFF_SESSION) names a rule or is
 * public (R_PUBLIC), and every menu entry served by the program asks no more
 * than its route allows; otherwise -1 after logging which. */
int access_check(const struct program *prog);

#endif
