/* fb_rules.c — the rules of a new feedback case (fb_rules.h). */
#include "fb_rules.h"

#include <ctype.h>
#include <string.h>

#include "input.h"
#include "store_unit.h"

const char *const fb_kinds[] = { "petition", "conduct", "suggestion", "praise", NULL };
const char *const fb_identities[] = { "anonymous", "confidential", "named", NULL };

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

enum { K_KIND, K_CONTENT, K_IDENTITY, K_NAME, K_PHONE, K_EMAIL, K_ADDRESS, K__MAX };

/* the messages are chosen in fb_check, where one depends on another field */
static const struct fld fields[K__MAX] = {
    [K_KIND] = { "kind", V_CHOICE, 1, 0, 0, fb_kinds, NULL },
    [K_CONTENT] = { "content", V_LINES, 1, 1, FB_MAX_CONTENT_CHARS, NULL, NULL },
    [K_IDENTITY] = { "identity", V_CHOICE, 1, 0, 0, fb_identities, NULL },
    [K_NAME] = { "name", V_TEXT, 0, 1, 120, NULL, NULL },
    [K_PHONE] = { "phone", V_TEXT, 0, 1, 40, NULL, NULL },
    [K_EMAIL] = { "email", V_EMAIL, 0, 0, 254, NULL, NULL },
    [K_ADDRESS] = { "address", V_TEXT, 0, 1, 255, NULL, NULL },
};

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
fb_check(struct pool *p, const struct kvlist *form, struct fb_new *in, struct fb_err *errs,
         size_t max)
{
    struct val v[K__MAX];
    char *phone = NULL;
    size_t n = 0;

    input_check(p, form, fields, K__MAX, v);
    in->kind = v[K_KIND].s;
    in->content = v[K_CONTENT].s;
    in->identity = v[K_IDENTITY].s;
    in->name = in->phone = in->email = in->address = NULL;
    if (v[K_KIND].err) {
        err_add(errs, max, &n, "kind", "Fb.Err.Kind");
    }
    if (in->content == NULL) {
        err_add(errs, max, &n, "content", "Fb.Err.Content");
    } else if (v[K_CONTENT].err) {
        err_add(errs, max, &n, "content", "Fb.Err.ContentLong");
    }
    if (v[K_IDENTITY].err) {
        err_add(errs, max, &n, "identity", "Fb.Err.Identity");
    } else if (strcmp(in->identity, "anonymous") != 0) {
        /* anonymous means anonymous: only the other tiers read the contact */
        in->name = v[K_NAME].s;
        in->email = v[K_EMAIL].s;
        in->address = v[K_ADDRESS].s;
        if (in->name == NULL || v[K_NAME].err) {
            err_add(errs, max, &n, "name", "Fb.Err.Name");
        }
        if (v[K_PHONE].s && (v[K_PHONE].err || !fb_phone_ok(v[K_PHONE].s, p, &phone))) {
            err_add(errs, max, &n, "phone", "Fb.Err.Phone");
        }
        in->phone = phone;
        if (v[K_EMAIL].err) {
            err_add(errs, max, &n, "email", "Fb.Err.Email");
        }
        if (!v[K_PHONE].s && in->email == NULL) {
            err_add(errs, max, &n, "phone", "Fb.Err.Contact");
        }
        if (v[K_ADDRESS].err) {
            err_add(errs, max, &n, "address", "Fb.Err.Address");
        }
    }
    return n;
}

enum db_rc
fb_unit_id(struct sctx *x, const char *code, const char *subtree, long long *unit_id)
{
    return unit_open_id(x->db, x->pool, code, subtree, unit_id);
}
