/* store_lease.h — leases of the jobs only one host may run at a time
 * (sql/120_job_lease.sql): a row per job, so that they hold on a Galera
 * cluster, where GET_LOCK() is refused. */
#ifndef MOTCUA_STORE_LEASE_H
#define MOTCUA_STORE_LEASE_H

#include "db.h"
#include "util.h"

/* Take the lease of job name for holder ("host:pid") for seconds: *got 1 when
 * it was free, expired or already holder's; 0 when another holds it, or when
 * another node took it at the same moment (a certification conflict). */
enum db_rc lease_take(struct db *db, struct pool *p, const char *name, const char *holder,
                      long long seconds, int *got);

/* Give the lease back, if holder still holds it. */
enum db_rc lease_release(struct db *db, const char *name, const char *holder);

#endif
