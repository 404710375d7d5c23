/* input.c — declared, typed form and query fields (see input.h). */
#include "input.h"

#include <string.h>

#include "calendar.h"
#include "form.h"
#include "http.h"
#include "render.h"
#include "util.h"

#define SPACE " \t\r\n"

/* Unit codes, counter codes and usernames appear in URLs: a safe alphabet. */
static int
code_ok(const char *s)
{
    return s[strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")] ==
           '\0';
}

static int
phone_ok(const char *s)
{
    return strspn(s, "0123456789 +-.()") == strlen(s) && strpbrk(s, "0123456789") != NULL;
}

const char *
input_typed(struct req *r, const char *name)
{
    return hdf_get_value(r->hdf, pool_printf(&r->pool, "Page.F.%s", name), NULL);
}

long long
input_path_id(const char *s)
{
    long long id = 0;

    /* digits only: parse_int alone would take a sign */
    if (s == NULL || *s == '\0' || s[strspn(s, "0123456789")] != '\0' ||
        parse_int(s, 1, 1LL << 62, &id) != 0) {
        return 0;
    }
    return id;
}

int
input_choice_ok(const char *s, const char *const *list)
{
    for (size_t i = 0; s && list && list[i]; i++) {
        if (strcmp(s, list[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Well-formed UTF-8 without control characters other than white space (a line
 * break in a one-line field is refused by its type). */
static int
text_ok(const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if ((*c < 0x20 && !strchr(SPACE, *c)) || *c == 0x7f) {
            return 0;
        }
    }
    return utf8_valid(s, strlen(s));
}

static enum input_err
length_err(const struct fld *f, size_t n)
{
    if (n < (size_t)f->min) {
        return INPUT_SHORT;
    }
    return n > (size_t)f->max ? INPUT_LONG : INPUT_OK;
}

/* s is not empty; v->i and v->day are filled for their types. */
static enum input_err
check_one(const struct fld *f, const char *s, struct val *v)
{
    long long i;

    if (!text_ok(s)) {
        return INPUT_UTF8;
    }
    switch (f->type) {
    case V_TEXT:
        if (strpbrk(s, "\r\n")) {
            return INPUT_FORMAT;
        }
        return length_err(f, utf8_len(s));
    case V_LINES:
    case V_SECRET: return length_err(f, utf8_len(s));
    case V_CODE: return code_ok(s) ? length_err(f, utf8_len(s)) : INPUT_FORMAT;
    case V_DATE: return cal_parse_date(s, &v->day) == 0 ? INPUT_OK : INPUT_FORMAT;
    case V_INT:
        /* any integer first, so that "12abc" and "99999" are told apart */
        if (parse_int(s, -(1LL << 62), 1LL << 62, &i) != 0) {
            return INPUT_NUMBER;
        }
        if (i < f->min || i > f->max) {
            return INPUT_RANGE;
        }
        v->i = i;
        return INPUT_OK;
    case V_CHOICE: return input_choice_ok(s, f->choices) ? INPUT_OK : INPUT_CHOICE;
    case V_EMAIL:
        if (utf8_len(s) > (size_t)f->max) {
            return INPUT_LONG;
        }
        return util_email_ok(s) ? INPUT_OK : INPUT_FORMAT;
    case V_PHONE:
        if (utf8_len(s) > (size_t)f->max) {
            return INPUT_LONG;
        }
        return phone_ok(s) ? INPUT_OK : INPUT_FORMAT;
    case V_FLAG: return INPUT_OK;
    }
    return INPUT_FORMAT;
}

/* raw without surrounding white space, from p; NULL stays NULL. */
static const char *
trim(struct pool *p, const char *raw)
{
    size_t n;

    if (raw == NULL) {
        return NULL;
    }
    raw += strspn(raw, SPACE);
    n = strlen(raw);
    while (n > 0 && strchr(SPACE, raw[n - 1])) {
        n--;
    }
    return pool_strndup(p, raw, n);
}

size_t
input_check(struct pool *p, const struct kvlist *src, const struct fld *spec, size_t n,
            struct val *v)
{
    size_t bad = 0;

    for (size_t k = 0; k < n; k++) {
        const struct fld *f = &spec[k];
        const char *raw = kv_get(src, f->name);
        const char *s = f->type == V_SECRET ? raw : trim(p, raw);

        memset(&v[k], 0, sizeof(v[k]));
        if (s && *s == '\0') {
            s = NULL;
        }
        v[k].s = s;
        if (f->type == V_FLAG) {
            v[k].i = s && strcmp(s, "1") == 0;
        } else if (s == NULL) {
            v[k].err = f->required ? INPUT_MISSING : INPUT_OK;
        } else {
            v[k].err = check_one(f, s, &v[k]);
        }
        bad += v[k].err != INPUT_OK;
    }
    return bad;
}

const char *
input_err_name(enum input_err e)
{
    static const char *const names[] = {
        [INPUT_OK] = "Ok",       [INPUT_MISSING] = "Missing", [INPUT_SHORT] = "Short",
        [INPUT_LONG] = "Long",   [INPUT_FORMAT] = "Format",   [INPUT_NUMBER] = "Number",
        [INPUT_RANGE] = "Range", [INPUT_CHOICE] = "Choice",   [INPUT_UTF8] = "Text",
    };

    return (size_t)e < NELEM(names) ? names[e] : "Format";
}

int
input_form(struct req *r, const char *prefix, const struct fld *spec, size_t n, struct val *v)
{
    return input_read(r, &r->form, prefix, spec, n, v);
}

int
input_read(struct req *r, const struct kvlist *src, const char *prefix, const struct fld *spec,
           size_t n, struct val *v)
{
    int first = 1;

    input_check(&r->pool, src, spec, n, v);
    for (size_t k = 0; k < n; k++) {
        const struct fld *f = &spec[k];
        const char *key, *msg;

        if (f->type != V_SECRET) {
            /* what was typed, trimmed, even when refused: the form shows it again */
            hset(r, pool_printf(&r->pool, "Page.F.%s", f->name),
                 trim(&r->pool, kv_get(src, f->name)));
        }
        if (v[k].err == INPUT_OK) {
            continue;
        }
        if (f->err == NULL) {
            key = pool_printf(&r->pool, "Input.Err.%s", input_err_name(v[k].err));
        } else if (prefix) {
            key = pool_printf(&r->pool, "%s.%s", prefix, f->err);
        } else {
            key = f->err;
        }
        msg = lang_str(r, key);
        hset(r, pool_printf(&r->pool, "Page.Err.%s", f->name), msg);
        if (first) {
            hset(r, "Page.Error", msg);
            first = 0;
        }
    }
    return first ? 0 : -1;
}

int
input_period(struct req *r, struct val day[2])
{
    static const struct fld days[2] = {
        { "tu", V_DATE, 0, 0, 0, NULL, NULL },
        { "den", V_DATE, 0, 0, 0, NULL, NULL },
    };

    if (input_check(&r->pool, &r->q, days, 2, day) != 0) {
        hset(r, "Page.Error", lang_str(r, "Trail.Err.Date"));
        return 1;
    }
    if (day[0].s && day[1].s && day[0].day > day[1].day) {
        hset(r, "Page.Error", lang_str(r, "Trail.Err.Order"));
        return 1;
    }
    return 0;
}

size_t
input_query(struct req *r, const struct fld *spec, size_t n, struct val *v)
{
    size_t bad = input_check(&r->pool, &r->q, spec, n, v);

    for (size_t k = 0; bad && k < n; k++) {
        if (v[k].err != INPUT_OK) {
            memset(&v[k], 0, sizeof(v[k]));
        }
    }
    return bad;
}
