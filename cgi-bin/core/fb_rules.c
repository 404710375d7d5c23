/* fb_rules.c — the rules of a new feedback case (fb_rules.h). */
#include "fb_rules.h"

#include <ctype.h>
#include <string.h>

#include "util.h"

const char *const fb_kinds[4] = { "petition", "conduct", "suggestion", "praise" };
const char *const fb_identities[3] = { "anonymous", "confidential", "named" };

int
fb_phone_ok(const char *in, struct pool *p, char **out)
{
    char *d = pool_alloc(p, strlen(in) + 1);
    size_t n = 0;

    for (const char *c = in; *c; c++) {
        if (isdigit((unsigned char)*c)) {
            d[n++] = *c;
        } else if (*c == '+' && c == in) {
            d[n++] = *c;
        } else if (*c != ' ' && *c != '.' && *c != '-') {
            return 0;
        }
    }
    d[n] = '\0';
    *out = d;
    if (d[0] == '+') {
        return strncmp(d, "+84", 3) == 0 && n >= 11 && n <= 13;
    }
    return d[0] == '0' && n >= 10 && n <= 11;
}

static void
err_add(struct fb_err *errs, size_t max, size_t *n, const char *field, const char *key)
{
    if (*n < max) {
        errs[*n].field = field;
        errs[*n].key = key;
    }
    (*n)++;
}

size_t
fb_check(struct pool *p, struct fb_new *in, struct fb_err *errs, size_t max)
{
    const char *typed_phone = in->phone;
    char *phone = NULL;
    size_t n = 0;

    if (!str_in(in->kind, fb_kinds, NELEM(fb_kinds))) {
        err_add(errs, max, &n, "kind", "Fb.Err.Kind");
    }
    if (in->content == NULL) {
        err_add(errs, max, &n, "content", "Fb.Err.Content");
    } else if (utf8_len(in->content) > FB_MAX_CONTENT_CHARS) {
        err_add(errs, max, &n, "content", "Fb.Err.ContentLong");
    }
    if (!str_in(in->identity, fb_identities, NELEM(fb_identities))) {
        err_add(errs, max, &n, "identity", "Fb.Err.Identity");
    } else if (strcmp(in->identity, "anonymous") != 0) {
        if (in->name == NULL || utf8_len(in->name) > FB_MAX_NAME_CHARS) {
            err_add(errs, max, &n, "name", "Fb.Err.Name");
        }
        if (typed_phone && !fb_phone_ok(typed_phone, p, &phone)) {
            err_add(errs, max, &n, "phone", "Fb.Err.Phone");
        }
        if (in->email && !util_email_ok(in->email)) {
            err_add(errs, max, &n, "email", "Fb.Err.Email");
        }
        if (typed_phone == NULL && in->email == NULL) {
            err_add(errs, max, &n, "phone", "Fb.Err.Contact");
        }
        if (in->address && utf8_len(in->address) > FB_MAX_ADDRESS_CHARS) {
            err_add(errs, max, &n, "address", "Fb.Err.Address");
        }
    }
    in->phone = phone;
    if (in->identity && strcmp(in->identity, "anonymous") == 0) {
        /* anonymous means anonymous: whatever was typed in the contact fields is dropped */
        in->name = in->email = in->address = NULL;
    }
    return n;
}

enum db_rc
fb_unit_id(struct req *r, const char *code, const char *subtree, long long *unit_id)
{
    struct dbres res;
    enum db_rc rc;

    *unit_id = 0;
    rc = db_query(r->app->db, &r->pool,
                  "SELECT id FROM org_unit WHERE code = ? AND valid_to IS NULL AND path LIKE ?",
                  DB_ARGS(DV_S(code), DV_S(subtree)), &res);
    if (rc == DB_OK && res.nrows) {
        *unit_id = util_num(dbres_get(&res, 0, 0));
    }
    return rc;
}
