/* audit.h — the append-only, hash-chained audit log. */
#ifndef MOTCUA_AUDIT_H
#define MOTCUA_AUDIT_H

#include "db.h"
#include "http.h"

/* Append one row inside the caller's transaction.  detail is free text
 * (may be NULL).  Every officer, leader and admin action calls this. */
enum db_rc audit(struct req *r, const char *action, const char *object_type,
                 long long object_id, const char *detail);

/* The chain hash of one row: BLAKE2b-256 keyed with the server secret over
 * the previous hash and the row's fields, as lowercase hex (65 bytes).  Keyed,
 * so that even the database owner cannot rewrite the chain without the secret.
 * Shared with verify-audit. */
void audit_row_hash(const unsigned char secret[32], const char *prev_hash, long long id, const char *at, long long actor_id,
                    const char *action, const char *object_type, long long object_id,
                    const char *ip, const char *detail, char out[65]);

#endif
