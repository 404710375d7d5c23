/* api — machine interfaces under /api/ (docs/architecture.md §1): the province's existing
 * one-stop software pushes dossiers and hand-overs here, authenticated by an
 * API key per client (table api_client, key stored hashed).
 * Database account: motcua_api.
 * Store: store_import.h (dossiers and their steps); for Open311 and the open
 * data (docs/open311.md) store_open311.h (the published cases), fb_rules.h
 * and store_feedback.h (filing a case as the web form does) and
 * store_report.h (the public figures); store_user.h for its own clients
 * (api_client_by_key) and store_schema.h for the health check.  Never ratings
 * or staff accounts, nor a case's text or contact (sql/grants.sql, "-- 004
 * api", "-- 030 Open311"). */
#include <json-c/json.h>
#include <string.h>

#include "calendar.h"
#include "conf.h"
#include "crypto.h"
#include "db.h"
#include "fb_rules.h"
#include "form.h"
#include "http.h"
#include "input.h"
#include "ratelimit.h"
#include "render.h"
#include "store_feedback.h"
#include "store_import.h"
#include "store_open311.h"
#include "store_report.h"
#include "store_schema.h"
#include "store_user.h"
#include "util.h"
#include "worker.h"
#include "xml.h"

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
    enum db_rc rc = schema_ping(r->app->db, &r->pool);
    struct json_object *o = json_object_new_object();

    json_object_object_add(o, "status",
                           json_object_new_string(rc == DB_OK ? "ok" : "database unavailable"));
    return json_reply(r, rc == DB_OK ? 200 : 503, o);
}

/* The active client whose key is key (64 characters): its subtree pattern,
 * NULL when there is none. */
static enum db_rc
client_by_key(struct req *r, const char *key, const char **subtree, long long *client_id)
{
    char hex[65];

    *subtree = NULL;
    if (key == NULL || strlen(key) != 64) {
        return DB_OK;
    }
    sec_hash_hex(key, hex);
    return api_client_by_key(r->app->db, &r->pool, hex, client_id, subtree);
}

/* The client named by "Authorization: Bearer <key>": its subtree pattern. */
static enum db_rc
client_of(struct req *r, const char **subtree, long long *client_id)
{
    const char *h = req_header(r, "HTTP_AUTHORIZATION");

    *subtree = NULL;
    if (h == NULL || strncmp(h, "Bearer ", 7) != 0) {
        return DB_OK;
    }
    return client_by_key(r, h + 7, subtree, client_id);
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
    if ((rc = ratelimit_hit(req_sctx(r), "api", pool_printf(&r->pool, "%lld", client),
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
            rc = import_dossier(req_sctx(r), &d, subtree, &why, &cur);
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

/* ---- Open311 GeoReport v2 (docs/open311.md) -------------------------------
 * One service per feedback kind; the receiving unit is the location
 * (address_id, its code) and comes back as agency_responsible.  Only cases
 * with a published answer whose sender chose to be named are shown, by an
 * opaque id; the citizen's own text and contact never are.  A case is filed
 * through the web form's rules (fb_check, feedback_create). */

#define O311_SPEC "http://wiki.open311.org/GeoReport_v2"
#define O311_CHANGESET "2026-12-02T00:00:00+07:00" /* this interface's version */
#define O311_MAX_IDS 100
#define O311_MAX_PAGE 1000
#define O311_MAX_DAYS 90
#define O311_TOKEN "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

enum o311_fmt { O311_JSON, O311_XML };

/* The XML names of the lists (Open311's JSON is its XML with lists as arrays). */
static const struct xml_list o311_lists[] = {
    { "services", "service" },     { "service_requests", "request" },
    { "attributes", "attribute" }, { "values", "value" },
    { "errors", "error" },         { "endpoints", "endpoint" },
    { "formats", "format" },
};

/* "requests.json": name "requests" and the format; -1 for another suffix. */
static int
o311_split(struct req *r, const char *seg, const char **name, enum o311_fmt *fmt)
{
    const char *dot = strrchr(seg, '.');

    if (dot == NULL) {
        return -1;
    }
    if (strcmp(dot, ".json") == 0) {
        *fmt = O311_JSON;
    } else if (strcmp(dot, ".xml") == 0) {
        *fmt = O311_XML;
    } else {
        return -1;
    }
    *name = pool_strndup(&r->pool, seg, (size_t)(dot - seg));
    return 0;
}

/* Send v (consumed) as JSON, or as the XML element root. */
static int
o311_reply(struct req *r, int status, enum o311_fmt fmt, const char *root, struct json_object *v)
{
    if (fmt == O311_JSON) {
        json_reply(r, status, v);
    } else {
        struct buf b = { 0 };

        buf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml_from_json(&b, root, v, o311_lists, NELEM(o311_lists));
        buf_addc(&b, '\n');
        resp_raw(r, "text/xml; charset=utf-8", b.p, b.len);
        buf_free(&b);
        json_object_put(v);
    }
    if (strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0) {
        /* public data: any dashboard may read it from a browser */
        resp_header(r, "Access-Control-Allow-Origin", "*");
    }
    return status;
}

static void
o311_err_add(struct json_object *errs, int code, const char *description)
{
    struct json_object *e = json_object_new_object();

    json_object_object_add(e, "code", json_object_new_int(code));
    json_object_object_add(e, "description", json_object_new_string(description));
    json_object_array_add(errs, e);
}

/* The spec's error list with one error: its code is the HTTP status. */
static int
o311_error(struct req *r, int status, enum o311_fmt fmt, const char *key)
{
    struct json_object *errs = json_object_new_array();

    o311_err_add(errs, status, lang_str(r, key));
    return o311_reply(r, status, fmt, "errors", errs);
}

static int
o311_db_error(struct req *r, enum o311_fmt fmt, enum db_rc rc)
{
    return o311_error(r, rc == DB_DOWN ? 503 : 500, fmt, "Open311.Err.Database");
}

/* The reads' per-address limit (Open311.PerAddressPerMinute); 0 when allowed. */
static int
o311_limit(struct req *r, enum o311_fmt fmt)
{
    int allowed;
    enum db_rc rc = ratelimit_hit(req_sctx(r), "o311-ip", r->remote_addr,
                                  (int)conf_int(r->app->conf, "Open311.PerAddressPerMinute", 120),
                                  60, &allowed);

    if (rc != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    return allowed ? 0 : o311_error(r, 429, fmt, "Open311.Err.TooMany");
}

static struct json_object *
jstr_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

static const char *
kind_str(struct req *r, const char *kind, const char *what)
{
    return lang_str(r, pool_printf(&r->pool, "Fb.Kinds.%s.%s", kind, what));
}

static int
o311_discovery(struct req *r, enum o311_fmt fmt)
{
    struct json_object *o = json_object_new_object(), *eps = json_object_new_array();
    struct json_object *ep = json_object_new_object(), *formats = json_object_new_array();
    const char *hotline = conf_str(r->app->conf, "Site.Hotline", "");
    const char *contact = lang_str(r, "Open311.Contact");

    if (*hotline) {
        contact = pool_printf(&r->pool, "%s, %s", contact, hotline);
    }
    json_object_object_add(o, "changeset", json_object_new_string(O311_CHANGESET));
    json_object_object_add(o, "contact", json_object_new_string(contact));
    json_object_object_add(o, "key_service",
                           json_object_new_string(lang_str(r, "Open311.KeyService")));
    json_object_object_add(ep, "specification", json_object_new_string(O311_SPEC));
    json_object_object_add(ep, "url",
                           json_object_new_string(
                               pool_printf(&r->pool, "%s/open311/v2",
                                           conf_str(r->app->conf, "Site.BaseURL", ""))));
    json_object_object_add(ep, "changeset", json_object_new_string(O311_CHANGESET));
    json_object_object_add(ep, "type",
                           json_object_new_string(
                               conf_str(r->app->conf, "Open311.EndpointType", "production")));
    json_object_array_add(formats, json_object_new_string("text/xml"));
    json_object_array_add(formats, json_object_new_string("application/json"));
    json_object_object_add(ep, "formats", formats);
    json_object_array_add(eps, ep);
    json_object_object_add(o, "endpoints", eps);
    return o311_reply(r, 200, fmt, "discovery", o);
}

/* Kinds whose definition asks for more than the standard fields. */
static int
o311_has_metadata(const char *kind)
{
    return strcmp(kind, "petition") == 0 || strcmp(kind, "conduct") == 0;
}

static int
o311_services(struct req *r, enum o311_fmt fmt)
{
    struct json_object *list;
    struct dbres kinds;
    enum db_rc rc = o311_kinds(req_sctx(r), &kinds);

    if (rc != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    list = json_object_new_array();
    for (size_t i = 0; i < kinds.nrows; i++) {
        const char *k = dbres_get(&kinds, i, O311K_CODE);
        struct json_object *s = json_object_new_object();

        json_object_object_add(s, "service_code", json_object_new_string(k));
        json_object_object_add(s, "service_name", json_object_new_string(kind_str(r, k, "Name")));
        json_object_object_add(s, "description", json_object_new_string(kind_str(r, k, "Help")));
        json_object_object_add(s, "metadata", json_object_new_boolean(o311_has_metadata(k)));
        json_object_object_add(s, "type", json_object_new_string("realtime"));
        json_object_object_add(s, "keywords",
                               json_object_new_string(
                                   lang_str(r, pool_printf(&r->pool, "Open311.Keywords.%s", k))));
        json_object_object_add(s, "group", json_object_new_string(lang_str(r, "Open311.Group")));
        json_object_array_add(list, s);
    }
    return o311_reply(r, 200, fmt, "services", list);
}

static struct json_object *
o311_attribute(const char *code, const char *datatype, int order, const char *type_desc,
               const char *desc)
{
    struct json_object *a = json_object_new_object();

    json_object_object_add(a, "variable", json_object_new_boolean(1));
    json_object_object_add(a, "code", json_object_new_string(code));
    json_object_object_add(a, "datatype", json_object_new_string(datatype));
    json_object_object_add(a, "required", json_object_new_boolean(0));
    json_object_object_add(a, "datatype_description", json_object_new_string(type_desc));
    json_object_object_add(a, "order", json_object_new_int(order));
    json_object_object_add(a, "description", json_object_new_string(desc));
    return a;
}

/* GET services/{code}.{fmt}: the attributes a kind asks for. */
static int
o311_service(struct req *r)
{
    struct json_object *def, *attrs, *a, *values;
    const char *code;
    enum o311_fmt fmt;

    if (o311_split(r, r->arg[0], &code, &fmt) != 0) {
        return o311_error(r, 404, O311_JSON, "Open311.Err.Format");
    }
    if (!input_choice_ok(code, fb_kinds)) {
        return o311_error(r, 404, fmt, "Open311.Err.Service");
    }
    def = json_object_new_object();
    attrs = json_object_new_array();
    json_object_object_add(def, "service_code", json_object_new_string(code));
    if (o311_has_metadata(code)) {
        a = o311_attribute("identity", "singlevaluelist", 1,
                           lang_str(r, "Open311.Attr.IdentityType"),
                           lang_str(r, "Open311.Attr.Identity"));
        values = json_object_new_array();
        for (size_t i = 0; fb_identities[i]; i++) {
            struct json_object *v = json_object_new_object();

            json_object_object_add(v, "key", json_object_new_string(fb_identities[i]));
            json_object_object_add(v, "name",
                                   json_object_new_string(
                                       lang_str(r, pool_printf(&r->pool, "Fb.Ident.%s.Name",
                                                               fb_identities[i]))));
            json_object_array_add(values, v);
        }
        json_object_object_add(a, "values", values);
        json_object_array_add(attrs, a);
    }
    if (strcmp(code, "petition") == 0) {
        json_object_array_add(attrs, o311_attribute("address", "string", 2,
                                                    lang_str(r, "Open311.Attr.AddressType"),
                                                    lang_str(r, "Open311.Attr.Address")));
    }
    json_object_object_add(def, "attributes", attrs);
    return o311_reply(r, 200, fmt, "service_definition", def);
}

/* One published case (row i of res, enum o311_col) as the spec's request. */
static struct json_object *
o311_request_json(struct req *r, const struct dbres *res, size_t i)
{
    static const char *const closed[] = { "answered", "closed", "rejected" };
    struct json_object *o = json_object_new_object(), *x = json_object_new_object();
    const char *kind = dbres_get(res, i, O311_KIND), *status = dbres_get(res, i, O311_STATUS);
    const char *verdict = dbres_get(res, i, O311_VERDICT);

    json_object_object_add(o, "service_request_id",
                           json_object_new_string(dbres_get(res, i, O311_ID)));
    json_object_object_add(o, "status",
                           json_object_new_string(str_in(status, closed, NELEM(closed)) ? "closed"
                                                                                        : "open"));
    json_object_object_add(o, "status_notes",
                           json_object_new_string(
                               lang_str(r, pool_printf(&r->pool, "Fb.Statuses.%s", status))));
    json_object_object_add(o, "service_name", json_object_new_string(kind_str(r, kind, "Name")));
    json_object_object_add(o, "service_code", json_object_new_string(kind));
    /* never the citizen's own text: it may name people, and nothing moderates it */
    json_object_object_add(o, "description",
                           json_object_new_string(pool_printf(&r->pool, "%s — %s",
                                                              kind_str(r, kind, "Name"),
                                                              dbres_get(res, i, O311_UNIT_NAME))));
    json_object_object_add(o, "agency_responsible",
                           json_object_new_string(dbres_get(res, i, O311_UNIT_NAME)));
    json_object_object_add(o, "service_notice", NULL);
    json_object_object_add(o, "requested_datetime",
                           json_object_new_string(dbres_get(res, i, O311_REQUESTED)));
    json_object_object_add(o, "updated_datetime",
                           json_object_new_string(dbres_get(res, i, O311_UPDATED)));
    json_object_object_add(o, "expected_datetime",
                           json_object_new_string(dbres_get(res, i, O311_DUE)));
    json_object_object_add(o, "address", jstr_or_null(dbres_get(res, i, O311_UNIT_ADDRESS)));
    json_object_object_add(o, "address_id",
                           json_object_new_string(dbres_get(res, i, O311_UNIT_CODE)));
    json_object_object_add(o, "zipcode", NULL);
    json_object_object_add(o, "lat", NULL);
    json_object_object_add(o, "long", NULL);
    json_object_object_add(o, "media_url", NULL);
    /* the Vietnamese extension: deadline, answer and the citizen's verdict */
    json_object_object_add(x, "status_code", json_object_new_string(status));
    json_object_object_add(x, "due_datetime", json_object_new_string(dbres_get(res, i, O311_DUE)));
    json_object_object_add(x, "overdue",
                           json_object_new_boolean(strcmp(dbres_get(res, i, O311_OVERDUE), "1") ==
                                                   0));
    json_object_object_add(x, "answered_datetime", jstr_or_null(dbres_get(res, i, O311_ANSWERED)));
    json_object_object_add(x, "answer", jstr_or_null(dbres_get(res, i, O311_ANSWER)));
    json_object_object_add(x, "answer_rating",
                           verdict == NULL
                               ? NULL
                               : json_object_new_string(strcmp(verdict, "1") == 0 ? "satisfied"
                                                                                  : "unsatisfied"));
    json_object_object_add(o, "extended_attributes", x);
    return o;
}

/* A W3C datetime of the query as a time: 0 when absent (or empty), -1 when
 * malformed or without its time zone. */
static void
o311_time(const char *v, time_t *t)
{
    *t = (v == NULL || *v == '\0') ? 0 : import_time(v);
    if (v && *v && strlen(v) < 20) {
        *t = -1; /* a time zone is required */
    }
}

static const char *
utc_text(struct req *r, time_t t)
{
    struct tm tm;
    char *s = pool_alloc(&r->pool, 20);

    gmtime_r(&t, &tm);
    strftime(s, 20, "%Y-%m-%d %H:%M:%S", &tm);
    return s;
}

/* A comma list of safe tokens (letters, digits, . - _), at most max items. */
static int
o311_list_ok(const char *v, size_t max)
{
    size_t n = 1;

    for (const char *c = v; *c; c++) {
        if (*c == ',') {
            n++;
        } else if (!strchr(O311_TOKEN ".", *c)) {
            return 0;
        }
    }
    return n <= max;
}

/* GET requests.{fmt} with service_request_id: those cases, nothing else. */
static int
o311_by_ids(struct req *r, enum o311_fmt fmt, const char *ids)
{
    struct json_object *list;
    char *copy, *save = NULL;

    if (!o311_list_ok(ids, O311_MAX_IDS)) {
        return o311_error(r, 400, fmt, "Open311.Err.Ids");
    }
    list = json_object_new_array();
    copy = pool_strdup(&r->pool, ids);
    for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
        struct dbres res;
        enum db_rc rc = o311_request(req_sctx(r), id, &res);

        if (rc != DB_OK) {
            json_object_put(list);
            return o311_db_error(r, fmt, rc);
        }
        if (res.nrows) {
            json_object_array_add(list, o311_request_json(r, &res, 0));
        }
    }
    return o311_reply(r, 200, fmt, "service_requests", list);
}

/* The arguments of GET requests; each refusal names its L.Open311.Err.<err>. */
enum { RQ_IDS, RQ_KINDS, RQ_STATUS, RQ_START, RQ_END, RQ_UNITS, RQ_PAGE, RQ_SIZE, RQ__MAX };
static const struct fld rq_fields[RQ__MAX] = {
    [RQ_IDS] = { "service_request_id", V_TEXT, 0, 1, 2000, NULL, "Ids" },
    [RQ_KINDS] = { "service_code", V_TEXT, 0, 1, 200, NULL, "List" },
    [RQ_STATUS] = { "status", V_TEXT, 0, 1, 20, NULL, "Status" },
    [RQ_START] = { "start_date", V_TEXT, 0, 1, 40, NULL, "Date" },
    [RQ_END] = { "end_date", V_TEXT, 0, 1, 40, NULL, "Date" },
    [RQ_UNITS] = { "address_id", V_TEXT, 0, 1, 2000, NULL, "List" },
    [RQ_PAGE] = { "page", V_INT, 0, 1, 1000000, NULL, "Page" },
    [RQ_SIZE] = { "page_size", V_INT, 0, 1, O311_MAX_PAGE, NULL, "Page" },
};

/* The first refused field of v (of spec, n) as the spec's 400 error; 0 if none. */
static int
o311_refused(struct req *r, enum o311_fmt fmt, const struct fld *spec, const struct val *v,
             size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i].err) {
            return o311_error(r, 400, fmt, pool_printf(&r->pool, "Open311.Err.%s", spec[i].err));
        }
    }
    return 0;
}

static int
o311_requests_get(struct req *r, enum o311_fmt fmt)
{
    struct o311_filter f = { 0 };
    struct val v[RQ__MAX];
    const char *status;
    long long page, size, total;
    time_t from, to, now = time(NULL);
    struct json_object *list;
    struct dbres res;
    enum db_rc rc;
    int limited;

    if ((limited = o311_limit(r, fmt)) != 0) {
        return limited;
    }
    input_check(&r->pool, &r->q, rq_fields, RQ__MAX, v);
    if ((limited = o311_refused(r, fmt, rq_fields, v, RQ__MAX)) != 0) {
        return limited;
    }
    if (v[RQ_IDS].s) {
        return o311_by_ids(r, fmt, v[RQ_IDS].s);
    }
    f.kinds = v[RQ_KINDS].s ? v[RQ_KINDS].s : "";
    f.units = v[RQ_UNITS].s ? v[RQ_UNITS].s : "";
    if (!o311_list_ok(f.kinds, 16) || !o311_list_ok(f.units, 100)) {
        return o311_error(r, 400, fmt, "Open311.Err.List");
    }
    status = v[RQ_STATUS].s ? v[RQ_STATUS].s : "";
    f.open = *status == '\0' || strstr(status, "open") != NULL;
    f.closed = *status == '\0' || strstr(status, "closed") != NULL;
    if (*status && strcmp(status, "open") != 0 && strcmp(status, "closed") != 0 &&
        strcmp(status, "open,closed") != 0 && strcmp(status, "closed,open") != 0) {
        return o311_error(r, 400, fmt, "Open311.Err.Status");
    }
    o311_time(v[RQ_START].s, &from);
    o311_time(v[RQ_END].s, &to);
    if (from < 0 || to < 0) {
        return o311_error(r, 400, fmt, "Open311.Err.Date");
    }
    /* the spec's default: the last 90 days; a range is at most 90 days */
    if (from == 0 && to == 0) {
        to = now;
    }
    if (from == 0) {
        from = to - O311_MAX_DAYS * 86400L;
    } else if (to == 0) {
        to = from + O311_MAX_DAYS * 86400L;
    }
    if (to < from || to - from > O311_MAX_DAYS * 86400L) {
        return o311_error(r, 400, fmt, "Open311.Err.Date");
    }
    page = v[RQ_PAGE].s ? v[RQ_PAGE].i : 1;
    size = v[RQ_SIZE].s ? v[RQ_SIZE].i : O311_MAX_PAGE;
    f.from = utc_text(r, from);
    f.to = utc_text(r, to + 1); /* end_date itself is in */
    f.limit = size;
    f.offset = (page - 1) * size;
    if ((rc = o311_requests(req_sctx(r), &f, &res, &total)) != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    list = json_object_new_array();
    for (size_t i = 0; i < res.nrows; i++) {
        json_object_array_add(list, o311_request_json(r, &res, i));
    }
    resp_header(r, "X-Total-Count", pool_printf(&r->pool, "%lld", total));
    return o311_reply(r, 200, fmt, "service_requests", list);
}

/* GET /open311/v2/{discovery,services,requests}.{fmt} */
static int
o311_get(struct req *r)
{
    const char *name;
    enum o311_fmt fmt;

    if (o311_split(r, r->arg[0], &name, &fmt) != 0) {
        return o311_error(r, 404, O311_JSON, "Open311.Err.Format");
    }
    if (strcmp(name, "discovery") == 0) {
        return o311_discovery(r, fmt);
    }
    if (strcmp(name, "services") == 0) {
        return o311_services(r, fmt);
    }
    if (strcmp(name, "requests") == 0) {
        return o311_requests_get(r, fmt);
    }
    return o311_error(r, 404, fmt, "Open311.Err.NotFound");
}

/* GET requests/{id}.{fmt}: one published case, as a list of one.  An
 * unknown id counts as a miss of the address, as a typed tracking code does. */
struct o311_find {
    const char *id;
    struct dbres res;
};

static enum db_rc
o311_find(struct sctx *x, void *arg, struct code_misses *m, int *found)
{
    struct o311_find *f = arg;
    enum db_rc rc = o311_request(x, f->id, &f->res);

    *found = rc == DB_OK && f->res.nrows > 0;
    return rc;
}

static int
o311_one(struct req *r)
{
    struct o311_find f = { NULL, { 0 } };
    struct json_object *list;
    enum code_verdict v;
    enum o311_fmt fmt;
    enum db_rc rc;
    int limited;

    if (o311_split(r, r->arg[0], &f.id, &fmt) != 0) {
        return o311_error(r, 404, O311_JSON, "Open311.Err.Format");
    }
    if ((limited = o311_limit(r, fmt)) != 0) {
        return limited;
    }
    if (strlen(f.id) != 16 || strspn(f.id, "0123456789abcdef") != 16) {
        return o311_error(r, 404, fmt, "Open311.Err.Request");
    }
    if ((rc = code_lookup(req_sctx(r), "Track", f.id, o311_find, &f, &v)) != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    if (v == CODE_PAUSED) {
        return o311_error(r, 429, fmt, "Open311.Err.TooMany");
    }
    if (v != CODE_FOUND) {
        return o311_error(r, 404, fmt, "Open311.Err.Request");
    }
    list = json_object_new_array();
    json_object_array_add(list, o311_request_json(r, &f.res, 0));
    return o311_reply(r, 200, fmt, "service_requests", list);
}

/* The Open311 name of a web form field, for the error's description. */
static const char *
o311_field(const char *form_field)
{
    static const char *const map[][2] = {
        { "kind", "service_code" },
        { "content", "description" },
        { "identity", "attribute[identity]" },
        { "name", "first_name" },
        { "address", "attribute[address]" },
    };

    for (size_t i = 0; i < NELEM(map); i++) {
        if (strcmp(map[i][0], form_field) == 0) {
            return map[i][1];
        }
    }
    return form_field;
}

/* The idempotency key of a client's request, as stored: a MAC of the client
 * and its key, so that no two clients' keys (nor a web form's) collide. */
static const char *
o311_idem(struct req *r, long long client, const char *key)
{
    const char *msg = pool_printf(&r->pool, "%lld:%s", client, key);
    unsigned char h[16];
    char *out = pool_alloc(&r->pool, 33);

    mac(r->app->secret, "open311-idem", msg, strlen(msg), h, sizeof(h));
    hex_encode(out, h, sizeof(h));
    return out;
}

/* The key just added at the end of b (n bytes) when it is "attribute[CODE]"
 * or "attribute[CODE][]", brackets possibly percent-encoded: rewritten as
 * "attribute.CODE" or "attribute.CODE[]"; any other key stays as it is. */
static void
attribute_key(struct buf *b, size_t n)
{
    char *k = b->p + b->len - n, *w = k + 9;
    size_t m = 0;
    char plain[256], *close;

    for (size_t i = 9; i < n && m + 1 < sizeof(plain); i++) {
        if (k[i] == '%' && i + 2 < n &&
            (strncasecmp(k + i, "%5B", 3) == 0 || strncasecmp(k + i, "%5D", 3) == 0)) {
            plain[m++] = k[i + 2] == 'B' || k[i + 2] == 'b' ? '[' : ']';
            i += 2;
        } else {
            plain[m++] = k[i];
        }
    }
    plain[m] = '\0';
    close = strchr(plain, ']');
    if (plain[0] != '[' || close == NULL || close == plain + 1 ||
        memchr(plain + 1, '[', (size_t)(close - plain - 1)) != NULL ||
        (close[1] != '\0' && strcmp(close + 1, "[]") != 0)) {
        return; /* not "[CODE]" nor "[CODE][]" */
    }
    *w++ = '.';
    memcpy(w, plain + 1, (size_t)(close - plain - 1));
    w += close - plain - 1;
    if (close[1] != '\0') {
        memcpy(w, "[]", 2);
        w += 2;
    }
    b->len = (size_t)(w - b->p);
}

/* Parse the urlencoded body into r->form.  Open311 names attributes
 * "attribute[CODE]" (and "attribute[CODE][]" for lists), which the form
 * parser refuses as indexed keys: they are read as "attribute.CODE" (and
 * "attribute.CODE[]").  400 or 413 when the body is not a form; 0 when read. */
static int
o311_form(struct req *r)
{
    struct buf b = { 0 };
    const char *s = r->body ? r->body : "";
    size_t len = r->body_len, i = 0;
    enum form_err fe;

    if (r->content_type == NULL ||
        strncasecmp(r->content_type, "application/x-www-form-urlencoded", 33) != 0) {
        return 415;
    }
    if ((long long)len > conf_int(r->app->conf, "Limits.FormBody", 65536)) {
        return 413;
    }
    while (i < len) {
        size_t end = i, eq;

        while (end < len && s[end] != '&') {
            end++;
        }
        for (eq = i; eq < end && s[eq] != '='; eq++) {
        }
        buf_add(&b, s + i, eq - i);
        if (eq - i > 9 && strncmp(s + i, "attribute", 9) == 0) {
            attribute_key(&b, eq - i);
        }
        buf_add(&b, s + eq, end - eq);
        if (end < len) {
            buf_addc(&b, '&');
        }
        i = end + 1;
    }
    buf_addc(&b, '\0');
    fe = form_parse(&r->pool, b.p, b.len - 1, NULL, &r->form);
    buf_free(&b);
    if (fe != FORM_OK) {
        log_info("bad Open311 form body: %s", form_err_str(fe));
        return fe == FORM_VALUE_TOO_LONG || fe == FORM_TOO_MANY ? 413 : 400;
    }
    return 0;
}

/* The case's fields of an Open311 request, declared to be read only: any
 * length, trimmed, never refused here; fb_check then applies the web form's
 * rules to them under the web form's names (o311_case_fields). */
enum {
    OC_FIRST,
    OC_LAST,
    OC_IDENTITY,
    OC_SERVICE,
    OC_DESC,
    OC_PHONE,
    OC_EMAIL,
    OC_ADDRESS,
    OC__MAX
};
/* up to 1 GiB: the form parser bounds the values long before */
static const struct fld oc_fields[OC__MAX] = {
    [OC_FIRST] = { "first_name", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
    [OC_LAST] = { "last_name", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
    [OC_IDENTITY] = { "attribute.identity", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
    [OC_SERVICE] = { "service_code", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
    [OC_DESC] = { "description", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
    [OC_PHONE] = { "phone", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
    [OC_EMAIL] = { "email", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
    [OC_ADDRESS] = { "attribute.address", V_LINES, 0, 0, 1LL << 30, NULL, NULL },
};

/* The case's fields of an Open311 request under the web form's names, for
 * fb_check: service_code is the kind, description the content, the name
 * "last_name first_name" (a Vietnamese name is written family name first),
 * attribute[identity] the tier (by default named when a name is given, else
 * anonymous) and attribute[address] the contact address. */
static const struct kvlist *
o311_case_fields(struct req *r)
{
    struct val v[OC__MAX];
    const char *first, *last, *name, *identity;

    input_check(&r->pool, &r->form, oc_fields, OC__MAX, v);
    first = v[OC_FIRST].s;
    last = v[OC_LAST].s;
    name = first && last ? pool_printf(&r->pool, "%s %s", last, first) : first ? first : last;
    identity = v[OC_IDENTITY].s;
    const char *const pairs[][2] = {
        { "kind", v[OC_SERVICE].s },
        { "content", v[OC_DESC].s },
        { "identity", identity ? identity
                      : name   ? "named"
                               : "anonymous" },
        { "name", name },
        { "phone", v[OC_PHONE].s },
        { "email", v[OC_EMAIL].s },
        { "address", v[OC_ADDRESS].s },
    };
    struct kvlist *l = pool_alloc(&r->pool, sizeof(*l));

    l->v = pool_alloc(&r->pool, NELEM(pairs) * sizeof(*l->v));
    for (size_t i = 0; i < NELEM(pairs); i++) {
        if (pairs[i][1]) {
            l->v[l->n].key = pool_strdup(&r->pool, pairs[i][0]);
            l->v[l->n].val = pool_strdup(&r->pool, pairs[i][1]);
            l->v[l->n].vlen = strlen(pairs[i][1]);
            l->n++;
        }
    }
    return l;
}

/* The arguments of POST requests besides the case's own (o311_case_fields). */
enum { PF_KEY, PF_SERVICE, PF_UNIT, PF_IDEM, PF__MAX };
static const struct fld pf_fields[PF__MAX] = {
    [PF_KEY] = { "api_key", V_CODE, 0, 64, 64, NULL, "Key" },
    [PF_SERVICE] = { "service_code", V_CODE, 0, 1, 40, NULL, "Service" },
    [PF_UNIT] = { "address_id", V_CODE, 0, 1, 64, NULL, "Unit" },
    [PF_IDEM] = { "idempotency_key", V_CODE, 0, 1, 64, NULL, "Idem" },
};

/* POST requests.{fmt}: a new case through the web form's rules. */
static int
o311_post(struct req *r)
{
    const char *name, *subtree, *idem, *unit;
    struct val v[PF__MAX];
    struct fb_new in = { 0 };
    struct fb_err errs[8];
    struct json_object *list, *o, *x;
    struct dbres filed;
    long long client = 0;
    char code[32], key[TOKEN_NONCE_LEN + 1];
    enum o311_fmt fmt;
    enum db_rc rc;
    size_t nerr;
    int allowed, bad;

    if (o311_split(r, r->arg[0], &name, &fmt) != 0) {
        return o311_error(r, 404, O311_JSON, "Open311.Err.Format");
    }
    if (strcmp(name, "requests") != 0) {
        return o311_error(r, 404, fmt, "Open311.Err.NotFound");
    }
    if ((bad = o311_form(r)) != 0) {
        return o311_error(r, bad, fmt, "Open311.Err.Form");
    }
    input_check(&r->pool, &r->form, pf_fields, PF__MAX, v);
    idem = v[PF_IDEM].s;
    unit = v[PF_UNIT].s;
    if ((rc = client_by_key(r, v[PF_KEY].err ? NULL : v[PF_KEY].s, &subtree, &client)) != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    if (subtree == NULL) {
        return o311_error(r, 403, fmt, "Open311.Err.Key");
    }
    if ((rc = ratelimit_hit(req_sctx(r), "api", pool_printf(&r->pool, "%lld", client),
                            (int)conf_int(r->app->conf, "Api.PerClientPerMinute", 120), 60,
                            &allowed)) != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    if (!allowed) {
        return o311_error(r, 429, fmt, "Open311.Err.TooMany");
    }
    in.kind = v[PF_SERVICE].s;
    if (in.kind == NULL) {
        return o311_error(r, 400, fmt, "Open311.Err.ServiceMissing");
    }
    if (v[PF_SERVICE].err || !input_choice_ok(in.kind, fb_kinds)) {
        return o311_error(r, 404, fmt, "Open311.Err.Service");
    }
    if (unit == NULL) {
        return o311_error(r, 400, fmt, "Open311.Err.Location");
    }
    if (!v[PF_UNIT].err && (rc = fb_unit_id(req_sctx(r), unit, subtree, &in.unit_id)) != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    if (in.unit_id == 0) {
        return o311_error(r, 400, fmt, "Open311.Err.Unit");
    }
    if (v[PF_IDEM].err) {
        return o311_error(r, 400, fmt, "Open311.Err.Idem");
    }
    nerr = fb_check(&r->pool, o311_case_fields(r), &in, errs, NELEM(errs));
    if (nerr) {
        list = json_object_new_array();
        for (size_t i = 0; i < nerr && i < NELEM(errs); i++) {
            o311_err_add(list, 400,
                         pool_printf(&r->pool, "%s: %s", o311_field(errs[i].field),
                                     lang_str(r, errs[i].key)));
        }
        return o311_reply(r, 400, fmt, "errors", list);
    }
    in.idem = idem ? o311_idem(r, client, idem) : NULL;
    if ((rc = feedback_create(req_sctx(r), &in, code, key)) != DB_OK) {
        return o311_db_error(r, fmt, rc);
    }
    rc = o311_filed(req_sctx(r), pool_strndup(&r->pool, code, strlen(code) - 5), &filed);
    if (rc != DB_OK || filed.nrows == 0) {
        return o311_db_error(r, fmt, rc == DB_OK ? DB_ERR : rc);
    }
    list = json_object_new_array();
    o = json_object_new_object();
    x = json_object_new_object();
    json_object_object_add(o, "service_request_id",
                           json_object_new_string(dbres_get(&filed, 0, O311F_ID)));
    json_object_object_add(o, "service_notice",
                           json_object_new_string(pool_printf(&r->pool, "%s %s. %s",
                                                              lang_str(r, "Open311.NoticeDue"),
                                                              dbres_get(&filed, 0, O311F_DUE_VN),
                                                              lang_str(r, "Open311.NoticeTrack"))));
    json_object_object_add(o, "account_id", NULL);
    /* the sender's own way back to the case: to be handed to the citizen only */
    json_object_object_add(x, "tracking_code", json_object_new_string(code));
    json_object_object_add(x, "tracking_url",
                           json_object_new_string(
                               pool_printf(&r->pool, "%s/phan-anh/%s%s%s",
                                           conf_str(r->app->conf, "Site.BaseURL", ""), code,
                                           *key ? "?k=" : "", key)));
    json_object_object_add(x, "due_datetime",
                           json_object_new_string(dbres_get(&filed, 0, O311F_DUE)));
    json_object_object_add(o, "extended_attributes", x);
    json_object_array_add(list, o);
    return o311_reply(r, 200, fmt, "service_requests", list);
}

/* ---- open data (docs/open311.md) -----------------------------------------
 * The public figures of /thong-ke/ per unit and month, with the same
 * definitions and small-number suppression (Stats.MinCount), as JSON and
 * CSV; cacheable: an ETag from the content, a Last-Modified kept for each
 * document (open_data_version). */

#define OD_MAX_MONTHS 120

/* "YYYY-MM" as a month number (year * 12 + month - 1); -1 if malformed. */
static int
od_month(const char *v)
{
    char date[11];
    int day, y, m;

    if (v == NULL || strlen(v) != 7) {
        return -1;
    }
    snprintf(date, sizeof(date), "%s-01", v);
    if (cal_parse_date(date, &day) != 0) {
        return -1;
    }
    cal_ymd(day, &y, &m, NULL);
    return y * 12 + m - 1;
}

/* A share as text ("0.8530"), or NULL when suppressed. */
static const char *
od_share(struct req *r, double v)
{
    return v < 0 ? NULL : pool_printf(&r->pool, "%.4f", v);
}

/* The columns of a row: the JSON keys and the CSV header alike. */
static const char *const od_cols[] = {
    "month",
    "unit_code",
    "unit_name",
    "ratings",
    "ratings_very_satisfied",
    "ratings_satisfied",
    "ratings_unsatisfied",
    "satisfied_share",
    "very_satisfied_share",
    "satisfied_only_share",
    "unsatisfied_share",
    "feedback",
    "answered",
    "answered_on_time",
    "answered_on_time_rate",
    "finished",
    "dossier_unhappy",
    "sat_dossier",
    "on_time_rate",
    "pakn",
    "pakn_answered",
    "pakn_unhappy",
    "pakn_on_time_rate",
    "pakn_satisfaction",
    "anonymous",
    "praise",
};

/* One unit's month as text values in the order of od_cols (NULL: suppressed). */
static void
od_values(struct req *r, const char *month, const struct public_figs *x, const char **v)
{
    size_t i = 0;

#define N(n) pool_printf(&r->pool, "%lld", (n))
    v[i++] = month, v[i++] = x->code, v[i++] = x->name;
    v[i++] = N(x->ratings), v[i++] = N(x->r3), v[i++] = N(x->r2), v[i++] = N(x->r1);
    v[i++] = od_share(r, x->satisfied_share), v[i++] = od_share(r, x->p3);
    v[i++] = od_share(r, x->p2), v[i++] = od_share(r, x->p1);
    v[i++] = N(x->feedback), v[i++] = N(x->answered), v[i++] = N(x->answered_on_time);
    v[i++] = od_share(r, x->answered_on_time_rate);
    v[i++] = N(x->finished), v[i++] = N(x->dossier_unhappy), v[i++] = od_share(r, x->sat_dossier);
    v[i++] = od_share(r, x->on_time_rate);
    v[i++] = N(x->pakn), v[i++] = N(x->pakn_answered), v[i++] = N(x->pakn_unhappy);
    v[i++] = od_share(r, x->pakn_on_time_rate), v[i++] = od_share(r, x->pakn_satisfaction);
    v[i++] = N(x->anonymous), v[i++] = N(x->praise);
#undef N
}

/* "Wed, 02 Dec 2026 08:00:00 GMT" */
static const char *
http_date(struct req *r, time_t t)
{
    static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char *const mo[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    struct tm tm;

    gmtime_r(&t, &tm);
    return pool_printf(&r->pool, "%s, %02d %s %04d %02d:%02d:%02d GMT", wd[tm.tm_wday], tm.tm_mday,
                       mo[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* An HTTP date (RFC 7231's preferred form) as a time; -1 if malformed. */
static time_t
http_date_parse(const char *s)
{
    struct tm tm = { 0 };
    const char *end = s ? strptime(s, "%a, %d %b %Y %H:%M:%S GMT", &tm) : NULL;

    return end && *end == '\0' ? timegm(&tm) : -1;
}

/* Send body with its validators, or 304 when the client's copy is current. */
static int
od_send(struct req *r, const char *name, const char *ctype, struct buf *body)
{
    unsigned char h[16];
    char hex[33];
    const char *etag, *inm = req_header(r, "HTTP_IF_NONE_MATCH");
    const char *ims = req_header(r, "HTTP_IF_MODIFIED_SINCE");
    long long modified;
    enum db_rc rc;

    mac(r->app->secret, "open-data-etag", body->p, body->len, h, sizeof(h));
    hex_encode(hex, h, sizeof(h));
    if ((rc = o311_data_version(req_sctx(r), name, hex, &modified)) != DB_OK) {
        return db_fail(r, rc);
    }
    etag = pool_printf(&r->pool, "\"%s\"", hex);
    resp_header(r, "ETag", etag);
    resp_header(r, "Last-Modified", http_date(r, (time_t)modified));
    resp_header(r, "Cache-Control", "public, max-age=300");
    resp_header(r, "Access-Control-Allow-Origin", "*");
    /* If-None-Match wins over If-Modified-Since (RFC 7232 §6) */
    if (inm ? (strstr(inm, etag) != NULL || strcmp(inm, "*") == 0)
            : (ims && http_date_parse(ims) >= (time_t)modified)) {
        return 304;
    }
    resp_raw(r, ctype, body->p, body->len);
    return 200;
}

/* GET /du-lieu-mo/thong-ke.{json,csv}?tu=YYYY-MM&den=YYYY-MM: the months
 * from tu to den (by default the twelve months up to the current one). */
static int
open_stats(struct req *r)
{
    int min = (int)conf_int(r->app->conf, "Stats.MinCount", 10), y, m, allowed;
    int to, from, csv = strcmp(r->arg[0], "thong-ke.csv") == 0;
    static const struct fld q[] = { { "tu", V_CODE, 0, 7, 7, NULL, NULL },
                                    { "den", V_CODE, 0, 7, 7, NULL, NULL } };
    struct val qv[NELEM(q)];
    const char *v[NELEM(od_cols)];
    struct json_object *doc = NULL, *rows = NULL, *period;
    struct buf b = { 0 };
    struct report_base base = { NULL, NULL }; /* the first month's, for every month */
    enum db_rc rc;
    int status;

    if (!csv && strcmp(r->arg[0], "thong-ke.json") != 0) {
        return 404;
    }
    if ((rc = ratelimit_hit(req_sctx(r), "opendata-ip", r->remote_addr,
                            (int)conf_int(r->app->conf, "Open311.PerAddressPerMinute", 120), 60,
                            &allowed)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (!allowed) {
        return 429;
    }
    cal_ymd(cal_local_day(time(NULL)), &y, &m, NULL);
    input_check(&r->pool, &r->q, q, NELEM(q), qv);
    to = qv[1].s ? od_month(qv[1].s) : y * 12 + m - 1;
    from = qv[0].s ? od_month(qv[0].s) : to - 11;
    if (qv[0].err || qv[1].err || from < 0 || to < 0 || to < from || to - from >= OD_MAX_MONTHS) {
        hset(r, "Page.ErrDetail", lang_str(r, "OpenData.Err.Period"));
        return 400;
    }
    if (csv) {
        buf_adds(&b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 Vietnamese */
        for (size_t c = 0; c < NELEM(od_cols); c++) {
            buf_adds(&b, c ? "," : "");
            buf_csv_field(&b, od_cols[c]);
        }
        buf_adds(&b, "\r\n");
    } else {
        doc = json_object_new_object();
        rows = json_object_new_array();
    }
    for (int k = from; k <= to; k++) {
        struct public_figs *x;
        struct period p;
        size_t n;
        const char *month = pool_printf(&r->pool, "%04d-%02d", k / 12, k % 12 + 1);

        cal_format(cal_day_from_ymd(k / 12, k % 12 + 1, 1), p.from);
        cal_format(cal_day_from_ymd((k + 1) / 12, (k + 1) % 12 + 1, 1) - 1, p.to);
        if ((k == from && (rc = report_base_of(req_sctx(r), &p, &base)) != DB_OK) ||
            (rc = report_public_units(req_sctx(r), &p, &base, min, &x, &n)) != DB_OK) {
            json_object_put(doc);
            json_object_put(rows);
            buf_free(&b);
            return db_fail(r, rc);
        }
        for (size_t i = 0; i < n; i++) {
            struct json_object *o = csv ? NULL : json_object_new_object();

            od_values(r, month, &x[i], v);
            for (size_t c = 0; c < NELEM(od_cols); c++) {
                if (csv) {
                    buf_adds(&b, c ? "," : "");
                    buf_csv_field(&b, v[c] ? v[c] : "");
                } else if (c < 3) {
                    json_object_object_add(o, od_cols[c], json_object_new_string(v[c]));
                } else {
                    /* numbers; a suppressed share is null */
                    json_object_object_add(o, od_cols[c],
                                           v[c] ? json_object_new_double_s(strtod(v[c], NULL), v[c])
                                                : NULL);
                }
            }
            if (csv) {
                buf_adds(&b, "\r\n");
            } else {
                json_object_array_add(rows, o);
            }
        }
    }
    if (!csv) {
        const char *s;

        period = json_object_new_object();
        json_object_object_add(period, "from",
                               json_object_new_string(
                                   pool_printf(&r->pool, "%04d-%02d", from / 12, from % 12 + 1)));
        json_object_object_add(period, "to",
                               json_object_new_string(
                                   pool_printf(&r->pool, "%04d-%02d", to / 12, to % 12 + 1)));
        json_object_object_add(doc, "source",
                               json_object_new_string(
                                   pool_printf(&r->pool, "%s/thong-ke/",
                                               conf_str(r->app->conf, "Site.BaseURL", ""))));
        json_object_object_add(doc, "period", period);
        json_object_object_add(doc, "min_count", json_object_new_int(min));
        json_object_object_add(doc, "on_time_base",
                               json_object_new_string(base.base ? base.base : "received"));
        json_object_object_add(doc, "rows", rows);
        s = json_object_to_json_string_ext(doc,
                                           JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
        buf_adds(&b, s);
        json_object_put(doc);
    }
    status = od_send(r,
                     pool_printf(&r->pool, "%s:%04d-%02d:%04d-%02d", r->arg[0], from / 12,
                                 from % 12 + 1, to / 12, to % 12 + 1),
                     csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", &b);
    buf_free(&b);
    return status;
}

static const struct route routes[] = {
    { "GET", "/api/v1/health", ping, 0, 0 },
    { "POST", "/api/v1/dossiers", push_dossiers, R_RAWBODY | R_NOCSRF, 0 },
    { "GET", "/open311/v2/*", o311_get, 0, 0 },
    { "GET", "/open311/v2/services/*", o311_service, 0, 0 },
    { "GET", "/open311/v2/requests/*", o311_one, 0, 0 },
    { "POST", "/open311/v2/*", o311_post, R_RAWBODY | R_NOCSRF, 0 },
    { "GET", "/du-lieu-mo/*", open_stats, 0, 0 },
};

static const struct program prog = {
    .name = "api", .routes = routes, .nroutes = NELEM(routes), .flags = P_KEY_AUTH
};

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
