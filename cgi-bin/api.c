/* api — machine interfaces under /api/ (docs/architecture.md §1): the province's existing
 * one-stop software pushes dossiers and hand-overs here, authenticated by an
 * API key per client (table api_client, key stored hashed).
 * Database account: motcua_api.
 * Store: store_import.h alone: the account may write dossiers and their steps,
 * never cases, ratings or staff accounts (sql/grants.sql, "-- 004 api"). */
#include <json-c/json.h>
#include <string.h>

#include "conf.h"
#include "crypto.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "ratelimit.h"
#include "render.h"
#include "store_import.h"
#include "util.h"
#include "worker.h"

#define MAX_BATCH 500

static int
json_reply(struct req *r, int status, struct json_object *o)
{
    const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE);

    resp_raw(r, "application/json; charset=utf-8", s, strlen(s));
    json_object_put(o);
    return status;
}

static int
json_error(struct req *r, int status, const char *msg)
{
    struct json_object *o = json_object_new_object();

    json_object_object_add(o, "error", json_object_new_string(msg));
    return json_reply(r, status, o);
}

static int
ping(struct req *r)
{
    struct dbres res;
    enum db_rc rc = db_query(r->app->db, &r->pool, "SELECT 1", DB_NOARGS, &res);
    struct json_object *o = json_object_new_object();

    json_object_object_add(o, "status",
                           json_object_new_string(rc == DB_OK ? "ok" : "database unavailable"));
    return json_reply(r, rc == DB_OK ? 200 : 503, o);
}

/* The client named by "Authorization: Bearer <key>": its subtree pattern. */
static enum db_rc
client_of(struct req *r, const char **subtree, long long *client_id)
{
    const char *h = req_header(r, "HTTP_AUTHORIZATION");
    char hex[65];
    struct dbres res;
    enum db_rc rc;

    *subtree = NULL;
    if (h == NULL || strncmp(h, "Bearer ", 7) != 0 || strlen(h + 7) != 64) {
        return DB_OK;
    }
    sec_hash_hex(h + 7, hex);
    rc = db_query(r->app->db, &r->pool,
                  "SELECT c.id, CONCAT(u.path, '%') FROM api_client c"
                  "  JOIN org_unit u ON u.id = c.unit_id WHERE c.key_hash = ? AND c.active = 1",
                  DB_ARGS(DV_S(hex)), &res);
    if (rc == DB_OK && res.nrows) {
        parse_int(dbres_get(&res, 0, 0), 1, 1LL << 40, client_id);
        *subtree = dbres_get(&res, 0, 1);
    }
    return rc;
}

static const char *
jstr(struct json_object *o, const char *key)
{
    struct json_object *v;

    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string)) {
        return NULL;
    }
    return json_object_get_string(v);
}

static int
push_dossiers(struct req *r)
{
    struct json_tokener *tok;
    struct json_object *root = NULL, *list, *out, *rejected;
    const char *subtree;
    long long client = 0;
    int accepted = 0, conflicts = 0, allowed;
    size_t n;
    enum db_rc rc;

    if ((rc = client_of(r, &subtree, &client)) != DB_OK) {
        return json_error(r, 503, "database unavailable");
    }
    if (subtree == NULL) {
        resp_header(r, "WWW-Authenticate", "Bearer");
        return json_error(r, 401, "missing or unknown API key");
    }
    if ((rc = ratelimit_hit(r, "api", pool_printf(&r->pool, "%lld", client),
                            (int)conf_int(r->app->conf, "Api.PerClientPerMinute", 120), 60,
                            &allowed)) != DB_OK) {
        return json_error(r, 503, "database unavailable");
    }
    if (!allowed) {
        return json_error(r, 429, "too many requests");
    }
    if (r->content_type == NULL || strncmp(r->content_type, "application/json", 16) != 0) {
        return json_error(r, 415, "send application/json");
    }
    tok = json_tokener_new_ex(16);
    if (r->body_len > 0 && utf8_valid(r->body, r->body_len)) {
        root = json_tokener_parse_ex(tok, r->body, (int)r->body_len);
        if (json_tokener_get_error(tok) != json_tokener_success) {
            json_object_put(root);
            root = NULL;
        }
    }
    json_tokener_free(tok);
    if (root == NULL || !json_object_object_get_ex(root, "dossiers", &list) ||
        !json_object_is_type(list, json_type_array)) {
        json_object_put(root);
        return json_error(r, 400, "the body must be {\"dossiers\": [...]} in UTF-8 JSON");
    }
    n = json_object_array_length(list);
    if (n > MAX_BATCH) {
        json_object_put(root);
        return json_error(r, 413, "at most 500 dossiers per request");
    }
    out = json_object_new_object();
    rejected = json_object_new_array();
    /* each record on its own: invalid ones are reported, valid ones kept */
    for (size_t i = 0; i < n; i++) {
        struct json_object *o = json_object_array_get_idx(list, i), *app = NULL, *steps = NULL;
        struct import_dossier d = { 0 };
        struct import_step st[16];
        const char *why = NULL;
        struct import_current cur = { NULL, 0 };

        if (!json_object_is_type(o, json_type_object)) {
            why = "Api.Err.Record";
        } else {
            d.code = jstr(o, "code");
            d.unit_code = jstr(o, "unit_code");
            d.procedure_code = jstr(o, "procedure_code");
            d.received_at = jstr(o, "received_at");
            d.due_at = jstr(o, "due_at");
            d.finished_at = jstr(o, "finished_at");
            d.returned_at = jstr(o, "returned_at");
            d.status = jstr(o, "status");
            if (json_object_object_get_ex(o, "applicant", &app) &&
                json_object_is_type(app, json_type_object)) {
                d.name = jstr(app, "name");
                d.phone = jstr(app, "phone");
                d.email = jstr(app, "email");
                d.address = jstr(app, "address");
            }
            if (json_object_object_get_ex(o, "steps", &steps) &&
                json_object_is_type(steps, json_type_array)) {
                d.nsteps = json_object_array_length(steps);
                if (d.nsteps > NELEM(st)) {
                    why = "Api.Err.Step";
                }
                for (size_t k = 0; !why && k < d.nsteps; k++) {
                    struct json_object *s = json_object_array_get_idx(steps, k), *seq;

                    memset(&st[k], 0, sizeof(st[k]));
                    st[k].seq = (int)k + 1;
                    if (json_object_object_get_ex(s, "seq", &seq)) {
                        /* a number, not text that json-c would turn into 0 */
                        if (!json_object_is_type(seq, json_type_int) ||
                            json_object_get_int64(seq) < 1 || json_object_get_int64(seq) > 1000) {
                            why = "Api.Err.Step";
                        }
                        st[k].seq = (int)json_object_get_int64(seq);
                    }
                    st[k].from_unit = jstr(s, "from_unit");
                    st[k].to_unit = jstr(s, "to_unit");
                    st[k].handed_at = jstr(s, "handed_at");
                    st[k].due_at = jstr(s, "due_at");
                    st[k].done_at = jstr(s, "done_at");
                }
                d.steps = st;
            }
        }
        if (why == NULL) {
            rc = import_dossier(r, &d, subtree, &why, &cur);
            if (rc != DB_OK && rc != DB_DUP) {
                json_object_put(out);
                json_object_put(rejected);
                json_object_put(root);
                return json_error(r, rc == DB_DOWN ? 503 : 500, "database error");
            }
        }
        if (why) {
            struct json_object *e = json_object_new_object();

            json_object_object_add(e, "index", json_object_new_int((int)i));
            json_object_object_add(e, "code", d.code ? json_object_new_string(d.code) : NULL);
            json_object_object_add(e, "reason", json_object_new_string(lang_str(r, why)));
            if (cur.status) {
                /* refused as a conflict: the state kept here, for the sender to reconcile */
                struct json_object *c = json_object_new_object();

                json_object_object_add(c, "status", json_object_new_string(cur.status));
                json_object_object_add(c, "steps", json_object_new_int64(cur.steps));
                json_object_object_add(e, "current", c);
                conflicts++;
            }
            json_object_array_add(rejected, e);
        } else {
            accepted++;
        }
    }
    json_object_object_add(out, "accepted", json_object_new_int(accepted));
    json_object_object_add(out, "rejected", rejected);
    json_object_put(root);
    /* 409 when a record conflicted with the state kept here; the other
     * records of the batch were still handled as "accepted" says */
    return json_reply(r, conflicts ? 409 : 200, out);
}

static const struct route routes[] = {
    { "GET", "/api/v1/health", ping, 0, 0 },
    { "POST", "/api/v1/dossiers", push_dossiers, R_RAWBODY | R_NOCSRF, 0 },
};

static const struct program prog = { "api", routes, NELEM(routes), P_KEY_AUTH };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
