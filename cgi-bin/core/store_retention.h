/* store_retention.h — every SQL statement of the retention of citizens'
 * personal data (sql/080_retention.sql, docs/personal-data.md): what is due
 * for erasure, and its erasure in batches.  The functions take the database
 * handle and a pool, never the request; strings they return come from that
 * pool. */
#ifndef MOTCUA_STORE_RETENTION_H
#define MOTCUA_STORE_RETENTION_H

#include <stddef.h>

#include "db.h"
#include "util.h"

/* The kinds of record, each with its own period. */
enum ret_kind {
    RET_FEEDBACK_CONTACT, /* a closed case's sender: name, phone, e-mail, address */
    RET_EVIDENCE,         /* a closed case's evidence files: rows and files */
    RET_RATING_COMMENT,   /* a rating's free-text comment and address hash */
    RET_NOTIFICATION,     /* a delivered or given-up message: recipient, body */
    RET_DOSSIER_CONTACT,  /* a finished dossier's phone and e-mail */
    RET_RATE_LIMIT,       /* rate-limit and sign-in back-off rows */
    RET_SESSION,          /* expired staff sessions (with their address) */
    RET__MAX
};

enum ret_unit { RET_DAYS, RET_MONTHS, RET_YEARS };

/* A kind as the operator sees it: its name (in the command's output and the
 * audit rows) and the unit of its period (the period itself is
 * configuration: motcuactl reads it). */
struct ret_kind_info {
    const char *name;
    enum ret_unit unit;
};
const struct ret_kind_info *retention_kind(enum ret_kind k);

/* What is due: the records of kind k past their period of `age` units,
 * not yet erased; oldest is the local day (YYYY-MM-DD) of the oldest one's
 * reference date (closing, creation, return, window, expiry), "" when none. */
struct ret_due {
    long long rows;
    const char *oldest;
};
enum db_rc retention_due(struct db *db, struct pool *p, enum ret_kind k, long long age,
                         struct ret_due *out);

/* One transaction erasing at most `batch` records of kind k past their period
 * of `age` units; *n is how many (fewer than batch: none is left).  *files
 * (nfiles, from p) are the names of the files that held the same data, for
 * the caller to unlink once this has committed: for RET_EVIDENCE (whose rows
 * are deleted) the stored names under Paths.Uploads, for RET_NOTIFICATION the
 * e-mails' "<id>.eml" under Paths.Outbox (Mail.Mode outbox); none for the
 * other kinds.  files may be NULL for a kind that has none.  *cursor is 0
 * before the first batch of a run and is kept between its batches: the
 * large tables are read on from where the last batch ended. */
enum db_rc retention_erase_batch(struct db *db, struct pool *p, enum ret_kind k, long long age,
                                 long long batch, long long *cursor, long long *n,
                                 const char ***files, size_t *nfiles);

/* The periodic job runs retention once a local day: *take is 1, and the day
 * (YYYY-MM-DD) is marked (stat_mark 'retention'), when no run was marked for
 * that day yet; 0 when one was.  Its own transaction: of two ticks at once,
 * one takes the day. */
enum db_rc retention_take_day(struct db *db, struct pool *p, const char *day, int *take);

#endif
