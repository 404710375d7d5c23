/* staff_mark.c — the signed cookie that tells the public program a browser is an officer's. */
#include "staff_mark.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "http.h"
#include "util.h"

void
staff_mark_set(struct req *r, long long user_id, long long counter_id)
{
    char body[48], m[33];
    unsigned char t[16];

    snprintf(body, sizeof(body), "%lld.%lld", user_id, counter_id);
    mac(r->app->secret, "staff-mark", body, strlen(body), t, sizeof(t));
    hex_encode(m, t, sizeof(t));
    resp_cookie(r, "mc_staff", pool_printf(&r->pool, "%s.%s", body, m), 12L * 3600, 1);
}

void
staff_mark_clear(struct req *r)
{
    resp_header(r, "Set-Cookie", "mc_staff=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
}

int
staff_mark_get(struct req *r, long long *user_id, long long *counter_id)
{
    const char *v = req_cookie(r, "mc_staff"), *dot;
    unsigned char t[16];
    char want[33];
    size_t blen;

    if (v == NULL || (dot = strrchr(v, '.')) == NULL || strlen(dot + 1) != 32) {
        return 0;
    }
    blen = (size_t)(dot - v);
    mac(r->app->secret, "staff-mark", v, blen, t, sizeof(t));
    hex_encode(want, t, sizeof(t));
    if (sodium_memcmp(want, dot + 1, 32) != 0 || sscanf(v, "%lld.%lld", user_id, counter_id) != 2) {
        return 0;
    }
    return 1;
}
