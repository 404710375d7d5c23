/* store_feedback.h — every SQL statement about ratings and feedback cases. */
#ifndef MOTCUA_STORE_FEEDBACK_H
#define MOTCUA_STORE_FEEDBACK_H

#include "db.h"
#include "qrlink.h"
#include "ratelimit.h"
#include "sctx.h"

/* ---- ratings ----------------------------------------------------------- */

struct rating_in {
    int level;                      /* 3 Rất hài lòng, 2 Hài lòng, 1 Không hài lòng */
    int c_attitude, c_time, c_trips, c_guidance;   /* 0 = not answered */
    const char *comment;
    const char *idem;               /* idempotency key from the form */
    const char *client_hash;
    const char *channel;            /* qr, kiosk, web */
    int burst_count, burst_seconds; /* flag when the link already has this many in
                                     * the window; 0: never */
    int replace_hours;              /* a dossier's rating may be replaced this long */
    const char *replace_ref;        /* another link's rating: the one this browser gave
                                     * through the same link (its reference, from a
                                     * cookie) is replaced if at most replace_minutes old */
    int replace_minutes;
    const struct ratelimit *limits; /* two limits an hour (per address, per link, the
                                     * link's spread over slots), counted in the
                                     * rating's transaction; NULL: none */
};

enum rating_result { RATING_NEW, RATING_REPLACED, RATING_DUPLICATE, RATING_ALREADY,
                     RATING_LIMITED };

/* Store a rating for the link in one transaction with its aggregates.  The
 * limits of in are counted in the same transaction (in the database, so they
 * hold across workers and hosts): every attempt counts, a repeated form or an
 * already rated dossier too, except one over a limit, which is RATING_LIMITED
 * and stores nothing.
 * ref_out (17 bytes) gets the rating's public reference. */
enum db_rc rating_save(struct sctx *x, const struct qrlink *l, const struct rating_in *in,
                       char *ref_out, enum rating_result *result);

/* The buckets of a rating's two limits in rate_limit (rating_in.limits). */
#define RATING_BUCKET_ADDR "rate-ip"
#define RATING_BUCKET_LINK "rate-link"

/* ---- ratings in batches (ratebatch.h) -----------------------------------
 * A rating counted against both limits, written with others in one
 * transaction: what rating_save takes, flattened into fixed arrays so that a
 * worker can hand it to the rating writer as it is.  The strings are
 * NUL-terminated. */
#define RATING_BATCH_MAX 16 /* the most ratings of one transaction */
#define RATING_COMMENT_BYTES (4 * 1000 + 1)
struct rating_job {
    long long link_id, unit_id, counter_id, officer_id;
    long long dossier_id; /* the link's dossier (0: none) */
    int replace_hours;    /* rating_in.replace_hours: a dossier's */
    int level, crit[4]; /* crit: attitude, time, trips, guidance; 0 = not answered */
    int burst_count, burst_seconds;
    int addr_limit, link_limit, link_slots; /* rating_in.limits: the address's, the link's */
    char addr[64];                          /* the key of the address's limit */
    char link[64];                          /* the key of the link's: its token */
    char channel[8];
    char client_hash[17];
    char idem[33]; /* always set: a fresh key when the form had none, so that a
                     * rating the writer stored is found again by rating_save */
    char comment[RATING_COMMENT_BYTES];
};

/* Fill j with the rating of in through l when the writer may store it: one
 * that counts both limits and, through a link that rates no dossier, does not
 * replace this browser's rating (a dossier's rating, new or replacing, may be
 * batched).  Its idempotency key is in's, or a fresh one.  0 when it may not
 * (store it with rating_save). */
int rating_job_from(struct rating_job *j, const struct qrlink *l, const struct rating_in *in);

/* What became of a job: rc DB_OK and its result (any enum rating_result) and
 * reference; any other rc, nothing of the batch was stored and the job is to
 * be saved alone with rating_save. */
struct rating_done {
    int rc, result;
    char ref[17];
};

/* Store the n (at most RATING_BATCH_MAX) jobs in one transaction, each as
 * rating_save would have stored it had they come one after another in this
 * order: the same limits counted, the same repeated forms found, the same
 * bursts flagged, the same dossiers' ratings made, replaced or kept, the same
 * aggregates and QĐ 766 verdicts.  done[i] tells job i's fate; DB_OK when the
 * transaction committed. */
enum db_rc rating_save_many(struct sctx *x, const struct rating_job *job, size_t n,
                            struct rating_done *done);

/* Level of the rating with this reference made through link_id; 0 if none. */
enum db_rc rating_level(struct sctx *x, const char *ref, long long link_id, int *level,
                        long long *rating_id, const char **comment);

/* Has a rating with this idempotency key been stored already? */
enum db_rc rating_idem_seen(struct sctx *x, const char *idem, int *seen);

/* Set the criteria of a kiosk rating just given (by its reference and link). */
enum db_rc rating_kiosk_criteria(struct sctx *x, const char *ref, long long link_id,
                                 const struct rating_in *in);

/* ---- feedback cases ---------------------------------------------------- */

struct fb_file {
    const char *filename, *mime;
    const char *data;
    size_t len;
};

struct fb_new {
    const char *kind;               /* petition, conduct, suggestion, praise */
    long long unit_id, counter_id, officer_id, dossier_id, rating_id, qr_link_id;
    const char *content;
    const char *identity;           /* anonymous, confidential, named */
    const char *name, *phone, *email, *address;
    const char *idem;
    /* consent to messages by the channels given: the version of the wording
     * the citizen agreed to ("vi-1"), NULL when they did not tick it */
    const char *consent;
    const struct fb_file *files;
    size_t nfiles;
};

/* File a case: files written under Paths.Uploads, then one transaction with
 * the case, its first event and the aggregates.  code_out (32 bytes) gets the
 * public tracking code "PA-YYYYMMDD-NNNN-XXXX", key_out (TOKEN_NONCE_LEN + 1
 * bytes) the case's link key ("" for a case filed before keys existed).  A
 * repeated idempotency key returns the first case's code and key. */
enum db_rc feedback_create(struct sctx *x, const struct fb_new *in, char *code_out, char *key_out);

/* Columns of fcase in feedback_public_find, in their order. */
enum fb_public_col {
    FBP_CODE, /* the public code with its check part */
    FBP_KIND,
    FBP_STATUS,
    FBP_UNIT_NAME,
    FBP_CREATED,   /* local time, dd/mm/yyyy hh:mm */
    FBP_DUE,       /* dd/mm/yyyy */
    FBP_ANSWERED,  /* dd/mm/yyyy hh:mm, NULL before an answer */
    FBP_SATISFIED, /* the citizen's verdict on it: "1", "0" or NULL */
    FBP_OVERDUE,   /* "1" when running past its due date and not waiting for the citizen */
    FBP_IDENTITY,
    FBP_COUNTER_NAME, /* NULL for a case about no counter */
    FBP__NCOLS,       /* the page's columns end here; those of the look-up: */
    FBP_ID = FBP__NCOLS,
    FBP_CHECK,
    FBP_KEY,                         /* the link key, NULL for a case filed before keys */
    FBP_CONSENT_GIVEN,               /* the consent to messages: NULL when never given */
    FBP_CONSENT_WITHDRAWN,           /* "" while it stands */
    FBP_REF_GEN,                     /* REF_GEN_COL */
    FBP_EVENTS,                      /* a public event a row (enum fb_public_event_col): */
    FBP_EVENTS_END = FBP_EVENTS + 2, /* NULL in the one row of a case without */
    FBP_EVENT_ORDER,                 /* the event's time (UTC) and id, "YYYY-MM-DD
                            * hh:mm:ss id": its place in history */
    /* a typed code's look-up only (m not NULL): its misses, CODE_MISSES_COLS */
    FBP_MISSES_ADDR,
    FBP_MISSES_CASE
};

/* Columns of events in feedback_public_events, in their order. */
enum fb_public_event_col {
    FBE_EVENT,
    FBE_BODY,
    FBE_AT, /* local time, dd/mm/yyyy hh:mm */
    FBE__NCOLS
};

/* The public view of a case (no personal data) by its public code, in one
 * read (and one more for its unit or counter when this process has not read
 * them yet: refcache.h): fcase the case's row, repeated for each of its
 * public events (their columns from FBP_EVENTS on, in no order), 0 rows when
 * the code is unknown or its check part wrong.  key NULL: a typed code; else
 * the link key, which must be right too (a link is not a typed look-up:
 * code_lookup).  m, when not NULL, gets the look-up's misses from the same
 * statement (a typed code, code_lookup's find).  feedback_public_events then
 * gives the events apart, oldest first, in p (enum fb_public_event_col). */
enum db_rc feedback_public_find(struct sctx *x, const char *public_code, const char *key,
                                struct code_misses *m, struct dbres *fcase);
void feedback_public_events(struct pool *p, const struct dbres *fcase, struct dbres *events);

/* The citizen's verdict on the answer; "not satisfied" asks a leader to review. */
enum db_rc feedback_rate_answer(struct sctx *x, long long id, int satisfied);

/* The citizen's reply to a request for information; the clock runs again. */
enum db_rc feedback_citizen_reply(struct sctx *x, long long id, const char *text);

/* One line of a case's history (feedback_event), at the current time, inside
 * the caller's transaction: actor_id 0 for none (the citizen, the system),
 * public 1 when the citizen sees it, body NULL for none.  The only INSERT of
 * an event (motcuactl demo writes its generated ones in bulk). */
enum db_rc feedback_event_add(struct db *db, long long feedback_id, long long actor_id,
                              const char *event, int public, const char *body);

/* feedback_count (sql/009_inbox.sql) counts the cases by unit, status, kind,
 * counter, the officer a confidential case is hidden from, and escalation, so
 * the inbox need not count the cases themselves.  Every write that files a case
 * or changes one of those columns keeps it right in its own transaction:
 * feedback_count_lock before the change (locks the case's row and reads its
 * key into *before), feedback_count_move after it (before NULL: a new case). */
enum db_rc feedback_count_lock(struct sctx *x, long long id, struct dbres *before);
enum db_rc feedback_count_move(struct sctx *x, long long id, const struct dbres *before);

#endif
