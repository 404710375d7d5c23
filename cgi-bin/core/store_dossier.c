/* store_dossier.c — dossiers, hand-overs, lateness and apology letters. */
#include "store_dossier.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "calendar.h"
#include "db.h"
#include "legal.h"
#include "notify.h"
#include "app.h"
#include "stats.h"
#include "qrlink.h"
#include "refcache.h"
#include "store_consent.h"
#include "token.h"
#include "util.h"

const char *const dossier_states[DS__COUNT] = { "received", "processing", "supplement", "refused",
                                                "stopped",  "ready",      "returned" };

static const char *const dossier_moves[DM__COUNT] = { "forward", "supplement", "supplied", "refuse",
                                                      "stop",    "ready",      "return" };
static const unsigned dossier_flags[DS__COUNT] = {
    [DS_RECEIVED] = DSF_OPEN,
    [DS_PROCESSING] = DSF_OPEN,
    [DS_SUPPLEMENT] = DSF_OPEN | DSF_WAIT,
    [DS_RETURNED] = DSF_RATE,
};

/* The state machine (Decree 61/2018, Circular 01/2018): every move a dossier
 * can make.  Officers and leaders of the unit make them all alike; refused,
 * stopped and returned dossiers are finished and allow none. */
/* clang-format off */
static const struct fsm_edge dossier_edges[] = {
    /* from           move           to             who */
    { DS_RECEIVED,   DM_FORWARD,    DS_PROCESSING, FSM_STAFF },
    { DS_RECEIVED,   DM_SUPPLEMENT, DS_SUPPLEMENT, FSM_STAFF },
    { DS_RECEIVED,   DM_REFUSE,     DS_REFUSED,    FSM_STAFF },
    { DS_RECEIVED,   DM_READY,      DS_READY,      FSM_STAFF },
    { DS_PROCESSING, DM_FORWARD,    DS_PROCESSING, FSM_STAFF },
    { DS_PROCESSING, DM_SUPPLEMENT, DS_SUPPLEMENT, FSM_STAFF },
    { DS_PROCESSING, DM_REFUSE,     DS_REFUSED,    FSM_STAFF },
    { DS_PROCESSING, DM_STOP,       DS_STOPPED,    FSM_STAFF },
    { DS_PROCESSING, DM_READY,      DS_READY,      FSM_STAFF },
    { DS_SUPPLEMENT, DM_SUPPLIED,   DS_PROCESSING, FSM_STAFF },
    { DS_SUPPLEMENT, DM_REFUSE,     DS_REFUSED,    FSM_STAFF },
    { DS_SUPPLEMENT, DM_STOP,       DS_STOPPED,    FSM_STAFF },
    { DS_READY,      DM_RETURN,     DS_RETURNED,   FSM_STAFF },
};
/* clang-format on */

const struct fsm dossier_fsm = {
    .states = dossier_states,
    .flags = dossier_flags,
    .nstates = DS__COUNT,
    .actions = dossier_moves,
    .nactions = DM__COUNT,
    .edges = dossier_edges,
    .nedges = NELEM(dossier_edges),
};

int
dossier_move_allowed(enum dossier_state from, enum dossier_move m)
{
    return fsm_next(&dossier_fsm, (int)from, (int)m, FSM_STAFF) >= 0;
}

enum dossier_state
dossier_move_target(enum dossier_state from, enum dossier_move m)
{
    int to = fsm_next(&dossier_fsm, (int)from, (int)m, FSM_STAFF);

    assert(to >= 0);
    return (enum dossier_state)to;
}

enum rate_when
dossier_rate_when(const char *status)
{
    int from = dossier_state_parse(status);

    if (fsm_state_is(&dossier_fsm, status, DSF_RATE)) {
        return RATE_NOW;
    }
    for (int to = 0; from >= 0 && to < DS__COUNT; to++) {
        if ((dossier_flags[to] & DSF_RATE) && dossier_state_reachable(from, to)) {
            return RATE_LATER;
        }
    }
    return RATE_NEVER;
}

enum db_rc
dossier_status_by_id(struct sctx *x, long long id, const char **status)
{
    struct dbres res;
    enum db_rc rc = db_query(x->db, x->pool, "SELECT status FROM dossier WHERE id = ?",
                             DB_ARGS(DV_I(id)), &res);

    *status = rc == DB_OK && res.nrows ? pool_strdup(x->pool, dbres_get(&res, 0, 0)) : NULL;
    return rc;
}

int
dossier_state_reachable(int from, int to)
{
    int seen[DS__COUNT] = { 0 }, queue[DS__COUNT], head = 0, tail = 0;

    if (from < 0 || from >= DS__COUNT || to < 0 || to >= DS__COUNT) {
        return 0;
    }
    seen[from] = 1;
    queue[tail++] = from;
    while (head < tail) {
        int s = queue[head++];

        if (s == to) {
            return 1;
        }
        for (int m = 0; m < DM__COUNT; m++) {
            if (dossier_move_allowed((enum dossier_state)s, (enum dossier_move)m)) {
                int t = (int)dossier_move_target((enum dossier_state)s, (enum dossier_move)m);

                if (!seen[t]) {
                    seen[t] = 1;
                    queue[tail++] = t;
                }
            }
        }
    }
    return 0;
}

int
dossier_state_parse(const char *s)
{
    return fsm_state(&dossier_fsm, s);
}

void
dossier_code(char *out, const char *unit_code, int local_day, long long seq)
{
    int y, m, d;

    cal_ymd(local_day, &y, &m, &d);
    snprintf(out, 64, "%s-%02d%02d%02d-%04lld", unit_code, y % 100, m, d, seq);
}

int
dossier_timeliness(time_t finished, time_t due)
{
    enum lateness l = legal_lateness(NULL, finished, "ready", NULL, due, finished, 0);

    return l == LATE_EARLY ? -1 : l == LATE_ON_TIME ? 0 : 1;
}

enum db_rc
stat_dossier(struct sctx *x, long long unit, long long counter, long long officer, time_t when,
             int received, int finished, int timeliness, int delay, int apologies, int apo_late)
{
    static const char *const scopes[] = { "unit", "counter", "officer" };
    long long ids[] = { unit, counter, officer };
    char day[11];
    enum db_rc rc = DB_OK;

    cal_format(cal_local_day(when), day);
    for (size_t i = 0; i < NELEM(scopes) && rc == DB_OK; i++) {
        if (ids[i] == 0) {
            continue;
        }
        rc =
            db_exec(x->db,
                    "INSERT INTO stat_dossier_day (scope, scope_id, day, received, finished, early,"
                    "                              on_time, late, apologies, apologies_late,"
                    "                              delay_days)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON DUPLICATE KEY UPDATE received = received + VALUES(received),"
                    "   finished = finished + VALUES(finished), early = early + VALUES(early),"
                    "   on_time = on_time + VALUES(on_time), late = late + VALUES(late),"
                    "   apologies = apologies + VALUES(apologies),"
                    "   apologies_late = apologies_late + VALUES(apologies_late),"
                    "   delay_days = delay_days + VALUES(delay_days)",
                    DB_ARGS(DV_S(scopes[i]), DV_I(ids[i]), DV_S(day), DV_I(received),
                            DV_I(finished), DV_I(finished && timeliness < 0),
                            DV_I(finished && timeliness == 0), DV_I(finished && timeliness > 0),
                            DV_I(apologies), DV_I(apo_late), DV_I(delay)),
                    NULL, NULL);
    }
    return rc;
}

/* A public event of dossier id; paper_no: the number of the paper the move
 * issued, or NULL (the events are append-only: numbered before the insert). */
static enum db_rc
devent_paper(struct sctx *x, long long id, const char *ev, long long unit, const char *body,
             const char *paper_no)
{
    return db_exec(x->db,
                   "INSERT INTO dossier_event (dossier_id, at, event, unit_id, body, paper_no)"
                   " VALUES (?, UTC_TIMESTAMP(), ?, ?, ?, ?)",
                   DB_ARGS(DV_I(id), DV_S(ev), unit ? DV_I(unit) : DV_NULL, DV_S(body ? body : ""),
                           paper_no ? DV_S(paper_no) : DV_NULL),
                   NULL, NULL);
}

static enum db_rc
devent(struct sctx *x, long long id, const char *ev, long long unit, const char *body)
{
    return devent_paper(x, id, ev, unit, body, NULL);
}

/* The next number of a paper of kind `suffix` ("PXL", "PBSHS", "TCHS",
 * "TBDG") issued by `unit` in the local year of `when`: "15/PXL".  Numbers
 * run per unit and year; inside the caller's transaction.  out: 40 bytes. */
static enum db_rc
paper_number(struct sctx *x, const char *suffix, long long unit, time_t when, char *out)
{
    long long seq;
    char scope[48], day[11];
    enum db_rc rc;

    cal_format(cal_local_day(when), day);
    snprintf(scope, sizeof(scope), "%s-%lld", suffix, unit);
    memcpy(day + 4, "-01-01", 7);
    rc = db_seq_next(x->db, x->pool, scope, day, &seq);
    if (rc == DB_OK) {
        snprintf(out, 40, "%lld/%s", seq, suffix);
    }
    return rc;
}

enum db_rc
dossier_cycle_open(struct sctx *x, long long dossier_id, int n, time_t start, time_t due)
{
    return db_exec(x->db,
                   "INSERT INTO dossier_cycle (dossier_id, n, started_at, statutory_due_at)"
                   " VALUES (?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?))",
                   DB_ARGS(DV_I(dossier_id), DV_I(n), DV_I(start), DV_I(due)), NULL, NULL);
}

/* ---- intake ------------------------------------------------------------ */

/* The code of the dossier an intake form with this idempotency key made:
 * DB_OK and code_out (64 bytes), DB_DUP when there is none. */
static enum db_rc
dossier_by_idem(struct sctx *x, const char *idem, char *code_out)
{
    struct dbres res;
    enum db_rc rc = db_query(x->db, x->pool, "SELECT code FROM dossier WHERE idem_key = ?",
                             DB_ARGS(DV_S(idem)), &res);

    if (rc != DB_OK) {
        return rc;
    }
    if (res.nrows == 0) {
        return DB_DUP;
    }
    snprintf(code_out, 64, "%s", dbres_get(&res, 0, 0));
    return DB_OK;
}

/* the columns of the procedure SELECT in dossier_create */
enum { PC_TIME_VALUE, PC_TIME_UNIT, PC_USE_CUTOFF };

enum db_rc
dossier_create(struct sctx *x, const struct dossier_in *in, char *code_out)
{
    const struct cal *cal = sctx_calendar(x);
    struct db *db = x->db;
    struct dbres p, u;
    time_t now = time(NULL), due;
    enum cal_unit unit;
    unsigned long long id;
    char day[11];
    long long seq, year_from, year_to;
    enum db_rc rc;

    if (cal == NULL) {
        return DB_DOWN;
    }
    rc = db_query(db, x->pool,
                  "SELECT time_value, time_unit, use_cutoff FROM procedure_tthc WHERE id = ?",
                  DB_ARGS(DV_I(in->procedure_id)), &p);
    if (rc == DB_OK) {
        rc = db_query(db, x->pool, "SELECT code FROM org_unit WHERE id = ?",
                      DB_ARGS(DV_I(in->unit_id)), &u);
    }
    if (rc != DB_OK || p.nrows == 0 || u.nrows == 0) {
        return rc == DB_OK ? DB_ERR : rc;
    }
    unit = cal_unit_parse(dbres_get(&p, 0, PC_TIME_UNIT));
    due = cal_due(cal, now, (int)util_num(dbres_get(&p, 0, PC_TIME_VALUE)), unit,
                  strcmp(dbres_get(&p, 0, PC_USE_CUTOFF), "1") == 0);
    cal_format(cal_local_day(now), day);
    if (in->idem && (rc = dossier_by_idem(x, in->idem, code_out)) != DB_DUP) {
        return rc; /* DB_OK: this form was received already (a resend) */
    }
    if ((rc = db_begin(db)) != DB_OK) {
        return rc;
    }
    /* the upsert locks (unit, day) until commit: concurrent intakes queue here */
    if ((rc = db_seq_next(db, x->pool, dbres_get(&u, 0, 0), day, &seq)) != DB_OK) {
        return db_end(x->db, rc);
    }
    dossier_code(code_out, dbres_get(&u, 0, 0), cal_local_day(now), seq);
    /* the tracking book's entries run per unit and local year */
    year_from = (long long)cal_instant(cal_day_from_ymd(atoi(day), 1, 1), 0);
    year_to = (long long)cal_instant(cal_day_from_ymd(atoi(day) + 1, 1, 1), 0);
    rc = db_exec(db,
                 "INSERT INTO dossier (code, unit_id, counter_id, officer_id, procedure_id,"
                 "                     processing_unit_id, applicant_name, applicant_address,"
                 "                     applicant_phone, applicant_email, documents, sets, channel,"
                 "                     collect, status, received_at, due_at, original_due_at,"
                 "                     book_seq, idem_key)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', FROM_UNIXTIME(?),"
                 "         FROM_UNIXTIME(?), FROM_UNIXTIME(?),"
                 "         (SELECT COALESCE(MAX(d.book_seq), 0) + 1 FROM dossier d"
                 "           WHERE d.unit_id = ? AND d.received_at >= FROM_UNIXTIME(?)"
                 "             AND d.received_at < FROM_UNIXTIME(?)), ?)",
                 DB_ARGS(DV_S(code_out), DV_I(in->unit_id),
                         in->counter_id ? DV_I(in->counter_id) : DV_NULL, DV_I(x->user->id),
                         DV_I(in->procedure_id), DV_I(in->unit_id), DV_S(in->name),
                         DV_S(in->address), DV_S(in->phone), DV_S(in->email), DV_S(in->documents),
                         DV_I(in->sets), DV_S(in->channel), DV_S(in->collect), DV_I(now), DV_I(due),
                         DV_I(due), DV_I(in->unit_id), DV_I(year_from), DV_I(year_to),
                         DV_S(in->idem)),
                 NULL, &id);
    if (rc == DB_DUP && in->idem) {
        /* the same form, received meanwhile by another attempt */
        db_rollback(db);
        return dossier_by_idem(x, in->idem, code_out) == DB_OK ? DB_OK : DB_ERR;
    }
    if (rc == DB_OK) {
        struct qrlink l = { .kind = "dossier",
                            .unit_id = in->unit_id,
                            .counter_id = in->counter_id,
                            .officer_id = x->user->id,
                            .dossier_id = (long long)id };

        rc = qrlink_create(db, x->app->secret, &l);
    }
    if (rc == DB_OK) {
        rc = dossier_cycle_open(x, (long long)id, 1, now, due);
    }
    if (rc == DB_OK) {
        rc = devent(x, (long long)id, "received", in->unit_id, NULL);
    }
    if (rc == DB_OK) {
        rc = stat_dossier(x, in->unit_id, in->counter_id, x->user->id, now, 1, 0, 0, 0, 0, 0);
    }
    /* due the day it is received (a procedure of hours): that day's late
     * figures may be complete already */
    if (rc == DB_OK && cal_local_day(due) <= cal_local_day(now)) {
        rc = stats_late_touch(x, (long long)id, 0);
    }
    if (rc == DB_OK) {
        rc = audit(x, "dossier.receive", "dossier", (long long)id, code_out);
    }
    if (rc == DB_OK && in->consent) {
        rc = consent_give(x->db, "dossier", (long long)id, in->consent, "officer");
    }
    if (rc == DB_OK) {
        rc = notify_dossier(x, (long long)id, NS_RECEIVED, NULL);
    }
    return db_end(x->db, rc);
}

/* ---- reading ----------------------------------------------------------- */

/* the columns of the dossier SELECT in dossier_get */
enum dossier_get_col {
    DG_ID,
    DG_UNIT,
    DG_PROCEDURE,
    DG_PROCESSING_UNIT,
    DG_COUNTER,
    DG_OFFICER,
    DG_CODE,
    DG_STATUS,
    DG_EMAIL,
    DG_DUE,
    DG_RECEIVED,
    DG_PAUSED,
    DG_REAPPOINTMENTS,
    DG_TIME_VALUE,
    DG_USE_CUTOFF,
    DG_TIME_UNIT,
    DG_ORIGINAL_DUE,
    DG_CYCLE,
    DG_WAIT_CLOCK,
    DG_CYCLE_START,
};

enum db_rc
dossier_get(struct sctx *x, const char *code, struct dossier_row *d)
{
    struct dbres res;
    const char *path = NULL;
    enum db_rc rc;

    memset(d, 0, sizeof(*d));
    rc = db_query(x->db, x->pool, "SELECT CONCAT(path, '%') FROM org_unit WHERE id = ?",
                  DB_ARGS(DV_I(x->user->unit_id)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    path = res.nrows ? dbres_get(&res, 0, 0) : "/none/";
    rc = db_query(x->db, x->pool,
                  "SELECT d.id, d.unit_id, d.procedure_id, COALESCE(d.processing_unit_id, 0),"
                  "       COALESCE(d.counter_id, 0), COALESCE(d.officer_id, 0), d.code, d.status,"
                  "       d.applicant_email, UNIX_TIMESTAMP(d.due_at),"
                  "       UNIX_TIMESTAMP(d.received_at), COALESCE(UNIX_TIMESTAMP(d.paused_at), 0),"
                  "       d.reappointments, p.time_value, p.use_cutoff, p.time_unit,"
                  "       UNIX_TIMESTAMP(d.original_due_at), d.cycle, d.wait_clock,"
                  "       COALESCE(UNIX_TIMESTAMP(c.started_at), UNIX_TIMESTAMP(d.received_at))"
                  "  FROM dossier d JOIN procedure_tthc p ON p.id = d.procedure_id"
                  "  JOIN org_unit ru ON ru.id = d.unit_id"
                  "  LEFT JOIN org_unit pu ON pu.id = d.processing_unit_id"
                  "  LEFT JOIN dossier_cycle c ON c.dossier_id = d.id AND c.n = d.cycle"
                  " WHERE d.code = ?"
                  "   AND (d.unit_id = ? OR d.processing_unit_id = ?"
                  "        OR (? = 'leader' AND (ru.path LIKE ? OR pu.path LIKE ?)))",
                  DB_ARGS(DV_S(code), DV_I(x->user->unit_id), DV_I(x->user->unit_id),
                          DV_S(x->user->role), DV_S(path), DV_S(path)),
                  &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    d->id = util_num(dbres_get(&res, 0, DG_ID));
    d->unit_id = util_num(dbres_get(&res, 0, DG_UNIT));
    d->procedure_id = util_num(dbres_get(&res, 0, DG_PROCEDURE));
    d->processing_unit_id = util_num(dbres_get(&res, 0, DG_PROCESSING_UNIT));
    d->counter_id = util_num(dbres_get(&res, 0, DG_COUNTER));
    d->officer_id = util_num(dbres_get(&res, 0, DG_OFFICER));
    d->code = dbres_get(&res, 0, DG_CODE);
    d->status = dbres_get(&res, 0, DG_STATUS);
    d->email = dbres_get(&res, 0, DG_EMAIL);
    d->due_at = util_num(dbres_get(&res, 0, DG_DUE));
    d->received_at = util_num(dbres_get(&res, 0, DG_RECEIVED));
    d->paused_at = util_num(dbres_get(&res, 0, DG_PAUSED));
    d->reappointments = (int)util_num(dbres_get(&res, 0, DG_REAPPOINTMENTS));
    d->time_value = (int)util_num(dbres_get(&res, 0, DG_TIME_VALUE));
    d->use_cutoff = (int)util_num(dbres_get(&res, 0, DG_USE_CUTOFF));
    d->time_unit = dbres_get(&res, 0, DG_TIME_UNIT);
    d->original_due_at = util_num(dbres_get(&res, 0, DG_ORIGINAL_DUE));
    d->cycle = (int)util_num(dbres_get(&res, 0, DG_CYCLE));
    d->wait_clock = dbres_get(&res, 0, DG_WAIT_CLOCK);
    d->cycle_start = util_num(dbres_get(&res, 0, DG_CYCLE_START));
    return DB_OK;
}

/* The verdict of a dossier by the one rule (legal_lateness), as a name for
 * the templates (L.Dossier.Late.<name>). */
static const char *
lateness(struct sctx *x, const char *status, const char *wait_clock, long long statutory_due,
         long long finished, int near_days)
{
    return lateness_names[legal_lateness(sctx_calendar(x), time(NULL), status, wait_clock,
                                         (time_t)statutory_due, (time_t)finished, near_days)];
}

/* "Sắp đến hạn": the working days of the version in force today (a warning
 * for the work ahead, not a verdict), from the process's copy of the
 * versions: the caller has brought it up to date (legal_cache_sync). */
static int
near_days(struct sctx *x)
{
    const struct legal_version *v = legal_cache_for(&x->app->legal, cal_local_day(time(NULL)));

    return v ? v->near_due_days : 2;
}

/* The dossier list's columns (enum dossier_list_col) and joins, its
 * filters and its order: open dossiers still running first, then by the
 * statutory appointment.  Its statements name their join order
 * (STRAIGHT_JOIN): the page's few ids first, then their rows.  Left to the
 * optimizer, a 1,000,000-dossier list was read from the units (nine rows)
 * into every dossier of each unit, an index condition keeping the page's. */
#define DL_SELECT "SELECT STRAIGHT_JOIN" DL_COLS
#define DL_COLS                                                                        \
    " d.code, p.name, d.applicant_name, d.status,"                                     \
    "       DATE_FORMAT(d.received_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"               \
    "       DATE_FORMAT(d.due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"                    \
    "       UNIX_TIMESTAMP(d.original_due_at),"                                        \
    "       COALESCE(UNIX_TIMESTAMP(d.finished_at), 0),"                               \
    "       ru.short_name, pu.short_name,"                                             \
    "       (SELECT COUNT(*) FROM apology a WHERE a.dossier_id = d.id), d.wait_clock," \
    "       DATE_FORMAT(d.original_due_at + " SQL_VN_OFFSET ", '%d/%m/%Y')"
#define DL_JOINS                                       \
    "  JOIN procedure_tthc p ON p.id = d.procedure_id" \
    "  JOIN org_unit ru ON ru.id = d.unit_id"          \
    "  LEFT JOIN org_unit pu ON pu.id = d.processing_unit_id"
#define DL_OPEN " d.status IN ('received','processing','supplement','ready')"
#define DL_LATE " d.finished_at IS NULL AND" LEGAL_LATE_COND
#define DL_NEAR                              \
    " d.status IN ('received','processing')" \
    "   AND d.original_due_at >= UTC_TIMESTAMP() AND d.original_due_at <= FROM_UNIXTIME(?)"
#define DL_ORDER(t) " ORDER BY " #t ".list_later, " #t ".original_due_at, " #t ".id"

/* An officer's page of the dossier list: the dossiers the unit received or
 * processes.  Each unit column has two indexes (sql/160): one in the list's
 * order (unit, list_later, appointment) for all, near and the running head
 * of the open ones, one by status (unit, status, appointment) for a status,
 * the late ones and the open ones past their running head.  Each side reads
 * its first offset + per_page dossiers in order and stops (the late and open
 * ones one side per open status), and only the page's rows are then read and
 * joined.  A single query with the two units ORed
 * read and sorted every open dossier of a busy centre (tens of thousands)
 * for each page. */
#define DL_SIDE_COLS(cols, col, index, cond, order)           \
    "(SELECT " cols " FROM dossier d FORCE INDEX (" index ")" \
    "  WHERE d." col " = ?" cond order " LIMIT ?)"
/* A side of each unit column: the dossiers the unit received, processes. */
#define DL_U(cols, list, cond, order) \
    DL_SIDE_COLS(cols, "unit_id", "ix_dossier_unit_" list, cond, order)
#define DL_P(cols, list, cond, order) \
    DL_SIDE_COLS(cols, "processing_unit_id", "ix_dossier_proc_" list, cond, order)
/* The province's side (dossier_list_root): every dossier, read from the
 * same index over all the dossiers (sql/280), a unit of the subtree checked
 * for each dossier read. */
#define DL_R(cols, list, cond, order)                                                 \
    "(SELECT STRAIGHT_JOIN " cols " FROM dossier d FORCE INDEX (ix_dossier_" list ")" \
    "  JOIN org_unit ru ON ru.id = d.unit_id"                                         \
    "  LEFT JOIN org_unit pu ON pu.id = d.processing_unit_id"                         \
    " WHERE (ru.path LIKE ? OR pu.path LIKE ?)" cond order " LIMIT ?)"
/* An officer's page: the sides of the unit's two columns, the page's ids of
 * them (a dossier of both once), then the page's rows. */
#define DL_PAGE_COLS "d.id, d.list_later, d.original_due_at"
#define DL_PAGE(sides)                                                                        \
    DL_SELECT "  FROM (SELECT t.id FROM (" sides                                              \
              ") t" DL_ORDER(t) " LIMIT ? OFFSET ?) k JOIN dossier d ON d.id = k.id" DL_JOINS \
              DL_ORDER(d)
/* A unit's first dossiers of a subtree's page (dossier_list_subtree): the
 * same sides, with their place in the list's order, unsorted, a dossier of
 * both columns twice. */
#define DL_IDS_COLS "d.id, d.list_later, TO_SECONDS(d.original_due_at)"
#define DL_BY_DUE " ORDER BY d.original_due_at, d.id"
/* A filter of one side a column: a unit's page, its ids; the argument its
 * condition takes; the province's page (one side). */
#define DL_FILTER(list, cond, order, arg)                                                      \
    {                                                                                          \
        DL_PAGE(DL_U(DL_PAGE_COLS, list, cond, order) " UNION " DL_P(DL_PAGE_COLS, list, cond, \
                                                                     order)),                  \
            DL_U(DL_IDS_COLS, list, cond, order) " UNION ALL " DL_P(DL_IDS_COLS, list, cond,   \
                                                                    order),                    \
            arg, 1, DL_PAGE(DL_R(DL_PAGE_COLS, list, cond, order)), 1                          \
    }
/* The open ones, and the late ones: one side per status still open, each
 * read in the order of the appointment from its own range as far as the
 * page's end.  One range of the four statuses was read whole and sorted
 * (every late dossier of the unit for each page), and the open ones from the
 * list's order read, past the running ones, through every returned dossier
 * of the unit's history (0.6 s a page at a million). */
#define DL_STATUS_ONE(side, cols, status, cond) \
    side(cols, "status_orig", " AND d.status = '" status "'" cond, DL_BY_DUE)
#define DL_STATUS_SIDES(side, cols, glue, cond)        \
    DL_STATUS_ONE(side, cols, "received", cond)        \
    glue DL_STATUS_ONE(side, cols, "processing", cond) \
    glue DL_STATUS_ONE(side, cols, "supplement", cond) \
    glue DL_STATUS_ONE(side, cols, "ready", cond)
#define DL_BY_STATUS(cond)                                                                         \
    {                                                                                              \
        DL_PAGE(                                                                                   \
            DL_STATUS_SIDES(DL_U, DL_PAGE_COLS, " UNION ",                                         \
                            cond) " UNION " DL_STATUS_SIDES(DL_P, DL_PAGE_COLS, " UNION ", cond)), \
            DL_STATUS_SIDES(DL_U, DL_IDS_COLS, " UNION ALL ",                                      \
                            cond) " UNION ALL " DL_STATUS_SIDES(DL_P, DL_IDS_COLS, " UNION ALL ",  \
                                                                cond),                             \
            DLA_NONE, 4, DL_PAGE(DL_STATUS_SIDES(DL_R, DL_PAGE_COLS, " UNION ALL ", cond)), 4      \
    }
#define DL_LATE_COND " AND d.original_due_at < UTC_TIMESTAMP() AND" DL_LATE

/* The running dossiers (received, processing), a filter of dossier_list's
 * own: the head of the open ones. */
#define DL_RUNNING "(running)"

/* A filter's statements for one unit: the page, the ids; the argument its
 * condition takes after the unit's id; its sides per unit column; the
 * province's page and its sides. */
enum dl_arg { DLA_NONE, DLA_SOON, DLA_STATUS };
/* the arguments of one side: the unit, the condition's if any, the limit */
#define DL_SIDE_ARGS(f) (2 + ((f).arg != DLA_NONE))
/* the most arguments of one unit's sides (both columns), whatever the filter */
#define DL_UNIT_ARGS (2 * 4 * 3)
struct dl_filter {
    const char *page_sql, *ids_sql;
    enum dl_arg arg;
    int sides;
    const char *root_sql;
    int root_sides;
};

static struct dl_filter
dl_filter(const char *filter)
{
    static const struct dl_filter all = DL_FILTER("list", "", DL_ORDER(d), DLA_NONE);
    static const struct dl_filter open = DL_BY_STATUS("");
    /* the running ones, the head of the open ones (dossier_list) */
    static const struct dl_filter running =
        DL_FILTER("list", " AND d.list_later = 0", DL_ORDER(d), DLA_NONE);
    /* running dossiers only: the index range of list_later 0 */
    static const struct dl_filter near =
        DL_FILTER("list", " AND d.list_later = 0 AND" DL_NEAR, DL_ORDER(d), DLA_SOON);
    static const struct dl_filter late = DL_BY_STATUS(DL_LATE_COND);
    /* one status: its range, in the order of the appointment */
    static const struct dl_filter status =
        DL_FILTER("status_orig", " AND d.status = ?", DL_BY_DUE, DLA_STATUS);

    return strcmp(filter, "all") == 0        ? all
           : strcmp(filter, "open") == 0     ? open
           : strcmp(filter, DL_RUNNING) == 0 ? running
           : strcmp(filter, "near") == 0     ? near
           : strcmp(filter, "late") == 0     ? late
                                             : status;
}

/* The arguments of f's sides of one unit (both columns): into args at *n. */
static void
dl_unit_args(struct dl_filter f, long long unit, const char *filter, long long soon, int upto,
             struct dbv *args, size_t *n)
{
    for (int i = 0; i < 2 * f.sides; i++) {
        args[(*n)++] = DV_I(unit);
        if (f.arg == DLA_SOON) {
            args[(*n)++] = DV_I(soon);
        } else if (f.arg == DLA_STATUS) {
            args[(*n)++] = DV_S(filter);
        }
        args[(*n)++] = DV_I(upto);
    }
}

static enum db_rc
dossier_list_unit(struct sctx *x, const char *filter, long long soon, int page, int per_page,
                  struct dossier_list *l)
{
    struct dl_filter f = dl_filter(filter);
    struct dbv args[DL_UNIT_ARGS + 2];
    size_t n = 0;

    /* each side reads as far as the page's end */
    dl_unit_args(f, x->user->unit_id, filter, soon, page * per_page, args, &n);
    args[n++] = DV_I(per_page);
    args[n++] = DV_I((long long)(page - 1) * per_page);
    return db_query(x->db, x->pool, f.page_sql, args, n, &l->rows);
}

/* Units read in one statement by dossier_list_subtree, at most */
#define DL_BATCH 16
/* The most dossiers one statement of dossier_list_subtree brings into the
 * worker (each side up to the page's end): fewer units a statement deeper in
 * the list.  A page ending further than DL_DEEP dossiers into the list is
 * read by one statement over the subtree (dossier_list_deep). */
#define DL_ROWS 20000
#define DL_DEEP 10000

/* A dossier's place in the list's order. */
struct dl_place {
    long long id, later, due;
};

static int
dl_place_cmp(const void *a, const void *b)
{
    const struct dl_place *p = a, *q = b;

    if (p->later != q->later) {
        return p->later < q->later ? -1 : 1;
    }
    if (p->due != q->due) {
        return p->due < q->due ? -1 : 1;
    }
    return (p->id > q->id) - (p->id < q->id);
}

/* A leader's page: the dossiers of every unit of the subtree (like: its
 * path pattern), received or processed there.  Each unit's first
 * page × per_page dossiers are read as an officer's page reads them (its
 * indexes in the list's order, DL_BATCH units a statement), merged here, each
 * dossier once, and only the page's rows are then read and joined: the cost
 * grows with the units and the page, not with the dossiers.  One query over
 * the subtree read and sorted every dossier of the province for each page
 * (a second and more at a million, past the statement time limit for some
 * filters). */
static enum db_rc
dossier_list_subtree(struct sctx *x, const char *like, const char *filter, long long soon, int page,
                     int per_page, struct dossier_list *l)
{
    struct dl_filter f = dl_filter(filter);
    struct dl_place *kept = NULL;
    size_t nkept = 0, upto = (size_t)page * (size_t)per_page;
    struct dbres units, rows;
    struct dbv args[DB_MAX_ARGS];
    struct buf sql = { 0 };
    size_t n, first = (size_t)(page - 1) * (size_t)per_page;
    size_t most = DB_MAX_ARGS / (size_t)(2 * f.sides * DL_SIDE_ARGS(f));
    int snapshot = 0;
    enum db_rc rc;

    most = most < DL_BATCH ? most : DL_BATCH;
    if (most * 2 * (size_t)f.sides * upto > DL_ROWS) {
        most = DL_ROWS / (2 * (size_t)f.sides * upto);
        most = most ? most : 1;
    }
    if (per_page <= 0 || (size_t)per_page > DB_MAX_ARGS) {
        return DB_ERR;
    }
    rc = db_query(x->db, x->pool, "SELECT id FROM org_unit WHERE path LIKE ? ORDER BY id",
                  DB_ARGS(DV_S(like)), &units);
    /* several statements read one snapshot (a dossier moving between two
     * of them would come twice with two places in the order) */
    if (rc == DB_OK && units.nrows > most) {
        rc = db_begin(x->db);
        snapshot = rc == DB_OK;
    }
    /* as many units a statement as their arguments allow, up to DL_BATCH,
     * their reads joined by UNION ALL */
    for (size_t u = 0; rc == DB_OK && u < units.nrows; u += most) {
        size_t batch = units.nrows - u < most ? units.nrows - u : most;
        struct pool tmp = { 0 };

        n = 0;
        for (size_t b = 0; b < batch; b++) {
            long long unit = util_num(dbres_get(&units, u + b, 0));

            buf_adds(&sql, b ? " UNION ALL " : "");
            buf_adds(&sql, f.ids_sql);
            dl_unit_args(f, unit, filter, soon, (int)upto, args, &n);
        }
        rc = db_query(x->db, &tmp, db_text(sql.p), args, n, &rows);
        buf_free(&sql);
        sql = (struct buf){ 0 };
        if (rc == DB_OK && rows.nrows > 0) {
            kept = xrealloc(kept, (nkept + rows.nrows) * sizeof(*kept));
            for (size_t i = 0; i < rows.nrows; i++) {
                kept[nkept++] = (struct dl_place){ util_num(dbres_get(&rows, i, 0)),
                                                   util_num(dbres_get(&rows, i, 1)),
                                                   util_num(dbres_get(&rows, i, 2)) };
            }
            /* sorted, each once (a dossier received in one unit of the
             * subtree and processed in another comes twice), the first upto */
            qsort(kept, nkept, sizeof(*kept), dl_place_cmp);
            n = 0;
            for (size_t i = 0; i < nkept && n < upto; i++) {
                if (n == 0 || kept[n - 1].id != kept[i].id) {
                    kept[n++] = kept[i];
                }
            }
            nkept = n;
        }
        pool_release(&tmp);
    }
    if (snapshot) {
        rc = db_end(x->db, rc);
    }
    if (rc != DB_OK || nkept <= first) {
        free(kept);
        l->rows = (struct dbres){ 0 };
        return rc;
    }
    /* the page's rows: per_page ids, the missing ones 0 (no dossier) */
    buf_adds(&sql, DL_SELECT " FROM dossier d" DL_JOINS " WHERE d.id IN (");
    for (int i = 0; i < per_page; i++) {
        buf_adds(&sql, i ? ",?" : "?");
        args[i] = DV_I(first + (size_t)i < nkept ? kept[first + (size_t)i].id : 0);
    }
    buf_adds(&sql, ")" DL_ORDER(d));
    free(kept);
    rc = db_query(x->db, x->pool, db_text(sql.p), args, (size_t)per_page, &l->rows);
    buf_free(&sql);
    return rc;
}

/* The province's leader's page (its unit has no parent): read from the
 * indexes over every dossier in the list's order (DL_R), a unit of the
 * subtree checked for each, as far as the page's end.  Merging the units'
 * own sides (dossier_list_subtree) costs two reads a unit for each page, a
 * hundred units and more in a province; this costs the page's end, at any
 * depth (100,000 dossiers into the list at a million: 0.35 s). */
static enum db_rc
dossier_list_root(struct sctx *x, const char *like, const char *filter, long long soon, int page,
                  int per_page, struct dossier_list *l)
{
    struct dl_filter f = dl_filter(filter);
    /* at most four sides of the two paths, the condition's and the limit */
    struct dbv args[4 * 4 + 2];
    size_t n = 0;

    for (int i = 0; i < f.root_sides; i++) {
        args[n++] = DV_S(like);
        args[n++] = DV_S(like);
        if (f.arg == DLA_SOON) {
            args[n++] = DV_I(soon);
        } else if (f.arg == DLA_STATUS) {
            args[n++] = DV_S(filter);
        }
        args[n++] = DV_I((long long)page * per_page);
    }
    args[n++] = DV_I(per_page);
    args[n++] = DV_I((long long)(page - 1) * per_page);
    return db_query(x->db, x->pool, f.root_sql, args, n, &l->rows);
}

/* A leader's page deep in the list (past DL_DEEP): one statement over the
 * subtree, sorted by the server, as slow as the subtree is large. */
static enum db_rc
dossier_list_deep(struct sctx *x, const char *like, const char *filter, long long soon, int page,
                  int per_page, struct dossier_list *l)
{
    return db_query(x->db, x->pool,
                    "SELECT" DL_COLS "  FROM dossier d" DL_JOINS
                    " WHERE (ru.path LIKE ? OR pu.path LIKE ?)"
                    "   AND (? = 'all'"
                    "        OR (? = 'open' AND" DL_OPEN ")"
                    "        OR (? = 'late' AND" DL_OPEN
                    "            AND d.original_due_at < UTC_TIMESTAMP() AND" DL_LATE ")"
                    "        OR (? = 'near' AND" DL_NEAR ")"
                    "        OR d.status = ?)" DL_ORDER(d) " LIMIT ? OFFSET ?",
                    DB_ARGS(DV_S(like), DV_S(like), DV_S(filter), DV_S(filter), DV_S(filter),
                            DV_S(filter), DV_I(soon), DV_S(filter), DV_I(per_page),
                            DV_I((long long)(page - 1) * per_page)),
                    &l->rows);
}

/* A page of filter as the viewer's scope reads it (pr: its unit's path
 * pattern and whether the unit has no parent): an officer's unit, the
 * province, a subtree deep in the list, a subtree. */
enum dl_path { DLP_UNIT, DLP_ROOT, DLP_DEEP, DLP_SUBTREE };

static enum dl_path
dl_path(struct sctx *x, struct dbres *pr, int page, int per_page)
{
    return strcmp(x->user->role, "leader") != 0    ? DLP_UNIT
           : strcmp(dbres_get(pr, 0, 1), "1") == 0 ? DLP_ROOT
           : (long long)page * per_page > DL_DEEP  ? DLP_DEEP
                                                   : DLP_SUBTREE;
}

static enum db_rc
dossier_list_page(struct sctx *x, struct dbres *pr, const char *filter, long long soon, int page,
                  int per_page, struct dossier_list *l)
{
    const char *like = dbres_get(pr, 0, 0);

    switch (dl_path(x, pr, page, per_page)) {
    case DLP_UNIT: return dossier_list_unit(x, filter, soon, page, per_page, l);
    case DLP_ROOT: return dossier_list_root(x, like, filter, soon, page, per_page, l);
    case DLP_DEEP: return dossier_list_deep(x, like, filter, soon, page, per_page, l);
    default: return dossier_list_subtree(x, like, filter, soon, page, per_page, l);
    }
}

enum db_rc
dossier_list(struct sctx *x, const char *filter, int page, int per_page, struct dossier_list *l)
{
    struct dbres pr;
    const struct cal *cal = sctx_calendar(x);
    long long soon = 0;
    int nd, done = 0;
    enum db_rc rc;

    /* the scope, and the number of the legal versions' writes */
    rc = db_query(x->db, x->pool,
                  "SELECT CONCAT(u.path, '%'), u.parent_id IS NULL, " LEGAL_GEN_COL
                  "  FROM org_unit u" LEGAL_GEN_JOIN " WHERE u.id = ?",
                  DB_ARGS(DV_I(x->user->unit_id)), &pr);
    if (rc != DB_OK || pr.nrows != 1) {
        return rc != DB_OK ? rc : DB_ERR;
    }
    rc = legal_cache_sync(&x->app->legal, x->db, util_unum(dbres_get(&pr, 0, 2)));
    if (rc != DB_OK) {
        return rc;
    }
    nd = near_days(x);
    if (cal) {
        soon = (long long)cal_instant(cal_add_working_days(cal, cal_local_day(time(NULL)), nd),
                                      cal->close_minutes);
    }
    /* The open ones begin with the running ones, read in the list's order
     * from one side a unit column: a page they fill is theirs.  Only a page
     * past them reads the open statuses a side each (for a first page, twice
     * the database's time).  Not deep in a subtree's list, whose one
     * statement is slow enough once. */
    if (strcmp(filter, "open") == 0 && dl_path(x, &pr, page, per_page) != DLP_DEEP) {
        rc = dossier_list_page(x, &pr, DL_RUNNING, soon, page, per_page, l);
        done = rc != DB_OK || l->rows.nrows == (size_t)per_page;
    }
    if (!done) {
        rc = dossier_list_page(x, &pr, filter, soon, page, per_page, l);
    }
    if (rc != DB_OK) {
        return rc;
    }
    l->lateness = pool_alloc(x->pool, (l->rows.nrows + 1) * sizeof(*l->lateness));
    for (size_t i = 0; i < l->rows.nrows; i++) {
        l->lateness[i] = lateness(x, dbres_get(&l->rows, i, DL_STATUS),
                                  dbres_get(&l->rows, i, DL_WAIT_CLOCK),
                                  util_num(dbres_get(&l->rows, i, DL_STATUTORY_TS)),
                                  util_num(dbres_get(&l->rows, i, DL_FINISHED_TS)), nd);
    }
    return DB_OK;
}

/* Who may sign an apology letter a of issuing agency u (org_unit), for the
 * leader of unit ?: a leader of the issuing agency itself, or of its parent
 * agency where the issuing agency's parent_signs allows it ("KT.", "TL." or
 * "TUQ."); never a leader of another agency.  Shared by the page that offers
 * the form and the signature. */
#define APOLOGY_SIGNER_COND(unit) \
    "(u.id = " unit " OR (u.parent_id = " unit " AND u.parent_signs <> 'none'))"

/* The letters of a dossier a page shows, with the argument signed_only: on
 * the public page (1) the drafts are left out. */
#define APOLOGY_SHOWN " AND (? = 0 OR a.status <> 'draft')"

/* The apology letters of a dossier (enum dossier_apology_col); signed_only:
 * the drafts left out (the public page).  The dossier's status and the local
 * day it finished ("YYYY-MM-DD", NULL: not finished) come from the page's own
 * row: the letters' statement does not read the dossier again. */
static enum db_rc
apologies_read(struct sctx *x, long long dossier_id, const char *status, const char *finished,
               int signed_only, struct dbres *res)
{
    long long me = x->user && strcmp(x->user->role, "leader") == 0 ? x->user->unit_id : -1;

    return db_query(x->db, x->pool,
                    "SELECT a.id, a.number, a.status, a.reason_code, a.reason_text,"
                    "       DATE_FORMAT(a.old_due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                    "       DATE_FORMAT(a.new_due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                    "       a.signer_name, a.signer_title,"
                    "       DATE_FORMAT(a.signed_at + " SQL_VN_OFFSET ", '%d/%m/%Y'), a.on_time,"
                    "       a.delivery, DATE_FORMAT(a.delivered_at + " SQL_VN_OFFSET
                    ", '%d/%m/%Y %H:%i'),"
                    "       u.name, DATE_FORMAT(a.drafted_at + " SQL_VN_OFFSET
                    ", '%d/%m/%Y %H:%i'),"
                    "       a.sign_mode,"
                    /* the letter's own verdict: was its new date kept?  (the
                   * dossier's is still judged against the statutory one) */
                    "       IF(a.status = 'draft', NULL,"
                    "          IF(? IS NOT NULL,"
                    "             IF(CAST(? AS DATE) <= DATE(a.new_due_at + " SQL_VN_OFFSET "),"
                    "                'kept', 'missed'),"
                    "             IF(? IN ('refused','stopped'), NULL,"
                    "                IF(a.new_due_at < UTC_TIMESTAMP(), 'missed', 'pending')))),"
                    "       a.signer_position, pa.name, u.place,"
                    "       DATE_FORMAT(a.signed_at + " SQL_VN_OFFSET ", '%d'),"
                    "       DATE_FORMAT(a.signed_at + " SQL_VN_OFFSET ", '%m'),"
                    "       DATE_FORMAT(a.signed_at + " SQL_VN_OFFSET ", '%Y'),"
                    "       a.status = 'draft' AND " APOLOGY_SIGNER_COND(
                        "?") ", u.head_title"
                             "  FROM apology a JOIN org_unit u ON u.id = a.unit_id"
                             "  LEFT JOIN org_unit pa ON pa.id = u.parent_id"
                             " WHERE a.dossier_id = ?" APOLOGY_SHOWN " ORDER BY a.id",
                    DB_ARGS(finished ? DV_S(finished) : DV_NULL,
                            finished ? DV_S(finished) : DV_NULL, DV_S(status), DV_I(me), DV_I(me),
                            DV_I(dossier_id), DV_I(signed_only)),
                    res);
}

/* What a dossier's papers print besides the dossier itself, for staff: the
 * issuing agency's parent, place and head, the date of receipt for the
 * place-and-date line, the book volume and the competent agency (enum
 * dossier_agency_col), and the co-processing agencies (their names).  The
 * set of papers of the legal version in force on its day of receipt ("TT01"
 * or "TT03", never by today's date) comes with the page's own row. */
static enum db_rc
agency_read(struct sctx *x, long long id, struct dossier_page *pg)
{
    enum db_rc rc;

    rc = db_query(x->db, x->pool,
                  "SELECT pa.name, u.place, u.head_title,"
                  "       DATE_FORMAT(d.received_at + " SQL_VN_OFFSET ", '%d'),"
                  "       DATE_FORMAT(d.received_at + " SQL_VN_OFFSET ", '%m'),"
                  "       DATE_FORMAT(d.received_at + " SQL_VN_OFFSET ", '%Y'), d.book_volume,"
                  "       cu.name, p.legal_basis"
                  "  FROM dossier d JOIN org_unit u ON u.id = d.unit_id"
                  "  JOIN procedure_tthc p ON p.id = d.procedure_id"
                  "  LEFT JOIN org_unit pa ON pa.id = u.parent_id"
                  "  JOIN org_unit cu ON cu.id = COALESCE(d.competent_unit_id, d.unit_id)"
                  " WHERE d.id = ?",
                  DB_ARGS(DV_I(id)), &pg->agency);
    if (rc == DB_OK) {
        /* every other agency the dossier was handed to, in order of hand-over */
        rc = db_query(x->db, x->pool,
                      "SELECT tu.name FROM dossier_step s JOIN dossier d ON d.id = s.dossier_id"
                      "  JOIN org_unit tu ON tu.id = s.to_unit_id"
                      " WHERE s.dossier_id = ? AND s.to_unit_id <> d.unit_id"
                      "   AND s.to_unit_id <> COALESCE(d.competent_unit_id, d.unit_id)"
                      " GROUP BY tu.id, tu.name ORDER BY MIN(s.seq)",
                      DB_ARGS(DV_I(id)), &pg->coagencies);
    }
    return rc;
}

/* What only the staff pages show: the processing cycles, the agencies of
 * the papers (agency_read) and the hand-overs. */
static enum db_rc
staff_read(struct sctx *x, long long id, struct dossier_page *pg)
{
    enum db_rc rc;

    rc = db_query(x->db, x->pool,
                  "SELECT n, DATE_FORMAT(started_at + " SQL_VN_OFFSET ", '%H:%i %d/%m/%Y'),"
                  "       DATE_FORMAT(statutory_due_at + " SQL_VN_OFFSET ", '%H:%i %d/%m/%Y'),"
                  "       paused_days, DATE_FORMAT(ended_at + " SQL_VN_OFFSET ", '%H:%i %d/%m/%Y'),"
                  "       end_reason"
                  "  FROM dossier_cycle WHERE dossier_id = ? ORDER BY n",
                  DB_ARGS(DV_I(id)), &pg->cycles);
    if (rc != DB_OK || (rc = agency_read(x, id, pg)) != DB_OK) {
        return rc;
    }
    rc = db_query(x->db, x->pool,
                  "SELECT s.seq, fu.name, tu.name, s.giver, s.receiver,"
                  "       DATE_FORMAT(s.handed_at + " SQL_VN_OFFSET ", '%H:%i %d/%m/%Y'),"
                  "       DATE_FORMAT(s.due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                  "       DATE_FORMAT(s.done_at + " SQL_VN_OFFSET
                  ", '%H:%i %d/%m/%Y'), s.result, s.note,"
                  "       DATE_FORMAT(s.handed_at + " SQL_VN_OFFSET
                  ", '%H giờ %i phút, ngày %d/%m/%Y')"
                  "  FROM dossier_step s JOIN org_unit fu ON fu.id = s.from_unit_id"
                  "  JOIN org_unit tu ON tu.id = s.to_unit_id"
                  " WHERE s.dossier_id = ? ORDER BY s.seq",
                  DB_ARGS(DV_I(id)), &pg->steps);
    return rc;
}

/* After dossier_page's columns, in the same read: the number of the legal
 * versions' writes (the process's copy chooses the dossier's version and
 * today's), the days of receipt and finish, the consent, and whether the
 * dossier has a letter the page shows (most have none: their letters'
 * statement is not run). */
enum dossier_page_extra {
    DPX_LEGAL_GEN = DP__COUNT,
    DPX_RECEIVED_DAY,
    DPX_FINISHED_DAY,
    DPX_CONSENT_GIVEN,
    DPX_CONSENT_WITHDRAWN,
    DPX_LETTERS,
    DPX_REF_GEN, /* legal_generation.ref_gen (refcache.h) */
    /* the citizen's page: a public event a row, its public columns (enum
     * dossier_event_col up to DE_PAPER_NO), then its id, which page_dates
     * makes its order */
    DPX_EVENTS,
    DPX_EVENTS_ORDER = DPX_EVENTS + DE_PAPER_NO + 1
};

/* A time as the dossier's pages print it, in cal_utc_local's format. */
#define DOSSIER_TIME_LONG "%H giờ %M phút, ngày %d/%m/%Y"

/* The page's times come from the database as they are kept (UTC DATETIMEs)
 * and are written here in local time, as the pages print them: MariaDB's
 * DATE_FORMATs were about a tenth of its time for the citizen's page.  The
 * dossier's columns in row 0; with events (the citizen's page), each event's
 * time and its order: the UTC time, then the id, as text that sorts
 * (dbres_children). */
static void
page_dates(struct pool *p, struct dbres *d, int events)
{
    static const struct {
        int col;
        const char *fmt; /* NULL: seconds since 1970 */
    } dates[] = {
        { DP_RECEIVED, DOSSIER_TIME_LONG }, { DP_DUE, DOSSIER_TIME_LONG },
        { DP_ORIGINAL_DUE, CAL_FMT_DAY },   { DP_FINISHED, CAL_FMT_DAY },
        { DP_RETURNED, CAL_FMT_MINUTE },    { DP_STATUTORY_TS, NULL },
        { DP_FINISHED_TS, NULL },           { DP_STATUTORY, DOSSIER_TIME_LONG },
        { DPX_RECEIVED_DAY, "%Y-%m-%d" },   { DPX_FINISHED_DAY, "%Y-%m-%d" },
    };
    char **cell = d->cell;

    for (size_t i = 0; i < NELEM(dates); i++) {
        int c = dates[i].col;
        time_t t;

        cell[c] = dates[i].fmt ? cal_utc_local(p, cell[c], dates[i].fmt)
                               : pool_printf(p, "%lld",
                                             cal_parse_utc(cell[c], &t) == 0 ? (long long)t : 0LL);
    }
    consent_page_dates(p, &cell[DPX_CONSENT_GIVEN], &cell[DPX_CONSENT_WITHDRAWN]);
    if (events) {
        cal_res_child_times(p, d, DPX_EVENTS + DE_AT, DPX_EVENTS_ORDER, CAL_FMT_MINUTE);
    }
}

/* The page's procedure, units and counter, read as ids, given the columns the
 * page shows of them from the process's copy (refcache.h): a dossier's
 * statement joins none of their tables.  A dossier whose procedure or
 * receiving unit is missing is not found (d->nrows 0), as the joins made it;
 * a counter or a unit of an event that is missing is NULL. */
static enum db_rc
page_refs(struct sctx *x, struct dbres *d, int staff)
{
    struct ref_cache *c = &x->app->ref;
    char **cell = d->cell, **proc, **unit, **counter, **pu = NULL;
    enum db_rc rc;

    ref_cache_sync(c, util_unum(cell[DPX_REF_GEN]));
    if ((rc = ref_cache_get(c, x->db, x->pool, REF_PROCEDURE, util_num(cell[DP_PROCEDURE]),
                            &proc)) != DB_OK ||
        (rc = ref_cache_get(c, x->db, x->pool, REF_UNIT, util_num(cell[DP_UNIT]), &unit)) !=
            DB_OK ||
        (rc = ref_cache_get(c, x->db, x->pool, REF_COUNTER, util_num(cell[DP_COUNTER_NAME]),
                            &counter)) != DB_OK ||
        (staff && (rc = ref_cache_get(c, x->db, x->pool, REF_UNIT, util_num(cell[DP_PROC_UNIT]),
                                      &pu)) != DB_OK)) {
        return rc;
    }
    if (proc == NULL || unit == NULL) {
        d->nrows = 0;
        return DB_OK;
    }
    cell[DP_PROCEDURE] = proc[RP_NAME];
    cell[DP_NATIONAL_CODE] = proc[RP_NATIONAL_CODE];
    cell[DP_FIELD] = staff ? proc[RP_FIELD] : NULL;
    cell[DP_TIME_VALUE] = proc[RP_TIME_VALUE];
    cell[DP_TIME_UNIT] = proc[RP_TIME_UNIT];
    cell[DP_FEE] = proc[RP_FEE];
    cell[DP_UNIT] = unit[RU_NAME];
    cell[DP_UNIT_ADDRESS] = unit[RU_ADDRESS];
    cell[DP_UNIT_HOTLINE] = unit[RU_HOTLINE];
    cell[DP_PROC_UNIT] = pu ? pu[RU_NAME] : NULL;
    cell[DP_COUNTER_NAME] = counter ? counter[RC_NAME] : NULL;
    for (size_t r = 0; !staff && r < d->nrows; r++) {
        char **eu = &d->cell[r * d->ncols + DPX_EVENTS + DE_UNIT];

        if (*eu) {
            if ((rc = ref_cache_get(c, x->db, x->pool, REF_UNIT, util_num(*eu), &unit)) != DB_OK) {
                return rc;
            }
            *eu = unit ? unit[RU_NAME] : NULL;
        }
    }
    return DB_OK;
}

/* Shared by the staff and the public page: the dossier, its events and letters,
 * and for staff what staff_read reads. */
static enum db_rc
dossier_page_read(struct sctx *x, long long id, int staff, struct dossier_page *pg)
{
    struct legal_cache *lc = &x->app->legal;
    const struct legal_version *v;
    int received;
    enum db_rc rc;

    memset(pg, 0, sizeof(*pg));
    pg->staff = staff;
    /* two statements: the same page's columns, but the citizen's reads as
     * NULL the applicant's and the officer's (its account has no grant on
     * them) and the processing unit, which its page does not show; and it
     * reads the events with the dossier, a row each (dbres_children).  The
     * procedure's, units' and counter's columns are their ids here, and
     * page_refs puts in what the page shows of them. */
#define DOSSIER_PAGE(proc_unit, people, staff_joins, events, events_join)                          \
    "SELECT d.code, d.procedure_id, NULL, NULL, d.unit_id, NULL, NULL, d.status,"                  \
    "       d.received_at, d.due_at, d.original_due_at, d.finished_at, d.returned_at,"             \
    "       NULL, NULL, " proc_unit ", NULL, d.collect, d.channel, d.sets,"                        \
    "       d.documents, " people                                                                  \
    ", d.counter_id, d.book_seq, d.reappointments, d.original_due_at,"                             \
    "       d.finished_at, d.wait_clock, d.cycle, d.original_due_at,"                              \
    "       " LEGAL_GEN_COL ", d.received_at, d.finished_at," CONSENT_PAGE_COLS ","                \
    "       EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id" APOLOGY_SHOWN "),"          \
    "       " REF_GEN_COL events                                                                   \
    "  FROM dossier d" staff_joins LEGAL_GEN_JOIN CONSENT_PAGE_JOIN("dossier", "d.id") events_join \
        " WHERE d.id = ?"
    rc = db_query(x->db, x->pool,
                  staff ? DOSSIER_PAGE("d.processing_unit_id",
                                       "d.applicant_name, d.applicant_address, d.applicant_phone,"
                                       " d.applicant_email, o.full_name",
                                       "  LEFT JOIN users o ON o.id = d.officer_id", "", "")
                        : DOSSIER_PAGE("NULL", "NULL, NULL, NULL, NULL, NULL", "",
                                       ", e.event, e.unit_id, e.body, e.at, e.paper_no, e.id",
                                       "  LEFT JOIN dossier_event e ON e.dossier_id = d.id"),
                  DB_ARGS(DV_I(!staff), DV_I(id)), &pg->d);
#undef DOSSIER_PAGE
    if (rc != DB_OK || pg->d.nrows == 0) {
        return rc;
    }
    if ((rc = page_refs(x, &pg->d, staff)) != DB_OK || pg->d.nrows == 0) {
        return rc;
    }
    page_dates(x->pool, &pg->d, !staff);
    rc = legal_cache_sync(lc, x->db, util_unum(dbres_get(&pg->d, 0, DPX_LEGAL_GEN)));
    if (rc != DB_OK) {
        return rc;
    }
    /* the legal version's rules and papers, one row each (none when no
     * version is on record) */
    if (cal_parse_date(dbres_get(&pg->d, 0, DPX_RECEIVED_DAY), &received) != 0) {
        return DB_ERR;
    }
    v = legal_cache_for(lc, received);
    if (v) {
        char **rule = pool_alloc(x->pool, DR__COUNT * sizeof(*rule));
        char **papers = pool_alloc(x->pool, DPP__COUNT * sizeof(*papers));

        rule[DR_TITLE] = pool_strdup(x->pool, v->title);
        rule[DR_WITHIN_DAYS] = pool_printf(x->pool, "%d", v->supplement_within_days);
        rule[DR_MAX_RESTARTS] = pool_printf(x->pool, "%d", v->supplement_max_restarts);
        rule[DR_SUPPLEMENT] = pool_strdup(x->pool, v->supplement_rule);
        papers[DPP_PAPERS] = pool_strdup(x->pool, v->papers);
        papers[DPP_LEGAL_TITLE] = rule[DR_TITLE];
        papers[DPP_LEAD_DAYS] = pool_printf(x->pool, "%d", v->lead_days);
        papers[DPP_LEAD_UNIT] = pool_strdup(x->pool, v->lead_unit);
        papers[DPP_MAX_REAPPOINT] = pool_printf(x->pool, "%d", v->max_reappoint);
        pg->rule = (struct dbres){ 1, DR__COUNT, rule };
        pg->papers = (struct dbres){ 1, DPP__COUNT, papers };
    }
    pg->consent_given = dbres_get(&pg->d, 0, DPX_CONSENT_GIVEN);
    pg->consent_withdrawn = dbres_get(&pg->d, 0, DPX_CONSENT_WITHDRAWN);
    pg->lateness = lateness(x, dbres_get(&pg->d, 0, DP_STATUS), dbres_get(&pg->d, 0, DP_WAIT_CLOCK),
                            util_num(dbres_get(&pg->d, 0, DP_STATUTORY_TS)),
                            util_num(dbres_get(&pg->d, 0, DP_FINISHED_TS)), near_days(x));
    /* the staff pages' own: cycles, agencies, hand-overs (the citizen's page
     * shows none of them) */
    if (staff && (rc = staff_read(x, id, pg)) != DB_OK) {
        return rc;
    }
    /* with the paper a move issued: its number, and for staff the issuing
     * agency's parent and place and the date of issue (ids stay staff-only;
     * the citizen's page reads those columns as NULL, without the parent) */
    if (staff) {
        rc = db_query(x->db, x->pool,
                      "SELECT e.event, u.name, e.body,"
                      "       DATE_FORMAT(e.at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'), e.paper_no,"
                      "       pa.name, u.place, DATE_FORMAT(e.at + " SQL_VN_OFFSET ", '%d'),"
                      "       DATE_FORMAT(e.at + " SQL_VN_OFFSET ", '%m'),"
                      "       DATE_FORMAT(e.at + " SQL_VN_OFFSET ", '%Y'), e.id,"
                      "       DATE_FORMAT(e.at + " SQL_VN_OFFSET
                      ", '%H giờ %i phút, ngày %d/%m/%Y')"
                      "  FROM dossier_event e LEFT JOIN org_unit u ON u.id = e.unit_id"
                      "  LEFT JOIN org_unit pa ON pa.id = u.parent_id"
                      " WHERE e.dossier_id = ? ORDER BY e.at, e.id",
                      DB_ARGS(DV_I(id)), &pg->events);
    } else {
        /* read with the dossier; the staff-only columns stay NULL */
        dbres_children(x->pool, &pg->d, DPX_EVENTS, DE_PAPER_NO + 1, DPX_EVENTS_ORDER, DE__COUNT,
                       &pg->events);
        pg->d.nrows = pg->d.nrows ? 1 : 0; /* the dossier's row, once */
    }
    if (rc != DB_OK || strcmp(dbres_get(&pg->d, 0, DPX_LETTERS), "1") != 0) {
        return rc; /* no letter to show: pg->apologies stays empty */
    }
    return apologies_read(x, id, dbres_get(&pg->d, 0, DP_STATUS),
                          dbres_get(&pg->d, 0, DPX_FINISHED_DAY), !staff, &pg->apologies);
}

enum db_rc
dossier_staff_page(struct sctx *x, const struct dossier_row *d, struct dossier_page *pg)
{
    const struct legal_version *v;
    enum db_rc rc = dossier_page_read(x, d->id, 1, pg);

    /* what a supplement request would do to the clock now, said before the
     * officer asks (a wait_clock value); the page's read brought the copy of
     * the legal versions up to date */
    if (rc == DB_OK && pg->d.nrows && sctx_calendar(x) &&
        (strcmp(d->status, "received") == 0 || strcmp(d->status, "processing") == 0) &&
        (v = legal_cache_for(&x->app->legal, cal_local_day((time_t)d->received_at))) != NULL) {
        pg->supplement_now =
            supplement_clocks[legal_supplement_clock(sctx_calendar(x), v, (time_t)d->cycle_start,
                                                     d->cycle - 1, time(NULL))];
    }
    return rc;
}

enum db_rc
dossier_public_page(struct sctx *x, long long dossier_id, struct dossier_page *pg)
{
    return dossier_page_read(x, dossier_id, 0, pg);
}

/* ---- moves ------------------------------------------------------------- */

/* The clock of a supplement request (DM_SUPPLEMENT) and of the complete
 * dossier that answers it (DM_SUPPLIED), by the supplement rules of the
 * dossier's legal version (Decree 61/2018 Art. 19(4)):
 *  - restart: the request ends the cycle; the complete dossier opens the next
 *    one with a new statutory appointment counted from its receipt;
 *  - pause: the cycle goes on; its end moves by the working days waited;
 *  - late_request / too_many: a request outside the rules is recorded, but
 *    the clock runs on and nothing moves.
 * Sets *clock (the dossier's wait_clock after the move), *cycle, *due (the
 * appointment in force) and *statutory; inside the move's transaction. */
static enum db_rc
supplement_clock(struct sctx *x, const struct dossier_row *d, enum dossier_move m, time_t now,
                 const char **clock, int *cycle, long long *due, long long *statutory)
{
    const struct cal *cal = sctx_calendar(x);
    struct legal_version v;
    enum db_rc rc;

    if (m == DM_SUPPLEMENT) {
        rc = legal_version_for(x->db, x->pool, (time_t)d->received_at, &v);
        if (rc != DB_OK) {
            return rc;
        }
        *clock = supplement_clocks[legal_supplement_clock(cal, &v, (time_t)d->cycle_start,
                                                          d->cycle - 1, now)];
        if (strcmp(*clock, "restart") != 0) {
            return DB_OK;
        }
        return db_exec(x->db,
                       "UPDATE dossier_cycle SET ended_at = UTC_TIMESTAMP(), end_reason = 'restart'"
                       " WHERE dossier_id = ? AND n = ?",
                       DB_ARGS(DV_I(d->id), DV_I(d->cycle)), NULL, NULL);
    }
    *clock = NULL;
    if (d->wait_clock && strcmp(d->wait_clock, "restart") == 0) {
        enum cal_unit u = cal_unit_parse(d->time_unit);

        *statutory = *due = (long long)cal_due(cal, now, d->time_value, u, d->use_cutoff);
        *cycle = d->cycle + 1;
        return dossier_cycle_open(x, d->id, *cycle, now, (time_t)*statutory);
    }
    if (d->wait_clock && strcmp(d->wait_clock, "pause") == 0) {
        int waited = cal_working_days_between(cal, cal_local_day((time_t)d->paused_at),
                                              cal_local_day(now));

        waited = waited > 0 ? waited : 0;
        *statutory = (long long)cal_instant(
            cal_add_working_days(cal, cal_local_day((time_t)d->original_due_at), waited),
            cal_local_minutes((time_t)d->original_due_at));
        *due = (long long)cal_instant(
            cal_add_working_days(cal, cal_local_day((time_t)d->due_at), waited),
            cal_local_minutes((time_t)d->due_at));
        return db_exec(x->db,
                       "UPDATE dossier_cycle SET statutory_due_at = FROM_UNIXTIME(?),"
                       "       paused_days = paused_days + ? WHERE dossier_id = ? AND n = ?",
                       DB_ARGS(DV_I(*statutory), DV_I(waited), DV_I(d->id), DV_I(d->cycle)), NULL,
                       NULL);
    }
    return DB_OK;   /* the clock ran on: nothing moves */
}

enum db_rc
dossier_apply(struct sctx *x, const struct dossier_row *d, enum dossier_move m, long long to_unit,
              const char *receiver, const char *note, time_t step_due)
{
    static const char *const events[DM__COUNT] = { "forwarded", "supplement_requested",
                                                   "supplied", "refused", "stopped", "ready",
                                                   "returned" };
    int from = dossier_state_parse(d->status);
    const struct cal *cal = sctx_calendar(x);
    struct db *db = x->db;
    struct dbres res;
    time_t now = time(NULL);
    long long from_unit = d->processing_unit_id ? d->processing_unit_id : d->unit_id;
    long long new_due = d->due_at, statutory = d->original_due_at, seq = 0;
    const char *paper_no = NULL;
    char number[40];
    const char *clock = NULL;   /* wait_clock after the move */
    int cycle = d->cycle;
    enum db_rc rc;
    unsigned long long n = 0;

    if (from < 0 || !dossier_move_allowed((enum dossier_state)from, m)) {
        return DB_DUP;
    }
    if (cal == NULL) {
        return DB_DOWN;
    }
    if ((rc = db_begin(db)) != DB_OK) {
        return rc;
    }
    rc = db_query(db, x->pool,
                  "SELECT COALESCE(MAX(seq), 0) FROM dossier_step WHERE dossier_id = ?",
                  DB_ARGS(DV_I(d->id)), &res);
    if (rc == DB_OK) {
        seq = util_num(dbres_get(&res, 0, 0));
    }
    if (rc == DB_OK && (m == DM_FORWARD || m == DM_READY)) {
        long long target = m == DM_READY ? d->unit_id : to_unit;
        /* early / on time / late against the statutory appointment: a
         * re-appointment excuses nothing in the statistics */
        int t = dossier_timeliness(now, (time_t)d->original_due_at);

        /* close the open hand-over, with its result against its own due date */
        rc = db_exec(db,
                     "UPDATE dossier_step SET done_at = UTC_TIMESTAMP(),"
                     "       result = IF(" SQL_VN_TODAY " <"
                     "                   DATE(due_at + " SQL_VN_OFFSET "), 'early',"
                     "                IF(" SQL_VN_TODAY " ="
                     "                   DATE(due_at + " SQL_VN_OFFSET "), 'on_time', 'late'))"
                     " WHERE dossier_id = ? AND done_at IS NULL",
                     DB_ARGS(DV_I(d->id)), NULL, NULL);
        if (rc == DB_OK && target == from_unit && m == DM_FORWARD) {
            rc = DB_DUP;  /* handing a dossier to the unit that holds it */
        }
        if (rc == DB_OK) {
            rc = db_exec(db,
                         "INSERT INTO dossier_step (dossier_id, seq, from_unit_id, to_unit_id, "
                         "giver,"
                         "                          receiver, handed_at, due_at, done_at, result, "
                         "note)"
                         " VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), FROM_UNIXTIME(?),"
                         "         IF(? = 1, UTC_TIMESTAMP(), NULL), ?, ?)",
                         DB_ARGS(DV_I(d->id), DV_I(seq + 1), DV_I(from_unit), DV_I(target),
                                 DV_S(x->user->full_name), DV_S(receiver ? receiver : ""),
                                 DV_I(step_due ? (long long)step_due : d->due_at),
                                 DV_I(m == DM_READY),
                                 m == DM_READY ? DV_S(t < 0    ? "early"
                                                      : t == 0 ? "on_time"
                                                               : "late")
                                               : DV_NULL,
                                 DV_S(note ? note : "")),
                         NULL, NULL);
        }
        if (rc == DB_OK && m == DM_READY) {
            int late = t > 0 ? cal_working_days_between(cal,
                                                        cal_local_day((time_t)d->original_due_at),
                                                        cal_local_day(now))
                             : 0;

            rc = stat_dossier(x, d->unit_id, d->counter_id, d->officer_id, now, 0, 1, t,
                              late > 0 ? late : 0, 0, 0);
        }
        to_unit = target;
    }
    if (rc == DB_OK && (m == DM_SUPPLEMENT || m == DM_SUPPLIED)) {
        rc = supplement_clock(x, d, m, now, &clock, &cycle, &new_due, &statutory);
    }
    if (rc == DB_OK && m == DM_READY) {
        rc = db_exec(db,
                     "UPDATE dossier_cycle SET ended_at = UTC_TIMESTAMP(), end_reason = 'finished'"
                     " WHERE dossier_id = ? AND n = ?",
                     DB_ARGS(DV_I(d->id), DV_I(d->cycle)), NULL, NULL);
    }
    if (rc == DB_OK) {
        const char *target = dossier_states[dossier_move_target((enum dossier_state)from, m)];

        rc = db_exec(db,
                     "UPDATE dossier SET status = ?, due_at = FROM_UNIXTIME(?),"
                     "       original_due_at = FROM_UNIXTIME(?), cycle = ?, wait_clock = ?,"
                     "       processing_unit_id = IF(? > 0, ?, processing_unit_id),"
                     /* the competent agency: the first one the one-stop unit hands it to */
                     "       competent_unit_id = COALESCE(competent_unit_id,"
                     "                                    IF(? > 0 AND ? <> unit_id, ?, NULL)),"
                     "       paused_at = IF(? = 'supplement', UTC_TIMESTAMP(), NULL),"
                     "       finished_at = IF(? IN ('ready','refused','stopped'), UTC_TIMESTAMP(),"
                     "                        finished_at),"
                     "       returned_at = IF(? = 'returned', UTC_TIMESTAMP(), returned_at)"
                     " WHERE id = ? AND status = ?",
                     DB_ARGS(DV_S(target), DV_I(new_due), DV_I(statutory), DV_I(cycle),
                             DV_S(clock), DV_I(to_unit), DV_I(to_unit),
                             DV_I(m == DM_FORWARD ? to_unit : 0), DV_I(to_unit), DV_I(to_unit),
                             DV_S(target), DV_S(target), DV_S(target), DV_I(d->id),
                             DV_S(d->status)),
                     &n, NULL);
        if (rc == DB_OK && n == 0) {
            rc = DB_DUP;  /* someone moved it meanwhile */
        }
    }
    if (rc == DB_OK && (m == DM_READY || m == DM_REFUSE || m == DM_STOP)) {
        rc = stats_dossier_closed(x, d->id, d->unit_id, (time_t)d->received_at, now,
                                  m == DM_READY ? 'r' : 'x',
                                  dossier_timeliness(now, (time_t)d->original_due_at));
    }
    if (rc == DB_OK && (m == DM_SUPPLEMENT || m == DM_REFUSE || m == DM_STOP)) {
        /* the paper the move issues (supplement request, refusal, notice of
         * stopping) gets its number; a dossier of the Circular 01/2018 papers
         * has no notice of stopping: its reason is recorded only */
        static const char *const suffixes[DM__COUNT] = { NULL, "PBSHS", NULL, "TCHS", "TBDG" };
        struct legal_version v;

        rc = legal_version_for(db, x->pool, (time_t)d->received_at, &v);
        if (rc == DB_OK && (m != DM_STOP || strcmp(v.papers, "TT03") == 0)) {
            rc = paper_number(x, suffixes[m], from_unit, now, number);
            paper_no = number;
        }
    }
    if (rc == DB_OK) {
        rc = devent_paper(x, d->id, events[m], m == DM_FORWARD ? to_unit : from_unit, note,
                          paper_no);
    }
    if (rc == DB_OK && m == DM_SUPPLEMENT) {
        /* what the request did to the clock, on the record for both pages */
        rc = devent(x, d->id, pool_printf(x->pool, "clock_%s", clock), from_unit, NULL);
    }
    if (rc == DB_OK) {
        rc = audit(x, pool_printf(x->pool, "dossier.%s", events[m]), "dossier", d->id, note);
    }
    if (rc == DB_OK) {
        rc = stats_late_touch(x, d->id, statutory != d->original_due_at ? d->original_due_at : 0);
    }
    if (rc == DB_OK) {
        rc = notify_dossier_move(x, d->id, m, note);
    }
    return db_end(x->db, rc);
}

/* ---- apologies --------------------------------------------------------- */

enum db_rc
apology_can_draft(struct sctx *x, const struct dossier_row *d, int *ok)
{
    struct dbres res;
    struct legal_version v;
    enum db_rc rc = legal_version_for(x->db, x->pool, (time_t)d->received_at, &v);

    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool,
                      "SELECT COUNT(*) FROM apology WHERE dossier_id = ? AND status = 'draft'",
                      DB_ARGS(DV_I(d->id)), &res);
    }
    *ok = rc == DB_OK && d->reappointments < v.max_reappoint && util_num(dbres_get(&res, 0, 0)) == 0;
    return rc;
}

enum db_rc
apology_draft(struct sctx *x, const struct dossier_row *d, const char *reason_code,
              const char *reason_text, int new_day, long long *apology_id)
{
    const struct cal *cal = sctx_calendar(x);
    struct dbres res;
    struct legal_version v;
    unsigned long long id = 0;
    long long unit = d->processing_unit_id ? d->processing_unit_id : d->unit_id;
    enum db_rc rc;

    if (cal == NULL) {
        return DB_DOWN;
    }
    if (!fsm_state_is(&dossier_fsm, d->status, DSF_OPEN)) {
        return DB_DUP;
    }
    if ((rc = db_begin(x->db)) != DB_OK) {
        return rc;
    }
    rc = legal_version_for(x->db, x->pool, (time_t)d->received_at, &v);
    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool,
                      "SELECT COUNT(*) FROM apology WHERE dossier_id = ? AND status = 'draft'",
                      DB_ARGS(DV_I(d->id)), &res);
    }
    if (rc == DB_OK && (d->reappointments >= v.max_reappoint || util_num(dbres_get(&res, 0, 0)) > 0)) {
        db_rollback(x->db);
        return DB_DUP;  /* re-appointed the allowed number of times, or a draft waits */
    }
    if (rc == DB_OK) {
        rc = db_exec(x->db,
                     "INSERT INTO apology (dossier_id, unit_id, reason_code, reason_text,"
                     "                     old_due_at, new_due_at, drafted_by, drafted_at)"
                     " VALUES (?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?, UTC_TIMESTAMP())",
                     DB_ARGS(DV_I(d->id), DV_I(unit), DV_S(reason_code), DV_S(reason_text),
                             DV_I(d->due_at), DV_I(cal_instant(new_day, cal->close_minutes)),
                             DV_I(x->user->id)),
                     NULL, &id);
    }
    if (rc == DB_OK) {
        rc = audit(x, "apology.draft", "dossier", d->id, reason_text);
    }
    *apology_id = (long long)id;
    return db_end(x->db, rc);
}

enum db_rc
apology_may_sign(struct sctx *x, long long apology_id, int *ok)
{
    struct dbres res;
    enum db_rc rc =
        db_query(x->db, x->pool,
                 "SELECT COUNT(*) FROM apology a JOIN org_unit u ON u.id = a.unit_id"
                 " WHERE a.id = ? AND " APOLOGY_SIGNER_COND("?"),
                 DB_ARGS(DV_I(apology_id), DV_I(x->user->unit_id), DV_I(x->user->unit_id)), &res);

    *ok = rc == DB_OK && strcmp(x->user->role, "leader") == 0 &&
          util_num(dbres_get(&res, 0, 0)) > 0;
    return rc;
}

/* the columns of the draft letter SELECT in apology_sign */
enum apology_sign_col {
    AS_DOSSIER,
    AS_OLD_DUE,
    AS_UNIT,
    AS_DOSSIER_UNIT,
    AS_COUNTER,
    AS_OFFICER,
    AS_EMAIL,
    AS_CODE,
    AS_NEW_DUE,
    AS_RECEIVED,
    AS_OWN_UNIT,
    AS_PARENT_SIGNS,
    AS_HEAD_TITLE,
};

enum db_rc
apology_sign(struct sctx *x, const struct dossier_row *d, long long apology_id, int deputy,
             const char *title, const char *position)
{
    const struct cal *cal = sctx_calendar(x);
    struct dbres res;
    struct legal_version v;
    struct db *db = x->db;
    time_t now = time(NULL);
    long long dossier, old_due, unit;
    const char *mode = "head";
    int on_time, lead;
    char number[40];
    enum db_rc rc;

    if (cal == NULL) {
        return DB_DOWN;
    }
    if ((rc = db_begin(db)) != DB_OK) {
        return rc;
    }
    /* a leader of the issuing agency, or of its parent where allowed */
    rc = db_query(db, x->pool,
                  "SELECT a.dossier_id, UNIX_TIMESTAMP(a.old_due_at), a.unit_id,"
                  "       d.unit_id, COALESCE(d.counter_id, 0), COALESCE(d.officer_id, 0),"
                  "       d.applicant_email, d.code, UNIX_TIMESTAMP(a.new_due_at),"
                  "       UNIX_TIMESTAMP(d.received_at), u.id = ?, u.parent_signs,"
                  "       COALESCE(u.head_title, '')"
                  "  FROM apology a JOIN dossier d ON d.id = a.dossier_id"
                  "  JOIN org_unit u ON u.id = a.unit_id"
                  " WHERE a.id = ? AND a.dossier_id = ? AND a.status = 'draft'"
                  "   AND " APOLOGY_SIGNER_COND("?") " FOR UPDATE",
                  DB_ARGS(DV_I(x->user->unit_id), DV_I(apology_id), DV_I(d->id),
                          DV_I(x->user->unit_id), DV_I(x->user->unit_id)),
                  &res);
    if (rc == DB_OK && res.nrows == 0) {
        rc = DB_DUP;
    }
    if (rc == DB_OK) {
        /* the parent agency's leader signs only as its rules say (KT., TL.,
         * TUQ.), for the issuing agency's head */
        mode = strcmp(dbres_get(&res, 0, AS_OWN_UNIT), "1") == 0
                   ? (deputy ? "KT" : "head")
                   : dbres_get(&res, 0, AS_PARENT_SIGNS);
        if (*dbres_get(&res, 0, AS_HEAD_TITLE) &&
            strcmp(dbres_get(&res, 0, AS_OWN_UNIT), "1") != 0) {
            title = dbres_get(&res, 0, AS_HEAD_TITLE);
        }
    }
    if (rc == DB_OK) {
        rc = legal_version_for(db, x->pool, (time_t)util_num(dbres_get(&res, 0, AS_RECEIVED)), &v);
    }
    if (rc != DB_OK) {
        return db_end(x->db, rc);
    }
    dossier = util_num(dbres_get(&res, 0, AS_DOSSIER));
    old_due = util_num(dbres_get(&res, 0, AS_OLD_DUE));
    unit = util_num(dbres_get(&res, 0, AS_UNIT));
    lead = v.lead_days;
    /* ND61 Art. 19(9): at least `lead` days before the due date */
    if (strcmp(v.lead_unit, "calendar_days") == 0) {
        on_time = cal_local_day(now) <= cal_local_day((time_t)old_due) - lead;
    } else {
        on_time = cal_local_day(now) <= cal_add_working_days(cal, cal_local_day((time_t)old_due),
                                                             -lead);
    }
    if ((rc = paper_number(x, "PXL", unit, now, number)) != DB_OK) {
        return db_end(x->db, rc);
    }
    rc = db_exec(db,
                 "UPDATE apology SET status = 'signed', number = ?, signer_id = ?, signer_name = ?,"
                 "       signer_title = ?, sign_mode = ?, signer_position = ?,"
                 "       signed_at = UTC_TIMESTAMP(), on_time = ?"
                 " WHERE id = ?",
                 DB_ARGS(DV_S(number), DV_I(x->user->id), DV_S(x->user->full_name), DV_S(title),
                         DV_S(mode),
                         strcmp(mode, "head") == 0 ? DV_NULL : DV_S(position ? position : ""),
                         DV_I(on_time), DV_I(apology_id)),
                 NULL, NULL);
    /* the one-stop unit moves the appointment on the strength of the letter */
    if (rc == DB_OK) {
        rc = db_exec(db,
                     "UPDATE dossier SET due_at = FROM_UNIXTIME(?),"
                     "       reappointments = reappointments + 1 WHERE id = ?",
                     DB_ARGS(DV_I(util_num(dbres_get(&res, 0, AS_NEW_DUE))), DV_I(dossier)), NULL,
                     NULL);
    }
    if (rc == DB_OK) {
        rc = devent(x, dossier, "apology", unit, number);
    }
    if (rc == DB_OK) {
        rc = stat_dossier(x, util_num(dbres_get(&res, 0, AS_DOSSIER_UNIT)),
                          util_num(dbres_get(&res, 0, AS_COUNTER)),
                          util_num(dbres_get(&res, 0, AS_OFFICER)), now, 0, 0, 0, 0, 1, !on_time);
    }
    if (rc == DB_OK) {
        rc = audit(x, "apology.sign", "dossier", dossier, number);
    }
    if (rc == DB_OK) {
        rc = stats_late_touch(x, dossier, 0);
    }
    if (rc == DB_OK) {
        rc = notify_dossier(x, dossier, NS_APOLOGY, NULL);
    }
    return db_end(x->db, rc);
}

enum db_rc
apology_deliver(struct sctx *x, const struct dossier_row *d, long long apology_id,
                const char *channel)
{
    /* the letter as it is mailed */
    enum { AD_DOSSIER, AD_EMAIL, AD_CODE, AD_NUMBER, AD_REASON, AD_NEW_DUE, AD_PAPERS };
    struct dbres res;
    unsigned long long n = 0;
    enum db_rc rc = db_begin(x->db);

    /* the letter of this dossier only, delivered by the one-stop unit that
     * received it (ND61 Art. 19(9)) or a leader above that unit */
    if (rc == DB_OK) {
        rc = db_exec(x->db,
                     "UPDATE apology a JOIN dossier d ON d.id = a.dossier_id"
                     "  JOIN org_unit du ON du.id = d.unit_id JOIN org_unit me ON me.id = ?"
                     "   SET a.status = 'delivered', a.delivery = ?,"
                     "       a.delivered_at = UTC_TIMESTAMP()"
                     " WHERE a.id = ? AND a.dossier_id = ? AND a.status = 'signed'"
                     "   AND (d.unit_id = me.id"
                     "        OR (? = 'leader' AND du.path LIKE CONCAT(me.path, '%')))",
                     DB_ARGS(DV_I(x->user->unit_id), DV_S(channel), DV_I(apology_id), DV_I(d->id),
                             DV_S(x->user->role)),
                     &n, NULL);
        if (rc == DB_OK && n == 0) {
            rc = DB_DUP;
        }
    }
    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool,
                      "SELECT a.dossier_id, d.applicant_email, d.code, a.number, a.reason_text,"
                      "       DATE_FORMAT(a.new_due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                      "       " LEGAL_VERSION_OF_D("papers") "  FROM apology a JOIN dossier d ON "
                                                             "d.id = a.dossier_id WHERE a.id = ?",
                      DB_ARGS(DV_I(apology_id)), &res);
    }
    if (rc == DB_OK && strcmp(channel, "email") == 0 && *dbres_get(&res, 0, AD_EMAIL)) {
        /* by e-mail: the letter goes out through the outbox (motcuactl send),
         * in Vietnamese and under the title of its dossier's papers */
        const char *letter = strcmp(dbres_get(&res, 0, AD_PAPERS), "TT03") == 0 ? "Letter.TT03"
                                                                                : "Letter";
        const char *title = app_paper_str(x->app, pool_printf(x->pool, "%s.Title", letter));
        const char *heading = app_paper_str(x->app, pool_printf(x->pool, "%s.Heading", letter));

        rc = notify_mail(x, d->id, "apology_letter", dbres_get(&res, 0, AD_EMAIL),
                         pool_printf(x->pool, "%s, %s %s", title,
                                     app_paper_str(x->app, "Receipt.Code"),
                                     dbres_get(&res, 0, AD_CODE)),
                         pool_printf(x->pool, "%s %s\n\n%s: %s\n%s: %s\n", heading,
                                     dbres_get(&res, 0, AD_NUMBER),
                                     app_paper_str(x->app, "Apology.Reason"),
                                     dbres_get(&res, 0, AD_REASON),
                                     app_paper_str(x->app, "Apology.NewDate"),
                                     dbres_get(&res, 0, AD_NEW_DUE)));
    }
    if (rc == DB_OK) {
        rc = audit(x, "apology.deliver", "dossier", util_num(dbres_get(&res, 0, AD_DOSSIER)),
                   channel);
    }
    return db_end(x->db, rc);
}

enum db_rc
dossier_escalate_late(struct sctx *x, int *n)
{
    struct dbres res;
    enum db_rc rc;

    *n = 0;
    rc = db_query(x->db, x->pool,
                  "SELECT d.id FROM dossier d"
                  " WHERE d.status IN ('received','processing') AND d.due_at < UTC_TIMESTAMP()"
                  /* the fewest any version allows first: a range of the index */
                  "   AND d.reappointments >= (SELECT MIN(v.max_reappoint) FROM legal_version v)"
                  "   AND d.reappointments >= " LEGAL_VERSION_OF_D(
                      "max_reappoint") "   AND d.escalated_at IS NULL LIMIT 5000",
                  DB_NOARGS, &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        long long id = util_num(dbres_get(&res, i, 0));

        if ((rc = db_begin(x->db)) != DB_OK) {
            break;
        }
        rc = db_exec(x->db, "UPDATE dossier SET escalated_at = UTC_TIMESTAMP() WHERE id = ?",
                     DB_ARGS(DV_I(id)), NULL, NULL);
        if (rc == DB_OK) {
            rc = devent(x, id, "escalated", 0, NULL);
        }
        if (rc == DB_OK) {
            rc = audit(x, "dossier.escalate", "dossier", id, "late again after re-appointment");
        }
        if (rc == DB_OK) {
            rc = stats_late_touch(x, id, 0);
        }
        rc = db_end(x->db, rc);
        *n += rc == DB_OK;
    }
    return rc;
}

/* ---- cycles of dossiers recorded before cycles existed ------------------- */

/* the columns of the dossier and event SELECTs in cycles_replay_one */
enum {
    RD_RECEIVED,
    RD_ORIGINAL_DUE,
    RD_TIME_VALUE,
    RD_TIME_UNIT,
    RD_USE_CUTOFF,
    RD_STATUS,
    RD_FINISHED
};
enum { RE_EVENT, RE_AT };

/* Replay one dossier's supplement requests and completions (its events) under
 * the rules of its legal version, as dossier_apply would have applied them. */
static enum db_rc
cycles_replay_one(struct sctx *x, const struct cal *cal, long long id)
{
    struct db *db = x->db;
    struct dbres d, ev, apo;
    struct legal_version v;
    time_t start, statutory, paused_at = 0, due;
    const char *wait = NULL;
    int n = 1, restarts = 0, paused_days = 0;
    enum cal_unit unit;
    enum db_rc rc;

    rc = db_query(db, x->pool,
                  "SELECT UNIX_TIMESTAMP(d.received_at), UNIX_TIMESTAMP(d.original_due_at),"
                  "       p.time_value, p.time_unit, p.use_cutoff, d.status,"
                  "       COALESCE(UNIX_TIMESTAMP(d.finished_at), 0)"
                  "  FROM dossier d JOIN procedure_tthc p ON p.id = d.procedure_id"
                  " WHERE d.id = ?",
                  DB_ARGS(DV_I(id)), &d);
    if (rc == DB_OK) {
        rc = db_query(db, x->pool,
                      "SELECT event, UNIX_TIMESTAMP(at) FROM dossier_event"
                      " WHERE dossier_id = ? AND event IN ('supplement_requested','supplied')"
                      " ORDER BY at, id",
                      DB_ARGS(DV_I(id)), &ev);
    }
    if (rc != DB_OK || d.nrows == 0) {
        return rc;
    }
    start = (time_t)util_num(dbres_get(&d, 0, RD_RECEIVED));
    statutory = (time_t)util_num(dbres_get(&d, 0, RD_ORIGINAL_DUE));
    unit = cal_unit_parse(dbres_get(&d, 0, RD_TIME_UNIT));
    if ((rc = legal_version_for(db, x->pool, start, &v)) != DB_OK) {
        return rc;
    }
    for (size_t i = 0; rc == DB_OK && i < ev.nrows; i++) {
        time_t at = (time_t)util_num(dbres_get(&ev, i, RE_AT));

        if (strcmp(dbres_get(&ev, i, RE_EVENT), "supplement_requested") == 0) {
            wait = supplement_clocks[legal_supplement_clock(cal, &v, start, restarts, at)];
            paused_at = at;
            if (strcmp(wait, "restart") == 0) {
                rc = db_exec(db,
                             "INSERT INTO dossier_cycle (dossier_id, n, started_at, statutory_due_at,"
                             "                           paused_days, ended_at, end_reason)"
                             " VALUES (?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?,"
                             "         FROM_UNIXTIME(?), 'restart')",
                             DB_ARGS(DV_I(id), DV_I(n), DV_I(start), DV_I(statutory),
                                     DV_I(paused_days), DV_I(at)),
                             NULL, NULL);
            }
        } else if (wait && strcmp(wait, "restart") == 0) {
            restarts++;
            n++;
            start = at;
            paused_days = 0;
            statutory = cal_due(cal, at, (int)util_num(dbres_get(&d, 0, RD_TIME_VALUE)), unit,
                                strcmp(dbres_get(&d, 0, RD_USE_CUTOFF), "1") == 0);
            wait = NULL;
        } else if (wait && strcmp(wait, "pause") == 0) {
            int waited = cal_working_days_between(cal, cal_local_day(paused_at), cal_local_day(at));

            waited = waited > 0 ? waited : 0;
            paused_days += waited;
            statutory = cal_instant(cal_add_working_days(cal, cal_local_day(statutory), waited),
                                    cal_local_minutes(statutory));
            wait = NULL;
        } else {
            wait = NULL;
        }
    }
    if (rc == DB_OK && !(wait && strcmp(wait, "restart") == 0)) {
        /* the last cycle (none while waiting for the documents of a restart) */
        int finished = strcmp(dbres_get(&d, 0, RD_STATUS), "ready") == 0 ||
                       strcmp(dbres_get(&d, 0, RD_STATUS), "returned") == 0;
        long long fin = util_num(dbres_get(&d, 0, RD_FINISHED));

        rc = db_exec(db,
                     "INSERT INTO dossier_cycle (dossier_id, n, started_at, statutory_due_at,"
                     "                           paused_days, ended_at, end_reason)"
                     " VALUES (?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?,"
                     "         IF(? = 0, NULL, FROM_UNIXTIME(?)), IF(? = 1, 'finished', NULL))",
                     DB_ARGS(DV_I(id), DV_I(n), DV_I(start), DV_I(statutory), DV_I(paused_days),
                             DV_I(fin), DV_I(fin), DV_I(finished)),
                     NULL, NULL);
    }
    /* the appointment in force: a letter signed in this cycle moved it */
    if (rc == DB_OK) {
        rc =
            db_query(db, x->pool,
                     "SELECT UNIX_TIMESTAMP(new_due_at) FROM apology"
                     " WHERE dossier_id = ? AND status <> 'draft' AND signed_at >= FROM_UNIXTIME(?)"
                     " ORDER BY signed_at DESC LIMIT 1",
                     DB_ARGS(DV_I(id), DV_I(start)), &apo);
    }
    if (rc == DB_OK) {
        due = apo.nrows ? (time_t)util_num(dbres_get(&apo, 0, 0)) : statutory;
        rc = db_exec(db,
                     "UPDATE dossier SET original_due_at = FROM_UNIXTIME(?), due_at = FROM_UNIXTIME(?),"
                     "       cycle = ?, wait_clock = IF(status = 'supplement', ?, NULL)"
                     " WHERE id = ?",
                     DB_ARGS(DV_I(statutory), DV_I(due), DV_I(n), DV_S(wait), DV_I(id)), NULL,
                     NULL);
    }
    return rc;
}

enum db_rc
dossier_cycles_fill(struct sctx *x, int *replayed)
{
    const struct cal *cal = sctx_calendar(x);
    struct dbres res;
    enum db_rc rc;

    *replayed = 0;
    if (cal == NULL) {
        return DB_DOWN;
    }
    /* dossiers never asked for documents: one cycle, as received */
    rc = db_exec(x->db,
                 "INSERT INTO dossier_cycle (dossier_id, n, started_at, statutory_due_at, ended_at,"
                 "                           end_reason)"
                 " SELECT d.id, 1, d.received_at, d.original_due_at,"
                 "        IF(d.status IN ('ready','returned'), d.finished_at, NULL),"
                 "        IF(d.status IN ('ready','returned'), 'finished', NULL)"
                 "   FROM dossier d"
                 "  WHERE NOT EXISTS (SELECT 1 FROM dossier_cycle c WHERE c.dossier_id = d.id)"
                 "    AND NOT EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id"
                 "                       AND e.event = 'supplement_requested')",
                 DB_NOARGS, NULL, NULL);
    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool,
                      "SELECT d.id FROM dossier d"
                      " WHERE NOT EXISTS (SELECT 1 FROM dossier_cycle c WHERE c.dossier_id = d.id)",
                      DB_NOARGS, &res);
    }
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        if ((rc = db_begin(x->db)) != DB_OK) {
            break;
        }
        rc = cycles_replay_one(x, cal, util_num(dbres_get(&res, i, 0)));
        rc = db_end(x->db, rc);
        *replayed += rc == DB_OK;
    }
    return rc;
}

enum db_rc
dossier_event_has_paper(struct db *db, struct pool *p, long long dossier_id, long long event_id,
                        int *yes)
{
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p,
                  "SELECT event FROM dossier_event WHERE id = ? AND dossier_id = ?"
                  "   AND paper_no IS NOT NULL",
                  DB_ARGS(DV_I(event_id), DV_I(dossier_id)), &res);
    *yes = rc == DB_OK && res.nrows > 0;
    return rc;
}

enum db_rc
dossier_lookup_nonce(struct db *db, struct pool *p, const char *code, const char *phone4,
                     const char **nonce)
{
    struct dbres res;
    enum db_rc rc;

    *nonce = NULL;
    rc = db_query(db, p,
                  "SELECT nonce FROM dossier_lookup WHERE code = ? AND phone4 = ?"
                  "   AND nonce IS NOT NULL",
                  DB_ARGS(DV_S(code), DV_S(phone4)), &res);
    if (rc == DB_OK && res.nrows > 0) {
        *nonce = dbres_get(&res, 0, 0);
    }
    return rc;
}

/* the columns of the tracking book SELECT in dossier_book_list */
enum book_col {
    BK_SEQ,
    BK_CODE,
    BK_PROCEDURE,
    BK_SETS,
    BK_NAME,
    BK_CONTACT,
    BK_PROCUNIT,
    BK_RECEIVED,
    BK_DUE,
    BK_FORWARDED,
    BK_FINISHED,
    BK_RETURNED,
    BK_STATUS,
};

enum db_rc
dossier_book_list(struct db *db, struct pool *p, long long unit_id, const char *from,
                  const char *to, struct book_row **rows, size_t *n)
{
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  "SELECT d.book_seq, d.code, p.name, d.sets, d.applicant_name,"
                  "       CONCAT_WS(' · ', NULLIF(d.applicant_address, ''), "
                  "NULLIF(d.applicant_phone, '')),"
                  "       pu.name,"
                  "       DATE_FORMAT(d.received_at + " SQL_VN_OFFSET ", '%d/%m/%Y %H:%i'),"
                  "       DATE_FORMAT(d.original_due_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                  "       (SELECT DATE_FORMAT(MIN(s.handed_at) + " SQL_VN_OFFSET ", '%d/%m/%Y')"
                  "          FROM dossier_step s WHERE s.dossier_id = d.id),"
                  "       DATE_FORMAT(d.finished_at + " SQL_VN_OFFSET ", '%d/%m/%Y'),"
                  "       DATE_FORMAT(d.returned_at + " SQL_VN_OFFSET ", '%d/%m/%Y'), d.status"
                  "  FROM dossier d JOIN procedure_tthc p ON p.id = d.procedure_id"
                  "  LEFT JOIN org_unit pu ON pu.id = d.processing_unit_id"
                  " WHERE d.unit_id = ? AND d.received_at >= ? - " SQL_VN_OFFSET
                  "   AND d.received_at < ? + INTERVAL 1 DAY - " SQL_VN_OFFSET
                  " ORDER BY d.received_at, d.id LIMIT 10000",
                  DB_ARGS(DV_I(unit_id), DV_S(from), DV_S(to)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        struct book_row *b = &(*rows)[i];

        b->seq = dbres_get(&res, i, BK_SEQ);
        b->code = dbres_get(&res, i, BK_CODE);
        b->procedure = dbres_get(&res, i, BK_PROCEDURE);
        b->sets = dbres_get(&res, i, BK_SETS);
        b->name = dbres_get(&res, i, BK_NAME);
        b->contact = dbres_get(&res, i, BK_CONTACT);
        b->procunit = dbres_get(&res, i, BK_PROCUNIT);
        b->received = dbres_get(&res, i, BK_RECEIVED);
        b->due = dbres_get(&res, i, BK_DUE);
        b->forwarded = dbres_get(&res, i, BK_FORWARDED);
        b->finished = dbres_get(&res, i, BK_FINISHED);
        b->returned = dbres_get(&res, i, BK_RETURNED);
        b->status = dbres_get(&res, i, BK_STATUS);
    }
    *n = res.nrows;
    return DB_OK;
}
