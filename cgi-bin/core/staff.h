/* staff.h — what every staff program (officer, leader, admin) shares. */
#ifndef MOTCUA_STAFF_H
#define MOTCUA_STAFF_H

#include "db.h"
#include "http.h"

/* Allow the request only for a signed-in user whose role is in the
 * comma-separated list roles ("officer,leader").  Returns 0 when allowed;
 * otherwise the status to return (303 to the sign-in page, or 403). */
int staff_require(struct req *r, const char *roles);

/* Put the signed-in user into the page data (Req.User.*). */
enum db_rc staff_hdf(struct req *r);

/* staff_require, then staff_hdf: the start of every staff page handler.
 * Returns 0 to go on, or the status to return. */
int staff_begin(struct req *r, const char *roles);

/* The sign-in, sign-out and home pages, mounted by the officer program. */
/* Where a role lands after signing in: the administrator on the
 * administration, a leader on the dashboard, an officer on the inbox. */
const char *staff_home(const char *role);

/* A destructive action asks first, on a page of its own, without a script
 * (templates/staff/confirm.cs): the strings are L.Confirm.<kind>.Title, Text
 * (the consequences), Field (the reason's label; none when field is NULL)
 * and Button.  what names the object (a code), action is the POST target,
 * back the page to go back to, hidden a NULL-terminated list of name, value
 * pairs posted with it.  Page.Error, if set, shows above the form. */
int staff_confirm(struct req *r, int status, const char *kind, const char *what, const char *action,
                  const char *back, const char *field, const char *const *hidden);

int staff_login_form(struct req *r);
int staff_login(struct req *r);
int staff_logout(struct req *r);

#endif
