/* store_feedback.c — ratings and feedback cases: the SQL lives here. */
#include "store_feedback.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "case_fsm.h"
#include "conf.h"
#include "crypto.h"
#include "db.h"
#include "legal.h"
#include "notify.h"
#include "qrlink.h"
#include "ratelimit.h"
#include "refcache.h"
#include "store_consent.h"
#include "search.h"
#include "stats.h"
#include "token.h"
#include "util.h"

static struct dbv
opt_id(long long id)
{
    return id ? DV_I(id) : DV_NULL;
}

static struct dbv
opt_level(int v)
{
    return v ? DV_I(v) : DV_NULL;
}

static void
level_delta(struct stat_delta *d, int level, int sign)
{
    if (level == 3) {
        d->r3 += sign;
    } else if (level == 2) {
        d->r2 += sign;
    } else {
        d->r1 += sign;
    }
}

/* The four criteria answers of row 0 of res, from column first on (attitude,
 * time, trips, guidance; 0 = not answered), taken out of d: a rating's old
 * answers when it changes. */
static void
criteria_out(struct stat_delta *d, const struct dbres *res, size_t first)
{
    int crit[4];

    for (size_t i = 0; i < 4; i++) {
        crit[i] = (int)util_num(dbres_get(res, 0, first + i));
    }
    stats_criteria(d, crit, -1);
}

/* ---- ratings ----------------------------------------------------------- */

/* Count this attempt against limit i of in (0: the address's, 1: the
 * link's); RATING_LIMITED if it is exceeded.  The link's row is shared by
 * every rating of a counter, so it is spread over slot rows and counted first
 * (ratelimit_take's bound needs it first); the aggregates, then the address's
 * row (one, not spread: a flood from one address waits on itself) come last
 * in the transaction: their locks are held only until the commit just
 * after.  A refusal rolls everything back. */
static enum db_rc
rating_limit(struct sctx *x, const struct rating_in *in, int i, enum rating_result *result)
{
    enum db_rc rc;
    int allowed;

    if (in->limits == NULL) {
        return DB_OK;
    }
    rc = ratelimit_take(x, &in->limits[i], 3600, &allowed);
    if (rc == DB_OK && !allowed) {
        *result = RATING_LIMITED;
    }
    return rc;
}

/* Columns of the rating a new one may replace (rating_save_tx). */
enum prior_col {
    PR_ID,
    PR_REF,
    PR_LEVEL,
    PR_DAY,                    /* its day, local, for the aggregates */
    PR_REPLACEABLE,            /* "1" when still within the window */
    PR_CRITERIA,               /* the four criteria (criteria_out) */
    PR_UNIT = PR_CRITERIA + 4, /* its unit, counter and officer (0: none), whose */
    PR_COUNTER,                /* aggregates it is counted in */
    PR_OFFICER
};

/* A replaced rating's answers: level, the four criteria (0 = not answered)
 * and comment, on rating id. */
static enum db_rc
rating_answers_set(struct sctx *x, long long id, int level, const int crit[4], const char *comment)
{
    return db_exec(x->db,
                   "UPDATE rating SET level = ?, c_attitude = ?, c_time = ?, c_trips = ?,"
                   "       c_guidance = ?, comment = ?, updated_at = UTC_TIMESTAMP()"
                   " WHERE id = ?",
                   DB_ARGS(DV_I(level), opt_level(crit[0]), opt_level(crit[1]), opt_level(crit[2]),
                           opt_level(crit[3]), DV_S(comment), DV_I(id)),
                   NULL, NULL);
}

/* The rating may replace the one this browser gave shortly before through
 * the same link (rating_in.replace_ref). */
static int
replaces_by_ref(const struct rating_in *in)
{
    return in->replace_ref && strlen(in->replace_ref) == 16 && in->replace_minutes > 0;
}

static enum db_rc
rating_save_tx(struct sctx *x, const struct qrlink *l, const struct rating_in *in, char *ref_out,
               enum rating_result *result)
{
    struct db *db = x->db;
    struct dbres res;
    struct stat_delta d = { 0 };
    const int crit[4] = { in->c_attitude, in->c_time, in->c_trips, in->c_guidance };
    char day[11];
    enum db_rc rc;
    int flagged;

    *result = RATING_NEW;
    if ((rc = rating_limit(x, in, 1, result)) != DB_OK || *result == RATING_LIMITED) {
        return rc;
    }
    if (in->idem) {
        rc = db_query(db, x->pool, "SELECT ref FROM rating WHERE idem_key = ?",
                      DB_ARGS(DV_S(in->idem)), &res);
        if (rc != DB_OK) {
            return rc;
        }
        if (res.nrows) {
            snprintf(ref_out, 17, "%s", dbres_get(&res, 0, 0));
            *result = RATING_DUPLICATE;
            return rating_limit(x, in, 0, result);
        }
    }
    if (l->dossier_id) {
        /* a dossier is rated once: a new rating within the window replaces it */
        rc = db_query(db, x->pool,
                      "SELECT id, ref, level, DATE_FORMAT(created_at + " SQL_VN_OFFSET
                      ", '%Y-%m-%d'),"
                      "       created_at > UTC_TIMESTAMP() - INTERVAL ? HOUR,"
                      "       COALESCE(c_attitude, 0), COALESCE(c_time, 0), COALESCE(c_trips, 0),"
                      "       COALESCE(c_guidance, 0), unit_id, COALESCE(counter_id, 0),"
                      "       COALESCE(officer_id, 0)"
                      "  FROM rating WHERE dossier_id = ? FOR UPDATE",
                      DB_ARGS(DV_I(in->replace_hours), DV_I(l->dossier_id)), &res);
    } else if (replaces_by_ref(in)) {
        /* the same browser changing its mind shortly after, through the same link */
        rc = db_query(db, x->pool,
                      "SELECT id, ref, level, DATE_FORMAT(created_at + " SQL_VN_OFFSET
                      ", '%Y-%m-%d'),"
                      "       1,"
                      "       COALESCE(c_attitude, 0), COALESCE(c_time, 0), COALESCE(c_trips, 0),"
                      "       COALESCE(c_guidance, 0), unit_id, COALESCE(counter_id, 0),"
                      "       COALESCE(officer_id, 0)"
                      "  FROM rating WHERE ref = ? AND qr_link_id = ?"
                      "   AND created_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE FOR UPDATE",
                      DB_ARGS(DV_S(in->replace_ref), DV_I(l->id), DV_I(in->replace_minutes)), &res);
    } else {
        res.nrows = 0;
        rc = DB_OK;
    }
    if (rc != DB_OK) {
        return rc;
    }
    if (res.nrows) {
        snprintf(ref_out, 17, "%s", dbres_get(&res, 0, PR_REF));
        if (strcmp(dbres_get(&res, 0, PR_REPLACEABLE), "1") != 0) {
            *result = RATING_ALREADY;
            return rating_limit(x, in, 0, result);
        }
        rc = rating_answers_set(x, util_num(dbres_get(&res, 0, PR_ID)), in->level, crit,
                                in->comment);
        if (rc == DB_OK && l->dossier_id) {
            rc = stats_dossier_touch(x, l->dossier_id); /* QĐ 766: the dossier's verdict */
        }
        if (rc != DB_OK) {
            return rc;
        }
        level_delta(&d, (int)util_num(dbres_get(&res, 0, PR_LEVEL)), -1);
        level_delta(&d, in->level, +1);
        criteria_out(&d, &res, PR_CRITERIA);
        stats_criteria(&d, crit, +1);
        *result = RATING_REPLACED;
        /* moved where the rating was counted: its own unit, counter and officer */
        rc = stats_add(x, util_num(dbres_get(&res, 0, PR_UNIT)),
                       util_num(dbres_get(&res, 0, PR_COUNTER)),
                       util_num(dbres_get(&res, 0, PR_OFFICER)), dbres_get(&res, 0, PR_DAY), &d);
        return rc == DB_OK ? rating_limit(x, in, 0, result) : rc;
    }
    /* many ratings through one link in a short time: kept, but flagged for
     * review.  At least burst_count of them in the window is the same as the
     * link's burst_count-th newest being in it: a few index entries to read,
     * however many ratings the link has. */
    flagged = 0;
    if (in->burst_count > 0) {
        rc = db_query(db, x->pool,
                      "SELECT created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND FROM rating"
                      " WHERE qr_link_id = ? ORDER BY created_at DESC LIMIT 1 OFFSET ?",
                      DB_ARGS(DV_I(in->burst_seconds), DV_I(l->id), DV_I(in->burst_count - 1)),
                      &res);
        if (rc != DB_OK) {
            return rc;
        }
        flagged = util_num(dbres_get(&res, 0, 0)) == 1;
    }
    random_hex(ref_out, 8);
    rc = db_exec(db,
                 "INSERT INTO rating (ref, qr_link_id, channel, unit_id, counter_id, officer_id,"
                 "                    dossier_id, level, c_attitude, c_time, c_trips, c_guidance,"
                 "                    comment, client_hash, flagged, idem_key, created_at,"
                 "                    updated_at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                 "         UTC_TIMESTAMP(), UTC_TIMESTAMP())",
                 DB_ARGS(DV_S(ref_out), DV_I(l->id), DV_S(in->channel), DV_I(l->unit_id),
                         opt_id(l->counter_id), opt_id(l->officer_id), opt_id(l->dossier_id),
                         DV_I(in->level), opt_level(in->c_attitude), opt_level(in->c_time),
                         opt_level(in->c_trips), opt_level(in->c_guidance), DV_S(in->comment),
                         DV_S(in->client_hash), DV_I(flagged), DV_S(in->idem)),
                 NULL, NULL);
    if (rc == DB_OK && l->dossier_id) {
        rc = stats_dossier_touch(x, l->dossier_id);
    }
    if (rc != DB_OK) {
        return rc;
    }
    d.ratings = 1;
    level_delta(&d, in->level, +1);
    stats_criteria(&d, crit, +1);
    stats_today(day);
    *result = RATING_NEW;
    rc = stats_add(x, l->unit_id, l->counter_id, l->officer_id, day, &d);
    return rc == DB_OK ? rating_limit(x, in, 0, result) : rc;
}

enum db_rc
rating_save(struct sctx *x, const struct qrlink *l, const struct rating_in *in, char *ref_out,
            enum rating_result *result)
{
    enum db_rc rc;

    for (int attempt = 0; attempt < 2; attempt++) {
        if ((rc = db_begin(x->db)) != DB_OK) {
            return rc;
        }
        rc = rating_save_tx(x, l, in, ref_out, result);
        if (rc == DB_OK && *result == RATING_LIMITED) {
            db_rollback(x->db); /* refused: nothing stored */
            return DB_OK;
        }
        if ((rc = db_end(x->db, rc)) != DB_DUP) {
            return rc;
        }
        /* a concurrent double submit won the unique key: the retry finds it */
    }
    return rc;
}

/* ---- ratings in batches ------------------------------------------------ */

/* The limits' window (rating_limit's), in the statements' text. */
#define RB_WINDOW "3600"
#define RB_EXPIRED "window_start < UTC_TIMESTAMP() - INTERVAL " RB_WINDOW " SECOND"
/* rows of one multi-row INSERT of ratings: each binds RB_RATING_ARGS */
#define RB_RATING_ARGS 16
#define RB_RATING_ROWS (DB_MAX_ARGS / RB_RATING_ARGS)

/* head, then `rows` times `row` separated by commas, then tail: the text of a
 * statement with a list, kept once per shape (db_text). */
static const char *
rb_sql(const char *head, const char *row, size_t rows, const char *tail)
{
    struct buf b = { 0 };
    const char *text;

    buf_adds(&b, head);
    for (size_t i = 0; i < rows; i++) {
        buf_adds(&b, i ? ", " : "");
        buf_adds(&b, row);
    }
    buf_adds(&b, tail);
    text = db_text(b.p);
    buf_free(&b);
    return text;
}

/* A key of the batch (a link's or an address's limit) and what the batch
 * learns and does about it. */
struct rb_key {
    const char *k;     /* as rate_limit.k holds it */
    long long hits;    /* the window's hits before the batch (every slot) */
    int add;           /* the batch's hits on it */
    int limit;         /* an address's: its limit (the lowest of its jobs') */
    long long link_id; /* a link's: its id, its burst rule, its ratings in */
    int burst_count, burst_seconds, in_window, added;
};

/* A dossier the batch rates, and its rating as the batch's jobs so far leave
 * it (rating_save_tx's prior rating). */
struct rb_dossier {
    long long id;
    long long rating_id; /* its rating from before the batch; 0: none */
    long long unit_id, counter_id, officer_id; /* the rating's, where it is counted */
    long long age;       /* that rating's age in seconds; 0 for one of the batch */
    int rated;           /* it has a rating, from before or from a job */
    int level, crit[4];  /* the rating's level and criteria */
    size_t last;         /* the job whose answers the rating ends with; n: none */
    char ref[17], day[11];
};

/* The aggregates of a batch: one delta per unit, counter, officer and day. */
struct rb_stat {
    long long unit_id, counter_id, officer_id;
    char day[11];
    struct stat_delta d;
};

/* What a batch reads, decides and writes. */
struct rb_batch {
    struct rb_key link[RATING_BATCH_MAX], addr[RATING_BATCH_MAX];
    struct rb_dossier dos[RATING_BATCH_MAX];
    struct rb_stat st[RATING_BATCH_MAX];
    size_t nlink, naddr, ndos, nst;
    /* each job's link key, address key and dossier (ndos: none) */
    size_t li[RATING_BATCH_MAX], ai[RATING_BATCH_MAX], di[RATING_BATCH_MAX];
    unsigned slot; /* the links' slot the batch counts in */
    int slots;
};

/* The index of key k in keys[*n], added if new. */
static size_t
rb_key_index(struct rb_key *keys, size_t *n, const char *k)
{
    for (size_t i = 0; i < *n; i++) {
        if (strcmp(keys[i].k, k) == 0) {
            return i;
        }
    }
    keys[*n] = (struct rb_key){ .k = k };
    return (*n)++;
}

/* The delta of a unit, counter and officer on day, added if new. */
static struct stat_delta *
rb_stat_at(struct rb_batch *b, long long unit, long long counter, long long officer,
           const char *day)
{
    size_t s;

    for (s = 0; s < b->nst; s++) {
        if (b->st[s].unit_id == unit && b->st[s].counter_id == counter &&
            b->st[s].officer_id == officer && strcmp(b->st[s].day, day) == 0) {
            return &b->st[s].d;
        }
    }
    b->st[b->nst] = (struct rb_stat){ unit, counter, officer, "", { 0 } };
    snprintf(b->st[b->nst].day, sizeof(b->st[b->nst].day), "%s", day);
    return &b->st[b->nst++].d;
}

/* The batch's hits on its keys counted: each key's row in its slot (the
 * links' in the batch's slot, the addresses' in 0), a new window where the
 * old one passed; one statement. */
static enum db_rc
rb_hits_add(struct sctx *x, const struct rb_batch *b)
{
    struct dbv arg[4 * 2 * RATING_BATCH_MAX];
    size_t rows = 0, na = 0;

    for (size_t i = 0; i < b->nlink + b->naddr; i++) {
        const struct rb_key *k = i < b->nlink ? &b->link[i] : &b->addr[i - b->nlink];

        if (k->add > 0) {
            arg[na++] = DV_S(i < b->nlink ? RATING_BUCKET_LINK : RATING_BUCKET_ADDR);
            arg[na++] = DV_S(k->k);
            arg[na++] = DV_I(i < b->nlink ? b->slot : 0);
            arg[na++] = DV_I(k->add);
            rows++;
        }
    }
    if (rows == 0) {
        return DB_OK;
    }
    return db_exec(x->db,
                   rb_sql("INSERT INTO rate_limit (bucket, k, slot, window_start, hits) VALUES ",
                          "(?, ?, ?, UTC_TIMESTAMP(), ?)", rows,
                          " ON DUPLICATE KEY UPDATE"
                          "   hits = IF(" RB_EXPIRED ", VALUES(hits), hits + VALUES(hits)),"
                          "   window_start = IF(" RB_EXPIRED ", UTC_TIMESTAMP(), window_start)"),
                   arg, na, NULL, NULL);
}

/* Arguments: the keys padded to RATING_BATCH_MAX placeholders. */
static size_t
rb_keys_args(struct dbv *arg, const struct rb_key *keys, size_t n)
{
    for (size_t i = 0; i < RATING_BATCH_MAX; i++) {
        arg[i] = DV_S(keys[i < n ? i : n - 1].k);
    }
    return RATING_BATCH_MAX;
}

/* Add the hits of the rows of res (a bucket, a key, hits from column `col`)
 * to the key they are of. */
static void
rb_hits_read(const struct dbres *res, size_t r, const char *bucket, struct rb_key *keys, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(keys[i].k, dbres_get(res, r, 1)) == 0 &&
            strcmp(bucket, dbres_get(res, r, 0)) == 0) {
            keys[i].hits += util_num(dbres_get(res, r, 2));
        }
    }
}

#define RB_IN "IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
/* the addresses' rows (bucket, key, hits of the current window), of the
 * RATING_BATCH_MAX keys bound (rb_keys_args) */
#define RB_ADDR_HITS                                                \
    "SELECT bucket, k, IF(" RB_EXPIRED ", 0, hits) FROM rate_limit" \
    " WHERE bucket = '" RATING_BUCKET_ADDR "' AND slot = 0 AND k " RB_IN

/* The ratings of the batch's dossiers, locked as rating_save_tx locks a
 * dossier's (after the links' rows): each dossier's rating before the
 * batch. */
static enum db_rc
rb_dossiers_read(struct sctx *x, struct rb_batch *b)
{
    enum {
        BD_DOSSIER,
        BD_ID,
        BD_REF,
        BD_LEVEL,
        BD_DAY,
        BD_AGE,
        BD_CRITERIA,
        BD_UNIT = BD_CRITERIA + 4,
        BD_COUNTER,
        BD_OFFICER
    };
    struct dbv arg[RATING_BATCH_MAX];
    struct dbres res;
    enum db_rc rc;

    if (b->ndos == 0) {
        return DB_OK;
    }
    for (size_t i = 0; i < RATING_BATCH_MAX; i++) {
        arg[i] = DV_I(b->dos[i < b->ndos ? i : b->ndos - 1].id);
    }
    rc = db_query(x->db, x->pool,
                  "SELECT dossier_id, id, ref, level,"
                  "       DATE_FORMAT(created_at + " SQL_VN_OFFSET ", '%Y-%m-%d'),"
                  "       TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP()),"
                  "       COALESCE(c_attitude, 0), COALESCE(c_time, 0), COALESCE(c_trips, 0),"
                  "       COALESCE(c_guidance, 0), unit_id, COALESCE(counter_id, 0),"
                  "       COALESCE(officer_id, 0)"
                  "  FROM rating WHERE dossier_id " RB_IN " FOR UPDATE",
                  arg, RATING_BATCH_MAX, &res);
    for (size_t r = 0; rc == DB_OK && r < res.nrows; r++) {
        for (size_t i = 0; i < b->ndos; i++) {
            struct rb_dossier *d = &b->dos[i];

            if (d->id != util_num(dbres_get(&res, r, BD_DOSSIER))) {
                continue;
            }
            d->rated = 1;
            d->rating_id = util_num(dbres_get(&res, r, BD_ID));
            d->age = util_num(dbres_get(&res, r, BD_AGE));
            d->unit_id = util_num(dbres_get(&res, r, BD_UNIT));
            d->counter_id = util_num(dbres_get(&res, r, BD_COUNTER));
            d->officer_id = util_num(dbres_get(&res, r, BD_OFFICER));
            d->level = (int)util_num(dbres_get(&res, r, BD_LEVEL));
            for (size_t c = 0; c < 4; c++) {
                d->crit[c] = (int)util_num(dbres_get(&res, r, BD_CRITERIA + c));
            }
            snprintf(d->ref, sizeof(d->ref), "%s", dbres_get(&res, r, BD_REF));
            snprintf(d->day, sizeof(d->day), "%s", dbres_get(&res, r, BD_DAY));
        }
    }
    return rc;
}

/* The batch's reads, as ratelimit_take and rating_save_tx read: first the
 * links' rows the batch counts on (in the batch's slot), locked; then the
 * dossiers' ratings, locked; then, without locking, the links' other slots
 * (the first plain read: the transaction's snapshot is taken after the
 * locks, which ratelimit_take's bound needs), the addresses' rows, the
 * repeated forms and each link's newest ratings, as many as its burst rule
 * counts.  The addresses' rows are locked last, as a rating stored alone
 * locks its address's (rb_addr_check).  idem gets the rows read, the
 * repeated forms among them (tag 'i', key, reference). */
static enum db_rc
rb_read(struct sctx *x, const struct rating_job *job, size_t n, struct rb_batch *b,
        struct dbres *seen)
{
    /* the second read's: the keys of the forms and addresses, the slot, the
     * links, three for each link's burst */
    struct dbv arg[2 * RATING_BATCH_MAX + 1 + RATING_BATCH_MAX + 3 * RATING_BATCH_MAX];
    struct rb_key *link = b->link;
    struct dbres res;
    struct buf q = { 0 };
    size_t na = 0, nburst = 0;
    enum db_rc rc;

    _Static_assert(RATING_BATCH_MAX == 16, "RB_IN has RATING_BATCH_MAX placeholders");
    arg[na++] = DV_I(b->slot);
    na += rb_keys_args(arg + na, link, b->nlink);
    rc = db_query(x->db, x->pool,
                  "SELECT bucket, k, IF(" RB_EXPIRED ", 0, hits) FROM rate_limit"
                  " WHERE bucket = '" RATING_BUCKET_LINK "' AND slot = ? AND k " RB_IN
                  " FOR UPDATE",
                  arg, na, &res);
    for (size_t r = 0; rc == DB_OK && r < res.nrows; r++) {
        rb_hits_read(&res, r, RATING_BUCKET_LINK, link, b->nlink);
    }
    if (rc != DB_OK || (rc = rb_dossiers_read(x, b)) != DB_OK) {
        return rc;
    }
    na = 0;
    buf_adds(&q, "SELECT 'i', idem_key, ref FROM rating WHERE idem_key " RB_IN);
    for (size_t i = 0; i < RATING_BATCH_MAX; i++) {
        arg[na++] = DV_S(job[i < n ? i : n - 1].idem);
    }
    buf_adds(&q, " UNION ALL " RB_ADDR_HITS);
    na += rb_keys_args(arg + na, b->addr, b->naddr);
    if (b->slots > 1) {
        buf_adds(&q, " UNION ALL SELECT '" RATING_BUCKET_LINK "', k, SUM(hits) FROM rate_limit"
                     " WHERE bucket = '" RATING_BUCKET_LINK "' AND slot <> ?"
                     "   AND window_start >= UTC_TIMESTAMP() - INTERVAL " RB_WINDOW " SECOND"
                     "   AND k " RB_IN " GROUP BY k");
        arg[na++] = DV_I(b->slot);
        na += rb_keys_args(arg + na, link, b->nlink);
    }
    for (size_t k = 0; k < b->nlink; k++) {
        if (link[k].burst_count > 0) {
            nburst++;
            arg[na++] = DV_I(link[k].burst_seconds);
            arg[na++] = DV_I(link[k].link_id);
            arg[na++] = DV_I(link[k].burst_count);
        }
    }
    /* one branch per link (its own ORDER BY and LIMIT) */
    for (size_t k = 0; k < nburst; k++) {
        buf_adds(&q, " UNION ALL (SELECT 'b', qr_link_id,"
                     " created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND FROM rating"
                     " WHERE qr_link_id = ? ORDER BY created_at DESC LIMIT ?)");
    }
    rc = db_query(x->db, x->pool, db_text(q.p), arg, na, &res);
    buf_free(&q);
    *seen = res;
    for (size_t r = 0; rc == DB_OK && r < res.nrows; r++) {
        const char *tag = dbres_get(&res, r, 0);

        if (strcmp(tag, "i") == 0) {
            continue; /* a repeated form: rb_decide looks */
        }
        if (strcmp(tag, "b") == 0) {
            for (size_t k = 0; k < b->nlink; k++) {
                if (link[k].link_id == util_num(dbres_get(&res, r, 1))) {
                    link[k].in_window += util_num(dbres_get(&res, r, 2)) == 1;
                }
            }
        } else {
            rb_hits_read(&res, r, RATING_BUCKET_LINK, link, b->nlink);
            rb_hits_read(&res, r, RATING_BUCKET_ADDR, b->addr, b->naddr);
        }
    }
    return rc;
}

/* The addresses' rows, locked now, after the batch's other writes, as
 * rating_save_tx takes its address's row last: a batch and a rating stored
 * alone take the limits' rows in one order and do not wait on each other
 * over them.  The batch decided on the hits it read before, without a lock;
 * ratings stored alone from one of its addresses may have been counted since.
 * Where they take a rating the batch let through over the address's limit,
 * the batch is rolled back (DB_ERR) and each of its ratings is stored by its
 * own worker, so that the limit stays exact.  Hits that stay within the limit
 * change none of the batch's decisions (it refused none at that address:
 * a refusal needs the read hits and the batch's own to reach the limit);
 * fewer hits, the window having passed, leave a refusal standing, as if the
 * rating had come a moment earlier. */
static enum db_rc
rb_addr_check(struct sctx *x, const struct rb_batch *b)
{
    int lifted = ratelimits_lifted(x->app->conf);
    struct dbv arg[RATING_BATCH_MAX];
    long long now[RATING_BATCH_MAX] = { 0 };
    struct dbres res;
    enum db_rc rc;

    rb_keys_args(arg, b->addr, b->naddr);
    rc = db_query(x->db, x->pool, RB_ADDR_HITS " FOR UPDATE", arg, RATING_BATCH_MAX, &res);
    for (size_t r = 0; rc == DB_OK && r < res.nrows; r++) {
        for (size_t i = 0; i < b->naddr; i++) {
            if (strcmp(b->addr[i].k, dbres_get(&res, r, 1)) == 0) {
                now[i] += util_num(dbres_get(&res, r, 2));
            }
        }
    }
    for (size_t i = 0; rc == DB_OK && i < b->naddr && !lifted; i++) {
        const struct rb_key *a = &b->addr[i];

        if (a->add > 0 && now[i] > a->hits && now[i] + a->add > a->limit) {
            log_info("rating batch: hits counted meanwhile take an address over its limit;"
                     " its ratings go one by one");
            rc = DB_ERR;
        }
    }
    return rc;
}

/* Job i, neither limited nor a repeated form, rates dossier d: as
 * rating_save_tx decides, a new rating if it has none, else one within the
 * job's replace_hours replaced (its aggregates moved where it was counted:
 * its day, unit, counter and officer), else already rated. */
static void
rb_decide_dossier(struct rb_batch *b, const struct rating_job *job, size_t i,
                  struct rating_done *done)
{
    struct rb_dossier *d = &b->dos[b->di[i]];
    struct stat_delta *sd;

    if (!d->rated) {
        done[i].result = RATING_NEW;
        random_hex(done[i].ref, 8);
        d->rated = 1;
        d->unit_id = job[i].unit_id;
        d->counter_id = job[i].counter_id;
        d->officer_id = job[i].officer_id;
        memcpy(d->ref, done[i].ref, sizeof(d->ref));
        stats_today(d->day);
        sd = rb_stat_at(b, d->unit_id, d->counter_id, d->officer_id, d->day);
        sd->ratings++;
    } else {
        memcpy(done[i].ref, d->ref, sizeof(done[i].ref));
        if (d->age >= job[i].replace_hours * 3600LL) {
            done[i].result = RATING_ALREADY;
            return;
        }
        done[i].result = RATING_REPLACED;
        sd = rb_stat_at(b, d->unit_id, d->counter_id, d->officer_id, d->day);
        level_delta(sd, d->level, -1);
        stats_criteria(sd, d->crit, -1);
    }
    level_delta(sd, job[i].level, +1);
    stats_criteria(sd, job[i].crit, +1);
    d->level = job[i].level;
    memcpy(d->crit, job[i].crit, sizeof(d->crit));
    d->last = i;
}

/* The batch's reads and decisions, before anything is written: each job in
 * turn, as rating_save_tx would decide it after the ones before. */
static enum db_rc
rb_decide(struct sctx *x, const struct rating_job *job, size_t n, struct rating_done *done,
          struct rb_batch *b)
{
    struct dbres idem;
    int lifted = ratelimits_lifted(x->app->conf);
    char today[11];
    enum db_rc rc;

    for (size_t i = 0; i < n; i++) {
        b->li[i] = rb_key_index(b->link, &b->nlink, ratelimit_key(x, job[i].link));
        b->ai[i] = rb_key_index(b->addr, &b->naddr, ratelimit_key(x, job[i].addr));
        if (b->addr[b->ai[i]].limit == 0 || job[i].addr_limit < b->addr[b->ai[i]].limit) {
            b->addr[b->ai[i]].limit = job[i].addr_limit;
        }
        if (b->link[b->li[i]].link_id == 0) {
            b->link[b->li[i]].link_id = job[i].link_id;
            b->link[b->li[i]].burst_count = job[i].burst_count;
            b->link[b->li[i]].burst_seconds = job[i].burst_seconds;
        }
        for (b->di[i] = 0; b->di[i] < b->ndos && b->dos[b->di[i]].id != job[i].dossier_id;
             b->di[i]++) {
        }
        if (job[i].dossier_id && b->di[i] == b->ndos) {
            b->dos[b->ndos++] = (struct rb_dossier){ .id = job[i].dossier_id, .last = n };
        }
    }
    if ((rc = rb_read(x, job, n, b, &idem)) != DB_OK) {
        return rc;
    }
    stats_today(today);
    for (size_t i = 0; i < n; i++) {
        const char *seen = NULL;
        struct rb_key *lk = &b->link[b->li[i]], *ak = &b->addr[b->ai[i]];
        struct stat_delta *sd;

        done[i].rc = DB_OK;
        if (lk->hits + lk->add + 1 > job[i].link_limit && !lifted) {
            done[i].result = RATING_LIMITED; /* counted nowhere, as if rolled back */
            continue;
        }
        for (size_t r = 0; r < idem.nrows && seen == NULL; r++) {
            if (strcmp(dbres_get(&idem, r, 0), "i") == 0 &&
                strcmp(dbres_get(&idem, r, 1), job[i].idem) == 0) {
                seen = dbres_get(&idem, r, 2);
            }
        }
        for (size_t j = 0; j < i && seen == NULL; j++) {
            if (done[j].result == RATING_NEW && strcmp(job[j].idem, job[i].idem) == 0) {
                seen = done[j].ref;
            }
        }
        if (ak->hits + ak->add + 1 > job[i].addr_limit && !lifted) {
            done[i].result = RATING_LIMITED;
            continue;
        }
        lk->add++;
        ak->add++;
        if (seen) {
            done[i].result = RATING_DUPLICATE;
            snprintf(done[i].ref, sizeof(done[i].ref), "%s", seen);
            continue;
        }
        if (job[i].dossier_id) {
            rb_decide_dossier(b, job, i, done);
            continue;
        }
        done[i].result = RATING_NEW;
        random_hex(done[i].ref, 8);
        sd = rb_stat_at(b, job[i].unit_id, job[i].counter_id, job[i].officer_id, today);
        sd->ratings++;
        level_delta(sd, job[i].level, +1);
        stats_criteria(sd, job[i].crit, +1);
    }
    return DB_OK;
}

/* The new ratings of the batch, RB_RATING_ROWS a statement (a dossier's with
 * the answers of the last job that rated it); the dossiers' ratings from
 * before the batch that jobs replaced, and their QĐ 766 verdicts; then the
 * aggregates. */
static enum db_rc
rb_write(struct sctx *x, const struct rating_job *job, size_t n, const struct rating_done *done,
         struct rb_batch *b)
{
    struct dbv arg[DB_MAX_ARGS];
    size_t rows = 0, na = 0;
    enum db_rc rc = DB_OK;

    for (size_t i = 0; i <= n && rc == DB_OK; i++) {
        if (i < n && done[i].result == RATING_NEW) {
            const struct rating_job *j = &job[i];
            /* the answers: a dossier's rating ends with its last job's */
            const struct rating_job *a = j->dossier_id ? &job[b->dos[b->di[i]].last] : j;
            struct rb_key *lk = &b->link[b->li[i]];
            /* flagged as rating_save_tx flags it: the link already has
             * burst_count ratings in the window, this batch's before it too */
            int flagged = lk->burst_count > 0 && lk->in_window + lk->added >= lk->burst_count;

            lk->added++;
            arg[na++] = DV_S(done[i].ref);
            arg[na++] = DV_I(j->link_id);
            arg[na++] = DV_S(j->channel);
            arg[na++] = DV_I(j->unit_id);
            arg[na++] = opt_id(j->counter_id);
            arg[na++] = opt_id(j->officer_id);
            arg[na++] = opt_id(j->dossier_id);
            arg[na++] = DV_I(a->level);
            for (int c = 0; c < 4; c++) {
                arg[na++] = opt_level(a->crit[c]);
            }
            arg[na++] = DV_S(a->comment);
            arg[na++] = DV_S(j->client_hash);
            arg[na++] = DV_I(flagged);
            arg[na++] = DV_S(j->idem);
            rows++;
        }
        if (rows > 0 && (rows == RB_RATING_ROWS || i == n)) {
            rc = db_exec(x->db,
                         rb_sql("INSERT INTO rating (ref, qr_link_id, channel, unit_id, counter_id,"
                                " officer_id, dossier_id, level, c_attitude, c_time, c_trips,"
                                " c_guidance, comment, client_hash, flagged, idem_key, created_at,"
                                " updated_at) VALUES ",
                                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                " UTC_TIMESTAMP(), UTC_TIMESTAMP())",
                                rows, ""),
                         arg, na, NULL, NULL);
            rows = na = 0;
        }
    }
    for (size_t k = 0; k < b->ndos && rc == DB_OK; k++) {
        const struct rb_dossier *d = &b->dos[k];
        const struct rating_job *a = &job[d->last];

        if (d->last == n) {
            continue; /* its rating unchanged */
        }
        if (d->rating_id) {
            rc = rating_answers_set(x, d->rating_id, a->level, a->crit, a->comment);
        }
        if (rc == DB_OK) {
            rc = stats_dossier_touch(x, d->id); /* QĐ 766: the dossier's verdict */
        }
    }
    for (size_t s = 0; s < b->nst && rc == DB_OK; s++) {
        rc = stats_add(x, b->st[s].unit_id, b->st[s].counter_id, b->st[s].officer_id, b->st[s].day,
                       &b->st[s].d);
    }
    return rc;
}

int
rating_job_from(struct rating_job *j, const struct qrlink *l, const struct rating_in *in)
{
    const struct ratelimit *lim = in->limits;

    if ((!l->dossier_id && replaces_by_ref(in)) || lim == NULL ||
        strcmp(lim[0].bucket, RATING_BUCKET_ADDR) != 0 ||
        strcmp(lim[1].bucket, RATING_BUCKET_LINK) != 0 || lim[0].slots > 1 ||
        strlen(lim[0].key) >= sizeof(j->addr) || strlen(lim[1].key) >= sizeof(j->link) ||
        strlen(in->channel) >= sizeof(j->channel) ||
        strlen(in->client_hash) >= sizeof(j->client_hash) ||
        strlen(in->comment) >= sizeof(j->comment)) {
        return 0;
    }
    memset(j, 0, sizeof(*j));
    j->link_id = l->id;
    j->unit_id = l->unit_id;
    j->counter_id = l->counter_id;
    j->officer_id = l->officer_id;
    j->dossier_id = l->dossier_id;
    j->replace_hours = in->replace_hours;
    j->level = in->level;
    j->crit[0] = in->c_attitude;
    j->crit[1] = in->c_time;
    j->crit[2] = in->c_trips;
    j->crit[3] = in->c_guidance;
    j->burst_count = in->burst_count;
    j->burst_seconds = in->burst_seconds;
    j->addr_limit = lim[0].limit;
    j->link_limit = lim[1].limit;
    j->link_slots = lim[1].slots;
    strcpy(j->addr, lim[0].key);
    strcpy(j->link, lim[1].key);
    strcpy(j->channel, in->channel);
    strcpy(j->client_hash, in->client_hash);
    strcpy(j->comment, in->comment);
    if (in->idem && strlen(in->idem) == 32) {
        strcpy(j->idem, in->idem);
    } else {
        random_hex(j->idem, 16);
    }
    return 1;
}

enum db_rc
rating_save_many(struct sctx *x, const struct rating_job *job, size_t n, struct rating_done *done)
{
    struct rb_batch *b;
    enum db_rc rc;

    if (n == 0 || n > RATING_BATCH_MAX) {
        return n == 0 ? DB_OK : DB_ERR;
    }
    memset(done, 0, n * sizeof(*done));
    b = pool_alloc(x->pool, sizeof(*b)); /* zeroed */
    b->slots = job[0].link_slots < 1 ? 1 : job[0].link_slots > 255 ? 255 : job[0].link_slots;
    b->slot = b->slots > 1 ? randombytes_uniform((uint32_t)b->slots) : 0;
    if ((rc = db_begin(x->db)) != DB_OK) {
        return rc;
    }
    rc = rb_decide(x, job, n, done, b);
    if (rc == DB_OK) {
        rc = rb_write(x, job, n, done, b);
    }
    if (rc == DB_OK) {
        rc = rb_addr_check(x, b);
    }
    if (rc == DB_OK) {
        rc = rb_hits_add(x, b);
    }
    return db_end(x->db, rc);
}

enum db_rc
rating_level(struct sctx *x, const char *ref, long long link_id, int *level, long long *rating_id,
             const char **comment)
{
    struct dbres res;
    enum { RL_LEVEL, RL_ID, RL_COMMENT };
    enum db_rc rc =
        db_query(x->db, x->pool,
                 "SELECT level, id, comment FROM rating WHERE ref = ? AND qr_link_id = ?",
                 DB_ARGS(DV_S(ref), DV_I(link_id)), &res);

    *level = 0;
    if (rc == DB_OK && res.nrows) {
        *level = (int)util_num(dbres_get(&res, 0, RL_LEVEL));
        *rating_id = util_num(dbres_get(&res, 0, RL_ID));
        *comment = dbres_get(&res, 0, RL_COMMENT);
    }
    return rc;
}

enum db_rc
rating_idem_seen(struct sctx *x, const char *idem, int *seen)
{
    struct dbres res;
    enum db_rc rc = db_query(x->db, x->pool, "SELECT 1 FROM rating WHERE idem_key = ?",
                             DB_ARGS(DV_S(idem)), &res);

    *seen = rc == DB_OK && res.nrows > 0;
    return rc;
}

enum db_rc
rating_kiosk_criteria(struct sctx *x, const char *ref, long long link_id,
                      const struct rating_in *in)
{
    enum { KR_ID, KR_UNIT, KR_COUNTER, KR_OFFICER, KR_DAY, KR_CRITERIA };
    struct db *db = x->db;
    struct stat_delta d = { 0 };
    struct dbres res;
    enum db_rc rc = db_begin(db);

    if (rc == DB_OK) {
        rc = db_query(db, x->pool,
                      "SELECT id, unit_id, COALESCE(counter_id, 0), COALESCE(officer_id, 0),"
                      "       DATE_FORMAT(created_at + " SQL_VN_OFFSET ", '%Y-%m-%d'),"
                      "       COALESCE(c_attitude, 0), COALESCE(c_time, 0), COALESCE(c_trips, 0),"
                      "       COALESCE(c_guidance, 0)"
                      "  FROM rating WHERE ref = ? AND qr_link_id = ? AND channel = 'kiosk'"
                      "   AND created_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE FOR UPDATE",
                      DB_ARGS(DV_S(ref), DV_I(link_id)), &res);
    }
    if (rc == DB_OK && res.nrows) {
        /* the day's criteria sums follow the rating: old answers out, new in */
        criteria_out(&d, &res, KR_CRITERIA);
        stats_criteria(&d, (int[4]){ in->c_attitude, in->c_time, in->c_trips, in->c_guidance }, +1);
        rc = db_exec(db,
                     "UPDATE rating SET c_attitude = ?, c_time = ?, c_trips = ?, c_guidance = ?,"
                     "       updated_at = UTC_TIMESTAMP() WHERE id = ?",
                     DB_ARGS(opt_level(in->c_attitude), opt_level(in->c_time),
                             opt_level(in->c_trips), opt_level(in->c_guidance),
                             DV_S(dbres_get(&res, 0, KR_ID))),
                     NULL, NULL);
        if (rc == DB_OK) {
            rc = stats_add(x, util_num(dbres_get(&res, 0, KR_UNIT)),
                           util_num(dbres_get(&res, 0, KR_COUNTER)),
                           util_num(dbres_get(&res, 0, KR_OFFICER)), dbres_get(&res, 0, KR_DAY),
                           &d);
        }
    }
    return db_end(db, rc);
}

/* ---- feedback cases ---------------------------------------------------- */

/* The key of a case in feedback_count (sql/009_inbox.sql), in its order. */
#define FB_COUNT_KEY "SELECT " FB_COUNT_COLS " FROM feedback WHERE id = ?"
#define FB_COUNT_INSERT_COLS                                                      \
    "INSERT INTO feedback_count (unit_id, status, kind, counter_id, hidden_from," \
    "                            escalated, slot, n) "
#define FB_COUNT_INSERT FB_COUNT_INSERT_COLS "VALUES "
#define FB_COUNT_ROW "(?, ?, ?, ?, ?, ?, ?, ?)"
#define FB_COUNT_ADD " ON DUPLICATE KEY UPDATE n = n + VALUES(n)"

enum db_rc
feedback_count_lock(struct sctx *x, long long id, struct dbres *before)
{
    return db_query(x->db, x->pool, FB_COUNT_KEY " FOR UPDATE", DB_ARGS(DV_I(id)), before);
}

/* Order of two keys (row 0 of each): any fixed order will do, so that two
 * transactions take the same two count rows in the same order. */
static int
key_cmp(const struct dbres *a, const struct dbres *b)
{
    for (size_t i = 0; i < a->ncols; i++) {
        int c = strcmp(dbres_get(a, 0, i), dbres_get(b, 0, i));

        if (c) {
            return c;
        }
    }
    return 0;
}

/* The FB_COUNT_ARGS arguments of one row of FB_COUNT_ROW: the key's columns, then n. */
enum { FB_COUNT_KEYS = 7, FB_COUNT_ARGS };

static void
key_args(struct dbv *a, const struct dbres *key, int sign)
{
    for (size_t i = 0; i < FB_COUNT_KEYS; i++) {
        a[i] = DV_S(dbres_get(key, 0, i));
    }
    a[FB_COUNT_KEYS] = DV_I(sign);
}

enum db_rc
feedback_count_move(struct sctx *x, long long id, const struct dbres *before)
{
    struct dbres after;
    struct dbv a[2 * FB_COUNT_ARGS];
    int had = before && before->nrows, has;
    enum db_rc rc;

    if (before == NULL) {
        /* a new case: its key read and counted in one statement */
        return db_exec(x->db,
                       FB_COUNT_INSERT_COLS "SELECT " FB_COUNT_COLS ", 1 FROM feedback WHERE id = ?"
                                            " ON DUPLICATE KEY UPDATE n = n + 1",
                       DB_ARGS(DV_I(id)), NULL, NULL);
    }
    rc = db_query(x->db, x->pool, FB_COUNT_KEY, DB_ARGS(DV_I(id)), &after);
    if (rc != DB_OK) {
        return rc;
    }
    has = after.nrows > 0;
    if (had && has) {
        int order = key_cmp(before, &after);

        if (order == 0) {
            return DB_OK;
        }
        key_args(a + (order > 0 ? FB_COUNT_ARGS : 0), before, -1);
        key_args(a + (order > 0 ? 0 : FB_COUNT_ARGS), &after, +1);
        return db_exec(x->db, FB_COUNT_INSERT FB_COUNT_ROW ", " FB_COUNT_ROW FB_COUNT_ADD, a,
                       2 * FB_COUNT_ARGS, NULL, NULL);
    }
    if (!had && !has) {
        return DB_OK;
    }
    key_args(a, had ? before : &after, had ? -1 : +1);
    return db_exec(x->db, FB_COUNT_INSERT FB_COUNT_ROW FB_COUNT_ADD, a, FB_COUNT_ARGS, NULL, NULL);
}

static int
write_file(const char *dir, const struct fb_file *f, char *stored)
{
    char path[1024];
    size_t off = 0;
    int fd;

    random_hex(stored, 16);
    snprintf(path, sizeof(path), "%s/%s", dir, stored);
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        log_err("upload %s: %s", path, strerror(errno));
        return -1;
    }
    while (off < f->len) {
        ssize_t n = write(fd, f->data + off, f->len - off);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            log_err("upload %s: %s", path, strerror(errno));
            close(fd);
            unlink(path);
            return -1;
        }
        off += (size_t)n;
    }
    /* acknowledged means on disk */
    if (fsync(fd) != 0 || close(fd) != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}

static void
unlink_files(const char *dir, char (*stored)[33], size_t n)
{
    char path[1024];

    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, stored[i]);
        unlink(path);
    }
}

static enum db_rc
find_idem(struct sctx *x, const char *idem, char *code_out, char *key_out, int *found)
{
    enum { FI_CODE, FI_KEY };
    struct dbres res;
    enum db_rc rc;

    *found = 0;
    if (idem == NULL) {
        return DB_OK;
    }
    rc = db_query(x->db, x->pool,
                  "SELECT CONCAT(code, '-', check_part), COALESCE(link_key, '')"
                  "  FROM feedback WHERE idem_key = ?",
                  DB_ARGS(DV_S(idem)), &res);
    if (rc == DB_OK && res.nrows) {
        snprintf(code_out, 32, "%s", dbres_get(&res, 0, FI_CODE));
        snprintf(key_out, TOKEN_NONCE_LEN + 1, "%s", dbres_get(&res, 0, FI_KEY));
        *found = 1;
    }
    return rc;
}

static enum db_rc
feedback_create_tx(struct sctx *x, const struct fb_new *in, char (*stored)[33], const char *day,
                   long long seq, char *code_out, char *key_out)
{
    enum { KIND_ANSWER_DAYS, KIND_FORWARD_DAYS };
    struct db *db = x->db;
    const struct cal *cal = sctx_calendar(x);
    struct dbres res;
    struct stat_delta d = { .feedback = 1 };
    time_t now = time(NULL), due, fwd;
    char code[24], check[5];
    /* the inbox search's folded copy (sql/100_search_index.sql) */
    const char *indexed = search_index_text(x->pool, in->content);
    unsigned long long id;
    long long days;
    int formal;
    enum db_rc rc;

    if (cal == NULL) {
        return DB_DOWN;
    }
    rc = db_query(db, x->pool, "SELECT answer_days, forward_days FROM feedback_kind WHERE code = ?",
                  DB_ARGS(DV_S(in->kind)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    days = res.nrows ? util_num(dbres_get(&res, 0, KIND_ANSWER_DAYS)) : 10;
    due = cal_due(cal, now, (int)days, CAL_WORKING_DAYS, 0);
    fwd = cal_due(cal, now, res.nrows ? (int)util_num(dbres_get(&res, 0, KIND_FORWARD_DAYS)) : 5,
                  CAL_WORKING_DAYS, 0);
    snprintf(code, sizeof(code), "PA-%.4s%.2s%.2s-%04lld", day, day + 5, day + 8, seq);
    token_random(check, 4);
    token_random(key_out, TOKEN_NONCE_LEN);
    formal = strcmp(in->kind, "petition") == 0 && strcmp(in->identity, "anonymous") != 0 &&
             in->name && in->phone && in->address;
    rc = db_exec(db,
                 "INSERT INTO feedback (code, check_part, link_key, kind, unit_id, counter_id,"
                 "                      officer_id,"
                 "                      dossier_id, rating_id, qr_link_id, content, identity,"
                 "                      contact_name, contact_phone, contact_email,"
                 "                      contact_address, formal, idem_key, created_at, due_at,"
                 "                      forward_due, search_text)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(),"
                 "         FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?)",
                 DB_ARGS(DV_S(code), DV_S(check), DV_S(key_out), DV_S(in->kind), DV_I(in->unit_id),
                         opt_id(in->counter_id), opt_id(in->officer_id), opt_id(in->dossier_id),
                         opt_id(in->rating_id), opt_id(in->qr_link_id), DV_S(in->content),
                         DV_S(in->identity), DV_S(in->name), DV_S(in->phone), DV_S(in->email),
                         DV_S(in->address), DV_I(formal), DV_S(in->idem), DV_I(due), DV_I(fwd),
                         DV_S(indexed)),
                 NULL, &id);
    for (size_t i = 0; rc == DB_OK && i < in->nfiles; i++) {
        rc = db_exec(db,
                     "INSERT INTO feedback_file (feedback_id, stored_name, filename, mime, size,"
                     "                           created_at)"
                     " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
                     DB_ARGS(DV_I(id), DV_S(stored[i]), DV_S(in->files[i].filename),
                             DV_S(in->files[i].mime), DV_I(in->files[i].len)),
                     NULL, NULL);
    }
    if (rc == DB_OK) {
        rc = feedback_event_add(db, (long long)id, 0, "created", 1, NULL);
    }
    if (rc == DB_OK && in->consent && strcmp(in->identity, "anonymous") != 0 &&
        (in->email || in->phone)) {
        rc = consent_give(db, "feedback", (long long)id, in->consent, "citizen");
    }
    if (rc == DB_OK) {
        rc = notify_case_filed(x, (long long)id, in->email, in->phone);
    }
    /* the counts last: their rows are shared by every case of a unit, held
     * locked from here until the commit (feedback_count first, as every
     * change of a case takes them) */
    if (rc == DB_OK) {
        rc = feedback_count_move(x, (long long)id, NULL);
    }
    if (rc == DB_OK && in->dossier_id) {
        rc = stats_dossier_touch(x, in->dossier_id);
    }
    if (rc == DB_OK) {
        stats_case_received(&d, in->kind, in->identity, formal, +1);
        rc = stats_add(x, in->unit_id, in->counter_id, in->officer_id, day, &d);
    }
    if (rc == DB_OK) {
        snprintf(code_out, 32, "%s-%s", code, check);
    }
    return rc;
}

enum db_rc
feedback_create(struct sctx *x, const struct fb_new *in, char *code_out, char *key_out)
{
    const char *dir = conf_str(x->app->conf, "Paths.Uploads", "var/uploads");
    char stored[3][33], day[11];
    long long seq;
    enum db_rc rc;
    int found;

    if (in->nfiles > NELEM(stored)) {
        return DB_ERR;
    }
    if ((rc = find_idem(x, in->idem, code_out, key_out, &found)) != DB_OK || found) {
        return rc;
    }
    for (size_t i = 0; i < in->nfiles; i++) {
        if (write_file(dir, &in->files[i], stored[i]) != 0) {
            unlink_files(dir, stored, i);
            return DB_ERR;
        }
    }
    /* the day's number for the code, in a statement of its own: every case
     * filed in the province takes the same row, which the case's transaction
     * would hold locked until its commit, one case after another.  A number
     * stays unique; one whose case then fails is not given again. */
    stats_today(day);
    if ((rc = db_seq_next(x->db, x->pool, "PA", day, &seq)) == DB_OK &&
        (rc = db_begin(x->db)) == DB_OK) {
        rc = db_end(x->db, feedback_create_tx(x, in, stored, day, seq, code_out, key_out));
    }
    if (rc != DB_OK) {
        unlink_files(dir, stored, in->nfiles);
        if (rc == DB_DUP && find_idem(x, in->idem, code_out, key_out, &found) == DB_OK && found) {
            return DB_OK;  /* the same form sent twice at once: one case */
        }
    }
    return rc;
}

/* The columns of feedback_public_find (enum fb_public_col), of the case f,
 * and where it is read from: its code, the one argument. */
#define FB_PUBLIC_COLS                                                         \
    "SELECT CONCAT(f.code, '-', f.check_part), f.kind, f.status, f.unit_id,"   \
    "       f.created_at, f.due_at, f.answered_at, f.answer_satisfied,"        \
    "       f.due_at < UTC_TIMESTAMP() AND f.status IN (" CASE_RUNNING_SQL ")" \
    "         AND f.paused_at IS NULL,"                                        \
    "       f.identity, f.counter_id, f.id, f.check_part, f.link_key,"         \
    "       " CONSENT_PAGE_COLS ", " REF_GEN_COL ", e.event, e.body, e.at, e.id"
#define FB_PUBLIC_FROM "  FROM feedback f" LEGAL_GEN_JOIN CONSENT_PAGE_JOIN("feedback", "f.id")
#define FB_PUBLIC_EVENTS " LEFT JOIN feedback_event e ON e.feedback_id = f.id AND e.public = 1"
/* no ORDER BY: the events are put in order by feedback_public_events (an
 * ORDER BY on the joined table made MariaDB sort the join in a temporary
 * table, which cost more than the events' statement it spared) */
#define FB_PUBLIC_WHERE " WHERE f.code = ?"

enum db_rc
feedback_public_find(struct sctx *x, const char *public_code, const char *key,
                     struct code_misses *m, struct dbres *fcase)
{
    const char *dash = strrchr(public_code, '-');
    const char *check, *link_key, *code;
    char **unit, **counter;
    enum db_rc rc;

    *fcase = (struct dbres){ 0 };
    if (dash == NULL || strlen(dash + 1) != 4 || (size_t)(dash - public_code) >= 24 ||
        (key && strlen(key) != TOKEN_NONCE_LEN)) {
        return DB_OK;
    }
    code = pool_strndup(x->pool, public_code, (size_t)(dash - public_code));
    /* a typed code's look-up reads its misses with the case (when found) */
    rc = m ? db_query(x->db, x->pool,
                      FB_PUBLIC_COLS "," CODE_MISSES_JOIN_COLS FB_PUBLIC_FROM CODE_MISSES_JOIN
                          FB_PUBLIC_EVENTS FB_PUBLIC_WHERE,
                      DB_ARGS(CODE_MISSES_PAUSE(m), CODE_MISSES_KEYS(m), DV_S(code)), fcase)
           : db_query(x->db, x->pool,
                      FB_PUBLIC_COLS FB_PUBLIC_FROM FB_PUBLIC_EVENTS FB_PUBLIC_WHERE,
                      DB_ARGS(DV_S(code)), fcase);
    if (rc != DB_OK || fcase->nrows == 0) {
        return rc;
    }
    if (m) {
        m->addr = util_num(dbres_get(fcase, 0, FBP_MISSES_ADDR));
        m->kase = util_num(dbres_get(fcase, 0, FBP_MISSES_CASE));
        m->known = 1;
    }
    check = dbres_get(fcase, 0, FBP_CHECK);
    link_key = dbres_get(fcase, 0, FBP_KEY);
    if (check == NULL || strlen(check) != 4 || sodium_memcmp(check, dash + 1, 4) != 0 ||
        (key && (link_key == NULL || strlen(link_key) != TOKEN_NONCE_LEN ||
                 sodium_memcmp(link_key, key, TOKEN_NONCE_LEN) != 0))) {
        fcase->nrows = 0;
        return DB_OK;
    }
    /* the unit's and counter's names from this process's copy (refcache.h):
     * the statement read their ids; a case whose unit is missing is not
     * found, as the join made it */
    ref_cache_sync(&x->app->ref, util_unum(fcase->cell[FBP_REF_GEN]));
    if ((rc = ref_cache_get(&x->app->ref, x->db, x->pool, REF_UNIT,
                            util_num(fcase->cell[FBP_UNIT_NAME]), &unit)) != DB_OK ||
        (rc = ref_cache_get(&x->app->ref, x->db, x->pool, REF_COUNTER,
                            util_num(fcase->cell[FBP_COUNTER_NAME]), &counter)) != DB_OK) {
        return rc;
    }
    if (unit == NULL) {
        fcase->nrows = 0;
        return DB_OK;
    }
    fcase->cell[FBP_UNIT_NAME] = unit[RU_NAME];
    fcase->cell[FBP_COUNTER_NAME] = counter ? counter[RC_NAME] : NULL;
    /* the times come as kept (UTC) and are written here in local time, which
     * costs the program less than MariaDB's DATE_FORMAT cost the database */
    fcase->cell[FBP_CREATED] = cal_utc_local(x->pool, fcase->cell[FBP_CREATED], CAL_FMT_MINUTE);
    fcase->cell[FBP_DUE] = cal_utc_local(x->pool, fcase->cell[FBP_DUE], CAL_FMT_DAY);
    fcase->cell[FBP_ANSWERED] = cal_utc_local(x->pool, fcase->cell[FBP_ANSWERED], CAL_FMT_MINUTE);
    consent_page_dates(x->pool, &fcase->cell[FBP_CONSENT_GIVEN],
                       &fcase->cell[FBP_CONSENT_WITHDRAWN]);
    cal_res_child_times(x->pool, fcase, FBP_EVENTS + FBE_AT, FBP_EVENT_ORDER, CAL_FMT_MINUTE);
    return DB_OK;
}

void
feedback_public_events(struct pool *p, const struct dbres *fcase, struct dbres *events)
{
    dbres_children(p, fcase, FBP_EVENTS, FBE__NCOLS, FBP_EVENT_ORDER, FBE__NCOLS, events);
}

enum db_rc
feedback_event_add(struct db *db, long long feedback_id, long long actor_id, const char *event,
                   int public, const char *body)
{
    return db_exec(db,
                   "INSERT INTO feedback_event (feedback_id, at, actor_id, event, public, body)"
                   " VALUES (?, UTC_TIMESTAMP(), ?, ?, ?, ?)",
                   DB_ARGS(DV_I(feedback_id), actor_id ? DV_I(actor_id) : DV_NULL, DV_S(event),
                           DV_I(public), DV_S(body ? body : "")),
                   NULL, NULL);
}

/* The verdict kept for good (feedback_verdict): on the case's latest answer,
 * counted for the unit that gave it on today's row of stat_day.  Inside the
 * verdict's transaction. */
static enum db_rc
verdict_record(struct sctx *x, long long id, int satisfied)
{
    struct stat_delta d = { .verdicts = 1, .verdicts_unsatisfied = !satisfied };
    struct dbres res;
    char day[11];
    enum db_rc rc;

    rc = db_exec(x->db,
                 "INSERT INTO feedback_verdict (feedback_id, answer_id, unit_id, satisfied, at)"
                 " SELECT f.id,"
                 "        (SELECT e.id FROM feedback_event e"
                 "          WHERE e.feedback_id = f.id AND e.event = 'answer'"
                 "          ORDER BY e.at DESC, e.id DESC LIMIT 1),"
                 "        f.unit_id, ?, UTC_TIMESTAMP()"
                 "   FROM feedback f WHERE f.id = ?",
                 DB_ARGS(DV_I(satisfied), DV_I(id)), NULL, NULL);
    if (rc == DB_OK) {
        rc = db_query(x->db, x->pool, "SELECT unit_id FROM feedback WHERE id = ?",
                      DB_ARGS(DV_I(id)), &res);
    }
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    stats_today(day);
    return stats_add(x, util_num(dbres_get(&res, 0, 0)), 0, 0, day, &d);
}

enum db_rc
feedback_rate_answer(struct sctx *x, long long id, int satisfied)
{
    unsigned long long n = 0;
    struct dbres before;
    const char *to = NULL;
    enum db_rc rc;

    if ((rc = db_begin(x->db)) != DB_OK) {
        return rc;
    }
    rc = feedback_count_lock(x, id, &before);
    /* the case table decides (a satisfied citizen leaves it answered); the
     * answer is judged once */
    if (rc == DB_OK) {
        to = case_may(&before, satisfied ? CA_SATISFIED : CA_UNSATISFIED, FSM_CITIZEN);
    }
    if (rc == DB_OK && to) {
        rc = db_exec(x->db,
                     "UPDATE feedback SET answer_satisfied = ?, status = ?"
                     " WHERE id = ? AND answer_satisfied IS NULL",
                     DB_ARGS(DV_I(satisfied), DV_S(to), DV_I(id)), &n, NULL);
    }
    if (rc == DB_OK && n == 1) {
        rc = feedback_count_move(x, id, &before);
    }
    if (rc == DB_OK && n == 1) {
        rc = verdict_record(x, id, satisfied);
    }
    if (rc == DB_OK && n == 1) {
        rc = feedback_event_add(x->db, id, x->user ? x->user->id : 0,
                                satisfied ? "citizen_satisfied" : "review_requested", 1, NULL);
    }
    if (rc == DB_OK && n == 1 && !satisfied) {
        rc = stats_pakn_verdict(x, id);
    }
    return db_end(x->db, rc);
}

enum db_rc
feedback_citizen_reply(struct sctx *x, long long id, const char *text)
{
    enum { CR_PAUSED, CR_DUE };
    const struct cal *cal = sctx_calendar(x);
    struct dbres res, before;
    const char *to = NULL;
    enum db_rc rc;
    long long paused, due;
    int today, n;

    if (cal == NULL) {
        return DB_DOWN;
    }
    if ((rc = db_begin(x->db)) != DB_OK) {
        return rc;
    }
    rc = feedback_count_lock(x, id, &before);
    if (rc == DB_OK && (to = case_may(&before, CA_REPLY, FSM_CITIZEN)) != NULL) {
        rc = db_query(x->db, x->pool,
                      "SELECT UNIX_TIMESTAMP(paused_at), UNIX_TIMESTAMP(due_at) FROM feedback"
                      " WHERE id = ?",
                      DB_ARGS(DV_I(id)), &res);
    }
    if (rc == DB_OK && to && res.nrows) {
        /* the clock stood still from the request to this reply: move the due
         * date by the working days that passed */
        paused = util_num(dbres_get(&res, 0, CR_PAUSED));
        due = util_num(dbres_get(&res, 0, CR_DUE));
        today = cal_local_day(time(NULL));
        n = cal_working_days_between(cal, cal_local_day((time_t)paused), today);
        due = (long long)cal_instant(cal_add_working_days(cal, cal_local_day((time_t)due),
                                                          n > 0 ? n : 0),
                                     cal->close_minutes);
        rc = db_exec(x->db,
                     "UPDATE feedback SET status = ?, paused_at = NULL,"
                     "       due_at = FROM_UNIXTIME(?) WHERE id = ?",
                     DB_ARGS(DV_S(to), DV_I(due), DV_I(id)), NULL, NULL);
        if (rc == DB_OK) {
            rc = feedback_count_move(x, id, &before);
        }
        if (rc == DB_OK) {
            rc = feedback_event_add(x->db, id, x->user ? x->user->id : 0, "citizen_reply", 1, text);
        }
    }
    return db_end(x->db, rc);
}

_Static_assert(FBP_EVENTS_END - FBP_EVENTS + 1 == FBE__NCOLS &&
                   FBP_EVENT_ORDER == FBP_EVENTS_END + 1,
               "feedback_public_find reads every column of an event");
