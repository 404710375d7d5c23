/* view_dossier.c — a dossier's pages: the page data of what store_dossier.c reads. */
#include "view_dossier.h"

#include <string.h>

#include "papers.h"
#include "render.h"
#include "util.h"

/* The list's names (Page.Dossiers.N.<name>) */
static const char *const list_cols[DL__COUNT + 1] = {
    [DL_CODE] = "code",
    [DL_PROCEDURE] = "procedure",
    [DL_APPLICANT] = "applicant",
    [DL_STATUS] = "status",
    [DL_RECEIVED] = "received",
    [DL_DUE] = "due",
    [DL_STATUTORY_TS] = "statutory_ts",
    [DL_FINISHED_TS] = "finished_ts",
    [DL_UNIT] = "unit",
    [DL_PROCUNIT] = "procunit",
    [DL_APOLOGIES] = "apologies",
    [DL_WAIT_CLOCK] = "wait_clock",
    [DL_STATUTORY] = "statutory",
};

enum db_rc
dossier_list_hdf(struct req *r, const char *filter, int page, int per_page)
{
    struct dossier_list l;
    enum db_rc rc = dossier_list(req_sctx(r), filter, page, per_page, &l);

    if (rc != DB_OK) {
        return rc;
    }
    hset_rows(r, "Page.Dossiers", &l.rows, list_cols);
    for (size_t i = 0; i < l.rows.nrows; i++) {
        hset(r, pool_printf(&r->pool, "Page.Dossiers.%zu.lateness", i), l.lateness[i]);
    }
    hseti(r, "Page.Count", (long long)l.rows.nrows);
    return DB_OK;
}

/* Page.D.<name> */
static const char *const page_cols[DP__COUNT] = {
    [DP_CODE] = "Code",
    [DP_PROCEDURE] = "Procedure",
    [DP_NATIONAL_CODE] = "NationalCode",
    [DP_FIELD] = "Field",
    [DP_UNIT] = "Unit",
    [DP_UNIT_ADDRESS] = "UnitAddress",
    [DP_UNIT_HOTLINE] = "UnitHotline",
    [DP_STATUS] = "Status",
    [DP_RECEIVED] = "Received",
    [DP_DUE] = "Due",
    [DP_ORIGINAL_DUE] = "OriginalDue",
    [DP_FINISHED] = "Finished",
    [DP_RETURNED] = "Returned",
    [DP_TIME_VALUE] = "TimeValue",
    [DP_TIME_UNIT] = "TimeUnit",
    [DP_PROC_UNIT] = "ProcUnit",
    [DP_FEE] = "Fee",
    [DP_COLLECT] = "Collect",
    [DP_CHANNEL] = "Channel",
    [DP_SETS] = "Sets",
    [DP_DOCUMENTS] = "Documents",
    [DP_NAME] = "Name",
    [DP_ADDRESS] = "Address",
    [DP_PHONE] = "Phone",
    [DP_EMAIL] = "Email",
    [DP_OFFICER] = "Officer",
    [DP_COUNTER_NAME] = "CounterName",
    [DP_BOOK_SEQ] = "BookSeq",
    [DP_REAPPOINTMENTS] = "Reappointments",
    [DP_STATUTORY_TS] = "statutory_ts",
    [DP_FINISHED_TS] = "finished_ts",
    [DP_WAIT_CLOCK] = "WaitClock",
    [DP_CYCLE] = "Cycle",
    [DP_STATUTORY] = "Statutory",
};

/* Page.Cycles.N.<name> */
static const char *const cycle_cols[DC__COUNT + 1] = {
    [DC_N] = "n",
    [DC_STARTED] = "started",
    [DC_STATUTORY] = "statutory",
    [DC_PAUSED_DAYS] = "paused_days",
    [DC_ENDED] = "ended",
    [DC_END_REASON] = "end_reason",
};

/* Page.D.Rule.<name> */
static const char *const rule_cols[DR__COUNT] = {
    [DR_TITLE] = "Title",
    [DR_WITHIN_DAYS] = "WithinDays",
    [DR_MAX_RESTARTS] = "MaxRestarts",
    [DR_SUPPLEMENT] = "Supplement",
};

/* Page.D.<name> */
static const char *const papers_cols[DPP__COUNT] = {
    [DPP_PAPERS] = "Papers",
    [DPP_LEGAL_TITLE] = "LegalTitle",
    [DPP_LEAD_DAYS] = "LeadDays",
    [DPP_LEAD_UNIT] = "LeadUnit",
    [DPP_MAX_REAPPOINT] = "MaxReappoint",
};

/* Page.D.<name> */
static const char *const agency_cols[DA__COUNT] = {
    [DA_PARENT] = "Parent",          [DA_PLACE] = "Place",         [DA_HEAD_TITLE] = "HeadTitle",
    [DA_RECV_D] = "RecvD",           [DA_RECV_M] = "RecvM",        [DA_RECV_Y] = "RecvY",
    [DA_BOOK_VOLUME] = "BookVolume", [DA_COMPETENT] = "Competent", [DA_LEGAL_BASIS] = "LegalBasis",
};

/* Page.Steps.N.<name>; handed_p: the papers' one time format ("09 giờ 14
 * phút, ngày 12/03/2024") */
static const char *const step_cols[DST__COUNT + 1] = {
    [DST_SEQ] = "seq",     [DST_FROM] = "from",         [DST_TO] = "to",
    [DST_GIVER] = "giver", [DST_RECEIVER] = "receiver", [DST_HANDED] = "handed",
    [DST_DUE] = "due",     [DST_DONE] = "done",         [DST_RESULT] = "result",
    [DST_NOTE] = "note",   [DST_HANDED_P] = "handed_p",
};

/* Page.Events.N.<name>: the public page stops at paper_no */
static const char *const event_cols[DE__COUNT + 1] = {
    [DE_EVENT] = "event",       [DE_UNIT] = "unit",     [DE_BODY] = "body",   [DE_AT] = "at",
    [DE_PAPER_NO] = "paper_no", [DE_PARENT] = "parent", [DE_PLACE] = "place", [DE_AT_D] = "at_d",
    [DE_AT_M] = "at_m",         [DE_AT_Y] = "at_y",     [DE_ID] = "id",       [DE_AT_P] = "at_p",
};

/* Page.Apologies.N.<name> */
static const char *const apology_cols[DAP__COUNT + 1] = {
    [DAP_ID] = "id",
    [DAP_NUMBER] = "number",
    [DAP_STATUS] = "status",
    [DAP_REASON_CODE] = "reason_code",
    [DAP_REASON_TEXT] = "reason_text",
    [DAP_OLD_DUE] = "old_due",
    [DAP_NEW_DUE] = "new_due",
    [DAP_SIGNER_NAME] = "signer_name",
    [DAP_SIGNER_TITLE] = "signer_title",
    [DAP_SIGNED] = "signed",
    [DAP_ON_TIME] = "on_time",
    [DAP_DELIVERY] = "delivery",
    [DAP_DELIVERED] = "delivered",
    [DAP_UNIT] = "unit",
    [DAP_DRAFTED] = "drafted",
    [DAP_SIGN_MODE] = "sign_mode",
    [DAP_KEPT] = "kept",
    [DAP_SIGNER_POSITION] = "signer_position",
    [DAP_PARENT] = "parent",
    [DAP_PLACE] = "place",
    [DAP_SIGNED_D] = "signed_d",
    [DAP_SIGNED_M] = "signed_m",
    [DAP_SIGNED_Y] = "signed_y",
    [DAP_MAY_SIGN] = "may_sign",
    [DAP_HEAD_TITLE] = "head_title",
};

/* The one row of res (if any) under prefix.<names[i]>; nulls: 1 writes a NULL
 * column as "", 0 leaves it out. */
static void
row_hdf(struct req *r, const char *prefix, const struct dbres *res, const char *const *names,
        size_t n, int nulls)
{
    for (size_t i = 0; res->nrows && i < n; i++) {
        if (nulls || dbres_get(res, 0, i)) {
            hset(r, pool_printf(&r->pool, "%s.%s", prefix, names[i]), dbres_get(res, 0, i));
        }
    }
}

/* The receipt's documents table (Page.D.Docs): one row a line of the list */
static void
docs_hdf(struct req *r, const char *line)
{
    size_t n = 0;

    while (*line) {
        size_t len = strcspn(line, "\n");
        struct paper_doc doc;

        if (paper_doc_parse(line, len, &doc) == 0) {
            hset(r, pool_printf(&r->pool, "Page.D.Docs.%zu.name", n),
                 pool_printf(&r->pool, "%.*s", (int)doc.name_len, doc.name));
            hset(r, pool_printf(&r->pool, "Page.D.Docs.%zu.form", n), paper_doc_forms[doc.form]);
            if (doc.count) {
                hseti(r, pool_printf(&r->pool, "Page.D.Docs.%zu.count", n), doc.count);
            }
            n++;
        }
        line += len + (line[len] == '\n');
    }
}

/* Shared by the staff and the public page: the dossier, its papers, events
 * and apology letters; for staff its cycles and hand-overs too (the store
 * reads them for staff alone). */
static void
dossier_page_hdf(struct req *r, const struct dossier_page *pg)
{
    if (pg->d.nrows == 0) {
        return;
    }
    row_hdf(r, "Page.D", &pg->d, page_cols, DP__COUNT, 0);
    if (!fsm_state_is(&dossier_fsm, dbres_get(&pg->d, 0, DP_STATUS), DSF_WAIT)) {
        hset(r, "Page.D.WaitClock", NULL); /* a past supplement's clock: not shown */
    }
    hset(r, "Page.D.Lateness", pg->lateness);
    hset_rows(r, "Page.Cycles", &pg->cycles, cycle_cols);
    row_hdf(r, "Page.D.Rule", &pg->rule, rule_cols, DR__COUNT, 1);
    row_hdf(r, "Page.D", &pg->papers, papers_cols, DPP__COUNT, 1);
    if (pg->staff) {
        static const char *const coagency_cols[] = { "name", NULL };
        const char *docs = dbres_get(&pg->d, 0, DP_DOCUMENTS);

        row_hdf(r, "Page.D", &pg->agency, agency_cols, DA__COUNT, 0);
        docs_hdf(r, docs ? docs : "");
        hset_rows(r, "Page.D.CoAgencies", &pg->coagencies, coagency_cols);
        hset_rows(r, "Page.Steps", &pg->steps, step_cols);
    }
    if (pg->staff) {
        hset_rows(r, "Page.Events", &pg->events, event_cols);
    } else {
        static const char *const pub[] = {
            [DE_EVENT] = "event", [DE_UNIT] = "unit",         [DE_BODY] = "body",
            [DE_AT] = "at",       [DE_PAPER_NO] = "paper_no", NULL
        };

        hset_rows(r, "Page.Events", &pg->events, pub);
    }
    hset_rows(r, "Page.Apologies", &pg->apologies, apology_cols);
}

enum db_rc
dossier_staff_hdf(struct req *r, const struct dossier_row *d)
{
    struct dossier_page pg;
    enum db_rc rc = dossier_staff_page(req_sctx(r), d, &pg);

    if (rc == DB_OK) {
        dossier_page_hdf(r, &pg);
        if (pg.supplement_now) {
            hset(r, "Page.D.SupplementNow", pg.supplement_now);
        }
    }
    return rc;
}

enum db_rc
dossier_public_hdf(struct req *r, long long dossier_id)
{
    struct dossier_page pg;
    enum db_rc rc = dossier_public_page(req_sctx(r), dossier_id, &pg);

    if (rc == DB_OK) {
        dossier_page_hdf(r, &pg);
        if (pg.consent_given) {
            hset(r, "Page.Consent.given_at", pg.consent_given);
            hset(r, "Page.Consent.withdrawn_at", pg.consent_withdrawn);
        }
        if (pg.d.nrows) {
            /* the rating form with the result; before it, when to come back */
            enum rate_when w = dossier_rate_when(dbres_get(&pg.d, 0, DP_STATUS));

            hset(r, "Page.Can.rate", w == RATE_NOW ? "1" : NULL);
            hset(r, "Page.RateLater", w == RATE_LATER ? "1" : NULL);
        }
    }
    return rc;
}
