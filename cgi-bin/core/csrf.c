/* csrf.c — the CSRF token of every form and the check of every POST. */
#include "csrf.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "crypto.h"
#include "http.h"
#include "util.h"

/* Signed-in staff: the token is a MAC of the session.  Anonymous visitors: a
 * random cookie "mc_csrf" and the token is a MAC of it (double submit, signed). */

void
csrf_prepare(struct req *r)
{
    const char *seed;
    unsigned char t[32];

    if (r->user) {
        mac(r->app->secret, "csrf-session", r->user->session_hash, strlen(r->user->session_hash), t,
            sizeof(t));
    } else {
        seed = req_cookie(r, "mc_csrf");
        if (seed == NULL || strlen(seed) != 32) {
            char *fresh = pool_alloc(&r->pool, 33);

            random_hex(fresh, 16);
            resp_cookie(r, "mc_csrf", fresh, 30L * 86400, 1);
            seed = fresh; /* a POST in this request still needs the old cookie */
        }
        mac(r->app->secret, "csrf-anon", seed, strlen(seed), t, sizeof(t));
    }
    hex_encode(r->csrf, t, sizeof(t));
}

/* The Origin's host[:port] is the Host header the browser sent (a default
 * port written or not): the page posting is this site as the browser
 * reached it, directly or through a front proxy that passes the Host on.
 * nginx passes that header as HOST_AS_SENT (nginx/routes.conf): Debian's
 * fastcgi_params sets HTTP_HOST to $host, without the port. */
static size_t
authority_len(const char *a, const char *default_port)
{
    const char *colon = strrchr(a, ':');

    return colon && strcmp(colon + 1, default_port) == 0 ? (size_t)(colon - a) : strlen(a);
}

static int
same_authority(const char *rest, const char *default_port, const char *sent)
{
    size_t n = authority_len(rest, default_port);

    return sent && *sent && n == authority_len(sent, default_port) &&
           strncasecmp(rest, sent, n) == 0;
}

/* The Origin of a POST must be this site: scheme://host[:port] compared with
 * the Host header the browser sent, or else with the host nginx passes
 * (HTTP_HOST: $host, without port) and SERVER_PORT. */
static int
origin_ok(struct req *r)
{
    const char *o = r->origin, *host = r->host, *port = req_header(r, "SERVER_PORT");
    const char *rest, *colon, *want_port;
    size_t hlen;

    if (o == NULL || *o == '\0') {
        return 1; /* old browsers send none; the token still protects */
    }
    if (strncmp(o, "https://", 8) == 0) {
        rest = o + 8, want_port = "443";
    } else if (strncmp(o, "http://", 7) == 0) {
        rest = o + 7, want_port = "80";
    } else {
        return 0;
    }
    if (same_authority(rest, want_port, req_header(r, "HOST_AS_SENT"))) {
        return 1;
    }
    colon = strrchr(rest, ':');
    hlen = colon ? (size_t)(colon - rest) : strlen(rest);
    if (colon) {
        want_port = colon + 1;
    }
    if (host == NULL || strlen(host) != hlen || strncasecmp(rest, host, hlen) != 0) {
        return 0;
    }
    /* behind a TLS-terminating proxy SERVER_PORT may differ; the host check is what matters */
    return port == NULL || r->https || strcmp(port, want_port) == 0;
}

int
csrf_ok(struct req *r)
{
    const char *got = req_form(r, "csrf");
    const char *seed = req_cookie(r, "mc_csrf");
    unsigned char t[32];
    char want[65];

    if (!origin_ok(r) || got == NULL || strlen(got) != 64) {
        return 0;
    }
    if (r->user) {
        return sodium_memcmp(got, r->csrf, 64) == 0;
    }
    /* anonymous: the token must match the cookie the browser sent */
    if (seed == NULL || strlen(seed) != 32) {
        return 0;
    }
    mac(r->app->secret, "csrf-anon", seed, strlen(seed), t, sizeof(t));
    hex_encode(want, t, sizeof(t));
    return sodium_memcmp(got, want, 64) == 0;
}
