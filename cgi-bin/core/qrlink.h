/* qrlink.h — what a QR link points at (a unit, counter, officer or dossier). */
#ifndef MOTCUA_QRLINK_H
#define MOTCUA_QRLINK_H

#include "db.h"
#include "http.h"
#include "token.h"

enum qr_state { QR_OK, QR_FORGED, QR_UNKNOWN, QR_REVOKED, QR_EXPIRED };

struct qrlink {
    long long id;
    char kind[12];                  /* unit, counter, officer, dossier */
    long long unit_id, counter_id, officer_id, dossier_id;   /* 0 = none */
    const char *unit_name, *unit_code, *counter_name, *counter_code;
    const char *officer_name, *officer_title;
    char token[TOKEN_LEN + 1];
};

/* Resolve a token from a URL.  *state says why a link is refused; the
 * return value is DB_OK unless the database failed.  A valid link is kept by
 * the worker for Qr.CacheSeconds (qrlink.c): a change to it, its counter,
 * unit or officer shows within that time. */
enum db_rc qrlink_resolve(struct req *r, const char *token, struct qrlink *out,
                          enum qr_state *state);

/* Put the link's context into the page data under prefix (Page.Ctx). */
void qrlink_hdf(struct req *r, const struct qrlink *l, const char *prefix);

/* The full public URL of a token: Site.BaseURL + "/q/" + token (pool string). */
const char *qrlink_url(struct req *r, const char *token);

#endif
