/* fb_rules.h — the rules of a new feedback case, in one place for every door
 * that files one: the web form (citizen) and Open311 (api). */
#ifndef MOTCUA_FB_RULES_H
#define MOTCUA_FB_RULES_H

#include "db.h"
#include "form.h"
#include "store_feedback.h"
#include "util.h"

struct req;

#define FB_MAX_CONTENT_CHARS 4000

/* The kinds of case (feedback_kind) and the identity tiers, in display
 * order, NULL-terminated. */
extern const char *const fb_kinds[];
extern const char *const fb_identities[];

/* A phone number as typed ("0912 345 678", "+84 912.345.678"): 1 and *out
 * (a pool string, digits and a leading "+") when it is a Vietnamese number. */
int fb_phone_ok(const char *in, struct pool *p, char **out);

/* One refused field: the form field it belongs to and the L.<key> saying why. */
struct fb_err {
    const char *field;
    const char *key;
};

/* Check the fields of a new case in form, named as the web form names them
 * (kind, content, identity, name, phone, email, address: declared and typed
 * by input_check), by the rules of a case: a known kind, the content, an
 * identity tier, and for a named or confidential case a name and a phone or
 * an e-mail.  Fills in->kind, content, identity and the contact (the phone
 * in its normal form); an anonymous case keeps no contact at all, whatever
 * was typed.  Up to max errors go to errs, in the form's order; returns
 * their number (0: the case may be filed).  The unit and files are the
 * caller's to check. */
size_t fb_check(struct pool *p, const struct kvlist *form, struct fb_new *in, struct fb_err *errs,
                size_t max);

/* The id of the current unit with this code whose path matches subtree (a
 * LIKE pattern: "%" any unit, an API key's subtree); 0 when there is none. */
enum db_rc fb_unit_id(struct sctx *x, const char *code, const char *subtree, long long *unit_id);

#endif
