/* qrlink.h — what a QR link points at (a unit, counter, officer or dossier). */
#ifndef MOTCUA_QRLINK_H
#define MOTCUA_QRLINK_H

#include "db.h"
#include "sctx.h"

struct req; /* http.h: the views below */
#include "token.h"

enum qr_state { QR_OK, QR_FORGED, QR_UNKNOWN, QR_REVOKED, QR_EXPIRED };

/* The links that are not a dossier's receipt (a handful against millions),
 * as a condition on qr_link's kind that reads them from ix_qr_kind_counter
 * (sql/150): "kind <> 'dossier'" was read from every link.  The kinds of
 * sql/002 but 'dossier'. */
#define QR_NOT_DOSSIER "kind IN ('unit','counter','officer')"

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
enum db_rc qrlink_resolve(struct sctx *x, const char *token, struct qrlink *out,
                          enum qr_state *state);

/* A new link, inside the caller's transaction: a fresh token for l->kind
 * ("unit", "counter", "officer" or "dossier") pointing at l->unit_id and, where
 * not 0, l->counter_id, l->officer_id and l->dossier_id.  On DB_OK l->id and
 * l->token are set; the other fields are not read.  The only place a link is
 * written (motcuactl demo writes its generated ones in bulk). */
enum db_rc qrlink_create(struct db *db, const unsigned char secret[32], struct qrlink *l);

/* ---- the administrator's view ------------------------------------------- */

/* A link as the administrator's list shows it (strings from the pool). */
struct qrlink_row {
    long long id;
    const char *kind;    /* unit, counter, officer */
    const char *counter; /* "code – name", "" for none */
    const char *officer; /* full name, "" for none */
    const char *created; /* local time, dd/mm/yyyy hh:mm */
    const char *revoked; /* the same, "" while the link is valid */
    const char *nonce;
};

/* A unit's links other than dossiers', the valid ones first: *rows (n of
 * them) from p. */
enum db_rc qrlink_list_unit(struct db *db, struct pool *p, long long unit_id,
                            struct qrlink_row **rows, size_t *n);

/* The link id other than a dossier's: l->id 0 when there is none, else its
 * kind, unit, counter and officer into l, its unit's code into *unit_code
 * (from p) and *revoked 1 or 0.  With lock, its row is locked for the
 * caller's transaction. */
enum db_rc qrlink_get(struct db *db, struct pool *p, long long id, int lock, struct qrlink *l,
                      const char **unit_code, int *revoked);

/* The links that should exist and do not: one for every active counter, for
 * every open unit with an active counter and for every enabled officer that
 * has no valid link of its kind.  *links (n of them) from p, their kind and
 * targets set, to pass to qrlink_create. */
enum db_rc qrlink_missing(struct db *db, struct pool *p, struct qrlink **links, size_t *n);

/* The nonce of link id (any kind, revoked or not) into *nonce (from p), NULL
 * when there is no such link. */
enum db_rc qrlink_nonce(struct db *db, struct pool *p, long long id, const char **nonce);

/* The nonce of the newest valid link of a dossier into *nonce (from p), NULL
 * when it has none. */
enum db_rc qrlink_dossier_nonce(struct db *db, struct pool *p, long long dossier_id,
                                const char **nonce);

/* A counter's poster: the nonce of its valid link and the names it shows. */
struct qrlink_poster {
    const char *nonce, *unit_name, *counter_name;
};

/* The posters of the active counters of the unit with code unit_code, in the
 * counters' order: *rows (n) from p. */
enum db_rc qrlink_counter_posters(struct db *db, struct pool *p, const char *unit_code,
                                  struct qrlink_poster **rows, size_t *n);

/* Revoke link id now, inside the caller's transaction. */
enum db_rc qrlink_revoke(struct db *db, long long id);

/* Put the link's context into the page data under prefix (Page.Ctx). */
void qrlink_hdf(struct req *r, const struct qrlink *l, const char *prefix);

/* The full public URL of a token: Site.BaseURL + "/q/" + token (pool string). */
const char *qrlink_url(struct req *r, const char *token);

#endif
