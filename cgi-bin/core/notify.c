/* notify.c — the outbox's writing side: which channels a step goes by, the
 * Vietnamese message, its stop link; the officers' "sent" table; the stop.
 * Delivery is motcuactl's (ctl/notify_send.c). */
#include <ctype.h>
#include <json-c/json.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unistr.h>

#include "conf.h"
#include "crypto.h"
#include "notify.h"
#include "render.h"
#include "store_consent.h"
#include "store_dossier.h"
#include "token.h"
#include "util.h"

const char *const notify_steps[NS__COUNT] = { "fb_received", "fb_info",  "fb_answered",
                                              "fb_reopened", "received", "supplement",
                                              "apology",     "ready",    "returned" };

/* ---- pure helpers --------------------------------------------------------- */

/* GSM 03.38's basic set (one septet) and its extension (two: escape + char),
 * the characters of Vietnamese text without diacritics need no more. */
static int
gsm_septets(ucs4_t c)
{
    static const char basic[] = "@$\n\r_ !\"#%&'()*+,-./0123456789:;<=>?"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static const char ext[] = "^{}\\[~]|";

    if (c < 128 && c != 0 && strchr(basic, (int)c)) {
        return 1;
    }
    if (c < 128 && c != 0 && strchr(ext, (int)c)) {
        return 2;
    }
    /* £ ¥ è é ù ì ò Ç Ø ø Å å Ä Ö Ñ Ü § ¿ ä ö ñ ü à É Æ æ ß ¡ ¤ Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ */
    switch (c) {
    case 0xA3:
    case 0xA5:
    case 0xE8:
    case 0xE9:
    case 0xF9:
    case 0xEC:
    case 0xF2:
    case 0xC7:
    case 0xD8:
    case 0xF8:
    case 0xC5:
    case 0xE5:
    case 0xC4:
    case 0xD6:
    case 0xD1:
    case 0xDC:
    case 0xA7:
    case 0xBF:
    case 0xE4:
    case 0xF6:
    case 0xF1:
    case 0xFC:
    case 0xE0:
    case 0xC9:
    case 0xC6:
    case 0xE6:
    case 0xDF:
    case 0xA1:
    case 0xA4:
    case 0x394:
    case 0x3A6:
    case 0x393:
    case 0x39B:
    case 0x3A9:
    case 0x3A0:
    case 0x3A8:
    case 0x3A3:
    case 0x398:
    case 0x39E: return 1;
    case 0x20AC: return 2;
    default: return 0;
    }
}

int
notify_sms_segments(const char *text, int unicode)
{
    size_t len = strlen(text), i = 0, septets = 0, units = 0;
    int gsm = !unicode;

    while (i < len) {
        ucs4_t c;
        int n = u8_mbtouc(&c, (const uint8_t *)text + i, len - i);
        int s = gsm_septets(c);

        if (s == 0) {
            gsm = 0;
        }
        septets += (size_t)s;
        units += c > 0xFFFF ? 2 : 1; /* UCS-2 as UTF-16: a surrogate pair is two */
        i += (size_t)(n > 0 ? n : 1);
    }
    if (gsm) {
        return septets <= 160 ? 1 : (int)((septets + 152) / 153);
    }
    return units <= 70 ? 1 : (int)((units + 66) / 67);
}

char *
notify_fold(struct pool *p, const char *text)
{
    size_t len = 0, i = 0;
    uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)text, strlen(text), NULL, &len);
    char *out, *o;

    if (nfd == NULL) {
        return pool_strdup(p, text);
    }
    out = o = pool_alloc(p, len + 1);
    while (i < len) {
        ucs4_t c;
        int n = u8_mbtouc(&c, nfd + i, len - i);

        if (c >= 0x300 && c <= 0x36F) {
            /* the tone or the hat goes, the letter stays */
        } else if (c == 0x110 || c == 0x111) {
            *o++ = c == 0x110 ? 'D' : 'd';
        } else {
            memcpy(o, nfd + i, (size_t)n);
            o += n;
        }
        i += (size_t)(n > 0 ? n : 1);
    }
    *o = '\0';
    free(nfd);
    return out;
}

char *
notify_render(struct pool *p, const char *fmt, const char *const *names, const char *const *values,
              size_t n)
{
    struct buf b = { 0 };
    const char *s = fmt;
    char *out;

    while (*s) {
        const char *close = *s == '{' ? strchr(s, '}') : NULL;
        size_t k = n;

        if (close) {
            for (k = 0; k < n; k++) {
                if (strlen(names[k]) == (size_t)(close - s - 1) &&
                    strncmp(names[k], s + 1, (size_t)(close - s - 1)) == 0) {
                    break;
                }
            }
        }
        if (k < n) {
            buf_adds(&b, values[k] ? values[k] : "");
            s = close + 1;
        } else {
            buf_addc(&b, *s++);
        }
    }
    out = pool_strdup(p, b.p ? b.p : "");
    buf_free(&b);
    return out;
}

char *
notify_phone(struct pool *p, const char *phone)
{
    char d[24];
    size_t n = 0;

    for (const char *s = phone ? phone : ""; *s; s++) {
        if (isdigit((unsigned char)*s)) {
            if (n + 1 >= sizeof(d)) {
                return NULL;
            }
            d[n++] = *s;
        } else if (!strchr(" .-+()", *s)) {
            return NULL;
        }
    }
    d[n] = '\0';
    /* 0xxxxxxxxx (10 digits) or 84xxxxxxxxx: mobiles have 9 digits after the prefix */
    if (n == 10 && d[0] == '0') {
        return pool_printf(p, "84%s", d + 1);
    }
    if (n == 11 && strncmp(d, "84", 2) == 0) {
        return pool_strdup(p, d);
    }
    return NULL;
}

char *
notify_mask(struct pool *p, const char *to)
{
    const char *at = strchr(to, '@');
    size_t n = strlen(to);

    if (at) {
        return pool_printf(p, "%.1s***%s", to, at);
    }
    return n > 6 ? pool_printf(p, "%.3s****%s", to, to + n - 3) : pool_strdup(p, "****");
}

/* ---- the stop link -------------------------------------------------------- */

void
notify_stop_token(const unsigned char secret[32], const char *idem, char *out)
{
    unsigned char m[8];

    mac(secret, "notify-stop", idem, 32, m, sizeof(m));
    memcpy(out, idem, 32);
    hex_encode(out + 32, m, sizeof(m));
    out[NOTIFY_STOP_LEN] = '\0';
}

int
notify_stop_check(const unsigned char secret[32], const char *tok, char *idem_out)
{
    char want[NOTIFY_STOP_LEN + 1];

    if (tok == NULL || strlen(tok) != NOTIFY_STOP_LEN) {
        return -1;
    }
    for (const char *s = tok; *s; s++) {
        if (!isxdigit((unsigned char)*s) || isupper((unsigned char)*s)) {
            return -1;
        }
    }
    notify_stop_token(secret, tok, want);
    if (sodium_memcmp(want, tok, NOTIFY_STOP_LEN) != 0) {
        return -1;
    }
    memcpy(idem_out, tok, 32);
    idem_out[32] = '\0';
    return 0;
}

enum db_rc
notify_stop_find(struct sctx *x, const char *idem, const char **masked)
{
    struct dbres res;
    enum db_rc rc = db_query(x->db, x->pool,
                             "SELECT recipient FROM notification WHERE idem_key = ?",
                             DB_ARGS(DV_S(idem)), &res);

    *masked = rc == DB_OK && res.nrows ? notify_mask(x->pool, dbres_get(&res, 0, 0)) : NULL;
    return rc;
}

enum db_rc
notify_stop(struct sctx *x, const char *idem)
{
    struct db *db = x->db;
    struct dbres res;
    enum db_rc rc = db_begin(db);

    if (rc == DB_OK) {
        rc = db_query(db, x->pool, "SELECT recipient FROM notification WHERE idem_key = ?",
                      DB_ARGS(DV_S(idem)), &res);
    }
    if (rc == DB_OK && res.nrows) {
        rc = db_exec(db,
                     "INSERT IGNORE INTO notification_optout (recipient, created_at)"
                     " VALUES (?, UTC_TIMESTAMP())",
                     DB_ARGS(DV_S(dbres_get(&res, 0, 0))), NULL, NULL);
        if (rc == DB_OK) {
            /* what still waits goes no further */
            rc = db_exec(db,
                         "UPDATE notification SET state = 'stopped'"
                         " WHERE recipient = ? AND state = 'queued'",
                         DB_ARGS(DV_S(dbres_get(&res, 0, 0))), NULL, NULL);
        }
    }
    return db_end(db, rc);
}

const char *
notify_consent_wording(struct req *r)
{
    return pool_printf(&r->pool, "%s-%s", r->lang, lang_str(r, "Consent.Version"));
}

/* ---- queueing ------------------------------------------------------------- */

/* What one step says, to whom. */
struct notice {
    const char *object_type;
    long long object_id;
    enum notify_step step;
    const char *email, *phone;
    int confidential;
    const char *code, *date, *link, *detail;
};

/* The message's parameters, as the templates name them. */
enum { P_CODE, P_DATE, P_LINK, P_STOP, P_DETAIL, P__COUNT };
static const char *const param_names[P__COUNT] = { "code", "date", "link", "stop", "detail" };

static const char *
vi(struct sctx *x, const struct notice *n, const char *what)
{
    return app_paper_str(x->app, pool_printf(x->pool, "Notify.%s.%s", notify_steps[n->step], what));
}

/* One row: its key, its stop link and its text, per channel. */
static enum db_rc
queue_one(struct sctx *x, const struct notice *n, const char *channel, const char *to)
{
    struct dbres res;
    char idem[33], stop[NOTIFY_STOP_LEN + 1];
    const char *values[P__COUNT];
    const char *subject = "", *body;
    json_object *params;
    enum db_rc rc;

    rc = db_query(x->db, x->pool, "SELECT 1 FROM notification_optout WHERE recipient = ?",
                  DB_ARGS(DV_S(to)), &res);
    if (rc != DB_OK || res.nrows) {
        return rc; /* the citizen said stop */
    }
    random_hex(idem, 16);
    notify_stop_token(x->app->secret, idem, stop);
    values[P_CODE] = n->code;
    values[P_DATE] = n->date ? n->date : "";
    values[P_LINK] = n->link;
    values[P_STOP] = pool_printf(x->pool, "%s/ngung-nhan-tin/%s",
                                 conf_str(x->app->conf, "Site.BaseURL", ""), stop);
    /* a confidential sender's message names the case, never what it says */
    values[P_DETAIL] = n->detail && !n->confidential ? n->detail : "";
    if (strcmp(channel, "email") == 0) {
        struct buf b = { 0 };

        subject = notify_render(x->pool, vi(x, n, "Subject"), param_names, values, P__COUNT);
        buf_printf(&b, "%s\n\n",
                   notify_render(x->pool, vi(x, n, "Text"), param_names, values, P__COUNT));
        if (*values[P_DETAIL]) {
            buf_printf(&b, "%s\n\n", values[P_DETAIL]);
        }
        buf_printf(&b, "%s\n%s\n\n%s:\n%s\n", app_paper_str(x->app, "Notify.Follow"), n->link,
                   app_paper_str(x->app, "Notify.Stop"), values[P_STOP]);
        body = pool_strdup(x->pool, b.p);
        buf_free(&b);
    } else {
        /* the short text; the provider's registered template is what shows */
        body = pool_printf(x->pool, "%s %s",
                           notify_render(x->pool, vi(x, n, "Text"), param_names, values, P__COUNT),
                           n->link);
    }
    params = json_object_new_object();
    for (size_t i = 0; i < P__COUNT; i++) {
        json_object_object_add(params, param_names[i], json_object_new_string(values[i]));
    }
    rc = db_exec(x->db,
                 "INSERT INTO notification (idem_key, channel, recipient, step, object_type,"
                 "                          object_id, confidential, subject, body, params,"
                 "                          state, created_at, next_attempt_at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', UTC_TIMESTAMP(),"
                 "         UTC_TIMESTAMP())",
                 DB_ARGS(DV_S(idem), DV_S(channel), DV_S(to), DV_S(notify_steps[n->step]),
                         DV_S(n->object_type), DV_I(n->object_id), DV_I(n->confidential),
                         DV_S(subject), DV_S(body),
                         DV_S(json_object_to_json_string_ext(params, JSON_C_TO_STRING_PLAIN))),
                 NULL, NULL);
    json_object_put(params);
    return rc;
}

/* A channel by phone is on when its provider is configured and has a
 * template registered for the step. */
static int
phone_channel(struct sctx *x, const char *ch, enum notify_step step)
{
    return *conf_str(x->app->conf, pool_printf(x->pool, "Notify.%s.URL", ch), "") &&
           *conf_str(x->app->conf,
                     pool_printf(x->pool, "Notify.%s.Template.%s.Id", ch, notify_steps[step]), "");
}

static enum db_rc
queue(struct sctx *x, const struct notice *n)
{
    const char *phone = notify_phone(x->pool, n->phone);
    enum db_rc rc = DB_OK;

    if (n->email && util_email_ok(n->email) && conf_int(x->app->conf, "Notify.Email", 1)) {
        rc = queue_one(x, n, "email", n->email);
    }
    if (rc == DB_OK && phone && phone_channel(x, "SMS", n->step)) {
        rc = queue_one(x, n, "sms", phone);
    }
    if (rc == DB_OK && phone && phone_channel(x, "Zalo", n->step)) {
        rc = queue_one(x, n, "zalo", phone);
    }
    return rc;
}

/* Not a training unit's (sql/050_training.sql): no message ever leaves for a
 * rehearsal. */
#define NOT_TRAINING(unit_col) \
    " NOT EXISTS (SELECT 1 FROM org_unit tu WHERE tu.id = " unit_col " AND tu.training = 1)"

/* A case's notice; contact 1: its e-mail and phone are read from the case,
 * 0: the caller's email and phone are used. */
/* the columns of the SELECT below (contact 0 reads the first four) */
enum { CN_IDENTITY, CN_CODE, CN_LINK, CN_DUE, CN_EMAIL, CN_PHONE };

static enum db_rc
case_notice(struct sctx *x, long long id, enum notify_step step, const char *detail, int contact,
            const char *email, const char *phone)
{
    struct notice n = { "feedback", id, step, NULL, NULL, 0, NULL, NULL, NULL, detail };
    struct dbres res;
    enum db_rc rc;

    /* the link carries the case's link key: it opens the case even while
     * typed look-ups of its code are paused */
    rc = db_query(x->db, x->pool,
                  contact ? "SELECT identity, CONCAT(code, '-', check_part),"
                            "       CONCAT(code, '-', check_part, COALESCE(CONCAT('?k=', "
                            "link_key), '')),"
                            "       DATE_FORMAT(due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                            "       contact_email, contact_phone"
                            "  FROM feedback WHERE id = ? AND" NOT_TRAINING(
                                "unit_id") "   AND" CONSENT_NOTIFY("feedback", "feedback.id")
                          : "SELECT identity, CONCAT(code, '-', check_part),"
                            "       CONCAT(code, '-', check_part, COALESCE(CONCAT('?k=', "
                            "link_key), '')),"
                            "       DATE_FORMAT(due_at + " SQL_VN_OFFSET ", '%d/%m/%Y')"
                            "  FROM feedback WHERE id = ? AND" NOT_TRAINING(
                                "unit_id") "   AND" CONSENT_NOTIFY("feedback", "feedback.id"),
                  DB_ARGS(DV_I(id)), &res);
    if (rc != DB_OK || res.nrows == 0 ||
        strcmp(dbres_get(&res, 0, CN_IDENTITY), "anonymous") == 0) {
        return rc; /* an anonymous sender is never written to */
    }
    n.confidential = strcmp(dbres_get(&res, 0, CN_IDENTITY), "confidential") == 0;
    n.code = dbres_get(&res, 0, CN_CODE);
    n.link = pool_printf(x->pool, "%s/phan-anh/%s", conf_str(x->app->conf, "Site.BaseURL", ""),
                         dbres_get(&res, 0, CN_LINK));
    n.date = dbres_get(&res, 0, CN_DUE);
    n.email = contact ? dbres_get(&res, 0, CN_EMAIL) : email;
    n.phone = contact ? dbres_get(&res, 0, CN_PHONE) : phone;
    return queue(x, &n);
}

enum db_rc
notify_case(struct sctx *x, long long id, enum notify_step step, const char *detail)
{
    return case_notice(x, id, step, detail, 1, NULL, NULL);
}

enum db_rc
notify_case_filed(struct sctx *x, long long id, const char *email, const char *phone)
{
    if ((email == NULL || *email == '\0') && (phone == NULL || *phone == '\0')) {
        return DB_OK; /* nowhere to write to: the case is not even read */
    }
    return case_notice(x, id, NS_FB_RECEIVED, NULL, 0, email, phone);
}

enum { ND_EMAIL, ND_PHONE, ND_CODE, ND_DUE, ND_NONCE }; /* the columns of the SELECT below */

enum db_rc
notify_dossier(struct sctx *x, long long id, enum notify_step step, const char *detail)
{
    struct notice n = { "dossier", id, step, NULL, NULL, 0, NULL, NULL, NULL, detail };
    struct dbres res;
    char tok[TOKEN_LEN + 1];
    enum db_rc rc;

    rc = db_query(x->db, x->pool,
                  "SELECT d.applicant_email, d.applicant_phone, d.code,"
                  "       DATE_FORMAT(d.due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                  "       (SELECT q.nonce FROM qr_link q WHERE q.dossier_id = d.id"
                  "           AND q.revoked_at IS NULL ORDER BY q.id DESC LIMIT 1)"
                  "  FROM dossier d WHERE d.id = ? AND" NOT_TRAINING(
                      "d.unit_id") "   AND" CONSENT_NOTIFY("dossier", "d.id"),
                  DB_ARGS(DV_I(id)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    n.email = dbres_get(&res, 0, ND_EMAIL);
    n.phone = dbres_get(&res, 0, ND_PHONE);
    n.code = dbres_get(&res, 0, ND_CODE);
    n.date = dbres_get(&res, 0, ND_DUE);
    if (dbres_get(&res, 0, ND_NONCE)) {
        /* the receipt's link: the dossier's QR token */
        token_from_nonce(x->app->secret, dbres_get(&res, 0, ND_NONCE), tok);
        n.link =
            pool_printf(x->pool, "%s/ho-so/%s", conf_str(x->app->conf, "Site.BaseURL", ""), tok);
    } else {
        n.link = pool_printf(x->pool, "%s/ho-so/", conf_str(x->app->conf, "Site.BaseURL", ""));
    }
    return queue(x, &n);
}

enum db_rc
notify_dossier_move(struct sctx *x, long long id, int move, const char *note)
{
    switch (move) {
    case DM_SUPPLEMENT: return notify_dossier(x, id, NS_SUPPLEMENT, note);
    case DM_READY: return notify_dossier(x, id, NS_READY, NULL);
    case DM_RETURN: return notify_dossier(x, id, NS_RETURNED, NULL);
    default: return DB_OK;
    }
}

enum db_rc
notify_mail(struct sctx *x, long long dossier_id, const char *step, const char *to,
            const char *subject, const char *body)
{
    struct dbres res;
    char idem[33];
    enum db_rc rc;

    rc = db_query(x->db, x->pool,
                  "SELECT 1 FROM notification_optout WHERE recipient = ?"
                  " UNION ALL SELECT 1 FROM dossier d JOIN org_unit tu ON tu.id = d.unit_id"
                  "  WHERE d.id = ? AND tu.training = 1",
                  DB_ARGS(DV_S(to), DV_I(dossier_id)), &res);
    if (rc != DB_OK || res.nrows) {
        return rc; /* the recipient said stop, or a training unit's dossier */
    }
    random_hex(idem, 16);
    return db_exec(x->db,
                   "INSERT INTO notification (idem_key, channel, recipient, step, object_type,"
                   "                          object_id, subject, body, state, created_at,"
                   "                          next_attempt_at)"
                   " VALUES (?, 'email', ?, ?, 'dossier', ?, ?, ?, 'queued', UTC_TIMESTAMP(),"
                   "         UTC_TIMESTAMP())",
                   DB_ARGS(DV_S(idem), DV_S(to), DV_S(step), DV_I(dossier_id), DV_S(subject),
                           DV_S(body)),
                   NULL, NULL);
}

/* ---- the officers' table -------------------------------------------------- */

/* Columns of the messages notify_sent reads and notify_hdf shows. */
enum sent_col {
    SENT_AT,
    SENT_CHANNEL,
    SENT_STEP,
    SENT_STATE,
    SENT_RECIPIENT,
    SENT_CONFIDENTIAL,
    SENT_ATTEMPTS,
    SENT_SEGMENTS,
    SENT_ANSWER
};

enum db_rc
notify_sent(struct sctx *x, const char *object_type, long long id, struct dbres *out)
{
    return db_query(x->db, x->pool,
                    "SELECT DATE_FORMAT(COALESCE(sent_at, created_at) + " SQL_VN_OFFSET
                    ", '%d/%m/%Y "
                    "%H:%i'),"
                    "       channel, step, state,"
                    "       recipient, confidential, attempts, COALESCE(segments, ''),"
                    "       COALESCE(answer, '')"
                    "  FROM notification WHERE object_type = ? AND object_id = ?"
                    " ORDER BY id DESC LIMIT 50",
                    DB_ARGS(DV_S(object_type), DV_I(id)), out);
}

enum db_rc
notify_hdf(struct req *r, const char *object_type, long long id, int show_to)
{
    struct dbres res;
    enum db_rc rc = notify_sent(req_sctx(r), object_type, id, &res);

    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        const char *to = dbres_get(&res, i, SENT_RECIPIENT);
        const char *pre = pool_printf(&r->pool, "Page.Sent.%zu", i);
        /* the provider's answer may repeat the number: masked rows show neither */
        int masked = !show_to && strcmp(dbres_get(&res, i, SENT_CONFIDENTIAL), "1") == 0;

        hset(r, pool_printf(&r->pool, "%s.At", pre), dbres_get(&res, i, SENT_AT));
        hset(r, pool_printf(&r->pool, "%s.Channel", pre), dbres_get(&res, i, SENT_CHANNEL));
        hset(r, pool_printf(&r->pool, "%s.Step", pre), dbres_get(&res, i, SENT_STEP));
        hset(r, pool_printf(&r->pool, "%s.State", pre), dbres_get(&res, i, SENT_STATE));
        hset(r, pool_printf(&r->pool, "%s.To", pre), masked ? notify_mask(&r->pool, to) : to);
        hset(r, pool_printf(&r->pool, "%s.Attempts", pre), dbres_get(&res, i, SENT_ATTEMPTS));
        hset(r, pool_printf(&r->pool, "%s.Segments", pre), dbres_get(&res, i, SENT_SEGMENTS));
        hset(r, pool_printf(&r->pool, "%s.Answer", pre),
             masked ? "" : dbres_get(&res, i, SENT_ANSWER));
    }
    return rc;
}
