/* citizen — the public program: home page, QR landing and rating, feedback
 * and complaints, tracking, public statistics, QR posters (docs/architecture.md §1).
 * Database account: motcua_citizen (no access to sessions or staff data).
 * Store: store_dossier.h (a dossier's public page, which view_dossier.h
 * shows, and look-up), store_feedback.h (ratings, filing and tracking a case;
 * case_fsm.h says what the citizen may do on it), store_report.h (the public
 * figures), store_procedure.h (the catalogue's pages and fields),
 * store_unit.h (the directory, the units a case may go to), store_datareq.h
 * (the data held about a case or a dossier, and the citizen's requests over
 * it), store_consent.h (consent to messages).  Never store_case.h nor
 * session.h: the account may file a case and give its verdict
 * on the answer, no more, and cannot read sessions (sql/grants.sql). */
#include <ctype.h>
#include <string.h>

#include "calendar.h"
#include "case_fsm.h"
#include "codes.h"
#include "conf.h"
#include "crypto.h"
#include "db.h"
#include "fb_rules.h"
#include "form.h"
#include "fsm.h"
#include "http.h"
#include "input.h"
#include "notify.h"
#include "qr.h"
#include "qrlink.h"
#include "ratebatch.h"
#include "ratelimit.h"
#include "render.h"
#include "retention.h"
#include "search.h"
#include "staff_mark.h"
#include "stats.h"
#include "store_consent.h"
#include "store_datareq.h"
#include "store_dossier.h"
#include "store_feedback.h"
#include "store_procedure.h"
#include "store_report.h"
#include "store_search.h"
#include "store_unit.h"
#include "store_user.h"
#include "token.h"
#include "util.h"
#include "view_dossier.h"
#include "view_feedback.h"
#include "view_report.h"
#include "worker.h"

#define MAX_COMMENT_CHARS 1000

static const char *const criteria[] = { "attitude", "time", "trips", "guidance" };

/* A rating, from a QR page (level or level2: the two rows of faces) or a kiosk
 * (level, then on a second screen ref and the criteria); the c_* fields in the
 * order of criteria[]. */
enum {
    R_LEVEL,
    R_LEVEL2,
    R_ATTITUDE,
    R_TIME,
    R_TRIPS,
    R_GUIDANCE,
    R_COMMENT,
    R_WEBSITE,
    R_REF,
    R_STEP,
    R__MAX
};

static const struct fld rating_fields[R__MAX] = {
    [R_LEVEL] = { "level", V_INT, 0, 1, 3, NULL, "Qr.LevelMissing" },
    [R_LEVEL2] = { "level2", V_INT, 0, 1, 3, NULL, "Qr.LevelMissing" },
    [R_ATTITUDE] = { "c_attitude", V_INT, 0, 1, 3, NULL, "Qr.CriterionBad" },
    [R_TIME] = { "c_time", V_INT, 0, 1, 3, NULL, "Qr.CriterionBad" },
    [R_TRIPS] = { "c_trips", V_INT, 0, 1, 3, NULL, "Qr.CriterionBad" },
    [R_GUIDANCE] = { "c_guidance", V_INT, 0, 1, 3, NULL, "Qr.CriterionBad" },
    [R_COMMENT] = { "comment", V_LINES, 0, 1, MAX_COMMENT_CHARS, NULL, "Qr.CommentTooLong" },
    [R_WEBSITE] = { "website", V_LINES, 0, 0, 1 << 20, NULL, NULL }, /* the honeypot */
    [R_REF] = { "ref", V_CODE, 0, 16, 16, NULL, NULL },
    [R_STEP] = { "buoc", V_FLAG, 0, 0, 0, NULL, NULL },
};

static const char *
client_hash(struct req *r)
{
    unsigned char h[8];
    char *out = pool_alloc(&r->pool, 17);

    mac(r->app->secret, "client", r->remote_addr, strlen(r->remote_addr), h, sizeof(h));
    hex_encode(out, h, sizeof(h));
    return out;
}

static const char *
fresh_idem(struct req *r)
{
    char *k = pool_alloc(&r->pool, 33);

    random_hex(k, 16);
    return k;
}

/* An idempotency key from a form: 32 hex digits, else none. */
static const char *
form_idem(struct req *r)
{
    const char *k = req_form(r, "idem");

    if (k == NULL || strlen(k) != 32 || strspn(k, "0123456789abcdef") != 32) {
        return NULL;
    }
    return k;
}

static const char *pct(struct req *r, long long part, long long whole);

/* ---- home -------------------------------------------------------------- */

/* The units that have counters (or only the unit named by code, counters or
 * not: *unit_id is its id, 0 when there is none), their counters with the
 * rating link and, for the directory, the officers on duty (name and title,
 * as on their badge):
 * Page.Units.N.{id,code,name,address,hotline,email,hours,Counters.K.{name,token,Staff}}. */
static enum db_rc
units_hdf(struct req *r, int with_staff, const char *code, long long *unit_id)
{
    struct public_unit *units;
    struct public_counter *counters;
    struct duty_row *staff = NULL;
    size_t nunits, ncounters, nstaff = 0;
    enum db_rc rc;

    rc = unit_list_public(r->app->db, &r->pool, code, &units, &nunits);
    if (unit_id) {
        *unit_id = rc == DB_OK && nunits > 0 ? units[0].id : 0;
    }
    if (rc == DB_OK) {
        rc = counter_list_public(r->app->db, &r->pool, &counters, &ncounters);
    }
    if (rc == DB_OK && with_staff) {
        rc = user_list_on_duty(r->app->db, &r->pool, &staff, &nstaff);
    }
    if (rc != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < nunits; i++) {
        const struct public_unit *u = &units[i];
        const char *const detail[][2] = { { "code", u->code },       { "name", u->name },
                                          { "address", u->address }, { "hotline", u->hotline },
                                          { "email", u->email },     { "hours", u->hours } };
        size_t k = 0;

        hseti(r, pool_printf(&r->pool, "Page.Units.%zu.id", i), u->id);
        for (size_t d = 0; d < NELEM(detail); d++) {
            if (detail[d][1]) { /* a detail not given is left out */
                hset(r, pool_printf(&r->pool, "Page.Units.%zu.%s", i, detail[d][0]), detail[d][1]);
            }
        }
        for (size_t j = 0; j < ncounters; j++) {
            const char *p;
            size_t m = 0;

            if (counters[j].unit_id != u->id) {
                continue;
            }
            p = pool_printf(&r->pool, "Page.Units.%zu.Counters.%zu", i, k++);
            hset(r, pool_printf(&r->pool, "%s.name", p), counters[j].name);
            if (counters[j].nonce) {
                char tok[TOKEN_LEN + 1];

                token_from_nonce(r->app->secret, counters[j].nonce, tok);
                hset(r, pool_printf(&r->pool, "%s.token", p), tok);
            }
            for (size_t s = 0; s < nstaff; s++) {
                if (staff[s].counter_id == counters[j].id) {
                    hset(r, pool_printf(&r->pool, "%s.Staff.%zu.name", p, m), staff[s].full_name);
                    hset(r, pool_printf(&r->pool, "%s.Staff.%zu.title", p, m++), staff[s].title);
                }
            }
        }
    }
    return DB_OK;
}

static int
home(struct req *r)
{
    enum db_rc rc = units_hdf(r, 0, NULL, NULL);

    return rc == DB_OK ? render(r, "home") : db_fail(r, rc);
}

/* A tel: link takes the digits only ("0229 3888 555" → 02293888555). */
static const char *
tel_digits(struct req *r, const char *phone)
{
    char *tel = pool_alloc(&r->pool, strlen(phone) + 1), *t = tel;

    for (; *phone; phone++) {
        if (isdigit((unsigned char)*phone) || (*phone == '+' && t == tel)) {
            *t++ = *phone;
        }
    }
    *t = '\0';
    return tel;
}

/* The notice on personal data (/du-lieu-ca-nhan), linked from every form that
 * collects it: its contact is the province's (Privacy.Contact*) or, without
 * one, the one-stop centre nearest the top. */
static int
privacy_notice(struct req *r)
{
    static const char *const keys[][2] = { { "Privacy.ContactName", "name" },
                                           { "Privacy.ContactPhone", "phone" },
                                           { "Privacy.ContactEmail", "email" },
                                           { "Privacy.ContactAddress", "address" } };
    static const enum ret_kind shown[] = { RET_FEEDBACK_CONTACT, RET_EVIDENCE,
                                           RET_RATING_COMMENT,   RET_DOSSIER_CONTACT,
                                           RET_NOTIFICATION,     RET_RATE_LIMIT };
    long long age[RET__MAX];
    struct top_centre c;
    enum db_rc rc;

    if (*conf_str(r->app->conf, "Privacy.ContactName", "")) {
        for (size_t i = 0; i < NELEM(keys); i++) {
            const char *v = conf_str(r->app->conf, keys[i][0], "");

            if (*v) {
                hset(r, pool_printf(&r->pool, "Page.Contact.%s", keys[i][1]), v);
            }
        }
    } else {
        if ((rc = unit_top_centre(r->app->db, &r->pool, &c)) != DB_OK) {
            return db_fail(r, rc);
        }
        if (c.found) {
            hset(r, "Page.Contact.name", c.name);
            hset(r, "Page.Contact.phone", c.hotline);
            hset(r, "Page.Contact.email", c.email);
            hset(r, "Page.Contact.address", c.address);
        }
    }
    if (hdf_get_value(r->hdf, "Page.Contact.phone", NULL)) {
        hset(r, "Page.Contact.tel", tel_digits(r, hdf_get_value(r->hdf, "Page.Contact.phone", "")));
    }
    /* how long, as motcuactl retention applies it (the same keys) */
    retention_policy(r->app->conf, age);
    for (size_t i = 0; i < NELEM(shown); i++) {
        const struct ret_kind_info *k = retention_kind(shown[i]);
        static const char *const
            units[] = { [RET_DAYS] = "days", [RET_MONTHS] = "months", [RET_YEARS] = "years" };

        hset(r, pool_printf(&r->pool, "Page.Keep.%zu.what", i),
             lang_str(r, pool_printf(&r->pool, "Privacy.Keep.Kind.%s", k->name)));
        hset(r, pool_printf(&r->pool, "Page.Keep.%zu.period", i),
             pool_printf(&r->pool, "%lld %s", age[shown[i]],
                         lang_str(r,
                                  pool_printf(&r->pool, "Privacy.Keep.Unit.%s", units[k->unit]))));
    }
    return render(r, "citizen/privacy");
}

/* ---- QR links ---------------------------------------------------------- */

static int
qr_refused(struct req *r, enum qr_state st)
{
    static const char *const reason[] = { "", "Forged", "Unknown", "Revoked", "Expired" };

    hset(r, "Page.Reason", reason[st]);
    return render_status(r, st == QR_REVOKED || st == QR_EXPIRED ? 410 : 404, "citizen/qr_invalid");
}

/* Resolve r->arg[0]; returns 0 and fills l, or the status already rendered. */
static int
qr_open(struct req *r, struct qrlink *l)
{
    enum qr_state st;
    enum db_rc rc;

    r->arg[0] = code_qr_token(&r->pool, r->arg[0]);   /* "7k2m…" as printed "7K2M…" */
    rc = qrlink_resolve(req_sctx(r), r->arg[0], l, &st);

    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    if (st != QR_OK) {
        return qr_refused(r, st);
    }
    qrlink_hdf(r, l, "Page.Ctx");
    return 0;
}

/* The rating form; the criteria already chosen (when it comes back) stay chosen. */
static void
rate_form_hdf(struct req *r)
{
    struct val v[R__MAX];

    input_check(&r->pool, &r->form, rating_fields, R__MAX, v);
    for (size_t i = 0; i < NELEM(criteria); i++) {
        hset(r, pool_printf(&r->pool, "Page.Criteria.%zu.name", i), criteria[i]);
        if (v[R_ATTITUDE + i].i > 0) {
            hseti(r, pool_printf(&r->pool, "Page.Criteria.%zu.value", i), v[R_ATTITUDE + i].i);
        }
    }
    hset(r, "Page.Idem", form_idem(r) ? form_idem(r) : fresh_idem(r));
}

static int
qr_landing(struct req *r)
{
    struct qrlink l;
    int rc = qr_open(r, &l);

    if (rc != 0) {
        return rc;
    }
    if (l.dossier_id) {
        /* a receipt's QR opens the dossier page; rating comes with the result */
        return resp_redirect(r, pool_printf(&r->pool, "/ho-so/%s", l.token));
    }
    rate_form_hdf(r);
    return render(r, "citizen/qr_rate");
}

static int
rate_again(struct req *r, int status, const char *err_key)
{
    hset(r, "Page.Error", lang_str(r, err_key));
    hset(r, "Page.Comment", req_form(r, "comment"));
    hset(r, "Page.Open", "1");
    rate_form_hdf(r);
    return render_status(r, status, "citizen/qr_rate");
}

/* 1 if a criterion was sent and is not a level; the levels go into in. */
static int
rating_criteria(const struct val *v, struct rating_in *in)
{
    in->c_attitude = (int)v[R_ATTITUDE].i;
    in->c_time = (int)v[R_TIME].i;
    in->c_trips = (int)v[R_TRIPS].i;
    in->c_guidance = (int)v[R_GUIDANCE].i;
    return v[R_ATTITUDE].err || v[R_TIME].err || v[R_TRIPS].err || v[R_GUIDANCE].err;
}

static int dossier_show(struct req *r, const struct qrlink *l, int status);

static int
qr_rate(struct req *r)
{
    HDF *conf = r->app->conf;
    struct qrlink l;
    struct rating_in in = { 0 };
    struct ratelimit limits[2];
    struct val v[R__MAX];
    struct rating_job job;
    struct rating_done done;
    enum rating_result result;
    char ref[17];
    long long staff_id, staff_counter;
    int rc = qr_open(r, &l), lv;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_check(&r->pool, &r->form, rating_fields, R__MAX, v);
    if (v[R_WEBSITE].s) {
        /* a bot filled the honeypot: thank it and store nothing */
        log_info("honeypot filled on rating from %s", r->remote_addr);
        return resp_redirect(r, pool_printf(&r->pool, "/q/%s/cam-on", l.token));
    }
    if (l.dossier_id) {
        /* a dossier is rated with its result in hand (dossier_rate_when) */
        const char *st;
        enum rate_when when;

        if ((dr = dossier_status_by_id(req_sctx(r), l.dossier_id, &st)) != DB_OK) {
            return db_fail(r, dr);
        }
        if (st == NULL) {
            return 404;
        }
        if ((when = dossier_rate_when(st)) != RATE_NOW) {
            hset(r, "Page.Error",
                 lang_str(r, when == RATE_LATER ? "Dossier.RateNotYet" : "Dossier.RateNever"));
            return dossier_show(r, &l, 409);
        }
    }
    if (staff_mark_get(r, &staff_id, &staff_counter) &&
        ((l.officer_id && l.officer_id == staff_id) ||
         (l.counter_id && l.counter_id == staff_counter))) {
        hset(r, "Page.ErrDetail", lang_str(r, "Qr.SelfRating"));
        return 403;
    }
    lv = v[R_LEVEL].s ? R_LEVEL : R_LEVEL2;
    if (v[lv].s == NULL || v[lv].err) {
        return rate_again(r, 422, "Qr.LevelMissing");
    }
    in.level = (int)v[lv].i;
    if (rating_criteria(v, &in)) {
        return rate_again(r, 422, "Qr.CriterionBad");
    }
    if (v[R_COMMENT].err) {
        return rate_again(r, 422, "Qr.CommentTooLong");
    }
    in.comment = v[R_COMMENT].s ? v[R_COMMENT].s : "";
    limits[0] = (struct ratelimit){ RATING_BUCKET_ADDR, r->remote_addr,
                                    (int)conf_int(conf, "Rating.PerAddressPerHour", 30), 1 };
    limits[1] = (struct ratelimit){ RATING_BUCKET_LINK, l.token,
                                    (int)conf_int(conf, "Rating.PerLinkPerHour", 600),
                                    (int)conf_int(conf, "Rating.LinkSlots", 16) };
    in.limits = limits;
    in.idem = form_idem(r);
    in.client_hash = client_hash(r);
    in.channel = "qr";
    in.burst_count = (int)conf_int(conf, "Rating.BurstCount", 8);
    in.burst_seconds = (int)conf_int(conf, "Rating.BurstSeconds", 300);
    in.replace_hours = (int)conf_int(conf, "Rating.ReplaceHours", 72);
    in.replace_ref = req_cookie(r, "mc_rated");
    in.replace_minutes = (int)conf_int(conf, "Rating.ReplaceMinutes", 10);
    if (r->app->helper_sock && rating_job_from(&job, &l, &in)) {
        /* a new rating: the writer stores it with the others of the moment */
        in.idem = job.idem; /* the key it has in the writer, should this fall back */
        if (ratebatch_ask(r->app->helper_sock, (int)conf_int(conf, "Rating.BatchWaitSeconds", 5),
                          &job, &done)) {
            result = (enum rating_result)done.result;
            memcpy(ref, done.ref, sizeof(ref));
            dr = DB_OK;
        } else {
            dr = rating_save(req_sctx(r), &l, &in, ref, &result);
        }
    } else {
        dr = rating_save(req_sctx(r), &l, &in, ref, &result);
    }
    if (dr != DB_OK) {
        return db_fail(r, dr);
    }
    if (result == RATING_LIMITED) {
        hset(r, "Page.ErrDetail", lang_str(r, "Qr.TooMany"));
        return 429;
    }
    if (result == RATING_NEW && !l.dossier_id && in.replace_minutes > 0) {
        /* this browser may change its mind for Rating.ReplaceMinutes after its
         * rating (the database checks the time too) */
        resp_cookie(r, "mc_rated", ref, (long)in.replace_minutes * 60, 1);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/q/%s/cam-on?r=%s%s", l.token, ref,
                                        result == RATING_REPLACED ? "&kq=replaced"
                                        : result == RATING_ALREADY ? "&kq=already" : ""));
}

/* "Điều gì chưa tốt?" after "Không hài lòng": each reason a citizen can tap,
 * and the kind of case it files.  Waiting, documents asked, fees and the
 * result are about receiving and processing the dossier (a petition on the
 * procedure); attitude is about an officer's conduct; for anything else the
 * citizen chooses the kind. */
static const struct {
    const char *code, *kind;
} unhappy_reasons[] = {
    { "wait", "petition" },   { "docs", "petition" },    { "fee", "petition" },
    { "result", "petition" }, { "attitude", "conduct" }, { "other", NULL },
};
static const char *const other_kinds[] = { "petition", "conduct", "suggestion", NULL };

/* The unhappy rating's follow-up on the thanks page: its reference, the
 * comment so far, the reasons, and (for "other") the kinds to choose from. */
static void
unhappy_hdf(struct req *r, const char *ref, const char *comment, int choose_kind)
{
    hseti(r, "Page.Level", 1);
    hset(r, "Page.Ref", ref);
    hset(r, "Page.Comment", comment ? comment : "");
    for (size_t i = 0; i < NELEM(unhappy_reasons); i++) {
        hset(r, pool_printf(&r->pool, "Page.Reasons.%zu", i), unhappy_reasons[i].code);
    }
    if (choose_kind) {
        for (size_t i = 0; other_kinds[i]; i++) {
            hset(r, pool_printf(&r->pool, "Page.Kinds.%zu", i), other_kinds[i]);
        }
    }
}

static const char *const rating_results[] = { "replaced", "already", NULL };

static int
qr_thanks(struct req *r)
{
    /* from the redirect after a rating; a value out of place is ignored */
    static const struct fld q[] = {
        { "r", V_CODE, 0, 16, 16, NULL, NULL },
        { "kq", V_CHOICE, 0, 0, 0, rating_results, NULL },
    };
    struct val v[NELEM(q)];
    struct qrlink l;
    const char *ref, *kq, *comment = NULL;
    long long rating_id;
    int rc = qr_open(r, &l), level = 0;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_query(r, q, NELEM(q), v);
    ref = v[0].s;
    kq = v[1].s;
    if (ref) {
        if ((dr = rating_level(req_sctx(r), ref, l.id, &level, &rating_id, &comment)) != DB_OK) {
            return db_fail(r, dr);
        }
    }
    if (level == 1) {
        unhappy_hdf(r, ref, comment, 0);
    } else if (level) {
        hseti(r, "Page.Level", level);
        hset(r, "Page.Ref", ref);
    }
    if (kq) {
        hset(r, "Page.Result", kq);
    }
    return render(r, "citizen/qr_thanks");
}

/* The case's page after filing: by its link (code and link key), so the
 * citizen's browser holds a way in that a pause of typed look-ups leaves open. */
static int
fb_created(struct req *r, const char *code, const char *key)
{
    return resp_redirect(r, pool_printf(&r->pool, "/phan-anh/%s?moi=1%s%s", code,
                                        *key ? "&k=" : "", key));
}

/* "Không hài lòng" → a reason tapped (and, for "other", a kind) → a tracked
 * anonymous case: information for the unit's leaders, not a formal petition
 * (a petition needs a name, address and phone).  The rating, counter, officer
 * and dossier of the QR are attached. */
enum { QC_REF, QC_COMMENT, QC_REASON, QC_KIND, QC__MAX };

static const struct fld quick_fields[QC__MAX] = {
    [QC_REF] = { "r", V_CODE, 1, 16, 16, NULL, NULL },
    [QC_COMMENT] = { "comment", V_LINES, 0, 1, MAX_COMMENT_CHARS, NULL, NULL },
    [QC_REASON] = { "reason", V_CODE, 0, 1, 16, NULL, NULL },
    [QC_KIND] = { "kind", V_CHOICE, 0, 0, 0, other_kinds, NULL },
};

static int
qr_quick_case(struct req *r)
{
    struct qrlink l;
    struct val v[QC__MAX];
    const char *ref, *comment = NULL, *reason, *kind = NULL, *chosen;
    struct fb_new in = { 0 };
    long long rating_id = 0;
    char code[32], key[TOKEN_NONCE_LEN + 1], idem[33];
    unsigned char h[16];
    int rc = qr_open(r, &l), level = 0;
    size_t i;
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_check(&r->pool, &r->form, quick_fields, QC__MAX, v);
    ref = v[QC_REF].err ? NULL : v[QC_REF].s;
    reason = v[QC_REASON].s;
    chosen = v[QC_KIND].s;
    if (ref == NULL) {
        return 400;
    }
    /* the link may come from the worker's cache with the database gone: its
     * error is a 503, not the 404 of an unknown rating */
    if ((dr = rating_level(req_sctx(r), ref, l.id, &level, &rating_id, &comment)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (level != 1) {
        return level == 0 ? 404 : 400;
    }
    if (v[QC_COMMENT].s) {
        comment = v[QC_COMMENT].s;
    }
    for (i = 0; reason && i < NELEM(unhappy_reasons); i++) {
        if (strcmp(reason, unhappy_reasons[i].code) == 0) {
            break;
        }
    }
    if (reason == NULL || i == NELEM(unhappy_reasons)) {
        unhappy_hdf(r, ref, comment, 0);
        hset(r, "Page.Error", lang_str(r, "Qr.ReasonMissing"));
        return render_status(r, 422, "citizen/qr_thanks");
    }
    if (v[QC_COMMENT].err) {
        unhappy_hdf(r, ref, comment, unhappy_reasons[i].kind == NULL);
        hset(r, "Page.Reason", reason);
        hset(r, "Page.Error", lang_str(r, "Qr.CommentTooLong"));
        return render_status(r, 422, "citizen/qr_thanks");
    }
    kind = unhappy_reasons[i].kind;
    if (kind == NULL && chosen && !v[QC_KIND].err) {
        kind = chosen;
    }
    if (kind == NULL) {
        /* "other": one more tap says what it is about */
        unhappy_hdf(r, ref, comment, 1);
        hset(r, "Page.Reason", reason);
        if (chosen) {
            hset(r, "Page.Error", lang_str(r, "Fb.Err.Kind"));
        }
        return render_status(r, chosen ? 422 : 200, "citizen/qr_thanks");
    }
    /* one case per rating however often the button is pressed */
    mac(r->app->secret, "quick-case", ref, 16, h, sizeof(h));
    hex_encode(idem, h, sizeof(h));
    in.kind = kind;
    in.unit_id = l.unit_id;
    in.counter_id = l.counter_id;
    in.officer_id = l.officer_id;
    in.dossier_id = l.dossier_id;
    in.rating_id = rating_id;
    in.qr_link_id = l.id;
    in.content = pool_printf(&r->pool, "%s.%s%s",
                             lang_str(r, pool_printf(&r->pool, "Qr.Reason.%s", reason)),
                             comment && *comment ? "\n" : "", comment ? comment : "");
    in.identity = "anonymous";
    in.idem = idem;
    if ((dr = feedback_create(req_sctx(r), &in, code, key)) != DB_OK) {
        return db_fail(r, dr);
    }
    return fb_created(r, code, key);
}

static int
qr_image(struct req *r, int png)
{
    struct qrlink l;
    struct buf b = { 0 };
    const char *url;
    int rc = qr_open(r, &l), ok;

    if (rc != 0) {
        return rc;
    }
    url = qrlink_url(r, l.token);
    ok = png ? qr_png(url, 8, &b) : qr_svg(url, url, &b);
    if (ok != 0) {
        buf_free(&b);
        return 500;
    }
    resp_raw(r, png ? "image/png" : "image/svg+xml", b.p, b.len);
    buf_free(&b);
    /* the image of a token never changes: let browsers and proxies keep it */
    resp_header(r, "Cache-Control", "public, max-age=86400");
    resp_header(r, "ETag", pool_printf(&r->pool, "\"%s\"", l.token));
    return 200;
}

static int
qr_image_svg(struct req *r)
{
    return qr_image(r, 0);
}

static int
qr_image_png(struct req *r)
{
    return qr_image(r, 1);
}

/* One poster into Page.Posters.i; officer (NULL for a counter's or a unit's
 * link) names whose personal poster it is, so a printed one can be told apart. */
static void
poster_hdf(struct req *r, size_t i, const char *token, const char *unit, const char *counter,
           const char *officer, const char *title)
{
    const char *url = qrlink_url(r, token);
    struct buf svg = { 0 };
    const char *p = pool_printf(&r->pool, "Page.Posters.%zu", i);

    qr_svg(url, url, &svg);
    hset(r, pool_printf(&r->pool, "%s.UnitName", p), unit);
    hset(r, pool_printf(&r->pool, "%s.CounterName", p), counter ? counter : unit);
    hset(r, pool_printf(&r->pool, "%s.Url", p), url);
    hset(r, pool_printf(&r->pool, "%s.Svg", p), svg.p ? svg.p : "");
    if (officer && *officer) {
        hset(r, pool_printf(&r->pool, "%s.OfficerName", p), officer);
        hset(r, pool_printf(&r->pool, "%s.OfficerTitle", p), title ? title : "");
    }
    buf_free(&svg);
}

static int
qr_poster(struct req *r)
{
    struct qrlink l;
    int rc = req_paper_lang(r) ? 500 : qr_open(r, &l);

    if (rc != 0) {
        return rc;
    }
    hset(r, "Page.Title", lang_str(r, "Qr.PosterTitle"));
    poster_hdf(r, 0, l.token, l.unit_name, l.counter_name,
               strcmp(l.kind, "officer") == 0 ? l.officer_name : NULL, l.officer_title);
    return render(r, "citizen/poster");
}

static int
unit_posters(struct req *r)
{
    struct qrlink_poster *posters;
    size_t n;
    enum db_rc rc;

    if (req_paper_lang(r) != 0) {
        return 500;
    }
    rc = qrlink_counter_posters(r->app->db, &r->pool, r->arg[0], &posters, &n);
    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    if (n == 0) {
        return 404;
    }
    hset(r, "Page.Title", lang_str(r, "Qr.PostersTitle"));
    for (size_t i = 0; i < n; i++) {
        char tok[TOKEN_LEN + 1];

        token_from_nonce(r->app->secret, posters[i].nonce, tok);
        poster_hdf(r, i, tok, posters[i].unit_name, posters[i].counter_name, NULL, NULL);
    }
    return render(r, "citizen/poster");
}

/* ---- counter kiosk ----------------------------------------------------- */

/* The kiosk named by the device token in the path: its counter as a link. */
static int
kiosk_open(struct req *r, struct qrlink *l, long long *device, int *too_soon)
{
    struct kiosk_device k;
    char h[65];
    enum db_rc rc;
    int interval = (int)conf_int(r->app->conf, "Kiosk.MinIntervalSeconds", 5);

    memset(l, 0, sizeof(*l));
    if (strlen(r->arg[0]) != 64 || strspn(r->arg[0], "0123456789abcdef") != 64) {
        return qr_refused(r, QR_FORGED);
    }
    sec_hash_hex(r->arg[0], h);
    rc = kiosk_find(r->app->db, &r->pool, h, interval, &k);
    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    if (k.id == 0) {
        return qr_refused(r, QR_UNKNOWN);
    }
    if (k.revoked) {
        return qr_refused(r, QR_REVOKED);
    }
    *device = k.id;
    l->counter_id = k.counter_id;
    l->unit_id = k.unit_id;
    l->counter_name = k.counter_name;
    l->unit_name = k.unit_name;
    l->id = k.link_id;
    snprintf(l->kind, sizeof(l->kind), "counter");
    *too_soon = k.too_soon;
    hset(r, "Page.Ctx.UnitName", l->unit_name);
    hset(r, "Page.Ctx.CounterName", l->counter_name);
    hset(r, "Page.Kiosk", r->arg[0]);
    hset(r, "Page.BodyClass", "kiosk");
    return 0;
}

static int
kiosk_screen(struct req *r)
{
    struct qrlink l;
    long long device;
    int soon, rc = kiosk_open(r, &l, &device, &soon);

    if (rc != 0) {
        return rc;
    }
    for (size_t i = 0; i < NELEM(criteria); i++) {
        hset(r, pool_printf(&r->pool, "Page.Criteria.%zu.name", i), criteria[i]);
    }
    return render(r, "citizen/kiosk");
}

/* A tap on the kiosk.  Without JavaScript: the level is saved at once and the
 * criteria come on a second screen (buoc=2 updates the same rating).  With
 * JavaScript the page queues taps offline and sends level + criteria in one
 * POST with its own idempotency key, so a replay is counted exactly once. */
static int
kiosk_rate(struct req *r)
{
    struct qrlink l;
    struct rating_in in = { 0 };
    struct val v[R__MAX];
    enum rating_result result;
    long long device;
    char ref[17];
    int soon, rc = kiosk_open(r, &l, &device, &soon);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    /* the kiosk's own page sends only levels it offers: anything else is a
     * forged request, with no form to show again */
    input_check(&r->pool, &r->form, rating_fields, R__MAX, v);
    in.level = (int)v[R_LEVEL].i;
    if (in.level == 0 || rating_criteria(v, &in) || v[R_REF].err) {
        return 400;
    }
    if (v[R_REF].s) {
        /* second screen: the criteria of the rating just given on this kiosk */
        if ((dr = rating_kiosk_criteria(req_sctx(r), v[R_REF].s, l.id, &in)) != DB_OK) {
            return db_fail(r, dr);
        }
        return render(r, "citizen/kiosk_thanks");
    }
    in.idem = form_idem(r);
    if (soon) {
        /* button-mashing: within the minimum interval, nothing is counted */
        int dup = 0;

        if (in.idem && (dr = rating_idem_seen(req_sctx(r), in.idem, &dup)) != DB_OK) {
            return db_fail(r, dr);
        }
        if (!dup) {
            hset(r, "Page.Wait", "1");
            return render_status(r, 429, "citizen/kiosk_thanks");
        }
    }
    in.comment = "";
    in.client_hash = client_hash(r);
    in.channel = "kiosk";
    in.burst_count = 0;         /* the interval, not bursts, guards a kiosk */
    in.replace_hours = 0;
    if ((dr = rating_save(req_sctx(r), &l, &in, ref, &result)) != DB_OK ||
        (dr = kiosk_touch(r->app->db, device)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (v[R_STEP].i) {
        for (size_t i = 0; i < NELEM(criteria); i++) {
            hset(r, pool_printf(&r->pool, "Page.Criteria.%zu.name", i), criteria[i]);
        }
        hset(r, "Page.Ref", ref);
        hseti(r, "Page.Level", in.level);
        return render(r, "citizen/kiosk_step2");
    }
    return render(r, "citizen/kiosk_thanks");
}

/* ---- dossiers ---------------------------------------------------------- */

/* The dossier page of link l (already opened: qr_open), answered with status. */
static int
dossier_show(struct req *r, const struct qrlink *l, int status)
{
    enum db_rc dr;

    if ((dr = dossier_public_hdf(r, l->dossier_id)) != DB_OK) {
        return db_fail(r, dr);
    }
    rate_form_hdf(r);
    if (kv_get(&r->q, "ngung")) { /* ?ngung=1: just withdrawn */
        hset(r, "Page.ConsentDone", "1");
    }
    return render_status(r, status, "citizen/dossier");
}

/* The dossier page a receipt's QR opens. */
static int
dossier_view(struct req *r)
{
    struct qrlink l;
    int rc = qr_open(r, &l);

    if (rc != 0) {
        return rc;
    }
    if (l.dossier_id == 0) {
        return resp_redirect(r, pool_printf(&r->pool, "/q/%s", l.token));
    }
    return dossier_show(r, &l, 200);
}

/* The dossier page's "stop updates": the consent to messages taken back. */
static int
dossier_consent_withdraw(struct req *r)
{
    struct qrlink l;
    int done, rc = qr_open(r, &l);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if (l.dossier_id == 0) {
        return 404;
    }
    if ((dr = consent_withdraw(r->app->db, "dossier", l.dossier_id, "page", &done)) != DB_OK) {
        return db_fail(r, dr);
    }
    return resp_redirect(r, pool_printf(&r->pool, "/ho-so/%s?ngung=1", l.token));
}

struct dossier_find {
    const char *code, *phone4, *nonce;
};

static enum db_rc
dossier_find(struct sctx *x, void *arg, struct code_misses *m, int *found)
{
    struct dossier_find *f = arg;
    enum db_rc rc;

    rc = dossier_lookup_nonce(x->db, x->pool, f->code, f->phone4, &f->nonce);
    *found = f->nonce != NULL;
    return rc;
}

/* Look a dossier up by its code and the last 4 digits of the applicant's
 * phone (the receipt holder knows both); wrong tries are throttled per
 * address and per dossier code (code_lookup). */
/* both needed; neither: the empty form */
static const struct fld lookup_fields[] = {
    { "ma", V_TEXT, 0, 1, 64, NULL, "Lookup.Invalid" },
    { "so", V_TEXT, 0, 4, 4, NULL, "Lookup.Invalid" }, /* the last 4 digits of the phone */
};

static int
dossier_lookup(struct req *r)
{
    struct dossier_find f = { NULL, NULL, NULL };
    struct val in[NELEM(lookup_fields)];
    enum code_verdict v;
    enum db_rc rc;
    char *up;

    input_read(r, &r->q, NULL, lookup_fields, NELEM(lookup_fields), in);
    f.code = code_dossier(&r->pool, in[0].s);
    f.phone4 = in[1].s;
    if (f.code == NULL && f.phone4 == NULL) {
        return render(r, "citizen/lookup");
    }
    hset(r, "Page.Code", f.code);
    if (in[0].err || in[1].err || f.code == NULL || f.phone4 == NULL ||
        strspn(f.phone4, "0123456789") != 4 || strlen(f.code) > 48 || *f.code == '\0') {
        hset(r, "Page.Error", lang_str(r, "Lookup.Invalid"));
        return render_status(r, 422, "citizen/lookup");
    }
    /* the case number is the code as printed, whatever the letters' case */
    up = pool_strdup(&r->pool, f.code);
    for (char *c = up; *c; c++) {
        *c = (char)toupper((unsigned char)*c);
    }
    if ((rc = code_lookup(req_sctx(r), "Lookup", up, dossier_find, &f, &v)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (v == CODE_PAUSED) {
        hset(r, "Page.Error", lang_str(r, "Lookup.Throttled"));
        return render_status(r, 429, "citizen/lookup");
    }
    if (v == CODE_MISS) {
        /* the same answer whether the code or the digits were wrong */
        hset(r, "Page.Error", lang_str(r, "Lookup.NotFound"));
        return render_status(r, 404, "citizen/lookup");
    }
    {
        char tok[TOKEN_LEN + 1];

        token_from_nonce(r->app->secret, f.nonce, tok);
        return resp_redirect(r, pool_printf(&r->pool, "/ho-so/%s", tok));
    }
}

/* ---- procedure catalogue and unit directory ----------------------------- */

/* One procedure found by the catalogue search, with its score. */
struct proc_hit {
    size_t row;
    int score;
    size_t name_len;
    const char *name;
};

static int
hit_cmp(const void *a, const void *b)
{
    const struct proc_hit *x = a, *y = b;

    if (x->score != y->score) {
        return x->score < y->score ? 1 : -1;
    }
    if (x->name_len != y->name_len) {
        return x->name_len < y->name_len ? -1 : 1;
    }
    return strcmp(x->name, y->name);
}

#define PROCS_PER_PAGE 20
#define FB_MAX_FILES 3 /* files attached to one feedback (Fb.FilesHelp says so) */
#define SEARCH_VARIANTS 8

/* Every way of reading the folded query (search_variants, with the synonyms
 * an administrator keeps) into variants (SEARCH_VARIANTS); *n how many. */
static enum db_rc
query_variants(struct req *r, const char *folded, const char **variants, size_t *n)
{
    struct search_synonym *syn;
    struct synonym_row *rows;
    size_t nsyn = 0, nrows;
    enum db_rc rc;

    rc = synonym_list(r->app->db, &r->pool, SYNONYM_BY_ID, &rows, &nrows);
    if (rc != DB_OK) {
        return rc;
    }
    syn = pool_alloc(&r->pool, (nrows + 1) * sizeof(*syn));
    for (size_t i = 0; i < nrows; i++) {
        const char *e = search_fold(&r->pool, rows[i].expansion);

        if (e && *e) {
            syn[nsyn++] = (struct search_synonym){ rows[i].term, e };
        }
    }
    *n = search_variants(&r->pool, folded, syn, nsyn, variants, SEARCH_VARIANTS);
    return DB_OK;
}

/* Rank the candidate rows (national code in column 0, name in column 1) for
 * the folded query: every variant scored against the folded name
 * (search_score), the best kept; the national code typed in full comes
 * first.  hits gets the matching rows, best first, *n how many. */
static void
rank_procedures(struct req *r, const struct dbres *res, const char *folded,
                const char *const *variants, size_t nvar, struct proc_hit *hits, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < res->nrows; i++) {
        const char *name = dbres_get(res, i, CAT_NAME), *fname = search_fold(&r->pool, name);
        const char *fcode = search_fold(&r->pool, dbres_get(res, i, CAT_CODE));
        int best = fcode && strcmp(fcode, folded) == 0 ? 1000 : 0;

        for (size_t v = 0; fname && v < nvar; v++) {
            int sc = search_score(fname, variants[v]);

            best = sc > best ? sc : best;
        }
        if (best > 0) {
            hits[(*n)++] = (struct proc_hit){ i, best, utf8_len(name), name };
        }
    }
    qsort(hits, *n, sizeof(*hits), hit_cmp);
}

/* The catalogue: ?q= searched with forgiveness (search.h) and ranked; the
 * field (?linh-vuc=) and level (?cap=) narrow it; 20 a page (?trang=).  With
 * nothing found, the fields to browse and the one-stop centre's hotline. */
static int
procedures(struct req *r)
{
    static const struct out_field fcols[] = {
        OUT("id", struct field_row, id, OUT_LL),
        OUT("name", struct field_row, name, OUT_STR),
    };
    /* the page's names of enum catalogue_col */
    static const char *const pcols[CAT__COUNT] = { "code",       "name",      "field", "level",
                                                   "time_value", "time_unit", "unit" };
    static const char *const levels[] = { "province", "commune", "ministry", NULL };
    /* the search's filters: one that is not valid is ignored */
    static const struct fld fq[] = {
        { "q", V_TEXT, 0, 1, 100, NULL, NULL },
        { "cap", V_CHOICE, 0, 0, 0, levels, NULL },
        { "linh-vuc", V_INT, 0, 1, 1LL << 40, NULL, NULL },
        { "trang", V_INT, 0, 1, 10000, NULL, NULL },
    };
    struct val v[NELEM(fq)];
    const char *q, *level, *folded = NULL, *variants[SEARCH_VARIANTS];
    size_t nvar = 0;
    long long field, page;
    struct dbres res;
    struct field_row *fields;
    size_t nfields;
    struct top_centre hot;
    struct proc_hit *hits;
    size_t total, from;
    enum db_rc rc;

    input_query(r, fq, NELEM(fq), v);
    q = v[0].s;
    level = v[1].s;
    field = v[2].i;
    page = v[3].i ? v[3].i : 1;
    if (q) {
        folded = search_fold(&r->pool, q);
    }
    if (folded == NULL || *folded == '\0') {
        folded = NULL;
        q = NULL;
    }
    if (folded == NULL) {
        rc = catalogue_browse(r->app->db, &r->pool, field, level, PROCS_PER_PAGE + 1,
                              (page - 1) * PROCS_PER_PAGE, &res);
    } else if ((rc = query_variants(r, folded, variants, &nvar)) == DB_OK) {
        /* the candidates, for any reading of the query, and the national
         * code as typed; only they are ranked */
        rc = catalogue_candidates(r->app->db, &r->pool, search_ft_query(&r->pool, variants, nvar),
                                  q, field, level, &res);
    }
    if (rc == DB_OK) {
        rc = field_list(r->app->db, &r->pool, &fields, &nfields);
    }
    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    /* a search ranks its candidates; browsing reads one page */
    hits = pool_alloc(&r->pool, (res.nrows + 1) * sizeof(*hits));
    if (folded) {
        rank_procedures(r, &res, folded, variants, nvar, hits, &total);
        from = (size_t)(page - 1) * PROCS_PER_PAGE;
    } else {
        for (total = 0; total < res.nrows; total++) {
            hits[total] = (struct proc_hit){ total, 0, 0, NULL };
        }
        from = 0;
    }
    for (size_t i = from; i < total && i < from + PROCS_PER_PAGE; i++) {
        for (size_t c = 0; c < NELEM(pcols); c++) {
            hset(r, pool_printf(&r->pool, "Page.Procs.%zu.%s", i - from, pcols[c]),
                 dbres_get(&res, hits[i].row, c));
        }
    }
    if (total > from + PROCS_PER_PAGE) {
        hseti(r, "Page.Next", page + 1);
    }
    if (total == 0 && q) {
        /* nothing found: the one-stop centre nearest the top answers the phone */
        if ((rc = unit_top_centre(r->app->db, &r->pool, &hot)) != DB_OK) {
            return db_fail(r, rc);
        }
        if (hot.found) {
            hset(r, "Page.Hotline.name", hot.name);
            hset(r, "Page.Hotline.phone", hot.hotline);
            hset(r, "Page.Hotline.tel", tel_digits(r, hot.hotline));
        }
    }
    rows_hdf(r, "Page.Fields", fields, nfields, sizeof(*fields), fcols, NELEM(fcols));
    hseti(r, "Page.Count",
          folded ? (long long)total
                 : (page - 1) * PROCS_PER_PAGE +
                       (long long)(total < PROCS_PER_PAGE ? total : PROCS_PER_PAGE));
    hset(r, "Page.Q", q);
    hseti(r, "Page.Field", field);
    hset(r, "Page.Level", level);
    hseti(r, "Page.Page", page);
    return render(r, "citizen/procedures");
}

static int
procedure_page(struct req *r)
{
    int min = (int)conf_int(r->app->conf, "Stats.MinCount", 10);
    struct procedure_public pp;
    struct procedure_record rec;
    enum db_rc rc;

    if ((rc = procedure_public_get(r->app->db, &r->pool, r->arg[0], &pp)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (pp.id == 0) {
        return 404;
    }
    {
        const char *const facts[][2] = {
            { "code", pp.code },
            { "name", pp.name },
            { "field", pp.field },
            { "level", pp.level },
            { "time_value", pp.time_value },
            { "time_unit", pp.time_unit },
            { "fee", pp.fee },
            { "documents", pp.documents },
            { "result", pp.result },
            { "legal", pp.legal },
            { "unit", pp.unit },
            { "address", pp.address },
            { "hotline", pp.hotline },
            { "hours", pp.hours },
            { "unit_code", pp.unit_code },
            { "effective", pp.effective },
        };

        for (size_t i = 0; i < NELEM(facts); i++) {
            if (facts[i][1]) { /* a fact not given is left out */
                hset(r, pool_printf(&r->pool, "Page.P.%s", facts[i][0]), facts[i][1]);
            }
        }
    }
    /* how long it really took over the last 12 months, beside the statutory time */
    if ((rc = procedure_record_12m(r->app->db, &r->pool, pp.id, min, &rec)) != DB_OK) {
        return db_fail(r, rc);
    }
    hseti(r, "Page.P.done", rec.done);
    if (rec.done >= min) {
        if (rec.median_days) {
            char *days = pool_strdup(&r->pool, rec.median_days);

            if (strcmp(r->lang, "vi") == 0 && strchr(days, '.')) {
                *strchr(days, '.') = ',';
            }
            hset(r, "Page.P.median_days", days);
        }
        hset(r, "Page.P.on_time", pct(r, rec.on_time, rec.done));
    }
    return render(r, "citizen/procedure");
}

static int
units_directory(struct req *r)
{
    enum db_rc rc = units_hdf(r, 1, NULL, NULL);

    return rc == DB_OK ? render(r, "citizen/units") : db_fail(r, rc);
}

/* A period as every other date on the citizen's pages: dd/mm/yyyy
 * (Page.FromText, Page.ToText). */
static void
period_text(struct req *r, const struct period *p)
{
    hset(r, "Page.FromText",
         pool_printf(&r->pool, "%.2s/%.2s/%.4s", p->from + 8, p->from + 5, p->from));
    hset(r, "Page.ToText", pool_printf(&r->pool, "%.2s/%.2s/%.4s", p->to + 8, p->to + 5, p->to));
}

static enum db_rc stats_rows(struct req *r, const char *scope, const char *prefix,
                             const struct period *p, int min, long long unit_id);

/* A unit's own page (/don-vi/<code>): what the directory shows of it (address,
 * hours, hotline, counters with their rating links, officers on duty), its
 * procedures a page at a time (?trang=) and its public figures of the last
 * 365 days, the unit's and its counters', suppressed under Stats.MinCount. */
static int
unit_page(struct req *r)
{
    static const struct fld q[] = { { "trang", V_INT, 0, 1, 10000, NULL, NULL } };
    struct val v[NELEM(q)];
    int min = (int)conf_int(r->app->conf, "Stats.MinCount", 10);
    int today = cal_local_day(time(NULL));
    long long page, unit_id;
    struct unit_procedure *procs;
    size_t nprocs;
    struct period p;
    enum db_rc rc;

    input_query(r, q, NELEM(q), v);
    page = v[0].i ? v[0].i : 1;
    if ((rc = units_hdf(r, 1, r->arg[0], &unit_id)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (unit_id == 0) {
        return 404;
    }
    rc = procedure_list_unit(r->app->db, &r->pool, unit_id, PROCS_PER_PAGE + 1,
                             (page - 1) * PROCS_PER_PAGE, &procs, &nprocs);
    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    if (nprocs > PROCS_PER_PAGE) {
        nprocs = PROCS_PER_PAGE;
        hseti(r, "Page.Next", page + 1);
    }
    if (page > 1) {
        hseti(r, "Page.Prev", page - 1);
    }
    for (size_t i = 0; i < nprocs; i++) {
        const char *row = pool_printf(&r->pool, "Page.Procs.%zu", i);

        hset(r, pool_printf(&r->pool, "%s.code", row), procs[i].code);
        hset(r, pool_printf(&r->pool, "%s.name", row), procs[i].name);
        hset(r, pool_printf(&r->pool, "%s.time_value", row), procs[i].time_value);
        hset(r, pool_printf(&r->pool, "%s.time_unit", row), procs[i].time_unit);
    }
    cal_format(today - 365, p.from);
    cal_format(today, p.to);
    period_text(r, &p);
    if ((rc = stats_rows(r, "unit", "Page.Stats", &p, min, unit_id)) != DB_OK ||
        (rc = stats_rows(r, "counter", "Page.CounterStats", &p, min, unit_id)) != DB_OK) {
        return db_fail(r, rc);
    }
    return render(r, "citizen/unit");
}

/* ---- feedback ---------------------------------------------------------- */

static enum db_rc
fb_form_hdf(struct req *r, const struct qrlink *l)
{
    static const struct out_field ucols[] = {
        OUT("code", struct unit_name, code, OUT_STR),
        OUT("name", struct unit_name, name, OUT_STR),
    };
    struct unit_name *units;
    size_t n;
    enum db_rc rc;

    for (size_t i = 0; fb_kinds[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Kinds.%zu.code", i), fb_kinds[i]);
    }
    for (size_t i = 0; fb_identities[i]; i++) {
        hset(r, pool_printf(&r->pool, "Page.Identities.%zu.code", i), fb_identities[i]);
    }
    if (l == NULL) {
        if ((rc = unit_list_feedback(r->app->db, &r->pool, &units, &n)) != DB_OK) {
            return rc;
        }
        rows_hdf(r, "Page.Units", units, n, sizeof(*units), ucols, NELEM(ucols));
    }
    hset(r, "Page.Idem", form_idem(r) ? form_idem(r) : fresh_idem(r));
    /* the picker's limits, checked in the browser before uploading (upload.js) */
    hseti(r, "Page.MaxFileBytes", conf_int(r->app->conf, "Feedback.MaxFileBytes", 5 << 20));
    hseti(r, "Page.MaxFiles", FB_MAX_FILES);
    return DB_OK;
}

static int
fb_new(struct req *r)
{
    /* t: the QR link the form was opened from; loai: the kind to preselect */
    static const struct fld q[] = {
        { "t", V_TEXT, 0, 1, 128, NULL, NULL },
        { "loai", V_CHOICE, 0, 0, 0, fb_kinds, NULL },
    };
    struct val v[NELEM(q)];
    const char *t;
    struct qrlink l;
    enum db_rc rc;

    input_query(r, q, NELEM(q), v);
    t = v[0].s;
    if (t) {
        enum qr_state st;

        if ((rc = qrlink_resolve(req_sctx(r), t, &l, &st)) != DB_OK) {
            return db_fail(r, rc);
        }
        if (st != QR_OK) {
            return qr_refused(r, st);
        }
        qrlink_hdf(r, &l, "Page.Ctx");
    }
    hset(r, "Page.F.kind", v[1].s);
    if ((rc = fb_form_hdf(r, t ? &l : NULL)) != DB_OK) {
        return db_fail(r, rc);
    }
    return render(r, "citizen/fb_new");
}

/* The type of an evidence file, by its first bytes; NULL if not accepted. */
static const char *
sniff(const char *d, size_t n)
{
    if (n >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0) {
        return "image/jpeg";
    }
    if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) {
        return "image/png";
    }
    if (n >= 5 && memcmp(d, "%PDF-", 5) == 0) {
        return "application/pdf";
    }
    return NULL;
}

static void
fb_err(struct req *r, size_t *nerr, const char *field, const char *key)
{
    hset(r, pool_printf(&r->pool, "Page.Err.%s", field), lang_str(r, key));
    (*nerr)++;
}

static const char *const zero_one[] = { "0", "1", NULL };

/* The form's own fields; the case's are fb_check's (fb_rules.c). */
enum { FB_T, FB_UNIT, FB_WEBSITE, FB_NOTIFY, FB__MAX };

static const struct fld fb_fields[FB__MAX] = {
    [FB_T] = { "t", V_TEXT, 0, 1, 128, NULL, NULL },
    [FB_UNIT] = { "unit", V_CODE, 0, 1, 64, NULL, NULL },
    [FB_WEBSITE] = { "website", V_LINES, 0, 0, 1 << 20, NULL, NULL }, /* the honeypot */
    /* the consent box: absent when not ticked */
    [FB_NOTIFY] = { "notify", V_CHOICE, 0, 0, 0, zero_one, NULL },
};

/* The feedback form again with its errors (Page.Err) and what was typed, with
 * `status`; files are not kept: the page asks to attach them again. */
static int
fb_refused(struct req *r, int status, const struct qrlink *l)
{
    static const char *const keep[] = { "kind",  "unit",  "content", "identity", "name",
                                        "phone", "email", "address", "notify" };
    enum db_rc rc;

    for (size_t i = 0; i < NELEM(keep); i++) {
        hset(r, pool_printf(&r->pool, "Page.F.%s", keep[i]), req_form(r, keep[i]));
    }
    if (r->nfiles) {
        hset(r, "Page.HadFiles", "1");
    }
    if ((rc = fb_form_hdf(r, l)) != DB_OK) {
        return db_fail(r, rc);
    }
    return render_status(r, status, "citizen/fb_new");
}

static int
fb_submit(struct req *r)
{
    HDF *conf = r->app->conf;
    struct val v[FB__MAX];
    const char *t, *unit;
    struct fb_new in = { 0 };
    struct fb_file files[FB_MAX_FILES];
    struct qrlink l;
    struct fb_err errs[8];
    char code[32], key[TOKEN_NONCE_LEN + 1];
    int allowed = 0, have_link = 0;
    size_t nerr;
    long long max_file = conf_int(conf, "Feedback.MaxFileBytes", 5 << 20);
    enum db_rc rc;

    input_check(&r->pool, &r->form, fb_fields, FB__MAX, v);
    t = v[FB_T].s;
    unit = v[FB_UNIT].err ? NULL : v[FB_UNIT].s;
    if (v[FB_WEBSITE].s) {
        log_info("honeypot filled on feedback from %s", r->remote_addr);
        return resp_redirect(r, "/");
    }
    if (t) {
        enum qr_state st;

        if ((rc = qrlink_resolve(req_sctx(r), t, &l, &st)) != DB_OK) {
            return db_fail(r, rc);
        }
        if (st != QR_OK) {
            return qr_refused(r, st);
        }
        qrlink_hdf(r, &l, "Page.Ctx");
        have_link = 1;
        in.unit_id = l.unit_id;
        in.counter_id = l.counter_id;
        in.officer_id = l.officer_id;
        in.dossier_id = l.dossier_id;
        in.qr_link_id = l.id;
    } else if (unit) {
        if ((rc = fb_unit_id(req_sctx(r), unit, "%", &in.unit_id)) != DB_OK) {
            return db_fail(r, rc);
        }
    }
    nerr = fb_check(&r->pool, &r->form, &in, errs, NELEM(errs));
    if (v[FB_NOTIFY].s && strcmp(v[FB_NOTIFY].s, "1") == 0) {
        in.consent = notify_consent_wording(r);
    }
    for (size_t i = 0; i < nerr && i < NELEM(errs); i++) {
        hset(r, pool_printf(&r->pool, "Page.Err.%s", errs[i].field), lang_str(r, errs[i].key));
    }
    if (!have_link && in.unit_id == 0) {
        fb_err(r, &nerr, "unit", "Fb.Err.Unit");
    }
    if (r->nfiles > NELEM(files)) {
        fb_err(r, &nerr, "files", "Fb.Err.TooManyFiles");
    } else {
        for (size_t i = 0; i < r->nfiles; i++) {
            files[i].filename = r->files[i].filename;
            files[i].data = r->files[i].data;
            files[i].len = r->files[i].len;
            files[i].mime = sniff(r->files[i].data, r->files[i].len);
            if ((long long)r->files[i].len > max_file) {
                fb_err(r, &nerr, "files", "Fb.Err.FileBig");
                break;
            }
            if (files[i].mime == NULL) {
                fb_err(r, &nerr, "files", "Fb.Err.FileType");
                break;
            }
        }
    }
    /* each refusal has its own status: an invalid form 422 (the limit is not
     * even counted), the address's limit 429, the database db_fail's */
    if (nerr) {
        return fb_refused(r, 422, have_link ? &l : NULL);
    }
    if ((rc = ratelimit_hit(req_sctx(r), "fb-ip", r->remote_addr,
                            (int)conf_int(conf, "Feedback.PerAddressPerHour", 10), 3600,
                            &allowed)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (!allowed) {
        fb_err(r, &nerr, "content", "Fb.Err.TooMany");
        return fb_refused(r, 429, have_link ? &l : NULL);
    }
    in.files = files;
    in.nfiles = r->nfiles;
    in.idem = form_idem(r);
    if ((rc = feedback_create(req_sctx(r), &in, code, key)) != DB_OK) {
        return db_fail(r, rc);
    }
    return fb_created(r, code, key);
}

/* A case a citizen opened: its public row (feedback_public_find), id and status. */
struct fb_case {
    const char *code;
    struct dbres row;
    long long id;
    const char *status;
};

static void
fb_case_set(struct fb_case *c)
{
    c->id = c->row.nrows ? util_num(dbres_get(&c->row, 0, FBP_ID)) : 0;
    c->status = c->row.nrows ? dbres_get(&c->row, 0, FBP_STATUS) : NULL;
}

static enum db_rc
fb_find(struct sctx *x, void *arg, struct code_misses *m, int *found)
{
    struct fb_case *c = arg;
    enum db_rc rc = feedback_public_find(x, c->code, NULL, m, &c->row);

    fb_case_set(c);
    *found = c->id != 0;
    return rc;
}

/* A tracking code typed in the form (?ma=) or in the path: both through
 * code_lookup; 0 when found (c filled), else the page's status. */
static int
fb_locate(struct req *r, const char *code, struct fb_case *c)
{
    static const struct fld fk[] = { { "k", V_CODE, 0, TOKEN_NONCE_LEN, TOKEN_NONCE_LEN, NULL,
                                       NULL } };
    struct val kv[NELEM(fk)];
    const char *dash = strrchr(code, '-');
    const char *key;
    enum code_verdict v;
    enum db_rc rc;

    *c = (struct fb_case){ .code = code };
    /* the link key: in the form of a POST, else in the query; another is ignored */
    input_check(&r->pool, strcmp(r->method, "POST") == 0 ? &r->form : &r->q, fk, NELEM(fk), kv);
    key = kv[0].err ? NULL : kv[0].s;
    /* a link (code and its link key) opens the case even while typed
     * look-ups of it are paused; a wrong key is an ordinary typed look-up */
    if (key) {
        if ((rc = feedback_public_find(req_sctx(r), code, key, NULL, &c->row)) != DB_OK) {
            return db_fail(r, rc);
        }
        fb_case_set(c);
        if (c->id) {
            hset(r, "Page.LinkKey", key);
            return 0;
        }
    }
    rc = code_lookup(req_sctx(r), "Track",
                     dash ? pool_strndup(&r->pool, code, (size_t)(dash - code)) : code, fb_find, c,
                     &v);
    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    if (v == CODE_FOUND) {
        return 0;
    }
    hset(r, "Page.Code", code);
    hset(r, "Page.Error", lang_str(r, v == CODE_PAUSED ? "Fb.TrackThrottled" : "Fb.NotFound"));
    return render_status(r, v == CODE_PAUSED ? 429 : 404, "citizen/fb_track");
}

static int
fb_lookup(struct req *r)
{
    static const struct fld q[] = { { "ma", V_TEXT, 0, 1, 64, NULL, NULL } };
    struct val v[NELEM(q)];
    struct fb_case c;
    const char *code;
    char *up;
    int rc;

    if (input_read(r, &r->q, NULL, q, NELEM(q), v) != 0) {
        hset(r, "Page.Code", v[0].s);
        return render_status(r, 422, "citizen/fb_track");
    }
    if ((code = v[0].s) == NULL) {
        return render(r, "citizen/fb_track");
    }
    up = code_feedback(&r->pool, code);
    if ((rc = fb_locate(r, up, &c)) != 0) {
        return rc;
    }
    return resp_redirect(r, pool_printf(&r->pool, "/phan-anh/%s", up));
}

/* Find the case named in the path. */
static int
fb_open(struct req *r, struct fb_case *c)
{
    char *up = pool_strdup(&r->pool, r->arg[0]);

    for (char *p = up; *p; p++) {
        *p = (char)toupper((unsigned char)*p);
    }
    return fb_locate(r, up, c);
}

/* After a citizen's POST on a case: back to its page, by the link it came by. */
static int
fb_back(struct req *r)
{
    const char *key = hdf_get_value(r->hdf, "Page.LinkKey", NULL);

    return resp_redirect(r, pool_printf(&r->pool, "/phan-anh/%s%s%s", r->arg[0],
                                        key ? "?k=" : "", key ? key : ""));
}

static int
fb_view(struct req *r)
{
    struct fb_case c;
    int rc = fb_open(r, &c);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = feedback_public_hdf(r, &c.row)) != DB_OK) {
        return db_fail(r, dr);
    }
    fsm_can_hdf(r, &case_fsm, c.status, FSM_CITIZEN);
    if (kv_get(&r->q, "moi")) { /* ?moi=1: just filed (a flag, whatever its value) */
        hset(r, "Page.New", "1");
    }
    if (kv_get(&r->q, "ngung")) { /* ?ngung=1: just withdrawn */
        hset(r, "Page.ConsentDone", "1");
    }
    return render(r, "citizen/fb_case");
}

/* The tracking page's "stop updates": the consent to messages taken back. */
static int
fb_consent_withdraw(struct req *r)
{
    struct fb_case c;
    const char *key;
    int done, rc = fb_open(r, &c);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    if ((dr = consent_withdraw(r->app->db, "feedback", c.id, "page", &done)) != DB_OK) {
        return db_fail(r, dr);
    }
    key = hdf_get_value(r->hdf, "Page.LinkKey", NULL);
    return resp_redirect(r, pool_printf(&r->pool, "/phan-anh/%s?ngung=1%s%s", r->arg[0],
                                        key ? "&k=" : "", key ? key : ""));
}

static int
fb_rate_answer(struct req *r)
{
    static const char *const yes_no[] = { "0", "1", NULL };
    static const struct fld f[] = { { "satisfied", V_CHOICE, 1, 0, 0, yes_no, NULL } };
    struct val v[NELEM(f)];
    struct fb_case c;
    int rc = fb_open(r, &c);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    /* two buttons: anything else is a forged request, with no form to show again */
    if (input_check(&r->pool, &r->form, f, NELEM(f), v) != 0) {
        return 400;
    }
    if ((dr = feedback_rate_answer(req_sctx(r), c.id, v[0].s[0] == '1')) != DB_OK) {
        return db_fail(r, dr);
    }
    return fb_back(r);
}

static int
fb_reply(struct req *r)
{
    static const struct fld f[] = { { "reply", V_LINES, 1, 1, FB_MAX_CONTENT_CHARS, NULL, NULL } };
    struct val v[NELEM(f)];
    struct fb_case c;
    const char *text;
    int rc = fb_open(r, &c);
    enum db_rc dr;

    if (rc != 0) {
        return rc;
    }
    input_check(&r->pool, &r->form, f, NELEM(f), v);
    text = v[0].s;
    if (v[0].err) {
        if ((dr = feedback_public_hdf(r, &c.row)) != DB_OK) {
            return db_fail(r, dr);
        }
        fsm_can_hdf(r, &case_fsm, c.status, FSM_CITIZEN);
        hset(r, "Page.Error", lang_str(r, text ? "Fb.Err.ContentLong" : "Fb.ReplyEmpty"));
        hset(r, "Page.Reply", req_form(r, "reply"));
        return render_status(r, 422, "citizen/fb_case");
    }
    if ((dr = feedback_citizen_reply(req_sctx(r), c.id, text)) != DB_OK) {
        return db_fail(r, dr);
    }
    return fb_back(r);
}

/* ---- personal data (docs/personal-data.md) ----------------------------- */

/* The page of the data held about a case or a dossier, reached by the same
 * second factor as the object's own page: a case by its code with its check
 * part (or its link key), a dossier by the token of its receipt's QR code. */
struct dr_object {
    enum datareq_object o;
    long long id;
    const char *path; /* the object's page, "/phan-anh/<code>" or "/ho-so/<token>" */
    const char *key;  /* a case's link key, NULL for none */
};

static const char *const dr_kinds[] = { "correct", "erase", "restrict", "object", NULL };
static const char *const dr_fields[] = { "name", "phone", "email", "address", NULL };

enum { DR_KIND, DR_FIELD, DR_VALUE, DR_DETAIL, DR__MAX };

static const struct fld dr_form[DR__MAX] = {
    [DR_KIND] = { "kind", V_CHOICE, 1, 0, 0, dr_kinds, "DataReq.Err.Kind" },
    [DR_FIELD] = { "field", V_CHOICE, 0, 0, 0, dr_fields, "DataReq.Err.Field" },
    [DR_VALUE] = { "value", V_TEXT, 0, 1, 255, NULL, "DataReq.Err.Value" },
    [DR_DETAIL] = { "detail", V_LINES, 0, 1, 2000, NULL, "DataReq.Err.Detail" },
};

static int
dr_render(struct req *r, const struct dr_object *ob, int status)
{
    static const struct fld q[] = { { "yc", V_CODE, 0, 4, 16, NULL, NULL } };
    struct val v[NELEM(q)];
    struct datareq_held h;
    struct datareq_row *rows;
    size_t n;
    int restricted;
    enum db_rc rc;

    if ((rc = datareq_held_get(r->app->db, &r->pool, ob->o, ob->id, 1, &h)) != DB_OK ||
        (rc = datareq_list_object(r->app->db, &r->pool, ob->o, ob->id, &rows, &n)) != DB_OK ||
        (rc = datareq_restricted(r->app->db, &r->pool, ob->o, ob->id, &restricted)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (h.unit_id == 0) {
        return 404;
    }
    hset(r, "Page.Obj.Type", datareq_object_name(ob->o));
    hset(r, "Page.Obj.Path", ob->path);
    hset(r, "Page.Obj.Key", ob->key);
    hset(r, "Page.Held.name", h.name);
    hset(r, "Page.Held.phone", h.phone);
    hset(r, "Page.Held.email", h.email);
    hset(r, "Page.Held.address", h.address);
    hseti(r, "Page.Held.Files", h.files);
    if (h.masked) {
        hset(r, "Page.Held.Masked", "1");
    }
    hseti(r, "Page.Restricted", restricted);
    for (size_t i = 0; i < n; i++) {
        const char *p = pool_printf(&r->pool, "Page.Requests.%zu", i);

        hset(r, pool_printf(&r->pool, "%s.code", p), rows[i].code);
        hset(r, pool_printf(&r->pool, "%s.kind", p), rows[i].kind);
        hset(r, pool_printf(&r->pool, "%s.field", p), rows[i].field);
        hset(r, pool_printf(&r->pool, "%s.value", p), rows[i].new_value);
        hset(r, pool_printf(&r->pool, "%s.detail", p), rows[i].detail);
        hset(r, pool_printf(&r->pool, "%s.status", p), rows[i].status);
        hset(r, pool_printf(&r->pool, "%s.created", p), rows[i].created);
        hset(r, pool_printf(&r->pool, "%s.due", p), rows[i].due);
        hset(r, pool_printf(&r->pool, "%s.answered", p), rows[i].answered);
        hset(r, pool_printf(&r->pool, "%s.answer", p), rows[i].answer);
    }
    input_query(r, q, NELEM(q), v);
    hset(r, "Page.NewCode", v[0].s);
    return render_status(r, status, "citizen/data");
}

/* A refused request: the page again with the errors and what was typed. */
static int
dr_refused(struct req *r, const struct dr_object *ob, int status, const char *field,
           const char *key)
{
    if (field) {
        hset(r, pool_printf(&r->pool, "Page.Err.%s", field), lang_str(r, key));
        if (hdf_get_value(r->hdf, "Page.Error", NULL) == NULL) {
            hset(r, "Page.Error", lang_str(r, key));
        }
    }
    return dr_render(r, ob, status);
}

/* A corrected value as its field wants it: 1 if it fits. */
static int
dr_value_fits(const char *field, const char *value)
{
    size_t len = strlen(value);

    if (strcmp(field, "phone") == 0) {
        return len <= 20 && strspn(value, "0123456789 +-.()") == len;
    }
    if (strcmp(field, "email") == 0) {
        return len <= 254 && strchr(value, '@') != NULL && strchr(value, ' ') == NULL;
    }
    return 1;
}

static int
dr_submit(struct req *r, const struct dr_object *ob)
{
    HDF *conf = r->app->conf;
    struct val v[DR__MAX];
    struct datareq_held h;
    struct datareq_in in = { 0 };
    const struct cal *cal;
    char code[24];
    int allowed = 0;
    enum db_rc rc;

    if (input_form(r, NULL, dr_form, DR__MAX, v) != 0) {
        return dr_refused(r, ob, 422, NULL, NULL);
    }
    in.kind = v[DR_KIND].s;
    if (strcmp(in.kind, "correct") == 0) {
        if (v[DR_FIELD].s == NULL) {
            return dr_refused(r, ob, 422, "field", "DataReq.Err.Field");
        }
        if (v[DR_VALUE].s == NULL || !dr_value_fits(v[DR_FIELD].s, v[DR_VALUE].s)) {
            return dr_refused(r, ob, 422, "value", "DataReq.Err.Value");
        }
        in.field = v[DR_FIELD].s;
        in.new_value = v[DR_VALUE].s;
    }
    if ((rc = ratelimit_hit(req_sctx(r), "datareq-ip", r->remote_addr,
                            (int)conf_int(conf, "Privacy.PerAddressPerHour", 10), 3600,
                            &allowed)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (!allowed) {
        return dr_refused(r, ob, 429, "detail", "DataReq.Err.TooMany");
    }
    if ((rc = datareq_held_get(r->app->db, &r->pool, ob->o, ob->id, 1, &h)) != DB_OK) {
        return db_fail(r, rc);
    }
    if (h.unit_id == 0) {
        return 404;
    }
    if ((cal = req_calendar(r)) == NULL) {
        return db_fail(r, DB_DOWN);
    }
    in.object = ob->o;
    in.object_id = ob->id;
    in.unit_id = h.unit_id;
    in.detail = v[DR_DETAIL].s;
    in.created = time(NULL);
    /* the deadlines under Law 91/2025 are not confirmed: both are settings
     * (docs/motcua.hdf.5); a restriction counts in hours, the rest in working days */
    if (strcmp(in.kind, "restrict") == 0) {
        in.due = in.created + 3600 * conf_int(conf, "Privacy.RestrictHours", 72);
    } else {
        in.due = cal_due(cal, in.created, (int)conf_int(conf, "Privacy.AnswerDays", 10),
                         CAL_WORKING_DAYS, 0);
    }
    if ((rc = datareq_insert(r->app->db, &r->pool, &in, code, sizeof(code))) != DB_OK) {
        return db_fail(r, rc);
    }
    return resp_redirect(r, pool_printf(&r->pool, "%s/du-lieu?%s%s%syc=%s", ob->path,
                                        ob->key ? "k=" : "", ob->key ? ob->key : "",
                                        ob->key ? "&" : "", code));
}

/* The case of the path, by the look-up's second factor; 0 or a status. */
static int
fb_data_open(struct req *r, struct dr_object *ob)
{
    struct fb_case c;
    int rc = fb_open(r, &c);

    ob->id = c.id;
    ob->o = DRO_FEEDBACK;
    ob->path = pool_printf(&r->pool, "/phan-anh/%s", r->arg[0]);
    ob->key = hdf_get_value(r->hdf, "Page.LinkKey", NULL);
    return rc;
}

static int
fb_data(struct req *r)
{
    struct dr_object ob;
    int rc = fb_data_open(r, &ob);

    return rc ? rc : dr_render(r, &ob, 200);
}

static int
fb_data_post(struct req *r)
{
    struct dr_object ob;
    int rc = fb_data_open(r, &ob);

    return rc ? rc : dr_submit(r, &ob);
}

/* The dossier of the QR token in the path; 0 or a status. */
static int
dossier_data_open(struct req *r, struct dr_object *ob)
{
    struct qrlink l;
    int rc = qr_open(r, &l);

    if (rc != 0) {
        return rc;
    }
    if (l.dossier_id == 0) {
        return 404;
    }
    ob->o = DRO_DOSSIER;
    ob->id = l.dossier_id;
    ob->path = pool_printf(&r->pool, "/ho-so/%s", r->arg[0]);
    ob->key = NULL;
    return 0;
}

static int
dossier_data(struct req *r)
{
    struct dr_object ob;
    int rc = dossier_data_open(r, &ob);

    return rc ? rc : dr_render(r, &ob, 200);
}

static int
dossier_data_post(struct req *r)
{
    struct dr_object ob;
    int rc = dossier_data_open(r, &ob);

    return rc ? rc : dr_submit(r, &ob);
}

/* ---- public statistics ------------------------------------------------- */

/* "85,3%" in Vietnamese, "85.3%" in English. */
static const char *
pct(struct req *r, long long part, long long whole)
{
    char *s = pool_printf(&r->pool, "%.1f%%", whole ? 100.0 * (double)part / (double)whole : 0.0);

    if (strcmp(r->lang, "vi") == 0) {
        char *dot = strchr(s, '.');

        if (dot) {
            *dot = ',';
        }
    }
    return s;
}

static enum db_rc
stats_rows(struct req *r, const char *scope, const char *prefix, const struct period *p, int min,
           long long unit_id)
{
    struct stat_named_sums *rows;
    size_t nrows;
    enum db_rc rc;

    rc = stats_sums_by(r->app->db, &r->pool, scope, p->from, p->to, unit_id, &rows, &nrows);
    if (rc != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < nrows; i++) {
        const char *p = pool_printf(&r->pool, "%s.%zu", prefix, i);
        const struct stat_sums t = rows[i].s;
        long long n, r3, r2, r1, ans, ontime;

        n = t.ratings, r3 = t.r3, r2 = t.r2, r1 = t.r1;
        ans = t.answered, ontime = t.answered_on_time;
        hset(r, pool_printf(&r->pool, "%s.name", p), rows[i].name);
        hseti(r, pool_printf(&r->pool, "%s.ratings", p), n);
        hseti(r, pool_printf(&r->pool, "%s.feedback", p), t.feedback);
        if (n < min) {
            hset(r, pool_printf(&r->pool, "%s.suppressed", p), "1");
        } else {
            /* the share of satisfied ratings (not the QĐ 766 index: report_public) */
            hset(r, pool_printf(&r->pool, "%s.rate", p), pct(r, n - r1, n));
            hset(r, pool_printf(&r->pool, "%s.p3", p), pct(r, r3, n));
            hset(r, pool_printf(&r->pool, "%s.p2", p), pct(r, r2, n));
            hset(r, pool_printf(&r->pool, "%s.p1", p), pct(r, r1, n));
        }
        if (ans >= min) {
            hset(r, pool_printf(&r->pool, "%s.ontime", p), pct(r, ontime, ans));
        }
    }
    return DB_OK;
}

/* Public statistics of a period: ?tu=&den= (local dates), the last 365 days
 * by default.  The QĐ 766 figures come from the leader's code (report_public). */
static int
public_stats(struct req *r)
{
    int min = (int)conf_int(r->app->conf, "Stats.MinCount", 10);
    /* a period typed by the reader: refused with a message when not one */
    static const struct fld q[] = {
        { "tu", V_DATE, 0, 0, 0, NULL, NULL },
        { "den", V_DATE, 0, 0, 0, NULL, NULL },
    };
    struct val v[NELEM(q)];
    int today = cal_local_day(time(NULL)), from = today - 365, to = today;
    struct period p;
    struct report_base b;
    struct report_public_row *qd;
    size_t nqd;
    enum db_rc rc;

    if (input_check(&r->pool, &r->q, q, NELEM(q), v) != 0 || v[0].s || v[1].s) {
        from = v[0].day;
        to = v[1].day;
        if (v[0].err || v[1].err || !v[0].s || !v[1].s || to < from || to - from > 3700) {
            hset(r, "Page.ErrDetail", lang_str(r, "Stats.BadPeriod"));
            return 400;
        }
    }
    cal_format(from, p.from);
    cal_format(to, p.to);
    hset(r, "Page.From", p.from);
    hset(r, "Page.To", p.to);
    period_text(r, &p);
    if ((rc = report_base_of(req_sctx(r), &p, &b)) != DB_OK ||
        (rc = report_public(req_sctx(r), &p, &qd, &nqd)) != DB_OK) {
        return db_fail(r, rc);
    }
    view_report_base(r, &b);
    view_report_public(r, "Page.Qd", &b, qd, nqd, min);
    if ((rc = stats_rows(r, "unit", "Page.Units", &p, min, 0)) != DB_OK ||
        (rc = stats_rows(r, "counter", "Page.Counters", &p, min, 0)) != DB_OK) {
        return db_fail(r, rc);
    }
    return render(r, "citizen/stats");
}

/* A request body over nginx's client_max_body_size (nginx/routes.conf sends
 * it here as a GET): what the limits are, and that the text typed in the
 * feedback form is kept in the browser's tab (upload.js) or by going back. */
static int
too_large(struct req *r)
{
    hseti(r, "Page.MaxFileBytes", conf_int(r->app->conf, "Feedback.MaxFileBytes", 5 << 20));
    return render_status(r, 413, "citizen/too_large");
}

/* The stop link of a message (/ngung-nhan-tin/<token>): GET asks, POST stops
 * every message to that address or phone.  The token's MAC is checked before
 * any look-up; a wrong one and an unknown one read the same. */
static int
notify_stop_page(struct req *r)
{
    char idem[33];
    const char *masked = NULL;
    enum db_rc dr;

    if (notify_stop_check(r->app->secret, r->arg[0], idem) == 0 &&
        (dr = notify_stop_find(req_sctx(r), idem, &masked)) != DB_OK) {
        return db_fail(r, dr);
    }
    if (masked == NULL) {
        hset(r, "Page.Invalid", "1");
        return render_status(r, 404, "citizen/notify_stop");
    }
    hset(r, "Page.To", masked);
    hset(r, "Page.Token", r->arg[0]);
    if (strcmp(r->method, "POST") == 0) {
        if ((dr = notify_stop(req_sctx(r), idem)) != DB_OK) {
            return db_fail(r, dr);
        }
        hset(r, "Page.Done", "1");
    }
    return render(r, "citizen/notify_stop");
}

static const struct route routes[] = {
    { "GET", "/", home, 0, 0 },
    { "GET", "/q/*", qr_landing, 0, 0 },
    { "POST", "/q/*/danh-gia", qr_rate, R_FORM, 0 },
    { "GET", "/q/*/cam-on", qr_thanks, 0, 0 },
    { "POST", "/q/*/phan-anh-nhanh", qr_quick_case, R_FORM, 0 },
    { "GET", "/q/*/qr.svg", qr_image_svg, 0, 0 },
    { "GET", "/q/*/qr.png", qr_image_png, 0, 0 },
    { "GET", "/q/*/ap-phich", qr_poster, 0, 0 },
    { "GET", "/don-vi/*/ap-phich", unit_posters, 0, 0 },
    { "GET", "/ho-so/", dossier_lookup, 0, 0 },
    { "GET", "/ho-so/*", dossier_view, 0, 0 },
    { "GET", "/ho-so/*/du-lieu", dossier_data, 0, 0 },
    { "POST", "/ho-so/*/du-lieu", dossier_data_post, R_FORM, 0 },
    { "GET", "/thu-tuc/", procedures, R_CACHE, 0 },
    { "GET", "/thu-tuc/*", procedure_page, R_CACHE, 0 },
    { "GET", "/don-vi/", units_directory, R_CACHE, 0 },
    { "GET", "/don-vi/*", unit_page, R_CACHE, 0 },
    { "GET", "/phan-anh/moi", fb_new, 0, 0 },
    { "POST", "/phan-anh/moi", fb_submit, R_UPLOAD, 0 },
    { "GET", "/phan-anh/", fb_lookup, 0, 0 },
    { "GET", "/phan-anh/*", fb_view, 0, 0 },
    { "POST", "/phan-anh/*/danh-gia", fb_rate_answer, R_FORM, 0 },
    { "POST", "/phan-anh/*/bo-sung", fb_reply, R_FORM, 0 },
    { "POST", "/phan-anh/*/ngung-thong-bao", fb_consent_withdraw, R_FORM, 0 },
    { "POST", "/ho-so/*/ngung-thong-bao", dossier_consent_withdraw, R_FORM, 0 },
    { "GET", "/phan-anh/*/du-lieu", fb_data, 0, 0 },
    { "POST", "/phan-anh/*/du-lieu", fb_data_post, R_FORM, 0 },
    { "GET", "/thong-ke/", public_stats, 0, 0 },
    { "GET", "/du-lieu-ca-nhan", privacy_notice, 0, 0 },
    { "GET", "/kiosk/*", kiosk_screen, 0, 0 },
    { "GET", "/loi/qua-lon", too_large, 0, 0 },
    { "POST", "/kiosk/*", kiosk_rate, R_FORM, 0 },
    { "GET", "/ngung-nhan-tin/*", notify_stop_page, 0, 0 },
    { "POST", "/ngung-nhan-tin/*", notify_stop_page, R_FORM, 0 },
};

static const struct program prog = { .name = "citizen",
                                     .routes = routes,
                                     .nroutes = NELEM(routes),
                                     .helper = ratebatch_main,
                                     .helper_key = "Rating.Writers" };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
