/* session.h — staff sessions (table session) and their cookie "mc_s". */
#ifndef MOTCUA_SESSION_H
#define MOTCUA_SESSION_H

#include "db.h"
#include "http.h"

/* session_load fills r->user from the cookie. */
enum db_rc session_load(struct req *r);
enum db_rc session_create(struct req *r, long long user_id);
enum db_rc session_destroy(struct req *r);
/* Close every other session of the signed-in user (after a password change). */
enum db_rc session_close_others(struct req *r);

#endif
