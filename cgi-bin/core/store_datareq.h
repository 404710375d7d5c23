/* store_datareq.h — every SQL statement about the citizen's requests over
 * the personal data of a case or a dossier (sql/070_data_requests.sql,
 * docs/personal-data.md).  The functions take the database handle and a pool,
 * never the request; strings they return come from that pool. */
#ifndef MOTCUA_STORE_DATAREQ_H
#define MOTCUA_STORE_DATAREQ_H

#include <stddef.h>
#include <time.h>

#include "db.h"
#include "util.h"

/* What a request is about: a case or a dossier. */
enum datareq_object { DRO_FEEDBACK, DRO_DOSSIER };

/* "feedback" or "dossier", as data_request.object_type stores it. */
const char *datareq_object_name(enum datareq_object o);

/* The personal data held about a case or a dossier (NULL for none). */
struct datareq_held {
    long long unit_id; /* 0: no such object */
    const char *name, *phone, *email, *address;
    long long files;      /* a case's evidence files */
    const char *code;     /* the staff code of the case or dossier */
    int confidential;     /* a case whose sender is kept confidential */
    long long officer_id; /* the officer a case is about, 0 for none */
    int masked;           /* the values are masked (a dossier, on the citizen's page) */
};

/* The data held about object id into *h (h->unit_id 0: none).  masked: a
 * dossier's applicant as the citizen program may read it (dossier_masked,
 * sql/110_dossier_masked.sql: "T••• T•• H••", "••••••5678"); h->masked says so. */
enum db_rc datareq_held_get(struct db *db, struct pool *p, enum datareq_object o, long long id,
                            int masked, struct datareq_held *h);

/* A new request. */
struct datareq_in {
    enum datareq_object object;
    long long object_id, unit_id;
    const char *kind;      /* correct, erase, restrict, object */
    const char *field;     /* correct: name, phone, email, address; else NULL */
    const char *new_value; /* correct: the value asked for; else NULL */
    const char *detail;    /* the reason, "" for none */
    time_t created, due;
};

/* Insert the request with a fresh code (code_out, 16 bytes and more). */
enum db_rc datareq_insert(struct db *db, struct pool *p, const struct datareq_in *in,
                          char *code_out, size_t code_size);

/* One request as the pages show it (times local, dd/mm/yyyy hh:mm). */
struct datareq_row {
    long long id, object_id, unit_id;
    const char *code, *object_type, *object_code, *kind, *field, *new_value, *detail;
    const char *status, *created, *due, *answered, *answer;
    int overdue;         /* open past its due time */
    int confidential;    /* of a case whose sender is kept confidential */
    long long due_hours; /* due_at - created_at, in hours */
};

/* The requests about one object, newest first: *rows (n) from p. */
enum db_rc datareq_list_object(struct db *db, struct pool *p, enum datareq_object o, long long id,
                               struct datareq_row **rows, size_t *n);

/* Is the object restricted (a restriction asked and not refused)?  *yes 1 or 0. */
enum db_rc datareq_restricted(struct db *db, struct pool *p, enum datareq_object o, long long id,
                              int *yes);

/* Who looks: the unit (and, for a leader, the subtree under path), and the
 * viewer, who never sees the requests of a confidential case about them. */
struct datareq_scope {
    long long unit_id, viewer_id;
    int leader;
    const char *subtree; /* the unit's path + "%" */
};

/* The requests the scope sees, open ones first by due time, then the answered
 * ones newest first (at most limit): *rows (n) from p. */
enum db_rc datareq_list_scope(struct db *db, struct pool *p, const struct datareq_scope *s,
                              size_t limit, struct datareq_row **rows, size_t *n);

/* Request id, if the scope sees it, into *row (row->id 0: not seen). */
enum db_rc datareq_get(struct db *db, struct pool *p, const struct datareq_scope *s, long long id,
                       struct datareq_row *row);

/* Answer open request id, locked for the caller's transaction: status done
 * or refused.  *changed 0 when it was no longer open. */
enum db_rc datareq_answer(struct db *db, long long id, const char *status, const char *answer,
                          long long by, int *changed);

/* Correct one contact field (name, phone, email, address) of the object. */
enum db_rc datareq_correct(struct db *db, enum datareq_object o, long long id, const char *field,
                           const char *value);

/* Erase a case's contact fields and its evidence files' rows: the stored
 * names of the files, whose files the caller removes after the commit, into
 * *stored (n) from p. */
enum db_rc datareq_erase_feedback(struct db *db, struct pool *p, long long id, const char ***stored,
                                  size_t *n);

/* Erase a dossier's optional contact fields (phone, e-mail); the applicant's
 * name and address and the dossier itself are its legal record and stay. */
enum db_rc datareq_erase_dossier(struct db *db, long long id);

#endif
