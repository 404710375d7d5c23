/* audit.h — the append-only, hash-chained audit log. */
#ifndef MOTCUA_AUDIT_H
#define MOTCUA_AUDIT_H

#include "db.h"
#include "sctx.h"

/* Why a list that names people is downloaded (a CSV's "muc-dich"): the
 * export's audit row keeps it (Luật Bảo vệ dữ liệu cá nhân 91/2025;
 * docs/personal-data.md, "Minimum exposure").  NULL-terminated. */
extern const char *const audit_export_purposes[];

/* Append one row inside the caller's transaction.  detail is free text
 * (may be NULL).  Every officer, leader and admin action calls this. */
enum db_rc audit(struct sctx *x, const char *action, const char *object_type, long long object_id,
                 const char *detail);

/* The chain hash of one row: BLAKE2b-256 keyed with the server secret over
 * the previous hash and the row's fields, as lowercase hex (65 bytes).  Keyed,
 * so that even the database owner cannot rewrite the chain without the secret.
 * Shared with verify-audit. */
void audit_row_hash(const unsigned char secret[32], const char *prev_hash, long long id, const char *at, long long actor_id,
                    const char *action, const char *object_type, long long object_id,
                    const char *ip, const char *detail, char out[65]);

/* A row of the log as the chain's check reads it (strings from the pool). */
struct audit_row {
    long long id, actor_id, object_id; /* actor_id 0 for none */
    const char *at;                    /* UTC, YYYY-MM-DD hh:mm:ss */
    const char *action, *object_type, *ip, *detail, *prev_hash, *row_hash;
};

/* The rows after id `after`, in order, at most limit: *rows (n) from p. */
enum db_rc audit_rows_after(struct db *db, struct pool *p, long long after, size_t limit,
                            struct audit_row **rows, size_t *n);

/* One line of the administrator's trail (strings from the pool). */
struct audit_trail_row {
    const char *at;          /* local time, dd/mm/yyyy hh:mm:ss */
    const char *actor;       /* full name; NULL for the operator */
    const char *key;         /* the action with "_" for ".", a language key */
    const char *object;      /* the unit's name, "counter · unit", the username, or "" */
    const char *ip, *detail; /* detail cut at 200 characters */
};

/* Which administration changes: by one person (actor, 0 for everyone), of
 * one action (its language key, "unit_create"; NULL for all), on local days
 * from..to (YYYY-MM-DD, either NULL for open). */
struct audit_admin_filter {
    long long actor;
    const char *action_key;
    const char *from, *to;
};

/* The administration changes (units, counters, accounts, codes, rules,
 * calendar days …, never sign-ins) that f lets through, newest first, limit
 * of them after skipping offset: *rows (n) from p. */
enum db_rc audit_admin_trail(struct db *db, struct pool *p, const struct audit_admin_filter *f,
                             long long offset, size_t limit, struct audit_trail_row **rows,
                             size_t *n);

/* The people who have made administration changes (id, full name), by name:
 * the trail's "person" choice. */
struct audit_person {
    long long id;
    const char *name;
};
enum db_rc audit_admin_people(struct db *db, struct pool *p, struct audit_person **rows, size_t *n);

#endif
