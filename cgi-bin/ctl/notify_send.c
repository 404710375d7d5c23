/* notify_send.c — delivers the outbox (table notification).  Each row is sent
 * with its idempotency key and then marked, so a crash between the two sends
 * it again with the same key: at least once, and once as the provider sees it
 * where the provider honours the key. */
#include <curl/curl.h>
#include <json-c/json.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "notify.h"
#include "notify_send.h"
#include "store_lease.h"

enum outcome { SENT, RETRY, FAILED };

struct attempt {
    enum outcome out;
    const char *answer; /* what the provider said, kept on the row */
    int segments;
};

/* ---- HTTP through libcurl ------------------------------------------------- */

static size_t
collect(char *data, size_t size, size_t n, void *arg)
{
    buf_add(arg, data, size * n);
    return size * n;
}

/* POST body to url; *status the HTTP status (0: no answer), answer its body. */
static int
http_post(HDF *conf, const char *url, struct curl_slist *headers, const char *body, long *status,
          struct buf *answer)
{
    CURL *h = curl_easy_init();
    char err[CURL_ERROR_SIZE] = "";
    CURLcode rc;

    *status = 0;
    if (h == NULL) {
        return -1;
    }
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, answer);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)conf_int(conf, "Notify.Timeout", 20));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    rc = curl_easy_perform(h);
    if (rc == CURLE_OK) {
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
    } else {
        buf_reset(answer);
        buf_adds(answer, *err ? err : curl_easy_strerror(rc));
    }
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

/* The answer as kept: at most 255 bytes, cut on a character boundary. */
static const char *
keep(struct pool *p, const char *prefix, const struct buf *b)
{
    char *s = pool_printf(p, "%s%.*s", prefix, (int)b->len, b->p ? b->p : "");
    size_t n = strlen(s);

    if (n > 255) {
        n = 255;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
            n--;
        }
        s[n] = '\0';
    }
    return s;
}

/* 2xx sent; 408, 429 and 5xx or no answer: later; other 4xx: never. */
static enum outcome
by_status(long status)
{
    if (status >= 200 && status < 300) {
        return SENT;
    }
    return status == 0 || status == 408 || status == 429 || status >= 500 ? RETRY : FAILED;
}

/* ---- e-mail --------------------------------------------------------------- */

/* RFC 2047 encoded-word for a UTF-8 header (sodium's base64, no extra library). */
static char *
mime_word(struct pool *p, const char *s)
{
    size_t n = strlen(s), cap = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
    char *b = pool_alloc(p, cap);

    sodium_bin2base64(b, cap, (const unsigned char *)s, n, sodium_base64_VARIANT_ORIGINAL);
    return pool_printf(p, "=?UTF-8?B?%s?=", b);
}

/* The address inside "Name <addr>" or addr itself. */
static const char *
bare_address(struct pool *p, const char *from)
{
    const char *lt = strrchr(from, '<'), *gt = lt ? strchr(lt, '>') : NULL;

    return gt ? pool_strndup(p, lt + 1, (size_t)(gt - lt - 1)) : from;
}

/* The whole message, lines ended by eol. */
static char *
message(HDF *conf, struct pool *p, const char *idem, const char *to, const char *subject,
        const char *body, const char *eol)
{
    const char *from = conf_str(conf, "Mail.From", "motcua@localhost");
    const char *host = strchr(bare_address(p, from), '@');
    struct buf b = { 0 };
    char *out;

    buf_printf(&b,
               "From: %s%sTo: %s%sSubject: %s%sMessage-ID: <%s%s>%sMIME-Version: 1.0%s"
               "Content-Type: text/plain; charset=utf-8%sContent-Transfer-Encoding: 8bit%s%s",
               from, eol, to, eol, mime_word(p, subject), eol, idem, host ? host : "@localhost",
               eol, eol, eol, eol, eol);
    for (const char *s = body; *s; s++) {
        if (*s == '\n') {
            buf_adds(&b, eol);
        } else {
            buf_addc(&b, *s);
        }
    }
    out = pool_strdup(p, b.p);
    buf_free(&b);
    return out;
}

struct upload {
    const char *data;
    size_t len, off;
};

static size_t
feed(char *to, size_t size, size_t n, void *arg)
{
    struct upload *u = arg;
    size_t k = size * n < u->len - u->off ? size * n : u->len - u->off;

    memcpy(to, u->data + u->off, k);
    u->off += k;
    return k;
}

/* SMTP to the relay: Mail.SMTP.URL (smtp://host:587 or smtps://host:465),
 * Mail.SMTP.TLS (none, try, required), Mail.SMTP.User and .Password. */
static struct attempt
smtp_send(HDF *conf, struct pool *p, const char *to, const char *msg)
{
    static const char *const tls_names[] = { "none", "try" };
    static const long tls_values[] = { CURLUSESSL_NONE, CURLUSESSL_TRY };
    struct attempt a = { RETRY, NULL, 0 };
    struct upload u = { msg, strlen(msg), 0 };
    struct curl_slist *rcpt = curl_slist_append(NULL, to);
    const char *tls = conf_str(conf, "Mail.SMTP.TLS", "required");
    const char *user = conf_str(conf, "Mail.SMTP.User", "");
    char err[CURL_ERROR_SIZE] = "";
    CURL *h = curl_easy_init();
    CURLcode rc;
    long code = 0;
    long use_ssl = CURLUSESSL_ALL; /* anything but none or try: required */

    for (size_t i = 0; i < 2; i++) {
        if (strcmp(tls, tls_names[i]) == 0) {
            use_ssl = tls_values[i];
        }
    }
    if (h == NULL || rcpt == NULL) {
        curl_slist_free_all(rcpt);
        a.answer = "libcurl: out of memory";
        return a;
    }
    curl_easy_setopt(h, CURLOPT_URL, conf_str(conf, "Mail.SMTP.URL", "smtp://localhost:25"));
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_USE_SSL, use_ssl);
    if (*user) {
        curl_easy_setopt(h, CURLOPT_USERNAME, user);
        curl_easy_setopt(h, CURLOPT_PASSWORD, conf_str(conf, "Mail.SMTP.Password", ""));
    }
    curl_easy_setopt(h, CURLOPT_MAIL_FROM,
                     pool_printf(p, "<%s>",
                                 bare_address(p, conf_str(conf, "Mail.From", "motcua@localhost"))));
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, feed);
    curl_easy_setopt(h, CURLOPT_READDATA, &u);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)conf_int(conf, "Notify.Timeout", 20));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(h);
    if (rc == CURLE_OK) {
        a.out = SENT;
        a.answer = pool_printf(p, "smtp %ld", code);
    } else {
        /* a 5xx reply refuses the message for good; anything else may pass later */
        a.out = code >= 500 && code < 600 ? FAILED : RETRY;
        a.answer = pool_printf(p, "smtp %ld: %s", code, *err ? err : curl_easy_strerror(rc));
    }
    return a;
}

/* Mail.Mode: smtp (the relay), sendmail (Mail.Sendmail), outbox (one .eml
 * file per message under Paths.Outbox: local stack, tests). */
static struct attempt
mail_send(HDF *conf, struct pool *p, const char *id, const char *idem, const char *to,
          const char *subject, const char *body)
{
    const char *mode = conf_str(conf, "Mail.Mode", "outbox");
    struct attempt a = { FAILED, "not one plain address", 0 };
    FILE *f;
    char path[1024];

    /* one plain address only: anything else would be more recipients (or
     * headers) for sendmail -t; such a row is never sent */
    if (!util_email_ok(to)) {
        return a;
    }
    if (strcmp(mode, "smtp") == 0) {
        return smtp_send(conf, p, to, message(conf, p, idem, to, subject, body, "\r\n"));
    }
    if (strcmp(mode, "sendmail") == 0) {
        f = popen(conf_str(conf, "Mail.Sendmail", "/usr/sbin/sendmail -t -i"), "w");
    } else {
        snprintf(path, sizeof(path), "%s/%s.eml", conf_str(conf, "Paths.Outbox", "var/outbox"), id);
        f = fopen(path, "w");
    }
    a.out = RETRY;
    a.answer = mode;
    if (f) {
        int ok;

        fputs(message(conf, p, idem, to, subject, body, "\n"), f);
        ok = strcmp(mode, "sendmail") == 0 ? pclose(f) == 0 : fclose(f) == 0;
        a.out = ok ? SENT : RETRY;
    }
    return a;
}

/* ---- SMS and Zalo: the step's registered template ------------------------- */

/* The template's parameters (Notify.<ch>.Template.<step>.Params, names
 * separated by commas) with their values from the row's params. */
static json_object *
template_params(HDF *conf, struct pool *p, const char *ch, const char *step, json_object *all)
{
    const char *names =
        conf_str(conf, pool_printf(p, "Notify.%s.Template.%s.Params", ch, step), "code,link");
    json_object *o = json_object_new_object();
    char *list = pool_strdup(p, names), *save = NULL;

    for (char *n = strtok_r(list, ", ", &save); n; n = strtok_r(NULL, ", ", &save)) {
        json_object *v = NULL;

        json_object_object_get_ex(all, n, &v);
        json_object_object_add(o, n, json_object_new_string(v ? json_object_get_string(v) : ""));
    }
    return o;
}

/* The request both providers start from: the phone, the step's registered
 * template (Notify.<ch>.Template.<step>.Id) and its parameters under key. */
static json_object *
template_request(HDF *conf, struct pool *p, const char *ch, const char *step, const char *to,
                 const char *key, json_object *all)
{
    json_object *o = json_object_new_object();
    const char *id = conf_str(conf, pool_printf(p, "Notify.%s.Template.%s.Id", ch, step), "");

    json_object_object_add(o, "phone", json_object_new_string(to));
    json_object_object_add(o, "template_id", json_object_new_string(id));
    json_object_object_add(o, key, template_params(conf, p, ch, step, all));
    return o;
}

/* Notify.SMS.URL: a JSON POST with the brand name, the registered template
 * and its parameters, the text, and the key (header Idempotency-Key and field
 * request_id) that lets the gateway drop a repeat. */
static struct attempt
sms_send(HDF *conf, struct pool *p, const char *idem, const char *to, const char *step,
         const char *text, json_object *all)
{
    struct attempt a = { RETRY, NULL, 0 };
    int unicode = (int)conf_int(conf, pool_printf(p, "Notify.SMS.Template.%s.Unicode", step), 1);
    const char *msg = unicode ? text : notify_fold(p, text);
    json_object *o = template_request(conf, p, "SMS", step, to, "params", all);
    struct curl_slist *hd = NULL;
    struct buf answer = { 0 };
    long status;

    a.segments = notify_sms_segments(msg, unicode);
    json_object_object_add(o, "brandname",
                           json_object_new_string(conf_str(conf, "Notify.SMS.Brand", "")));
    json_object_object_add(o, "message", json_object_new_string(msg));
    json_object_object_add(o, "unicode", json_object_new_int(unicode));
    json_object_object_add(o, "request_id", json_object_new_string(idem));
    hd = curl_slist_append(hd, "Content-Type: application/json");
    hd = curl_slist_append(hd, pool_printf(p, "Authorization: Bearer %s",
                                           conf_str(conf, "Notify.SMS.Key", "")));
    hd = curl_slist_append(hd, pool_printf(p, "Idempotency-Key: %s", idem));
    http_post(conf, conf_str(conf, "Notify.SMS.URL", ""), hd,
              json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN), &status, &answer);
    a.out = by_status(status);
    a.answer = keep(p, pool_printf(p, "%ld ", status), &answer);
    buf_free(&answer);
    curl_slist_free_all(hd);
    json_object_put(o);
    return a;
}

/* The Zalo access token, refreshed when it has less than ten minutes left:
 * the refresh token serves once, so the new pair is stored in the
 * transaction that holds the old one's row locked.  NULL on failure (*why). */
static const char *
zalo_token(struct db *db, HDF *conf, struct pool *p, const char **why)
{
    struct dbres res;
    struct buf answer = { 0 };
    struct curl_slist *hd = NULL;
    json_object *o = NULL, *acc = NULL, *ref = NULL, *exp = NULL;
    const char *token = NULL;
    long status = 0;
    enum db_rc rc;

    rc = db_query(db, p,
                  "SELECT access_token FROM notify_token WHERE provider = 'zalo'"
                  "   AND expires_at > UTC_TIMESTAMP() + INTERVAL 10 MINUTE",
                  DB_NOARGS, &res);
    if (rc == DB_OK && res.nrows) {
        return dbres_get(&res, 0, 0);
    }
    *why = "zalo token: database";
    if (rc != DB_OK || db_begin(db) != DB_OK) {
        return NULL;
    }
    /* the first refresh token comes from the configuration, once */
    rc = db_exec(db,
                 "INSERT IGNORE INTO notify_token (provider, access_token, refresh_token,"
                 "                                 expires_at, updated_at)"
                 " VALUES ('zalo', '', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
                 DB_ARGS(DV_S(conf_str(conf, "Notify.Zalo.RefreshToken", ""))), NULL, NULL);
    if (rc == DB_OK) {
        rc = db_query(db, p,
                      "SELECT refresh_token FROM notify_token WHERE provider = 'zalo' FOR UPDATE",
                      DB_NOARGS, &res);
    }
    if (rc == DB_OK) {
        hd = curl_slist_append(hd, "Content-Type: application/x-www-form-urlencoded");
        hd = curl_slist_append(hd, pool_printf(p, "secret_key: %s",
                                               conf_str(conf, "Notify.Zalo.SecretKey", "")));
        http_post(conf,
                  conf_str(conf, "Notify.Zalo.TokenURL",
                           "https://oauth.zaloapp.com/v4/oa/access_token"),
                  hd,
                  pool_printf(p, "app_id=%s&grant_type=refresh_token&refresh_token=%s",
                              conf_str(conf, "Notify.Zalo.AppId", ""), dbres_get(&res, 0, 0)),
                  &status, &answer);
        o = status == 200 && answer.p ? json_tokener_parse(answer.p) : NULL;
        json_object_object_get_ex(o, "access_token", &acc);
        json_object_object_get_ex(o, "refresh_token", &ref);
        json_object_object_get_ex(o, "expires_in", &exp);
        *why = keep(p, pool_printf(p, "zalo token: %ld ", status), &answer);
    }
    if (rc == DB_OK && acc && ref && *json_object_get_string(ref)) {
        token = pool_strdup(p, json_object_get_string(acc));
        rc = db_exec(db,
                     "UPDATE notify_token SET access_token = ?, refresh_token = ?,"
                     "       expires_at = UTC_TIMESTAMP() + INTERVAL ? SECOND,"
                     "       updated_at = UTC_TIMESTAMP()"
                     " WHERE provider = 'zalo'",
                     DB_ARGS(DV_S(token), DV_S(json_object_get_string(ref)),
                             DV_I(exp ? json_object_get_int64(exp) : 3600)),
                     NULL, NULL);
    } else if (rc == DB_OK) {
        rc = DB_ERR; /* the refresh token stays as it was */
    }
    if (db_end(db, rc) != DB_OK) {
        token = NULL;
    }
    json_object_put(o);
    curl_slist_free_all(hd);
    buf_free(&answer);
    return token;
}

/* Notify.Zalo.URL: a ZNS template message to a phone through the official
 * account; tracking_id carries the key. */
static struct attempt
zalo_send(struct db *db, HDF *conf, struct pool *p, const char *idem, const char *to,
          const char *step, json_object *all)
{
    struct attempt a = { RETRY, NULL, 0 };
    const char *why = NULL, *token = zalo_token(db, conf, p, &why);
    json_object *o, *ans = NULL, *err = NULL;
    struct curl_slist *hd = NULL;
    struct buf answer = { 0 };
    long status;

    if (token == NULL) {
        a.answer = why;
        return a;
    }
    o = template_request(conf, p, "Zalo", step, to, "template_data", all);
    json_object_object_add(o, "tracking_id", json_object_new_string(idem));
    hd = curl_slist_append(hd, "Content-Type: application/json");
    hd = curl_slist_append(hd, pool_printf(p, "access_token: %s", token));
    http_post(conf,
              conf_str(conf, "Notify.Zalo.URL",
                       "https://business.openapi.zalo.me/message/template"),
              hd, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN), &status, &answer);
    a.out = by_status(status);
    if (a.out == SENT) {
        /* ZNS answers 200 with its own error code: 0 is sent */
        ans = answer.p ? json_tokener_parse(answer.p) : NULL;
        json_object_object_get_ex(ans, "error", &err);
        if (err == NULL || json_object_get_int(err) != 0) {
            a.out = RETRY;
            if (err && json_object_get_int(err) == -124) {
                /* the access token was refused: refresh it before the next try */
                db_exec(db,
                        "UPDATE notify_token SET expires_at = UTC_TIMESTAMP()"
                        " WHERE provider = 'zalo'",
                        DB_NOARGS, NULL, NULL);
            }
        }
        json_object_put(ans);
    }
    a.answer = keep(p, pool_printf(p, "%ld ", status), &answer);
    buf_free(&answer);
    curl_slist_free_all(hd);
    json_object_put(o);
    return a;
}

/* ---- the run --------------------------------------------------------------- */

/* How many messages the recipient was sent this local day (UTC+7). */
static enum db_rc
sent_today(struct db *db, struct pool *p, const char *to, long long *n)
{
    struct dbres res;
    enum db_rc rc = db_query(db, p,
                             "SELECT COUNT(*) FROM notification WHERE recipient = ?"
                             "   AND state = 'sent' AND sent_at >="
                             "       TIMESTAMP(" SQL_VN_TODAY ")"
                             "       - " SQL_VN_OFFSET,
                             DB_ARGS(DV_S(to)), &res);

    *n = rc == DB_OK ? util_num(dbres_get(&res, 0, 0)) : 0;
    return rc;
}

static enum db_rc
record(struct db *db, HDF *conf, const char *id, long long attempts, const struct attempt *a)
{
    long long max = conf_int(conf, "Notify.MaxAttempts", 10);
    long long wait = conf_int(conf, "Notify.RetrySeconds", 60);
    int last = a->out == FAILED || attempts + 1 >= max;

    if (a->out == SENT) {
        return db_exec(db,
                       "UPDATE notification SET state = 'sent', sent_at = UTC_TIMESTAMP(),"
                       "       attempts = attempts + 1, answer = ?, segments = ?"
                       " WHERE id = ?",
                       DB_ARGS(DV_S(a->answer), a->segments ? DV_I(a->segments) : DV_NULL,
                               DV_S(id)),
                       NULL, NULL);
    }
    /* exponential backoff: the wait doubles per attempt, at most a day */
    for (long long i = 0; i < attempts && wait < 86400; i++) {
        wait *= 2;
    }
    return db_exec(db,
                   "UPDATE notification SET state = IF(? = 1, 'failed', 'queued'),"
                   "       attempts = attempts + 1, answer = ?,"
                   "       next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND"
                   " WHERE id = ?",
                   DB_ARGS(DV_I(last), DV_S(a->answer), DV_I(wait < 86400 ? wait : 86400),
                           DV_S(id)),
                   NULL, NULL);
}

/* Columns of the queued messages notify_send reads. */
enum queued_col {
    QD_ID,
    QD_IDEM_KEY,
    QD_CHANNEL,
    QD_RECIPIENT,
    QD_STEP,
    QD_SUBJECT,
    QD_BODY,
    QD_PARAMS,
    QD_ATTEMPTS
};

int
notify_send(struct db *db, HDF *conf, struct pool *p, struct send_report *out)
{
    long long cap = conf_int(conf, "Notify.DailyCap", 20);
    unsigned long long n = 0;
    struct dbres res;
    char host[64] = "", holder[120];
    int got;
    enum db_rc rc;

    memset(out, 0, sizeof(*out));
    /* the lease: one sender at a time, whichever host runs the timer; a
     * sender that dies frees it after Notify.LeaseSeconds */
    gethostname(host, sizeof(host) - 1);
    snprintf(holder, sizeof(holder), "%s:%ld", host, (long)getpid());
    rc = lease_take(db, p, "notify_send", holder, conf_int(conf, "Notify.LeaseSeconds", 600), &got);
    if (rc != DB_OK) {
        return -1;
    }
    if (!got) {
        out->busy = 1;
        return 0;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    /* what waits for a recipient who said stop goes no further */
    rc = db_exec(db,
                 "UPDATE notification n JOIN notification_optout o ON o.recipient = n.recipient"
                 "   SET n.state = 'stopped' WHERE n.state = 'queued'",
                 DB_NOARGS, &n, NULL);
    out->stopped = (int)n;
    if (rc == DB_OK) {
        rc = db_query(db, p,
                      "SELECT id, idem_key, channel, recipient, step, subject, body,"
                      "       COALESCE(params, '{}'), attempts"
                      "  FROM notification WHERE state = 'queued'"
                      "   AND next_attempt_at <= UTC_TIMESTAMP()"
                      " ORDER BY id LIMIT 200",
                      DB_NOARGS, &res);
    }
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        const char *id = dbres_get(&res, i, QD_ID), *idem = dbres_get(&res, i, QD_IDEM_KEY);
        const char *ch = dbres_get(&res, i, QD_CHANNEL), *to = dbres_get(&res, i, QD_RECIPIENT);
        const char *step = dbres_get(&res, i, QD_STEP);
        json_object *all;
        struct attempt a;
        long long today;

        if ((rc = sent_today(db, p, to, &today)) != DB_OK) {
            break;
        }
        if (today >= cap) {
            /* the day's cap reached: the rest waits for the next local day */
            rc = db_exec(db,
                         "UPDATE notification SET next_attempt_at ="
                         "       TIMESTAMP(" SQL_VN_TODAY ")"
                         "       + INTERVAL 17 HOUR WHERE id = ?",
                         DB_ARGS(DV_S(id)), NULL, NULL);
            out->capped++;
            continue;
        }
        all = json_tokener_parse(dbres_get(&res, i, QD_PARAMS));
        if (strcmp(ch, "sms") == 0) {
            a = sms_send(conf, p, idem, to, step, dbres_get(&res, i, QD_BODY), all);
        } else if (strcmp(ch, "zalo") == 0) {
            a = zalo_send(db, conf, p, idem, to, step, all);
        } else {
            a = mail_send(conf, p, id, idem, to, dbres_get(&res, i, QD_SUBJECT),
                          dbres_get(&res, i, QD_BODY));
        }
        json_object_put(all);
        rc = record(db, conf, id, util_num(dbres_get(&res, i, QD_ATTEMPTS)), &a);
        if (a.out == SENT) {
            out->sent++;
            out->segments += a.segments;
        } else if (a.out == FAILED || util_num(dbres_get(&res, i, QD_ATTEMPTS)) + 1 >=
                                          conf_int(conf, "Notify.MaxAttempts", 10)) {
            out->failed++;
        } else {
            out->retry++;
        }
    }
    lease_release(db, "notify_send", holder);
    curl_global_cleanup();
    return rc == DB_OK ? 0 : -1;
}
