/* store_open311.h — the cases other systems see through Open311
 * (docs/open311.md), and the versions of the open data: their SQL. */
#ifndef MOTCUA_STORE_OPEN311_H
#define MOTCUA_STORE_OPEN311_H

#include "sctx.h"

/* Columns of a published case, in the order of every result below. */
enum o311_col {
    O311_ID, /* feedback.open_id: opaque, never the sequence */
    O311_KIND,
    O311_STATUS, /* the internal status (new ... review) */
    O311_UNIT_NAME,
    O311_UNIT_CODE,
    O311_UNIT_ADDRESS, /* NULL when the unit has none */
    O311_REQUESTED,    /* local time, W3C with +07:00 */
    O311_UPDATED,      /* the latest public event */
    O311_DUE,
    O311_ANSWERED,
    O311_ANSWER,  /* the answer as published on the case's page */
    O311_VERDICT, /* the citizen's verdict on it: "1", "0" or NULL */
    O311_OVERDUE, /* "1" when open past its due date and not waiting for the citizen */
    O311__NCOLS
};

/* A case is published when its answer is, and only when its sender chose to
 * be named: anonymous cases are the unit's internal information and a
 * confidential sender is kept from everyone.  The citizen's own text and
 * contact are never read (the api account cannot). */
struct o311_filter {
    const char *kinds;     /* comma list of service codes; "" any */
    const char *units;     /* comma list of unit codes; "" any */
    int open, closed;      /* the statuses wanted */
    const char *from, *to; /* requested in [from, to), UTC "YYYY-MM-DD HH:MM:SS" */
    long long offset, limit;
};

/* The published cases of the filter, newest first; *total of all pages. */
enum db_rc o311_requests(struct sctx *x, const struct o311_filter *f, struct dbres *out,
                         long long *total);

/* One published case by its opaque id; out->nrows 0 when there is none. */
enum db_rc o311_request(struct sctx *x, const char *open_id, struct dbres *out);

/* The services: the feedback kinds by their order (enum o311_kind_col). */
enum o311_kind_col { O311K_CODE, O311K_DAYS };
enum db_rc o311_kinds(struct sctx *x, struct dbres *out);

/* A case just filed, by its tracking code (without check part): its opaque
 * id, its due date (W3C) and the same as dd/mm/yyyy (enum o311_filed_col);
 * out->nrows 0 if none. */
enum o311_filed_col { O311F_ID, O311F_DUE, O311F_DUE_VN };
enum db_rc o311_filed(struct sctx *x, const char *code, struct dbres *out);

/* The open data's Last-Modified: the time (Unix) document name first had
 * content whose hash is etag (32 characters); recorded when it changes. */
enum db_rc o311_data_version(struct sctx *x, const char *name, const char *etag,
                             long long *modified);

#endif
