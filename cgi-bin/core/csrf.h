/* csrf.h — the CSRF token of every form and the check of every POST. */
#ifndef MOTCUA_CSRF_H
#define MOTCUA_CSRF_H

#include "http.h"

/* Set r->csrf for this request (issuing the anonymous CSRF cookie if needed). */
void csrf_prepare(struct req *r);
/* 1 if the POST carries the right "csrf" field and no foreign Origin. */
int csrf_ok(struct req *r);

#endif
