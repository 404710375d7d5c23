/* store_case.h — feedback cases as staff see and handle them.  Every query
 * applies the same visibility rule: an officer sees its own unit, a leader its
 * unit's subtree, and nobody sees a confidential case about themselves. */
#ifndef MOTCUA_STORE_CASE_H
#define MOTCUA_STORE_CASE_H

#include "case_fsm.h"
#include "db.h"
#include "sctx.h"

struct scope {
    int leader;              /* sees the subtree */
    long long unit_id;
    const char *path;        /* the unit's materialised path */
    const char *subtree;     /* path + "%", for LIKE */
    long long viewer_id;
    const char *units; /* the subtree's unit ids ("3,7,9"), when a search reads them */
};

enum db_rc case_scope(struct sctx *x, struct scope *s);

struct case_filter {
    const char *status;      /* open (default), new, overdue, due_soon, review, answered, closed, all */
    const char *kind;        /* NULL = all */
    long long counter_id;    /* 0 = all */
    const char *q;           /* code or words of the content */
    int page;                /* from 1 */
    int due_soon_days;
};

/* The columns of a page of cases (case_list). */
enum case_list_col {
    CL_CODE,
    CL_KIND,
    CL_STATUS,
    CL_CREATED,      /* dd/mm/yyyy hh:mm, Vietnam's time */
    CL_DUE_TS,       /* unix time */
    CL_UNIT,         /* the unit's short name */
    CL_COUNTER,      /* NULL: no counter */
    CL_ASSIGNEE,     /* NULL: nobody assigned */
    CL_EXCERPT,      /* the content's first 141 characters */
    CL_PAUSED,       /* "1": waiting for the citizen */
    CL_ESCALATED,    /* "1" or "0" */
    CL_FORWARD_LATE, /* "1": still new past its forwarding deadline */
    CL_MATCHES,      /* a search's matching cases, on every row; "0" without a search */
    CL__COUNT
};

/* A page of the inbox. */
struct case_page {
    /* the viewer's cases per status (enum case_state) from feedback_count;
     * -1 for a status with no row there */
    long long count[CS__COUNT];
    long long open, escalated, overdue; /* open, escalated among the running, overdue */
    long long total;                    /* the cases of the filter */
    int total_more;                     /* a search counted up to total: there are more */
    struct dbres cases;                 /* the page, columns enum case_list_col */
};

/* One page of cases (overdue first, then by due date), the filter's total and
 * the counts per status, open, overdue and escalated into *p.  Counts come
 * from feedback_count, except those the clock decides (overdue, due soon) and
 * searches, which count the cases: up to Search.CountUpTo (default 1000, 0
 * for no limit) or the end of the page, past which total_more is set.  The
 * page reads each status in due order from an index, a search's too when its
 * leading term is one term of the index. */
enum db_rc case_list(struct sctx *x, const struct scope *s, const struct case_filter *f,
                     int per_page, struct case_page *p);

struct case_row {
    long long id, unit_id, officer_id, assigned_to, counter_id;
    const char *code, *status, *kind, *identity, *email;
    long long due_at;        /* unix time */
};

/* Find a visible case by its staff code (PA-YYYYMMDD-NNNN); id 0 if not visible. */
enum db_rc case_get(struct sctx *x, const struct scope *s, const char *code, struct case_row *c);

/* The columns of the case's row in struct case_detail. */
enum case_detail_col {
    CD_CODE,
    CD_KIND,
    CD_STATUS,
    CD_CONTENT,
    CD_IDENTITY,
    CD_CREATED,       /* dd/mm/yyyy hh:mm, Vietnam's time */
    CD_UNIT_NAME,     /* the unit holding it */
    CD_COUNTER_NAME,  /* NULL: no counter */
    CD_OFFICER_NAME,  /* NULL: about no officer */
    CD_ASSIGNEE_NAME, /* NULL: nobody assigned */
    CD_FORMAL,
    CD_ANSWERED,         /* dd/mm/yyyy hh:mm; NULL: not answered */
    CD_ANSWER_SATISFIED, /* NULL: the citizen did not say */
    CD_FORWARD_DUE,      /* dd/mm/yyyy; NULL: none */
    CD_ESCALATED,        /* "1" or "0" */
    CD_PUBLIC_CODE,      /* the code the citizen follows it with */
    CD_RATING_LEVEL,     /* NULL: no rating */
    CD_FORWARD_LATE,     /* "1": still new past its forwarding deadline */
    CD_PAUSED,           /* "1": waiting for the citizen */
    CD_CONTACT_ERASED,   /* dd/mm/yyyy the contact went (retention); NULL: kept */
    CD_FILES_ERASED,     /* dd/mm/yyyy the files went; NULL: kept */
    CD__COUNT
};
enum case_contact_col { CC_NAME, CC_PHONE, CC_EMAIL, CC_ADDRESS, CC__COUNT };
enum case_file_col { CF_NAME, CF_MIME, CF_SIZE, CF_STORED, CF__COUNT };
enum case_event_col {
    CE_EVENT,
    CE_PUBLIC,
    CE_BODY,
    CE_AT,    /* dd/mm/yyyy hh:mm */
    CE_ACTOR, /* the staff member's name; NULL: the citizen or the system */
    CE__COUNT
};

/* The whole case: its row (no row if it is gone), its sender's contact (one
 * row, only when with_contact: the caller decided, see officer.c), its files
 * and its full timeline, oldest first. */
struct case_detail {
    struct dbres row;     /* enum case_detail_col */
    struct dbres contact; /* enum case_contact_col */
    struct dbres files;   /* enum case_file_col, in the order they came */
    struct dbres events;  /* enum case_event_col */
};

/* Case c, as it is now, into *d (in x's pool). */
enum db_rc case_read(struct sctx *x, const struct case_row *c, int with_contact,
                     struct case_detail *d);

/* Actions: each one transaction with its timeline event and its audit row. */
enum db_rc case_classify(struct sctx *x, const struct case_row *c, const char *cls,
                         const char *reason, long long forward_unit);
enum db_rc case_assign(struct sctx *x, const struct case_row *c, long long officer_id);
enum db_rc case_note(struct sctx *x, const struct case_row *c, const char *text);
enum db_rc case_request_info(struct sctx *x, const struct case_row *c, const char *text);
enum db_rc case_answer(struct sctx *x, const struct case_row *c, const char *text);
enum db_rc case_close(struct sctx *x, const struct case_row *c);
enum db_rc case_reopen(struct sctx *x, const struct case_row *c, const char *text);
enum db_rc case_reveal(struct sctx *x, const struct case_row *c, const char *reason);

/* Overdue open cases not yet escalated: mark them, one event and audit row
 * each (run by `motcuactl tick`).  *n gets how many. */
enum db_rc case_escalate_overdue(struct sctx *x, int *n);

/* Cases still awaiting classification past their forwarding deadline (Decree
 * 20/2008 Art. 9(1)(d)), not yet marked for the unit holding them: record the
 * miss (feedback_forward_late, counted in stat_day), escalate the case to the
 * unit's leader, one event and audit row each (run by `motcuactl tick`). */
enum db_rc case_escalate_forward(struct sctx *x, int *n);

/* A file a citizen attached to a case. */
struct case_file {
    const char *case_code; /* NULL: no case has this file */
    const char *mime, *filename;
};

/* The file stored under stored_name into f (strings from p).  Whoever asks
 * must still check that the case is theirs to see. */
enum db_rc case_file_find(struct db *db, struct pool *p, const char *stored_name,
                          struct case_file *f);

#endif
