/* staff_mark.h — the signed cookie that tells the public program a browser is an officer's. */
#ifndef MOTCUA_STAFF_MARK_H
#define MOTCUA_STAFF_MARK_H

#include "http.h"

/* A signed cookie "mc_staff" set at staff sign-in, so the public program
 * (which cannot read sessions) knows a browser belongs to an officer and can
 * refuse self-ratings.  staff_mark_get: 1 and the ids if present and valid. */
void staff_mark_set(struct req *r, long long user_id, long long counter_id);
void staff_mark_clear(struct req *r);
int staff_mark_get(struct req *r, long long *user_id, long long *counter_id);

#endif
