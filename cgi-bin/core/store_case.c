/* store_case.c — the staff side of feedback cases: lists, what the case page
 * shows and every action, each in one transaction with its event and audit
 * row. */
#include "store_case.h"

#include <string.h>
#include <strings.h>
#include <time.h>

#include "audit.h"
#include "calendar.h"
#include "case_fsm.h"
#include "conf.h"
#include "db.h"
#include "notify.h"
#include "search.h"
#include "stats.h"
#include "store_feedback.h"
#include "util.h"

/* The SQL list of the states with every flag of `all` and none of `none`,
 * from the table (in x's pool). */
static const char *
state_list(struct sctx *x, unsigned all, unsigned none)
{
    return fsm_sql_states(&case_fsm, all, none, pool_alloc(x->pool, 128), 128);
}

/* The visibility rule for one case (case_get): four arguments, VIS_ARGS.  The
 * inbox writes the same rule in sql_from, shaped for the index each of its
 * statements reads. */
#define VISIBLE                                                                   \
    " f.unit_id IN (SELECT v.id FROM org_unit v WHERE (? = 1 AND v.path LIKE ?)"   \
    "                                               OR v.id = ?)"                   \
    " AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)"
#define VIS_ARGS(s) DV_I((s)->leader), DV_S((s)->subtree), DV_I((s)->unit_id), DV_I((s)->viewer_id)

enum db_rc
case_scope(struct sctx *x, struct scope *s)
{
    memset(s, 0, sizeof(*s));
    s->leader = strcmp(x->user->role, "leader") == 0;
    s->unit_id = x->user->unit_id;
    /* the unit's path, read with the session (session_load) */
    s->path = x->user->unit_path ? x->user->unit_path : "/none/";
    /* patterns are built here, not with CONCAT in SQL: a parameter and a
     * literal of different collations cannot meet in one expression */
    s->subtree = pool_printf(x->pool, "%s%%", s->path);
    s->viewer_id = x->user->id;
    return DB_OK;
}

/* How many terms of a phrase the inbox search looks up (search_terms). */
#define SEARCH_TERMS 12

/* What a search reads and how (search_cond). */
enum search_by {
    SEARCH_CASES,      /* f is feedback: a tracking code, or nothing to find */
    SEARCH_TERMS_ONE,  /* f is feedback_term, one row per case */
    SEARCH_TERMS_BEGUN /* f is feedback_term, a case in as many rows as its terms begun */
};

/* A search's condition over f (" AND …") and its arguments, in x's pool. */
struct search {
    enum search_by by;
    const char *cond;
    const char *arg[SEARCH_TERMS];
    size_t n;
};

/* A term as the start of LIKE's pattern: "_", "%" and "\" escaped, "%" after. */
static const char *
like_begun(struct pool *p, const char *term)
{
    struct buf b = { 0 };
    char *out;

    for (const char *c = term; *c; c++) {
        if (*c == '_' || *c == '%' || *c == '\\') {
            buf_adds(&b, "\\");
        }
        buf_add(&b, c, 1);
    }
    buf_adds(&b, "%");
    out = pool_strdup(p, b.p);
    buf_free(&b);
    return out;
}

/* The term of the index that the last word as typed begins (a LIKE pattern,
 * like_begun) into *whole when it is the only one, as a word typed whole
 * usually is; NULL with *none set when no term begins so, NULL alone when
 * several do.  Two looks into the index's first column. */
static enum db_rc
term_begun(struct sctx *x, const char *begun, const char **whole, int *none)
{
    struct dbres res;
    enum db_rc rc;

    *whole = NULL;
    *none = 0;
    rc = db_query(x->db, x->pool,
                  "SELECT term FROM feedback_term WHERE term LIKE ? ORDER BY term LIMIT 1",
                  DB_ARGS(DV_S(begun)), &res);
    if (rc != DB_OK || (*none = res.nrows == 0)) {
        return rc;
    }
    *whole = dbres_get(&res, 0, 0);
    rc =
        db_query(x->db, x->pool,
                 "SELECT 1 FROM feedback_term WHERE term LIKE ? AND term > ? ORDER BY term LIMIT 1",
                 DB_ARGS(DV_S(begun), DV_S(*whole)), &res);
    if (rc != DB_OK || res.nrows > 0) {
        *whole = NULL;
    }
    return rc;
}

/* The search's condition, through an index: a tracking code ("PA-…", as
 * typed) by the code's unique key; words through the search's own index,
 * feedback_term (sql/230_search_terms.sql), which holds the pairs of
 * neighbouring words of a case's folded text and its last word, with the
 * columns the inbox filters and orders by: the words in that order, with or
 * without diacritics, the last one as far as typed (search_terms).  The last
 * term is the one term it begins when there is one (term_begun), else a
 * prefix.  One whole term leads, read as a range of the index (the longest:
 * pairs are rarer than syllables); each other one is looked up in the case's
 * own terms.  A query with no letter or digit, or whose last word begins no
 * term, finds nothing. */
static enum db_rc
search_cond(struct sctx *x, const char *q, struct search *sr)
{
    const char *terms[SEARCH_TERMS], *folded, *begun, *whole;
    size_t n = 0, lead = 0;
    int none;
    struct buf b = { 0 };
    enum db_rc rc;

    memset(sr, 0, sizeof(*sr));
    while (*q == ' ') {
        q++;
    }
    if (strncasecmp(q, "PA-", 3) == 0 && strchr(q, ' ') == NULL) {
        sr->cond = " AND f.code = ?";
        sr->arg[sr->n++] = q;
        return DB_OK;
    }
    sr->by = SEARCH_TERMS_ONE;
    folded = search_fold(x->pool, q);
    if (folded) {
        n = search_terms(x->pool, folded, terms, SEARCH_TERMS);
    }
    if (n == 0) {
        sr->cond = " AND FALSE";
        return DB_OK;
    }
    begun = like_begun(x->pool, terms[n - 1]);
    if ((rc = term_begun(x, begun, &whole, &none)) != DB_OK || none) {
        sr->cond = " AND FALSE";
        return rc;
    }
    if (n == 1 && !whole) {
        sr->by = SEARCH_TERMS_BEGUN;
        sr->cond = " AND f.term LIKE ?";
        sr->arg[sr->n++] = begun;
        return DB_OK;
    }
    terms[n - 1] = whole; /* NULL: the prefix */
    for (size_t i = 1; i < n; i++) {
        lead = terms[i] && strlen(terms[i]) > strlen(terms[lead]) ? i : lead;
    }
    buf_adds(&b, " AND f.term = ?");
    sr->arg[sr->n++] = terms[lead];
    /* the other terms as semi-joins, looked up in each case read */
    for (size_t i = 0; i < n; i++) {
        if (i == lead) {
            continue;
        }
        buf_adds(&b, terms[i] ? " AND EXISTS (SELECT 1 FROM feedback_term g"
                                " WHERE g.id = f.id AND g.term = ?)"
                              : " AND EXISTS (SELECT 1 FROM feedback_term g"
                                " WHERE g.id = f.id AND g.term LIKE ?)");
        sr->arg[sr->n++] = terms[i] ? terms[i] : begun;
    }
    sr->cond = pool_strdup(x->pool, b.p);
    buf_free(&b);
    return DB_OK;
}

/* ---- the inbox ---------------------------------------------------------- */

/* The SQL put together below takes its status literals from the case table
 * (states, state_list), never from the request. */
#define NSTATES CS__COUNT

static int
state_index(const char *st)
{
    return fsm_state(&case_fsm, st);
}

/* Open and not waiting for the citizen: the deadline's clock runs. */
static int
running(int k)
{
    return (case_fsm.flags[k] & (CSF_OPEN | CSF_PAUSED)) == CSF_OPEN;
}

/* Overdue and due soon: running cases past their deadline, or before it and
 * due by the one argument. */
static const char *
overdue_cond(struct sctx *x)
{
    return pool_printf(x->pool, " AND f.status IN (%s) AND f.due_at < UTC_TIMESTAMP()",
                       state_list(x, CSF_OPEN, CSF_PAUSED));
}

static const char *
due_soon_cond(struct sctx *x)
{
    return pool_printf(x->pool,
                       " AND f.status IN (%s) AND f.due_at >= UTC_TIMESTAMP()"
                       " AND f.due_at <= FROM_UNIXTIME(?)",
                       state_list(x, CSF_OPEN, CSF_PAUSED));
}

/* A statement put together from the constant pieces below, and its arguments
 * in the order of its placeholders. */
struct stmt {
    struct buf sql;
    struct dbv arg[DB_MAX_ARGS];
    size_t n;
    int branches;
};

static void
sql_arg(struct stmt *q, struct dbv v)
{
    if (q->n < DB_MAX_ARGS) {
        q->arg[q->n] = v;
    }
    q->n++;   /* one too many: db.c refuses the statement */
}

static enum db_rc
sql_run(struct sctx *x, struct stmt *q, struct dbres *res)
{
    enum db_rc rc = db_query(x->db, x->pool, db_text(q->sql.p), q->arg, q->n, res);

    buf_free(&q->sql);
    memset(q, 0, sizeof(*q));
    return rc;
}

/* How a leader's cases are reached.  One unit's cases of one status are in due
 * order in ix_feedback_unit_status; across units only ix_feedback_due (status,
 * due_at) is, read for the whole province and kept where the unit is in the
 * subtree.  BY_STATUS pays off when the subtree holds much of that status,
 * BY_UNIT (and a sort) when it holds little.  An officer's one unit is always
 * read from ix_feedback_unit_status. */
enum reach { BY_OPTIMIZER, BY_UNIT, BY_STATUS, BY_TERMS };

/* " FROM … WHERE" the cases the viewer may see: the rule of VISIBLE, with the
 * unit set written for the index to be used.  A search of a leader's subtree
 * names its units (scope_units) when it may: the index's rows are then
 * checked against a list rather than joined to org_unit, twice as fast. */
static void
sql_from(struct stmt *q, const struct scope *s, enum reach how)
{
    if (!s->leader) {
        buf_adds(&q->sql, how == BY_TERMS ? " FROM feedback_term f WHERE f.unit_id = ?"
                                          : " FROM feedback f WHERE f.unit_id = ?");
        sql_arg(q, DV_I(s->unit_id));
    } else if (how == BY_TERMS && s->units) {
        buf_printf(&q->sql, " FROM feedback_term f WHERE f.unit_id IN (%s)", s->units);
    } else {
        buf_adds(&q->sql,
                 how == BY_TERMS
                     ? " FROM feedback_term f"
                       " WHERE f.unit_id IN (SELECT v.id FROM org_unit v WHERE v.path LIKE ?)"
                 : how == BY_UNIT ? " FROM org_unit v STRAIGHT_JOIN feedback f"
                                    " FORCE INDEX (ix_feedback_unit_status) ON f.unit_id = v.id"
                                    " WHERE v.path LIKE ?"
                 : how == BY_STATUS
                     ? " FROM feedback f FORCE INDEX (ix_feedback_due)"
                       " STRAIGHT_JOIN org_unit v FORCE INDEX (PRIMARY) ON v.id = f.unit_id"
                       " WHERE v.path LIKE ?"
                     : " FROM feedback f"
                       " WHERE f.unit_id IN (SELECT v.id FROM org_unit v WHERE v.path LIKE ?)");
        sql_arg(q, DV_S(s->subtree));
    }
    buf_adds(&q->sql, " AND NOT (f.identity = 'confidential' AND f.officer_id <=> ?)");
    sql_arg(q, DV_I(s->viewer_id));
}

/* The ids of a leader's subtree into s->units ("3,7,9", the database's own
 * integers), unless there are more than Report.UnitsInStatement (default
 * 2000): then NULL, and the statement joins org_unit.  A province's scopes
 * give at most one text each, which db_text keeps prepared. */
static enum db_rc
scope_units(struct sctx *x, struct scope *s)
{
    long long most = conf_int(x->app->conf, "Report.UnitsInStatement", 2000);
    struct dbres res;
    struct buf b = { 0 };
    enum db_rc rc;

    s->units = NULL;
    rc = db_query(x->db, x->pool, "SELECT id FROM org_unit WHERE path LIKE ? ORDER BY id",
                  DB_ARGS(DV_S(s->subtree)), &res);
    if (rc != DB_OK || res.nrows == 0 || most < 0 || res.nrows > (size_t)most) {
        return rc;
    }
    for (size_t i = 0; i < res.nrows; i++) {
        buf_printf(&b, "%s%lld", i ? "," : "", util_num(dbres_get(&res, i, 0)));
    }
    s->units = pool_strdup(x->pool, b.p);
    buf_free(&b);
    return DB_OK;
}

/* A status condition (constant text, at most one argument), then the filter's
 * kind, counter and search conditions (search_cond's). */
static void
sql_where(struct stmt *q, const struct case_filter *f, const struct search *sr, const char *cond,
          const struct dbv *cond_arg)
{
    buf_adds(&q->sql, cond);
    if (cond_arg) {
        sql_arg(q, *cond_arg);
    }
    if (f->kind) {
        buf_adds(&q->sql, " AND f.kind = ?");
        sql_arg(q, DV_S(f->kind));
    }
    if (f->counter_id) {
        buf_adds(&q->sql, " AND f.counter_id = ?");
        sql_arg(q, DV_I(f->counter_id));
    }
    if (f->q) {
        buf_adds(&q->sql, sr->cond);
        for (size_t i = 0; i < sr->n; i++) {
            sql_arg(q, DV_S(sr->arg[i]));
        }
    }
}

/* What a branch or a count of the filter reads: a search its index. */
static enum reach
reach_of(const struct case_filter *f, const struct search *sr, enum reach how)
{
    return !f->q ? how : sr->by == SEARCH_CASES ? BY_OPTIMIZER : BY_TERMS;
}

/* Whether the page is read in due order, status by status: the inbox without
 * a search, and a search whose leading term is one term of the index (its
 * matches are then counted apart, up to a limit: case_list).  The other
 * searches (a tracking code, a word begun that starts several terms) read all
 * their matches in one branch, sorted, and count them on the way. */
static int
in_order(const struct case_filter *f, const struct search *sr)
{
    return !f->q || sr->by == SEARCH_TERMS_ONE;
}

/* Before a search read in order: its other terms (EXISTS) looked up in each
 * case as it is read, which stops at the page's end or the count's limit.
 * Left to choose, the optimizer may instead read a term's every case into a
 * temporary table first, and a prepared statement keeps that choice from one
 * execution to the next: a rare term's plan then read the 500,000 cases of a
 * common one (1.4 s instead of 10 ms at a million cases). */
#define SQL_IN_ORDER "SET STATEMENT optimizer_switch = 'semijoin=off,materialization=off' FOR "

/* One branch of the page: up to `upto` cases in order of part, then due (part
 * 0, the overdue cases, comes first on the page; part is "0", "1" or an SQL
 * expression of f with no argument). */
static void
sql_branch(struct stmt *q, const struct scope *s, const struct case_filter *f,
           const struct search *sr, enum reach how, const char *part, const char *cond,
           const struct dbv *cond_arg, long long upto)
{
    /* a word begun may be several terms of one case: one row per case */
    int grouped = f->q && sr->by == SEARCH_TERMS_BEGUN;

    buf_adds(&q->sql, q->branches++ ? " UNION ALL (SELECT f.id, " : "(SELECT f.id, ");
    buf_adds(&q->sql, grouped ? "MIN(f.due_at) AS due_at, MIN(" : "f.due_at, ");
    buf_adds(&q->sql, part);
    /* a sorted search's branch counts its matches on the way (the sort reads
     * them all) */
    buf_adds(&q->sql, grouped            ? ") AS part, COUNT(*) OVER () AS n"
                      : !in_order(f, sr) ? " AS part, COUNT(*) OVER () AS n"
                                         : " AS part, 0 AS n");
    sql_from(q, s, reach_of(f, sr, how));
    sql_where(q, f, sr, cond, cond_arg);
    /* a constant part leaves the order to the index the branch reads */
    buf_adds(&q->sql, grouped            ? " GROUP BY f.id ORDER BY part, due_at, id LIMIT ?)"
                      : strlen(part) > 1 ? " ORDER BY part, f.due_at, f.id LIMIT ?)"
                                         : " ORDER BY f.due_at, f.id LIMIT ?)");
    sql_arg(q, DV_I(upto));
}

/* The cases of the filter, counted (the clock or a search decides them): all
 * of them, or with upto > 0 as far as upto + 1 (more than upto: p->total_more). */
static enum db_rc
filter_count(struct sctx *x, const struct scope *s, const struct case_filter *f,
             const struct search *sr, const char *fcond, const struct dbv *cond_arg, long long upto,
             struct case_page *p)
{
    int grouped = f->q && sr->by == SEARCH_TERMS_BEGUN;
    struct stmt q = { 0 };
    struct dbres res;
    enum db_rc rc;

    buf_adds(&q.sql, upto > 0 && f->q ? SQL_IN_ORDER : "");
    buf_adds(&q.sql, upto > 0  ? (grouped ? "SELECT COUNT(*) FROM (SELECT DISTINCT f.id"
                                          : "SELECT COUNT(*) FROM (SELECT f.id")
                     : grouped ? "SELECT COUNT(DISTINCT f.id)"
                               : "SELECT COUNT(*)");
    sql_from(&q, s, reach_of(f, sr, BY_STATUS));
    sql_where(&q, f, sr, fcond, cond_arg);
    if (upto > 0) {
        buf_adds(&q.sql, " LIMIT ?) n");
        sql_arg(&q, DV_I(upto + 1));
    }
    if ((rc = sql_run(x, &q, &res)) != DB_OK) {
        return rc;
    }
    p->total = util_num(dbres_get(&res, 0, 0));
    p->total_more = upto > 0 && p->total > upto;
    p->total = p->total_more ? upto : p->total;
    return DB_OK;
}

/* Cases per status in the whole province.  They only steer how a leader's page
 * is read, so each worker keeps them and reads them again after five minutes. */
static long long province_n[NSTATES];
static time_t province_at;

enum { PC_STATUS, PC_N }; /* the columns of the SELECT below */

static enum db_rc
province_counts(struct sctx *x)
{
    struct dbres res;
    enum db_rc rc;

    if (province_at && time(NULL) - province_at < 300) {
        return DB_OK;
    }
    rc = db_query(x->db, x->pool, "SELECT status, SUM(n) FROM feedback_count GROUP BY status",
                  DB_NOARGS, &res);
    if (rc != DB_OK) {
        return rc;
    }
    memset(province_n, 0, sizeof(province_n));
    for (size_t i = 0; i < res.nrows; i++) {
        int k = state_index(dbres_get(&res, i, PC_STATUS));

        if (k >= 0) {
            province_n[k] = util_num(dbres_get(&res, i, PC_N));
        }
    }
    province_at = time(NULL);
    return DB_OK;
}

/* Columns of the counts per status case_list reads from feedback_count. */
enum { CNT_STATUS, CNT_N, CNT_ESCALATED, CNT_MATCH };

enum db_rc
case_list(struct sctx *x, const struct scope *scope, const struct case_filter *filter, int per_page,
          struct case_page *p)
{
    struct scope sc = *scope;
    const struct scope *s = &sc;
    const struct cal *cal = sctx_calendar(x);
    struct case_filter f = *filter;
    const char *st = f.status, *fcond;
    struct search sr = { 0 };
    long long seen[NSTATES] = { 0 }, match[NSTATES] = { 0 };
    long long soon = 0, most;
    long long off = (long long)(f.page - 1) * per_page, upto = off + per_page;
    int one = state_index(st), is_open = strcmp(st, "open") == 0, is_all = strcmp(st, "all") == 0;
    int is_overdue = strcmp(st, "overdue") == 0, is_soon = strcmp(st, "due_soon") == 0;
    int first_overdue = 0;   /* the filter has running cases: overdue ones first */
    char listed[NSTATES] = { 0 };   /* statuses of the filter, one branch each */
    struct stmt q = { 0 };
    struct dbres res, cnt;
    struct dbv soon_arg;
    enum db_rc rc;

    memset(p, 0, sizeof(*p));
    for (size_t i = 0; i < NSTATES; i++) {
        p->count[i] = -1;
    }
    f.kind = f.kind && *f.kind ? f.kind : NULL;
    f.q = f.q && *f.q ? f.q : NULL;
    if (f.q) {
        if ((rc = search_cond(x, f.q, &sr)) != DB_OK ||
            (sr.by != SEARCH_CASES && s->leader && (rc = scope_units(x, &sc)) != DB_OK)) {
            return rc;
        }
    }
    if (cal) {
        soon = (long long)cal_instant(cal_add_working_days(cal, cal_local_day(time(NULL)),
                                                           f.due_soon_days),
                                      cal->close_minutes);
    }
    soon_arg = DV_I(soon);
    for (size_t i = 0; i < NSTATES; i++) {
        listed[i] = is_all || (is_open && (case_fsm.flags[i] & CSF_OPEN)) || (int)i == one;
    }
    first_overdue = is_open || is_all || (one >= 0 && running(one));

    /* the counts, from feedback_count: per status, escalated, and those that
     * match the filter's kind and counter */
    buf_adds(&q.sql, "SELECT c.status, SUM(c.n), SUM(IF(c.escalated = 1, c.n, 0)), SUM(");
    buf_adds(&q.sql, f.kind && f.counter_id ? "IF(c.kind = ? AND c.counter_id = ?, c.n, 0)"
                     : f.kind               ? "IF(c.kind = ?, c.n, 0)"
                     : f.counter_id         ? "IF(c.counter_id = ?, c.n, 0)"
                                            : "c.n");
    if (f.kind) {
        sql_arg(&q, DV_S(f.kind));
    }
    if (f.counter_id) {
        sql_arg(&q, DV_I(f.counter_id));
    }
    if (s->leader) {
        buf_adds(&q.sql, ") FROM feedback_count c"
                         " WHERE c.unit_id IN (SELECT v.id FROM org_unit v WHERE v.path LIKE ?)");
        sql_arg(&q, DV_S(s->subtree));
    } else {
        buf_adds(&q.sql, ") FROM feedback_count c WHERE c.unit_id = ?");
        sql_arg(&q, DV_I(s->unit_id));
    }
    buf_adds(&q.sql, " AND c.hidden_from <> ? GROUP BY c.status");
    sql_arg(&q, DV_I(s->viewer_id));
    if ((rc = sql_run(x, &q, &cnt)) != DB_OK) {
        return rc;
    }
    for (size_t i = 0; i < cnt.nrows; i++) {
        const char *cs = dbres_get(&cnt, i, CNT_STATUS);
        int k = state_index(cs);

        if (k < 0) {
            continue;
        }
        seen[k] = util_num(dbres_get(&cnt, i, CNT_N));
        match[k] = util_num(dbres_get(&cnt, i, CNT_MATCH));
        p->count[k] = seen[k];
        p->open += (case_fsm.flags[k] & CSF_OPEN) ? seen[k] : 0;
        if (running(k)) {
            p->escalated += util_num(dbres_get(&cnt, i, CNT_ESCALATED));
        }
    }

    /* overdue depends on the clock: the running cases due before today from
     * their counts by unit and day due (stat_due, sql/350), a row a day; those
     * due today before now from the cases (few, in an index range) */
    if (s->leader) {
        buf_adds(&q.sql, "SELECT (SELECT COALESCE(SUM(d.n), 0)"
                         "  FROM org_unit v STRAIGHT_JOIN stat_due d ON d.unit_id = v.id"
                         " WHERE v.path LIKE ?");
        sql_arg(&q, DV_S(s->subtree));
    } else {
        buf_adds(&q.sql,
                 "SELECT (SELECT COALESCE(SUM(d.n), 0) FROM stat_due d WHERE d.unit_id = ?");
        sql_arg(&q, DV_I(s->unit_id));
    }
    buf_adds(&q.sql,
             " AND d.due_day < " SQL_VN_TODAY " AND d.hidden_from <> ?) + (SELECT COUNT(*)");
    sql_arg(&q, DV_I(s->viewer_id));
    sql_from(&q, s, BY_STATUS);
    buf_adds(&q.sql, overdue_cond(x));
    buf_adds(&q.sql, " AND f.due_at >= " SQL_TODAY_START ")");
    if ((rc = sql_run(x, &q, &res)) != DB_OK) {
        return rc;
    }
    p->overdue = util_num(dbres_get(&res, 0, 0));

    /* the filter's statuses (and clock) as one condition */
    fcond = is_overdue ? overdue_cond(x)
            : is_soon  ? due_soon_cond(x)
            : is_open  ? pool_printf(x->pool, " AND f.status IN (%s)", state_list(x, CSF_OPEN, 0))
            : is_all   ? ""
            : one >= 0 ? pool_printf(x->pool, " AND f.status = '%s'", case_fsm.states[one])
                       : " AND FALSE";

    /* the filter's total: from the counts, unless the clock or a search decides */
    if (!f.q && !is_overdue && !is_soon) {
        for (size_t i = 0; i < NSTATES; i++) {
            p->total += listed[i] ? match[i] : 0;
        }
    } else if (is_overdue && !f.q && !f.kind && !f.counter_id) {
        p->total = p->overdue;
    } else if (!f.q && (rc = filter_count(x, s, &f, &sr, fcond, is_soon ? &soon_arg : NULL, 0,
                                          p)) != DB_OK) {
        return rc;
    }

    /* the page: overdue cases first, then by due date.  Each branch reads the
     * overdue or due-soon cases (few), or one status from an index in due
     * order, up to the end of the page; the outer query orders the union of
     * the branches and cuts the page out of it. */
    if (s->leader && (rc = province_counts(x)) != DB_OK) {
        return rc;
    }
    buf_adds(&q.sql, f.q && in_order(&f, &sr) ? SQL_IN_ORDER : "");
    /* the page's cases (p, a few) first, then their rows: left to the
     * optimizer, a page was once read from the units into every case of each */
    buf_adds(&q.sql, "SELECT STRAIGHT_JOIN f.code, f.kind, f.status,"
                     "       DATE_FORMAT(f.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                     "       UNIX_TIMESTAMP(f.due_at), u.short_name, c.name, a.full_name,"
                     "       LEFT(f.content, 141), f.paused_at IS NOT NULL,"
                     "       f.escalated_at IS NOT NULL,"
                     "       f.status = 'new' AND f.forward_due < UTC_TIMESTAMP(), p.n"
                     "  FROM (");
    if (!in_order(&f, &sr)) {
        /* a sorted search reads the index once: one branch, its overdue cases part 0 */
        sql_branch(&q, s, &f, &sr, BY_OPTIMIZER,
                   first_overdue ? pool_printf(x->pool,
                                               "IF(f.status IN (%s) AND f.due_at < UTC_TIMESTAMP(),"
                                               " 0, 1)",
                                               state_list(x, CSF_OPEN, CSF_PAUSED))
                                 : "1",
                   fcond, is_soon ? &soon_arg : NULL, upto);
    } else if (is_overdue || first_overdue) {
        /* the overdue cases of each running status of the filter, each from
         * its own index range in due order as far as the page's end: one
         * range over all of them read every overdue case of the scope and
         * sorted them (212 for the provincial centre at a million cases,
         * five times as many at five million) */
        for (size_t i = 0; i < NSTATES; i++) {
            if (running((int)i) && (one < 0 || (int)i == one)) {
                sql_branch(&q, s, &f, &sr, BY_STATUS, "0",
                           pool_printf(x->pool,
                                       " AND f.status = '%s' AND f.due_at < UTC_TIMESTAMP()",
                                       case_fsm.states[i]),
                           NULL, upto);
            }
        }
    } else if (is_soon) {
        sql_branch(&q, s, &f, &sr, BY_STATUS, "1", due_soon_cond(x), &soon_arg, upto);
    }
    /* a page within the overdue cases (counted above with the same condition
     * when nothing narrows it) needs no other branch */
    if (first_overdue && one < 0 && !f.q && !f.kind && !f.counter_id && p->overdue >= upto) {
        memset(listed, 0, sizeof(listed));
    }
    for (size_t i = 0; in_order(&f, &sr) && i < NSTATES; i++) {
        if (!listed[i]) {
            continue;
        }
        /* walk the province's index when that reads fewer cases than sorting
         * the subtree's: (page end) × province / matching, against the
         * subtree's cases of the status */
        sql_branch(&q, s, &f, &sr,
                   s->leader && upto * province_n[i] < match[i] * seen[i] ? BY_STATUS : BY_UNIT,
                   "1",
                   pool_printf(x->pool, " AND f.status = '%s'%s", case_fsm.states[i],
                               first_overdue && running((int)i) ? " AND f.due_at >= UTC_TIMESTAMP()"
                                                                : ""),
                   NULL, upto);
    }
    if (q.branches == 0) {
        buf_free(&q.sql);
        return DB_OK;
    }
    buf_adds(&q.sql, ") p JOIN feedback f ON f.id = p.id JOIN org_unit u ON u.id = f.unit_id"
                     "  LEFT JOIN counter c ON c.id = f.counter_id"
                     "  LEFT JOIN users a ON a.id = f.assigned_to"
                     " ORDER BY p.part, p.due_at, p.id LIMIT ? OFFSET ?");
    sql_arg(&q, DV_I(per_page));
    sql_arg(&q, DV_I(off));
    if ((rc = sql_run(x, &q, &p->cases)) != DB_OK || !f.q) {
        return rc;
    }
    /* a sorted search's total came with its page (a page past the end counts
     * again); one read in order is counted apart, as far as the limit or the
     * end of the page, which a common phrase's thousands of cases would
     * otherwise cost it */
    if (!in_order(&f, &sr) && p->cases.nrows > 0) {
        p->total = util_num(dbres_get(&p->cases, 0, CL_MATCHES));
        return DB_OK;
    }
    if (!in_order(&f, &sr) && off == 0) {
        return DB_OK;
    }
    most = conf_int(x->app->conf, "Search.CountUpTo", 1000);
    return filter_count(x, s, &f, &sr, fcond, is_soon ? &soon_arg : NULL,
                        !in_order(&f, &sr) || most <= 0 ? 0
                        : most > upto                   ? most
                                                        : upto,
                        p);
}

/* Columns of a case read by case_get, in the SELECT's order. */
enum case_get_col {
    CG_ID,
    CG_UNIT_ID,
    CG_OFFICER_ID,
    CG_ASSIGNED_TO,
    CG_COUNTER_ID,
    CG_CODE,
    CG_STATUS,
    CG_KIND,
    CG_IDENTITY,
    CG_EMAIL,
    CG_DUE_AT
};

enum db_rc
case_get(struct sctx *x, const struct scope *s, const char *code, struct case_row *c)
{
    struct dbres res;
    enum db_rc rc;

    memset(c, 0, sizeof(*c));
    rc = db_query(x->db, x->pool,
                  "SELECT f.id, f.unit_id, COALESCE(f.officer_id, 0), COALESCE(f.assigned_to, 0),"
                  "       COALESCE(f.counter_id, 0), f.code, f.status, f.kind, f.identity,"
                  "       f.contact_email, UNIX_TIMESTAMP(f.due_at)"
                  "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                  " WHERE f.code = ? AND" VISIBLE,
                  DB_ARGS(DV_S(code), VIS_ARGS(s)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    c->id = util_num(dbres_get(&res, 0, CG_ID));
    c->unit_id = util_num(dbres_get(&res, 0, CG_UNIT_ID));
    c->officer_id = util_num(dbres_get(&res, 0, CG_OFFICER_ID));
    c->assigned_to = util_num(dbres_get(&res, 0, CG_ASSIGNED_TO));
    c->counter_id = util_num(dbres_get(&res, 0, CG_COUNTER_ID));
    c->code = dbres_get(&res, 0, CG_CODE);
    c->status = dbres_get(&res, 0, CG_STATUS);
    c->kind = dbres_get(&res, 0, CG_KIND);
    c->identity = dbres_get(&res, 0, CG_IDENTITY);
    c->email = dbres_get(&res, 0, CG_EMAIL);
    c->due_at = util_num(dbres_get(&res, 0, CG_DUE_AT));
    return DB_OK;
}

enum db_rc
case_read(struct sctx *x, const struct case_row *c, int with_contact, struct case_detail *d)
{
    enum db_rc rc;

    memset(d, 0, sizeof(*d));
    rc = db_query(x->db, x->pool,
                  "SELECT f.code, f.kind, f.status, f.content, f.identity,"
                  "       DATE_FORMAT(f.created_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                  "       u.name, c.name, o.full_name, a.full_name, f.formal,"
                  "       DATE_FORMAT(f.answered_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                  "       f.answer_satisfied,"
                  "       DATE_FORMAT(f.forward_due + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                  "       f.escalated_at IS NOT NULL, CONCAT(f.code, '-', f.check_part),"
                  "       (SELECT level FROM rating WHERE id = f.rating_id),"
                  "       f.status = 'new' AND f.forward_due < UTC_TIMESTAMP(),"
                  "       f.paused_at IS NOT NULL,"
                  "       DATE_FORMAT(f.contact_erased_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                  "       DATE_FORMAT(f.files_erased_at + " SQL_VN_OFFSET ", '%d/%m/%Y')"
                  "  FROM feedback f JOIN org_unit u ON u.id = f.unit_id"
                  "  LEFT JOIN counter c ON c.id = f.counter_id"
                  "  LEFT JOIN users o ON o.id = f.officer_id"
                  "  LEFT JOIN users a ON a.id = f.assigned_to"
                  " WHERE f.id = ?",
                  DB_ARGS(DV_I(c->id)), &d->row);
    if (rc != DB_OK || d->row.nrows == 0) {
        return rc;
    }
    if (with_contact) {
        rc = db_query(x->db, x->pool,
                      "SELECT contact_name, contact_phone, contact_email, contact_address"
                      "  FROM feedback WHERE id = ?",
                      DB_ARGS(DV_I(c->id)), &d->contact);
        if (rc != DB_OK) {
            return rc;
        }
    }
    rc = db_query(x->db, x->pool,
                  "SELECT filename, mime, size, stored_name FROM feedback_file"
                  " WHERE feedback_id = ? ORDER BY id",
                  DB_ARGS(DV_I(c->id)), &d->files);
    if (rc != DB_OK) {
        return rc;
    }
    return db_query(x->db, x->pool,
                    "SELECT e.event, e.public, e.body,"
                    "       DATE_FORMAT(e.at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'), a.full_name"
                    "  FROM feedback_event e LEFT JOIN users a ON a.id = e.actor_id"
                    " WHERE e.feedback_id = ? ORDER BY e.at, e.id",
                    DB_ARGS(DV_I(c->id)), &d->events);
}

/* ---- actions ----------------------------------------------------------- */

/* Record that unit_id let the forwarding deadline `due` (unix time) of case id
 * pass (feedback_forward_late, once per case, unit and deadline) and count it
 * on the unit's row of the deadline's day.  *marked (may be NULL): 1 when this
 * call recorded it.  Inside the caller's transaction. */
static enum db_rc
forward_late_mark(struct sctx *x, long long id, long long unit_id, long long due, int *marked)
{
    struct stat_delta d = { .forward_late = 1 };
    unsigned long long n = 0;
    char day[11];
    enum db_rc rc;

    rc =
        db_exec(x->db,
                "INSERT IGNORE INTO feedback_forward_late (feedback_id, unit_id, due_at, marked_at)"
                " VALUES (?, ?, FROM_UNIXTIME(?), UTC_TIMESTAMP())",
                DB_ARGS(DV_I(id), DV_I(unit_id), DV_I(due)), &n, NULL);
    if (marked) {
        *marked = rc == DB_OK && n == 1;
    }
    if (rc != DB_OK || n != 1) {
        return rc;
    }
    cal_format(cal_local_day((time_t)due), day);
    return stats_add(x, unit_id, 0, 0, day, &d);
}

static enum db_rc
event(struct sctx *x, long long id, const char *ev, int public, const char *body)
{
    return feedback_event_add(x->db, id, x->user ? x->user->id : 0, ev, public, body);
}

/* Move case id by `action` of `role`: its row is locked first, the case
 * table decides from the locked status whether the action is allowed and
 * which status it leads to, and the UPDATE sets that status (its first
 * placeholder, "UPDATE feedback SET status = ?, …").  DB_DUP stands for "not
 * in a state that allows this" (the caller explains), so nothing
 * half-happens; the lock keeps the status from changing until the commit.
 * The case's count in feedback_count follows the change. */
static enum db_rc
transition(struct sctx *x, long long id, enum case_action action, unsigned role, const char *sql,
           const struct dbv *args, size_t nargs)
{
    unsigned long long n = 0;
    struct dbres before;
    struct dbv a[DB_MAX_ARGS];
    const char *to;
    enum db_rc rc = feedback_count_lock(x, id, &before);

    if (rc != DB_OK) {
        return rc;
    }
    if ((to = case_may(&before, action, role)) == NULL || nargs + 1 > NELEM(a)) {
        return DB_DUP;
    }
    a[0] = DV_S(to);
    memcpy(a + 1, args, nargs * sizeof(*args));
    rc = db_exec(x->db, sql, a, nargs + 1, &n, NULL);
    if (rc == DB_OK && n == 0) {
        return DB_DUP;
    }
    return rc == DB_OK ? feedback_count_move(x, id, &before) : rc;
}

/* The role of the staff member acting on a case. */
static unsigned
staff_role(struct sctx *x)
{
    return x->user ? fsm_staff_role(x->user->role) : 0;
}

/* The end of every case action: its timeline event (ev may be NULL) and audit
 * row, then the transaction's one tail, db_end. */
static enum db_rc
finish(struct sctx *x, enum db_rc rc, const struct case_row *c, const char *ev, int public,
       const char *body, const char *action)
{
    if (rc == DB_OK && ev) {
        rc = event(x, c->id, ev, public, body);
    }
    if (rc == DB_OK) {
        rc = audit(x, action, "feedback", c->id, body ? body : ev);
    }
    return db_end(x->db, rc);
}

/* The QĐ 766 verdict of the dossier a case is about, if any. */
static enum db_rc
case_dossier_touch(struct sctx *x, long long case_id)
{
    struct dbres res;
    enum db_rc rc =
        db_query(x->db, x->pool,
                 "SELECT dossier_id FROM feedback WHERE id = ? AND dossier_id IS NOT NULL",
                 DB_ARGS(DV_I(case_id)), &res);

    return rc == DB_OK && res.nrows ? stats_dossier_touch(x, util_num(dbres_get(&res, 0, 0))) : rc;
}

/* Columns of a forwarded case's deadlines (case_classify). */
enum { DL_FORWARD_DUE, DL_ANSWER_DAYS, DL_FORWARD_DAYS };

enum db_rc
case_classify(struct sctx *x, const struct case_row *c, const char *cls, const char *reason,
              long long forward_unit)
{
    enum db_rc rc = db_begin(x->db);

    if (rc != DB_OK) {
        return rc;
    }
    if (strcmp(cls, "rejected") == 0) {
        rc = transition(x, c->id, CA_REJECT, staff_role(x),
                        "UPDATE feedback SET status = ?, classified_at = UTC_TIMESTAMP(),"
                        "       closed_at = UTC_TIMESTAMP()"
                        " WHERE id = ?",
                        DB_ARGS(DV_I(c->id)));
        if (rc == DB_OK) {
            rc = case_dossier_touch(x, c->id); /* a rejected case says nothing of its dossier */
        }
        return finish(x, rc, c, "rejected", 1, reason, "case.reject");
    }
    if (strcmp(cls, "forwarded") == 0) {
        const struct cal *cal = sctx_calendar(x);
        struct dbres res, dl;
        time_t now = time(NULL), due = (time_t)c->due_at, fwd = 0;
        int from_receipt =
            strcmp(conf_str(x->app->conf, "Feedback.DeadlineAfterForward", "received"), "filed") !=
            0;

        rc = cal ? db_query(x->db, x->pool,
                            /* never between a training unit and a real one */
                            "SELECT u.name FROM org_unit u JOIN org_unit me ON me.id = ?"
                            " WHERE u.id = ? AND u.valid_to IS NULL AND u.training = me.training",
                            DB_ARGS(DV_I(c->unit_id), DV_I(forward_unit)), &res)
                 : DB_DOWN;
        if (rc == DB_OK && (res.nrows == 0 || forward_unit == c->unit_id)) {
            rc = DB_DUP;
        }
        if (rc == DB_OK) {
            rc = db_query(x->db, x->pool,
                          "SELECT UNIX_TIMESTAMP(f.forward_due), COALESCE(k.answer_days, 10),"
                          "       COALESCE(k.forward_days, 5)"
                          "  FROM feedback f LEFT JOIN feedback_kind k ON k.code = f.kind"
                          " WHERE f.id = ? FOR UPDATE",
                          DB_ARGS(DV_I(c->id)), &dl);
        }
        if (rc == DB_OK && dl.nrows && dbres_get(&dl, 0, DL_FORWARD_DUE) &&
            (time_t)util_num(dbres_get(&dl, 0, DL_FORWARD_DUE)) < now) {
            /* forwarded after the deadline: the sending unit missed it */
            rc = forward_late_mark(x, c->id, c->unit_id,
                                   util_num(dbres_get(&dl, 0, DL_FORWARD_DUE)), NULL);
        }
        if (rc == DB_OK && dl.nrows) {
            /* the receiving unit's deadlines count from the day it receives the
             * case (Feedback.DeadlineAfterForward = filed keeps the answer's) */
            if (from_receipt) {
                due = cal_due(cal, now, (int)util_num(dbres_get(&dl, 0, DL_ANSWER_DAYS)),
                              CAL_WORKING_DAYS, 0);
            }
            fwd = cal_due(cal, now, (int)util_num(dbres_get(&dl, 0, DL_FORWARD_DAYS)),
                          CAL_WORKING_DAYS, 0);
            /* the competent unit counts the case it received (QĐ 766) */
            rc = stats_case_forward(x, c->id, forward_unit);
        }
        if (rc == DB_OK && dl.nrows) {
            rc = stats_answer_time(x, c->id, -1); /* an answer moves with the case */
        }
        if (rc == DB_OK && dl.nrows) {
            /* the case moves to the competent unit's inbox and starts there anew */
            rc = transition(x, c->id, CA_FORWARD, staff_role(x),
                            "UPDATE feedback SET status = ?, forwarded_to = ?, unit_id = ?,"
                            "       counter_id = NULL, assigned_to = NULL, classified_at = NULL,"
                            "       escalated_at = NULL, due_at = FROM_UNIXTIME(?),"
                            "       forward_due = FROM_UNIXTIME(?)"
                            " WHERE id = ?",
                            DB_ARGS(DV_I(forward_unit), DV_I(forward_unit), DV_I(due), DV_I(fwd),
                                    DV_I(c->id)));
        }
        if (rc == DB_OK && dl.nrows) {
            rc = stats_answer_time(x, c->id, 1);
        }
        return finish(x, rc, c, "forwarded", 1, rc == DB_OK ? dbres_get(&res, 0, 0) : NULL,
                      "case.forward");
    }
    if (strcmp(cls, "accepted") != 0 && strcmp(cls, "conduct") != 0) {
        db_rollback(x->db);
        return DB_DUP;
    }
    rc = transition(x, c->id, strcmp(cls, "accepted") == 0 ? CA_ACCEPT : CA_CONDUCT, staff_role(x),
                    "UPDATE feedback SET status = ?, classified_at = UTC_TIMESTAMP() WHERE id = ?",
                    DB_ARGS(DV_I(c->id)));
    return finish(x, rc, c, "classified", 1, NULL, "case.classify");
}

enum db_rc
case_assign(struct sctx *x, const struct case_row *c, long long officer_id)
{
    struct dbres res;
    enum db_rc rc = db_begin(x->db);

    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool,
                      "SELECT full_name FROM users WHERE id = ? AND unit_id = ? AND disabled = 0"
                      "   AND role IN ('officer','leader')",
                      DB_ARGS(DV_I(officer_id), DV_I(c->unit_id)), &res);
    }
    if (rc == DB_OK && (res.nrows == 0 || officer_id == c->officer_id)) {
        rc = DB_DUP;  /* not of this unit, or the very officer the case is about */
    }
    if (rc == DB_OK) {
        rc = transition(x, c->id, CA_ASSIGN, staff_role(x),
                        "UPDATE feedback SET status = ?, assigned_to = ? WHERE id = ?",
                        DB_ARGS(DV_I(officer_id), DV_I(c->id)));
    }
    return finish(x, rc, c, "assigned", 0, rc == DB_OK ? dbres_get(&res, 0, 0) : NULL,
                  "case.assign");
}

enum db_rc
case_note(struct sctx *x, const struct case_row *c, const char *text)
{
    enum db_rc rc = db_begin(x->db);

    return finish(x, rc, c, "note", 0, text, "case.note");
}

enum db_rc
case_request_info(struct sctx *x, const struct case_row *c, const char *text)
{
    enum db_rc rc = db_begin(x->db);

    if (rc == DB_OK) {
        rc = transition(x, c->id, CA_REQUEST_INFO, staff_role(x),
                        "UPDATE feedback SET status = ?, paused_at = UTC_TIMESTAMP() WHERE id = ?",
                        DB_ARGS(DV_I(c->id)));
    }
    if (rc == DB_OK) {
        rc = notify_case(x, c->id, NS_FB_INFO, text);
    }
    return finish(x, rc, c, "info_request", 1, text, "case.request_info");
}

enum db_rc
case_answer(struct sctx *x, const struct case_row *c, const char *text)
{
    struct stat_delta d = { .answered = 1 };
    struct dbres res;
    char day[11];
    enum db_rc rc = db_begin(x->db);

    /* a new answer after a review request replaces the time of the last */
    if (rc == DB_OK) {
        rc = stats_answer_time(x, c->id, -1);
    }
    if (rc == DB_OK) {
        rc = transition(x, c->id, CA_ANSWER, staff_role(x),
                        "UPDATE feedback SET status = ?, answered_at = UTC_TIMESTAMP(),"
                        "       answer_satisfied = NULL, paused_at = NULL"
                        " WHERE id = ?",
                        DB_ARGS(DV_I(c->id)));
    }
    if (rc == DB_OK) {
        rc = stats_answer_time(x, c->id, 1);
    }
    if (rc == DB_OK) {
        /* on time or early counts as on time (QĐ 766) */
        d.answered_on_time = time(NULL) <= (time_t)c->due_at;
        rc = db_query(x->db, x->pool,
                      "SELECT f.formal = 1 AND NOT EXISTS (SELECT 1 FROM feedback_event e"
                      "        WHERE e.feedback_id = f.id AND e.event = 'answer')"
                      "  FROM feedback f WHERE f.id = ?",
                      DB_ARGS(DV_I(c->id)), &res);
    }
    if (rc == DB_OK) {
        /* an identified petition's first answer: QĐ 766 on time and satisfaction */
        if (res.nrows && strcmp(dbres_get(&res, 0, 0), "1") == 0) {
            d.pakn_answered = 1;
            d.pakn_on_time = d.answered_on_time;
            d.pakn_unhappy = !d.answered_on_time;
        }
        stats_today(day);
        rc = stats_add(x, c->unit_id, c->counter_id, c->officer_id, day, &d);
    }
    if (rc == DB_OK) {
        rc = notify_case(x, c->id, NS_FB_ANSWERED, text);
    }
    return finish(x, rc, c, "answer", 1, text, "case.answer");
}

enum db_rc
case_close(struct sctx *x, const struct case_row *c)
{
    enum db_rc rc = db_begin(x->db);

    if (rc == DB_OK) {
        rc = transition(x, c->id, CA_CLOSE, staff_role(x),
                        "UPDATE feedback SET status = ?, closed_at = UTC_TIMESTAMP() WHERE id = ?",
                        DB_ARGS(DV_I(c->id)));
    }
    return finish(x, rc, c, "closed", 1, NULL, "case.close");
}

enum db_rc
case_reopen(struct sctx *x, const struct case_row *c, const char *text)
{
    const struct cal *cal = sctx_calendar(x);
    struct dbres res;
    long long days = 10;
    enum db_rc rc;

    if (cal == NULL) {
        return DB_DOWN;
    }
    if ((rc = db_begin(x->db)) != DB_OK) {
        return rc;
    }
    rc = db_query(x->db, x->pool, "SELECT answer_days FROM feedback_kind WHERE code = ?",
                  DB_ARGS(DV_S(c->kind)), &res);
    if (rc == DB_OK && res.nrows) {
        days = util_num(dbres_get(&res, 0, 0));
    }
    if (rc == DB_OK) {
        rc = stats_answer_time(x, c->id, -1); /* the answer is cleared */
    }
    if (rc == DB_OK) {
        rc = transition(x, c->id, CA_REOPEN, staff_role(x),
                        "UPDATE feedback SET status = ?, answered_at = NULL,"
                        "       answer_satisfied = NULL, closed_at = NULL, escalated_at = NULL,"
                        "       due_at = FROM_UNIXTIME(?)"
                        " WHERE id = ?",
                        DB_ARGS(DV_I(cal_due(cal, time(NULL), (int)days, CAL_WORKING_DAYS, 0)),
                                DV_I(c->id)));
    }
    if (rc == DB_OK) {
        rc = notify_case(x, c->id, NS_FB_REOPENED, text);
    }
    return finish(x, rc, c, "reopened", 1, text, "case.reopen");
}

enum db_rc
case_reveal(struct sctx *x, const struct case_row *c, const char *reason)
{
    enum db_rc rc = db_begin(x->db);

    return finish(x, rc, c, NULL, 0, reason, "identity.reveal");
}

enum { EF_ID, EF_UNIT_ID, EF_FORWARD_DUE }; /* the columns of the SELECT below */

enum db_rc
case_escalate_forward(struct sctx *x, int *n)
{
    struct dbres res;
    enum db_rc rc;

    *n = 0;
    /* cases still awaiting classification whose forwarding deadline passed
     * and is not yet recorded for the unit holding them */
    rc = db_query(x->db, x->pool,
                  "SELECT f.id, f.unit_id, UNIX_TIMESTAMP(f.forward_due) FROM feedback f"
                  " WHERE f.status = 'new' AND f.forward_due < UTC_TIMESTAMP()"
                  "   AND NOT EXISTS (SELECT 1 FROM feedback_forward_late x"
                  "                    WHERE x.feedback_id = f.id AND x.unit_id = f.unit_id"
                  "                      AND x.due_at = f.forward_due)"
                  " LIMIT 5000",
                  DB_NOARGS, &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct case_row c = { .id = util_num(dbres_get(&res, i, EF_ID)),
                              .unit_id = util_num(dbres_get(&res, i, EF_UNIT_ID)) };
        int marked = 0;

        if ((rc = db_begin(x->db)) != DB_OK) {
            break;
        }
        rc = forward_late_mark(x, c.id, c.unit_id, util_num(dbres_get(&res, i, EF_FORWARD_DUE)),
                               &marked);
        if (rc == DB_OK && marked) {
            /* up to the unit's leader, as an overdue answer is */
            rc = transition(x, c.id, CA_FORWARD_LATE, FSM_SYSTEM,
                            "UPDATE feedback SET status = ?, escalated_at = UTC_TIMESTAMP()"
                            " WHERE id = ? AND escalated_at IS NULL",
                            DB_ARGS(DV_I(c.id)));
            rc = rc == DB_DUP ? DB_OK : rc;   /* already escalated: the mark is enough */
        }
        if (rc == DB_OK && !marked) {
            db_rollback(x->db);
            continue;
        }
        rc = finish(x, rc, &c, "forward_overdue", 0, NULL, "case.forward_escalate");
        *n += rc == DB_OK;
    }
    return rc;
}

enum db_rc
case_escalate_overdue(struct sctx *x, int *n)
{
    struct dbres res;
    enum db_rc rc;

    *n = 0;
    rc = db_query(x->db, x->pool,
                  db_text(pool_printf(x->pool,
                                      "SELECT id FROM feedback WHERE status IN (%s)"
                                      "   AND due_at < UTC_TIMESTAMP() AND escalated_at IS NULL"
                                      " LIMIT 5000",
                                      state_list(x, CSF_OPEN, CSF_PAUSED))),
                  DB_NOARGS, &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        struct case_row c = { .id = util_num(dbres_get(&res, i, 0)) };

        if ((rc = db_begin(x->db)) != DB_OK) {
            break;
        }
        rc = transition(x, c.id, CA_ESCALATE, FSM_SYSTEM,
                        "UPDATE feedback SET status = ?, escalated_at = UTC_TIMESTAMP()"
                        " WHERE id = ? AND escalated_at IS NULL",
                        DB_ARGS(DV_I(c.id)));
        if (rc == DB_DUP) {
            db_rollback(x->db);
            rc = DB_OK;
            continue;
        }
        rc = finish(x, rc, &c, "escalated", 0, NULL, "case.escalate");
        *n += rc == DB_OK;
    }
    return rc;
}

enum { FF_CODE, FF_MIME, FF_FILENAME }; /* the columns of the SELECT below */

enum db_rc
case_file_find(struct db *db, struct pool *p, const char *stored_name, struct case_file *f)
{
    struct dbres res;
    enum db_rc rc;

    f->case_code = f->mime = f->filename = NULL;
    rc = db_query(db, p,
                  "SELECT f.code, ff.mime, ff.filename FROM feedback_file ff"
                  "  JOIN feedback f ON f.id = ff.feedback_id WHERE ff.stored_name = ?",
                  DB_ARGS(DV_S(stored_name)), &res);
    if (rc == DB_OK && res.nrows > 0) {
        f->case_code = dbres_get(&res, 0, FF_CODE);
        f->mime = dbres_get(&res, 0, FF_MIME);
        f->filename = dbres_get(&res, 0, FF_FILENAME);
    }
    return rc;
}
