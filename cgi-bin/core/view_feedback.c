/* view_feedback.c — a feedback case as page data. */
#include "view_feedback.h"

#include <string.h>

#include "render.h"
#include "sctx.h"
#include "store_feedback.h"
#include "util.h"

enum db_rc
feedback_public_hdf(struct req *r, const struct dbres *fcase)
{
    static const char *const cols[FBP__NCOLS] = {
        [FBP_CODE] = "Code",
        [FBP_KIND] = "Kind",
        [FBP_STATUS] = "Status",
        [FBP_UNIT_NAME] = "UnitName",
        [FBP_CREATED] = "Created",
        [FBP_DUE] = "Due",
        [FBP_ANSWERED] = "Answered",
        [FBP_SATISFIED] = "AnswerSatisfied",
        [FBP_OVERDUE] = "Overdue",
        [FBP_IDENTITY] = "Identity",
        [FBP_COUNTER_NAME] = "CounterName",
    };
    static const char *const ecols[FBE__NCOLS + 1] = {
        [FBE_EVENT] = "event",
        [FBE_BODY] = "body",
        [FBE_AT] = "at",
        [FBE__NCOLS] = NULL,
    };
    struct dbres ev;

    if (fcase->nrows == 0) {
        return DB_OK;
    }
    feedback_public_events(&r->pool, fcase, &ev);
    for (size_t c = 0; c < FBP__NCOLS; c++) {
        const char *v = dbres_get(fcase, 0, c);

        if (v) {
            hset(r, pool_printf(&r->pool, "Page.Case.%s", cols[c]), v);
        }
    }
    if (dbres_get(fcase, 0, FBP_CONSENT_GIVEN)) {
        hset(r, "Page.Consent.given_at", dbres_get(fcase, 0, FBP_CONSENT_GIVEN));
        hset(r, "Page.Consent.withdrawn_at", dbres_get(fcase, 0, FBP_CONSENT_WITHDRAWN));
    }
    hset_rows(r, "Page.Case.Events", &ev, ecols);
    for (size_t i = ev.nrows; i-- > 0;) {
        if (strcmp(dbres_get(&ev, i, FBE_EVENT), "answer") == 0) {
            hset(r, "Page.Case.Answer", dbres_get(&ev, i, FBE_BODY));
            break;
        }
    }
    return DB_OK;
}
