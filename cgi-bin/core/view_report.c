/* view_report.c — the leader's figures and the public statistics as page
 * data: numbers as the page's language writes them, under the names the
 * templates (leader/, citizen/stats) and the dashboard's CSV read. */
#include "view_report.h"

#include <stdio.h>
#include <string.h>

#include "render.h"
#include "util.h"

/* A number as the page's language writes it: "85,3" (vi), "85.3" (en). */
static const char *
decimal(struct req *r, char *s)
{
    if (strcmp(r->lang, "vi") == 0 && strchr(s, '.')) {
        *strchr(s, '.') = ',';
    }
    return s;
}

/* "85,3%" (vi) or "85.3%" (en); "—" without a base. */
static const char *
pct(struct req *r, long long part, long long whole)
{
    if (whole <= 0) {
        return "—";
    }
    return decimal(r, pool_printf(&r->pool, "%.1f%%", 100.0 * (double)part / (double)whole));
}

/* A mean on the 1..3 scale, "2,71 / 3" (vi) or "2.71 / 3"; NULL without answers. */
static const char *
mean3(struct req *r, long long sum, long long n)
{
    return n > 0 ? decimal(r, pool_printf(&r->pool, "%.2f / 3", (double)sum / (double)n)) : NULL;
}

void
view_report_base(struct req *r, const struct report_base *b)
{
    if (b->base) {
        hset(r, "Page.OnTimeBase", b->base);
        hset(r, "Page.OnTimeVersion", b->version);
    }
}

/* A rate, left out when its base is under min (too few to show in public). */
static void
rate_hdf(struct req *r, const char *key, long long part, long long whole, long long min)
{
    if (whole >= min) {
        hset(r, key, pct(r, part, whole));
    }
}

/* The QĐ 766/QĐ-TTg figures of f as the decision defines them,
 * for the leader's dashboard and the public statistics alike. */
static void
qd766_hdf(struct req *r, const struct report_base *b, const struct report_figs *f,
          const char *prefix, long long min)
{
    long long part, base;

    report_on_time_parts(b, f, &part, &base);
#define K(name) pool_printf(&r->pool, "%s.%s", prefix, name)
    /* (dossiers − dossiers a citizen was not satisfied with) / dossiers, over
     * the dossiers whose result was ready in the period */
    rate_hdf(r, K("sat_dossier"), f->finished - f->unhappy, f->finished, min);
    hseti(r, K("dossier_unhappy"), f->unhappy);
    rate_hdf(r, K("on_time_rate"), part, base, min);
    /* identified petitions answered in the period: on time, and satisfied */
    hseti(r, K("pakn_answered"), f->pakn_answered);
    hseti(r, K("pakn_unhappy"), f->pakn_unhappy);
    rate_hdf(r, K("pakn_on_time_rate"), f->pakn_on_time, f->pakn_answered, min);
    rate_hdf(r, K("pakn_satisfaction"), f->pakn_answered - f->pakn_unhappy, f->pakn_answered, min);
    hseti(r, K("pakn"), f->pakn);
    hseti(r, K("anonymous"), f->anonymous);
    hseti(r, K("praise"), f->praise);
#undef K
}

static void
figs_hdf(struct req *r, const struct report_base *b, const struct report_figs *f,
         const char *prefix)
{
    static const char *const crit[] = { "crit_attitude", "crit_time", "crit_trips",
                                        "crit_guidance" };
    long long n = f->ratings;

#define K(name) pool_printf(&r->pool, "%s.%s", prefix, name)
    hseti(r, K("received"), f->received);
    hseti(r, K("finished"), f->finished);
    hseti(r, K("early"), f->early);
    hseti(r, K("on_time"), f->on_time);
    hseti(r, K("late_finished"), f->late_finished);
    qd766_hdf(r, b, f, prefix, 0);
    hseti(r, K("apologies"), f->apologies);
    hseti(r, K("apologies_late"), f->apologies_late);
    hseti(r, K("late"), f->late);
    hseti(r, K("late_no_apology"), f->late_no_apology);
    hseti(r, K("escalated"), f->escalated);
    hseti(r, K("ratings"), n);
    hseti(r, K("r3"), f->r3);
    hseti(r, K("r2"), f->r2);
    hseti(r, K("r1"), f->r1);
    /* the share of satisfied ratings: counter ratings without a dossier too */
    hset(r, K("ratings_share"), pct(r, n - f->r1, n));
    hset(r, K("p3"), pct(r, f->r3, n));
    hset(r, K("p2"), pct(r, f->r2, n));
    hset(r, K("p1"), pct(r, f->r1, n));
    if (n > 0) {
        /* bar widths (of 300) for the distribution chart */
        hseti(r, K("w3"), f->r3 * 300 / n);
        hseti(r, K("w2"), f->r2 * 300 / n);
        hseti(r, K("w1"), f->r1 * 300 / n);
    }
    for (size_t k = 0; k < NELEM(crit); k++) {
        hset(r, K(crit[k]), mean3(r, f->crit_sum[k], f->crit_n[k]));
    }
    hseti(r, K("feedback"), f->feedback);
    hseti(r, K("answered"), f->answered);
    hset(r, K("answered_on_time"), pct(r, f->answered_on_time, f->answered));
    hseti(r, K("feedback_overdue"), f->overdue);
    hseti(r, K("answer_unsatisfied"), f->answer_unsatisfied);
    hseti(r, K("answer_rated"), f->answer_rated);
    hseti(r, K("forward_late"), f->forward_late);
#undef K
}

void
view_report_summary(struct req *r, const char *prefix, const struct report_base *b,
                    const struct report_summary *s)
{
    figs_hdf(r, b, &s->all, prefix);
    /* one row per direct sub-unit with every figure (Page.Units) */
    for (size_t i = 0; i < s->nunits; i++) {
        const struct report_unit *u = &s->units[i];
        const char *pre = pool_printf(&r->pool, "Page.Units.%zu", i);

        hset(r, pool_printf(&r->pool, "%s.name", pre), u->name);
        hset(r, pool_printf(&r->pool, "%s.code", pre), u->code);
        figs_hdf(r, b, &u->f, pre);
        if (u->rank_ratings_share) {
            hseti(r, pool_printf(&r->pool, "%s.rank_ratings_share", pre), u->rank_ratings_share);
        }
        if (u->rank_on_time) {
            hseti(r, pool_printf(&r->pool, "%s.rank_on_time", pre), u->rank_on_time);
        }
    }
    if (s->median_delay >= 0) {
        hseti(r, pool_printf(&r->pool, "%s.median_delay", prefix), s->median_delay);
    }
    if (s->median_answer_hours >= 0) {
        hseti(r, pool_printf(&r->pool, "%s.median_answer_hours", prefix), s->median_answer_hours);
    }
}

void
view_report_public(struct req *r, const char *prefix, const struct report_base *b,
                   const struct report_public_row *rows, size_t n, int min_count)
{
    for (size_t i = 0; i < n; i++) {
        const char *pre = pool_printf(&r->pool, "%s.%zu", prefix, i);

        hset(r, pool_printf(&r->pool, "%s.name", pre), rows[i].name);
        hseti(r, pool_printf(&r->pool, "%s.finished", pre), rows[i].f.finished);
        qd766_hdf(r, b, &rows[i].f, pre, min_count);
    }
}

void
view_report_people(struct req *r, struct report_person *const people[REPORT_PEOPLE],
                   const size_t n[REPORT_PEOPLE], int min_count)
{
    static const char *const
        kinds[REPORT_PEOPLE] = { [REPORT_COUNTERS] = "counter", [REPORT_OFFICERS] = "officer" };
    static const char *const prefixes[REPORT_PEOPLE] = { [REPORT_COUNTERS] = "Page.Counters",
                                                         [REPORT_OFFICERS] = "Page.Officers" };

    for (size_t k = 0; k < REPORT_PEOPLE; k++) {
        for (size_t i = 0; i < n[k]; i++) {
            const struct report_person *who = &people[k][i];
            const char *pre = pool_printf(&r->pool, "%s.%zu", prefixes[k], i);

            hset(r, pool_printf(&r->pool, "%s.name", pre), who->name);
            hseti(r, pool_printf(&r->pool, "%s.ratings", pre), who->ratings);
            hset(r, pool_printf(&r->pool, "%s.kind", pre), kinds[k]);
            if (who->ratings >= min_count) {
                /* small numbers do not rank */
                hseti(r, pool_printf(&r->pool, "%s.rank", pre), (long long)i + 1);
                hset(r, pool_printf(&r->pool, "%s.ratings_share", pre),
                     pct(r, who->ratings - who->r1, who->ratings));
                hset(r, pool_printf(&r->pool, "%s.p3", pre), pct(r, who->r3, who->ratings));
            }
        }
    }
}

void
view_report_corrections(struct req *r, const struct dbres *res)
{
    static const char *const cols[] = {
        [RC_MONTH] = "month",
        [RC_AT] = "at",
        [RC_LATE_BEFORE] = "late_before",
        [RC_LATE_AFTER] = "late_after",
        [RC_ONTIME_BEFORE] = "ontime_before",
        [RC_ONTIME_AFTER] = "ontime_after",
        NULL,
    };

    hset_rows(r, "Page.Corrections", res, cols);
}

void
view_report_trend(struct req *r, const struct dbres *res)
{
    long long max = 1;

    for (size_t i = 0; i < res->nrows; i++) {
        long long rec = util_num(dbres_get(res, i, RT_RECEIVED));

        max = rec > max ? rec : max;
    }
    /* bar geometry computed here: templates only place what they are given */
    for (size_t i = 0; i < res->nrows; i++) {
        const char *pre = pool_printf(&r->pool, "Page.Trend.%zu", i);
        long long rec = util_num(dbres_get(res, i, RT_RECEIVED));
        long long late = util_num(dbres_get(res, i, RT_LATE));

        hset(r, pool_printf(&r->pool, "%s.month", pre), dbres_get(res, i, RT_MONTH));
        hseti(r, pool_printf(&r->pool, "%s.received", pre), rec);
        hseti(r, pool_printf(&r->pool, "%s.late", pre), late);
        hseti(r, pool_printf(&r->pool, "%s.x", pre), 40 + (long long)i * 50);
        hseti(r, pool_printf(&r->pool, "%s.h", pre), rec * 150 / max);
        hseti(r, pool_printf(&r->pool, "%s.y", pre), 170 - rec * 150 / max);
        hseti(r, pool_printf(&r->pool, "%s.lh", pre), late * 150 / max);
        hseti(r, pool_printf(&r->pool, "%s.ly", pre), 170 - late * 150 / max);
    }
    hseti(r, "Page.TrendMax", max);
}

/* The words are the language table's own strings, so nothing is allocated
 * per row (a CSV export streams any number of rows in bounded memory). */
void
view_report_list_words(struct req *r, const char *kind, const struct dbres *rows)
{
    const char *const *tr = report_list_codes(kind);
    char key[96];

    for (size_t i = 0; tr && i < rows->nrows; i++) {
        for (size_t c = 0; c < REPORT_LIST_SHOWN; c++) {
            if (tr[c] && rows->ncols > RL_SHOWN + c) {
                const char *w;

                snprintf(key, sizeof(key), "%s.%s", tr[c], dbres_get(rows, i, RL_SHOWN + c));
                /* lang_str answers an unknown key with the key itself: keep the code */
                if ((w = lang_str(r, key)) != key) {
                    rows->cell[i * rows->ncols + RL_SHOWN + c] = (char *)w;
                }
            }
        }
    }
}

void
view_report_audit(struct req *r, const struct dbres *res)
{
    static const char *const cols[] = {
        [RA_AT] = "at",     [RA_ACTOR] = "actor", [RA_KEY] = "key",       [RA_CODE] = "code",
        [RA_LINK] = "link", [RA_IP] = "ip",       [RA_DETAIL] = "detail", NULL,
    };

    hset_rows(r, "Page.Audit", res, cols);
    hseti(r, "Page.AuditCount", (long long)res->nrows);
}
