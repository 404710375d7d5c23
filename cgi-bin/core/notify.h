/* notify.h — messages to citizens at each step, written to the outbox
 * (table notification) in the transaction of the change they tell of.  The
 * sender is motcuactl's (ctl/notify_send.c); docs/notifications.md. */
#ifndef MOTCUA_NOTIFY_H
#define MOTCUA_NOTIFY_H

#include <stddef.h>

#include "db.h"
#include "sctx.h"

struct req; /* http.h: the views below */

enum notify_step {
    NS_FB_RECEIVED, /* a case filed: its code and deadline */
    NS_FB_INFO,     /* the officer asks the citizen for more */
    NS_FB_ANSWERED,
    NS_FB_REOPENED,
    NS_RECEIVED,   /* a dossier received: the receipt's link */
    NS_SUPPLEMENT, /* what to bring */
    NS_APOLOGY,    /* apology letter signed: the new date */
    NS_READY,      /* the result waits */
    NS_RETURNED,
    NS__COUNT
};

/* The steps' names: the outbox's step column, the language files' Notify.<name>
 * and the configuration's Notify.SMS.Template.<name>. */
extern const char *const notify_steps[NS__COUNT];

/* Queue the step's messages to the citizen of case id, by each channel the
 * citizen gave (never to an anonymous sender), in the caller's transaction.
 * detail: the officer's text for the step, or NULL. */
enum db_rc notify_case(struct sctx *x, long long id, enum notify_step step, const char *detail);

/* The first message of a case just filed, to the contact the filing gave
 * (email, phone: NULL for none): the program that files it (the api's Open311
 * POST) may have no right to read the contact columns back. */
enum db_rc notify_case_filed(struct sctx *x, long long id, const char *email, const char *phone);

/* The same for the applicant of dossier id. */
enum db_rc notify_dossier(struct sctx *x, long long id, enum notify_step step, const char *detail);

/* After dossier_apply's move m (an enum dossier_move): the moves a citizen is
 * told of (supplement requested, result ready, returned); others queue nothing. */
enum db_rc notify_dossier_move(struct sctx *x, long long id, int move, const char *note);

/* A message written by its caller (the apology letter sent by e-mail) into the
 * outbox, e-mail channel, in the caller's transaction. */
enum db_rc notify_mail(struct sctx *x, long long dossier_id, const char *step, const char *to,
                       const char *subject, const char *body);

/* The wording of the consent to messages the page shows, as recorded with a
 * yes: the page's language and the text's version ("vi-1", Consent.Version
 * of the language files: raise it whenever the text changes). */
const char *notify_consent_wording(struct req *r);

/* The messages about an object ("feedback" or "dossier"), newest first (at
 * most 50): at, channel, step, state, recipient, confidential, attempts,
 * segments, answer. */
enum db_rc notify_sent(struct sctx *x, const char *object_type, long long id, struct dbres *out);
/* The officers' table of them, into Page.Sent; show_to: 0 masks a
 * confidential sender's address. */
enum db_rc notify_hdf(struct req *r, const char *object_type, long long id, int show_to);

/* ---- the stop link -------------------------------------------------------- */

#define NOTIFY_STOP_LEN 48 /* idempotency key (32 hex) + MAC (16 hex) */

/* The stop token of a message's key: out[NOTIFY_STOP_LEN + 1]. */
void notify_stop_token(const unsigned char secret[32], const char *idem, char *out);
/* 0 and the key (idem_out[33]) if the token is well formed and its MAC right. */
int notify_stop_check(const unsigned char secret[32], const char *tok, char *idem_out);
/* The recipient of the message with key idem, masked for the page; NULL if none. */
enum db_rc notify_stop_find(struct sctx *x, const char *idem, const char **masked);
/* Stop every message to that recipient, now and later. */
enum db_rc notify_stop(struct sctx *x, const char *idem);

/* ---- pure helpers (unit tested) ------------------------------------------- */

/* How many SMS segments text takes: UCS-2 (unicode, or a character outside
 * GSM 03.38) 70 alone, 67 each when split; GSM-7 160, 153 each. */
int notify_sms_segments(const char *text, int unicode);
/* text without Vietnamese diacritics (đ as d), for a GSM-7 template. */
char *notify_fold(struct pool *p, const char *text);
/* fmt with each {name} replaced by its value (unknown names stay as written). */
char *notify_render(struct pool *p, const char *fmt, const char *const *names,
                    const char *const *values, size_t n);
/* A Vietnamese phone number as providers take it (84 then the digits without
 * the leading 0), or NULL if it is not one. */
char *notify_phone(struct pool *p, const char *phone);
/* "a***@example.vn", "849****678": enough to recognise, not to read. */
char *notify_mask(struct pool *p, const char *recipient);

#endif
