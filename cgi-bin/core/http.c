/* http.c — one request's data (query, form, cookies, CGI parameters) and its
 * response (status, headers, body, whole or streamed) over FastCGI. */
#include "http.h"

#include <string.h>

#include "form.h"
#include "util.h"

/* ---- request data ------------------------------------------------------ */

struct sctx *
req_sctx(struct req *r)
{
    /* filled on every call: the user changes at sign-in and sign-out */
    r->x.app = r->app;
    r->x.db = r->app ? r->app->db : NULL;
    r->x.pool = &r->pool;
    r->x.user = r->user;
    r->x.addr = r->remote_addr;
    return &r->x;
}

const char *
req_header(struct req *r, const char *name)
{
    return FCGX_GetParam(name, r->fcgi->envp);
}

const char *
req_query(struct req *r, const char *key)
{
    return kv_get(&r->q, key);
}

const char *
req_form(struct req *r, const char *key)
{
    return kv_get(&r->form, key);
}

const char *
req_form_trimmed(struct req *r, const char *key)
{
    const char *v = req_form(r, key);
    size_t n;

    if (v == NULL) {
        return NULL;
    }
    v += strspn(v, " \t\r\n");
    n = strlen(v);
    while (n > 0 && strchr(" \t\r\n", v[n - 1])) {
        n--;
    }
    return n ? pool_strndup(&r->pool, v, n) : NULL;
}

const char *
req_cookie(struct req *r, const char *key)
{
    return kv_get(&r->cookies, key);
}

/* ---- response ---------------------------------------------------------- */

void
resp_header(struct req *r, const char *name, const char *value)
{
    /* header injection is impossible by construction: values never carry CR/LF */
    for (const char *c = value; *c; c++) {
        if (*c == '\r' || *c == '\n') {
            log_err("refusing header %s with a line break", name);
            return;
        }
    }
    buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

void
resp_cookie(struct req *r, const char *name, const char *value, long max_age, int httponly)
{
    char *v = pool_printf(&r->pool, "%s=%s; Path=/; Max-Age=%ld; SameSite=Lax%s%s", name, value,
                          max_age, httponly ? "; HttpOnly" : "", r->https ? "; Secure" : "");

    resp_header(r, "Set-Cookie", v);
}

int
resp_redirect(struct req *r, const char *location)
{
    resp_header(r, "Location", location);
    return 303;
}

void
resp_raw(struct req *r, const char *ctype, const void *data, size_t len)
{
    r->ctype = ctype;
    buf_reset(&r->out);
    buf_add(&r->out, data, len);
}

static const char *
status_text(int s)
{
    switch (s) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    }
    return "Status";
}

/* Status line and headers; length < 0: none known (a streamed body). */
static void
send_head(struct req *r, long long length)
{
    struct buf h = { 0 };

    buf_printf(&h, "Status: %d %s\r\n", r->status, status_text(r->status));
    if (r->status != 204 && r->status != 304) {
        buf_printf(&h, "Content-Type: %s\r\n", r->ctype ? r->ctype : "text/html; charset=utf-8");
        if (length >= 0) {
            buf_printf(&h, "Content-Length: %lld\r\n", length);
        }
    }
    buf_adds(&h, "X-Content-Type-Options: nosniff\r\n"
                 "X-Frame-Options: DENY\r\n"
                 "Referrer-Policy: same-origin\r\n"
                 "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
                 "Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
                 "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
                 "form-action 'self'; frame-ancestors 'none'\r\n");
    if (strstr(r->headers.p ? r->headers.p : "", "Cache-Control:") == NULL) {
        buf_adds(&h, "Cache-Control: no-store\r\n");
    }
    if (r->headers.len) {
        buf_add(&h, r->headers.p, r->headers.len);
    }
    buf_adds(&h, "\r\n");
    FCGX_PutStr(h.p, (int)h.len, r->fcgi->out);
    buf_free(&h);
}

void
resp_send(struct req *r)
{
    send_head(r, (long long)r->out.len);
    if (strcmp(r->method, "HEAD") != 0 && r->out.len) {
        FCGX_PutStr(r->out.p, (int)r->out.len, r->fcgi->out);
    }
}

void
resp_stream_begin(struct req *r, const char *ctype)
{
    r->status = 200;
    r->ctype = ctype;
    r->streamed = 1;
    send_head(r, -1);
}

int
resp_stream(struct req *r, const void *data, size_t len)
{
    if (strcmp(r->method, "HEAD") == 0 || len == 0) {
        return 0;
    }
    return FCGX_PutStr(data, (int)len, r->fcgi->out) < 0 ? -1 : 0;
}
