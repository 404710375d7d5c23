/* http.h — one request and its response. */
#ifndef MOTCUA_HTTP_H
#define MOTCUA_HTTP_H

#include <ClearSilver.h>
#include <fcgiapp.h>

#include "app.h"
#include "calendar.h"
#include "form.h"
#include "multipart.h"
#include "sctx.h"
#include "util.h"

struct req {
    struct pool pool;        /* everything below that is allocated lives here */
    struct app *app;
    FCGX_Request *fcgi;

    const char *method, *path, *query, *remote_addr, *host, *origin, *content_type;
    const char *user_agent;
    int https;
    struct kvlist q, form, cookies;
    struct mp_file *files;   /* uploaded files of an R_UPLOAD form (data points into body) */
    size_t nfiles;
    const char *body;        /* raw body of a POST (NUL-terminated), or NULL */
    size_t body_len;
    const char *arg[4];      /* path segments captured by '*' in the route */
    HDF *hdf;                /* the page's data; templates see only this */
    const char *lang;        /* "vi" or "en" */
    struct user *user;       /* signed-in staff member, or NULL */
    char csrf[65];

    int status;
    const char *ctype;
    struct buf headers;
    struct buf out;
    int streamed;            /* resp_stream_begin sent the head; the body went out in parts */
    struct sctx x;           /* req_sctx */
};

/* The store context of this request: its pool, the process's database,
 * the signed-in staff member (if any) and the caller's address. */
struct sctx *req_sctx(struct req *r);

/* Request data */
const char *req_query(struct req *r, const char *key);
const char *req_form(struct req *r, const char *key);
const char *req_cookie(struct req *r, const char *key);
/* A form field without surrounding blanks; NULL when absent or blank (pool string). */
const char *req_form_trimmed(struct req *r, const char *key);
const char *req_header(struct req *r, const char *cgi_name);   /* e.g. "HTTP_ACCEPT" */

/* Response */
void resp_header(struct req *r, const char *name, const char *value);
void resp_cookie(struct req *r, const char *name, const char *value, long max_age, int httponly);
int resp_redirect(struct req *r, const char *location);        /* returns 303 */
void resp_raw(struct req *r, const char *ctype, const void *data, size_t len);
/* A body too large to hold (CSV exports): resp_stream_begin sends status 200
 * and the headers set so far at once (no Content-Length), resp_stream sends
 * each part as it is made; the handler then returns 200 and nothing else is
 * sent.  resp_stream returns -1 once the client has gone. */
void resp_stream_begin(struct req *r, const char *ctype);
int resp_stream(struct req *r, const void *data, size_t len);
/* Send the status, the headers and the body collected (the request cycle, once
 * per request that was not streamed). */
void resp_send(struct req *r);

#endif
