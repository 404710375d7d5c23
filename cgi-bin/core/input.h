/* input.h — declared, typed form and query fields (the kvalid idea).
 *
 * Each form lists the fields it accepts once, in a table of struct fld; one call
 * checks them all and fills a struct val per field.  Handlers read the typed
 * values and never the raw strings: garbage where a number is expected is an
 * error on that field, never a silent 0.  Fields not in the table are ignored. */
#ifndef MOTCUA_INPUT_H
#define MOTCUA_INPUT_H

#include <stddef.h>

#include "form.h"
#include "util.h"

struct req;

enum vtype {
    V_TEXT,   /* one line, min..max characters */
    V_LINES,  /* text that may span lines, min..max characters */
    V_CODE,   /* one line of [A-Za-z0-9._-], min..max characters */
    V_SECRET, /* a password: never trimmed nor echoed back, min..max characters */
    V_DATE,   /* YYYY-MM-DD, a real date */
    V_INT,    /* a decimal integer, min..max */
    V_CHOICE, /* one of choices */
    V_EMAIL,  /* up to max characters */
    V_PHONE,  /* digits and " +-.()", up to max characters */
    V_FLAG,   /* a checkbox: "1" is on, anything else (or absent) off; never an error */
};

/* Why a field was refused; the message is L.Input.Err.<name> unless the field
 * names its own (struct fld.err). */
enum input_err {
    INPUT_OK = 0,
    INPUT_MISSING, /* required, and empty or absent */
    INPUT_SHORT,   /* fewer characters than min */
    INPUT_LONG,    /* more characters than max */
    INPUT_FORMAT,  /* not a code, date, e-mail, phone; a line break in one line */
    INPUT_NUMBER,  /* not a decimal integer */
    INPUT_RANGE,   /* an integer outside min..max */
    INPUT_CHOICE,  /* not one of the choices */
    INPUT_UTF8,    /* not well-formed UTF-8, or a control character */
};

struct fld {
    const char *name; /* form field, and Page.F.<name> / Page.Err.<name> */
    enum vtype type;
    int required;
    long long min, max;         /* characters for text, bounds for V_INT */
    const char *const *choices; /* V_CHOICE, NULL-terminated */
    const char *err;            /* message key (under the caller's prefix), or NULL */
};

struct val {
    const char *s; /* trimmed text; NULL when empty or absent */
    long long i;   /* V_INT, V_FLAG */
    int day;       /* V_DATE: day number (calendar.h) */
    enum input_err err;
};

/* Check the n fields of spec against src and fill v[0..n).  Text is trimmed of
 * surrounding white space (V_SECRET excepted) and copied into p.  Returns the
 * number of refused fields; v[i].err says why.  Pure: unit-tested. */
size_t input_check(struct pool *p, const struct kvlist *src, const struct fld *spec, size_t n,
                   struct val *v);

/* input_check over the request's form body, for a form page.  What was typed
 * goes back into Page.F.<name> (passwords excepted), so a refused form shows it
 * again; each refused field gets its message in Page.Err.<name>, the first one
 * also in Page.Error.  A message key is "<prefix>.<fld.err>" (just fld.err when
 * prefix is NULL), or "Input.Err.<why>" for a field without one.
 * Returns 0 when every field is valid, else -1. */
int input_form(struct req *r, const char *prefix, const struct fld *spec, size_t n, struct val *v);

/* input_form over another list: the query string of a form sent by GET (a
 * look-up whose answer is refused with the form again). */
int input_read(struct req *r, const struct kvlist *src, const char *prefix, const struct fld *spec,
               size_t n, struct val *v);

/* input_check over the query string, for GET filters: a value that is not valid
 * is taken as absent (v[i].s NULL, v[i].i 0), so the page shows its default, as
 * it does for a link without the parameter.  Returns the number ignored. */
size_t input_query(struct req *r, const struct fld *spec, size_t n, struct val *v);

/* A period typed in the query string as ?tu=&den= (YYYY-MM-DD, either may be
 * left out) into day[0] and day[1].  0, or 1 after putting into Page.Error why
 * it was refused (L.Trail.Err.Date: not a date; Trail.Err.Order: from after to). */
int input_period(struct req *r, struct val day[2]);

/* What was typed in the field name of the form input_form (or input_read)
 * has read: Page.F.<name>, trimmed, "" when sent empty; NULL when no form
 * declaring it was read.  For a page shown again after a refused action, so
 * that what was typed stays, without reading the raw form. */
const char *input_typed(struct req *r, const char *name);

/* An id in a URL's path (one of r->arg): a decimal integer 1..2^62, or 0 for
 * anything else (empty, a sign, letters, spaces, 0, too large), which the caller answers
 * with 404 — never a silent 0 passed on as an id.  Pure: unit-tested. */
long long input_path_id(const char *s);

/* 1 if s is one of the NULL-terminated list (s may be NULL: 0). */
int input_choice_ok(const char *s, const char *const *list);

/* L.Input.Err.<why>'s last part for e ("Missing", "Number", …). */
const char *input_err_name(enum input_err e);

#endif
