/* view_case.c — the inbox's page and the case page as page data. */
#include "view_case.h"

#include <string.h>
#include <time.h>

#include "calendar.h"
#include "case_fsm.h"
#include "db.h"
#include "render.h"
#include "util.h"
#include "worker.h"

/* "còn N ngày" / "quá hạn N ngày" material: working days from today to due. */
static void
due_hdf(struct req *r, const char *prefix, long long due, int paused)
{
    const struct cal *cal = req_calendar(r);
    char d[11];

    if (due <= 0 || cal == NULL) {
        return;
    }
    cal_format(cal_local_day((time_t)due), d);
    hset(r, pool_printf(&r->pool, "%s.due", prefix),
         pool_printf(&r->pool, "%.2s/%.2s/%.4s", d + 8, d + 5, d));
    if (paused) {
        hset(r, pool_printf(&r->pool, "%s.paused", prefix), "1");
        return;
    }
    if ((time_t)due < time(NULL)) {
        int late =
            cal_working_days_between(cal, cal_local_day((time_t)due), cal_local_day(time(NULL)));

        hseti(r, pool_printf(&r->pool, "%s.late", prefix), late > 0 ? late : 0);
        hset(r, pool_printf(&r->pool, "%s.overdue", prefix), "1");
    } else {
        hseti(r, pool_printf(&r->pool, "%s.left", prefix),
              cal_working_days_between(cal, cal_local_day(time(NULL)), cal_local_day((time_t)due)));
    }
}

void
case_page_hdf(struct req *r, const struct case_page *p)
{
    static const char *const cols[] = {
        [CL_CODE] = "code",           [CL_KIND] = "kind",
        [CL_STATUS] = "status",       [CL_CREATED] = "created",
        [CL_DUE_TS] = "due_ts",       [CL_UNIT] = "unit",
        [CL_COUNTER] = "counter",     [CL_ASSIGNEE] = "assignee",
        [CL_EXCERPT] = "excerpt",     [CL_PAUSED] = "paused_flag",
        [CL_ESCALATED] = "escalated", [CL_FORWARD_LATE] = "forward_late",
        [CL_MATCHES] = NULL,
    };
    const struct dbres *res = &p->cases;

    for (size_t k = 0; k < CS__COUNT; k++) {
        if (p->count[k] >= 0) {
            hseti(r, pool_printf(&r->pool, "Page.Counts.%s", case_fsm.states[k]), p->count[k]);
        }
    }
    hseti(r, "Page.Counts.open", p->open);
    hseti(r, "Page.Counts.escalated", p->escalated);
    hseti(r, "Page.Counts.overdue", p->overdue);
    hseti(r, "Page.Total", p->total);
    hseti(r, "Page.TotalMore", p->total_more);
    hset_rows(r, "Page.Cases", res, cols);
    for (size_t i = 0; i < res->nrows; i++) {
        hset(r, pool_printf(&r->pool, "Page.Cases.%zu.excerpt", i),
             util_excerpt(&r->pool, dbres_get(res, i, CL_EXCERPT), 140));
    }
    for (size_t i = 0; i < res->nrows; i++) {
        if (fsm_state_is(&case_fsm, dbres_get(res, i, CL_STATUS), CSF_OPEN)) {
            due_hdf(r, pool_printf(&r->pool, "Page.Cases.%zu", i),
                    util_num(dbres_get(res, i, CL_DUE_TS)),
                    strcmp(dbres_get(res, i, CL_PAUSED), "1") == 0);
        }
    }
}

void
case_detail_hdf(struct req *r, const struct case_row *c, const struct case_detail *d)
{
    static const char *const cols[] = {
        [CD_CODE] = "Code",
        [CD_KIND] = "Kind",
        [CD_STATUS] = "Status",
        [CD_CONTENT] = "Content",
        [CD_IDENTITY] = "Identity",
        [CD_CREATED] = "Created",
        [CD_UNIT_NAME] = "UnitName",
        [CD_COUNTER_NAME] = "CounterName",
        [CD_OFFICER_NAME] = "OfficerName",
        [CD_ASSIGNEE_NAME] = "AssigneeName",
        [CD_FORMAL] = "Formal",
        [CD_ANSWERED] = "Answered",
        [CD_ANSWER_SATISFIED] = "AnswerSatisfied",
        [CD_FORWARD_DUE] = "ForwardDue",
        [CD_ESCALATED] = "Escalated",
        [CD_PUBLIC_CODE] = "PublicCode",
        [CD_RATING_LEVEL] = "RatingLevel",
        [CD_FORWARD_LATE] = "ForwardLate",
        [CD_PAUSED] = NULL, /* the rest are shown apart */
    };
    static const char *const ccols[] = { [CC_NAME] = "Name",
                                         [CC_PHONE] = "Phone",
                                         [CC_EMAIL] = "Email",
                                         [CC_ADDRESS] = "Address",
                                         [CC__COUNT] = NULL };
    static const char *const fcols[] = { [CF_NAME] = "name",
                                         [CF_MIME] = "mime",
                                         [CF_SIZE] = "size",
                                         [CF_STORED] = "stored",
                                         [CF__COUNT] = NULL };
    static const char *const ecols[] = {
        [CE_EVENT] = "event", [CE_PUBLIC] = "public", [CE_BODY] = "body",
        [CE_AT] = "at",       [CE_ACTOR] = "actor",   [CE__COUNT] = NULL
    };
    const struct dbres *row = &d->row;
    const char *line = NULL;

    if (row->nrows == 0) {
        return;
    }
    for (size_t i = 0; cols[i]; i++) {
        if (dbres_get(row, 0, i)) {
            hset(r, pool_printf(&r->pool, "Page.Case.%s", cols[i]), dbres_get(row, 0, i));
        }
    }
    if (!fsm_state_is(&case_fsm, dbres_get(row, 0, CD_STATUS), CSF_FORWARD)) {
        hset(r, "Page.Case.ForwardDue", NULL); /* taken up: no forwarding deadline runs */
    }
    due_hdf(r, "Page.Case", c->due_at, strcmp(dbres_get(row, 0, CD_PAUSED), "1") == 0);
    /* retention (sql/080_retention.sql): the day the sender's contact, the files went */
    if (dbres_get(row, 0, CD_CONTACT_ERASED)) {
        hset(r, "Page.Case.ContactErased", dbres_get(row, 0, CD_CONTACT_ERASED));
    }
    if (dbres_get(row, 0, CD_FILES_ERASED)) {
        hset(r, "Page.Case.FilesErased", dbres_get(row, 0, CD_FILES_ERASED));
    }
    if (d->contact.nrows) {
        /* one line "name · phone · e-mail · address" of the parts given:
         * an empty part leaves no separator behind */
        for (size_t i = 0; ccols[i]; i++) {
            const char *v = dbres_get(&d->contact, 0, i);

            if (v && *v) {
                hset(r, pool_printf(&r->pool, "Page.Contact.%s", ccols[i]), v);
                line = line ? pool_printf(&r->pool, "%s · %s", line, v) : v;
            }
        }
        hset(r, "Page.ContactLine", line);
    }
    hset_rows(r, "Page.Files", &d->files, fcols);
    hset_rows(r, "Page.Events", &d->events, ecols);
}
