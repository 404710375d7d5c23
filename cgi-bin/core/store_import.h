/* store_import.h — dossiers that live in the province's existing one-stop
 * software, pushed through /api/ (JSON) or loaded with motcuactl (CSV). */
#ifndef MOTCUA_STORE_IMPORT_H
#define MOTCUA_STORE_IMPORT_H

#include "db.h"
#include "sctx.h"

struct import_step {
    int seq;
    const char *from_unit, *to_unit;      /* unit codes */
    const char *handed_at, *due_at, *done_at;   /* ISO 8601 with offset, or NULL */
};

struct import_dossier {
    const char *code, *unit_code, *procedure_code;
    const char *name, *phone, *email, *address;
    const char *received_at, *due_at, *finished_at, *returned_at;
    const char *status;                   /* received … returned */
    const struct import_step *steps;
    size_t nsteps;
};

/* The stored state of a dossier a re-push was refused for. */
struct import_current {
    const char *status;
    long long steps;
};

/* Insert or update one dossier by its code, with its hand-overs, in one
 * transaction.  limit_path: the client's subtree ("/1/%"), NULL = any; the
 * receiving unit and every hand-over's units must lie in it.  On refusal
 * returns DB_DUP with the reason (a language key) in *why; a re-push that
 * would move the dossier back in its state machine or drop hand-overs stored
 * since is refused with "Api.Err.Conflict" and, if cur, the stored state. */
enum db_rc import_dossier(struct sctx *x, const struct import_dossier *d, const char *limit_path,
                          const char **why, struct import_current *cur);

/* "2026-11-20T08:30:00+07:00" (or "Z", or "2026-11-20 08:30:00" = Vietnam
 * time) to a UTC time_t; -1 if malformed. */
time_t import_time(const char *s);

#endif
