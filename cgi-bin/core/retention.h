/* retention.h — the retention policy of citizens' personal data: each kind's
 * period from the configuration (Retention.*; docs/personal-data.md), read
 * alike by motcuactl retention, which erases, and the notice at
 * /du-lieu-ca-nhan, which tells citizens. */
#ifndef MOTCUA_RETENTION_H
#define MOTCUA_RETENTION_H

#include <ClearSilver.h>

#include "store_retention.h"

/* The period of each kind, in its unit (retention_kind(k)->unit).  The
 * defaults are the project's, not figures of the law. */
void retention_policy(HDF *conf, long long age[RET__MAX]);

#endif
