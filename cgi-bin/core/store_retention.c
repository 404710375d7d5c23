/* store_retention.c — what personal data is past its period, and its
 * erasure.  See store_retention.h.
 *
 * Each kind has one condition ("due"), shared by its count and its erasure,
 * so that a dry run counts exactly what a run erases.  An erasure clears the
 * personal fields and stamps the record; the stamp or the cleared fields keep
 * it out of the condition, so a record is erased once.  Nothing here touches
 * a column a figure is counted from (status, identity, kind, level, dates,
 * units): the dashboards' counts stay as they were. */
#include "store_retention.h"

#include <assert.h>
#include <string.h>

#include "calendar.h"

#define OLDEST(col) "COALESCE(DATE_FORMAT(MIN(" col ") + " SQL_VN_OFFSET ", '%Y-%m-%d'), '')"

/* a case is over once closed or rejected (closed_at set); a reopened case
 * has closed_at NULL again */
#define CASE_OVER(f) f ".status IN ('closed', 'rejected') AND " f ".closed_at IS NOT NULL"

#define FEEDBACK_DUE                                                             \
    " WHERE " CASE_OVER(                                                         \
        "f") " AND f.closed_at < UTC_TIMESTAMP() - INTERVAL ? MONTH"             \
             "   AND f.contact_erased_at IS NULL"                                \
             "   AND (f.contact_name IS NOT NULL OR f.contact_phone IS NOT NULL" \
             "        OR f.contact_email IS NOT NULL OR f.contact_address IS NOT NULL)"

#define EVIDENCE_DUE                                                   \
    "  FROM feedback_file ff JOIN feedback f ON f.id = ff.feedback_id" \
    " WHERE " CASE_OVER("f") " AND f.closed_at < UTC_TIMESTAMP() - INTERVAL ? MONTH"

#define RATING_DUE                                             \
    " WHERE r.created_at < UTC_TIMESTAMP() - INTERVAL ? MONTH" \
    "   AND r.comment_erased_at IS NULL AND (r.comment <> '' OR r.client_hash <> '')"

/* queued messages are still to be delivered: never erased */
#define NOTIFICATION_DUE                              \
    " WHERE n.state IN ('sent', 'failed', 'stopped')" \
    "   AND n.created_at < UTC_TIMESTAMP() - INTERVAL ? DAY AND n.erased_at IS NULL"

/* returned to the citizen, or refused or stopped (finished_at: the result or
 * the decision); the legal record (name, address, documents) stays */
#define DOSSIER_OVER "COALESCE(d.returned_at, d.finished_at)"
#define DOSSIER_DUE                                               \
    " WHERE d.status IN ('returned', 'refused', 'stopped')"       \
    "   AND " DOSSIER_OVER " < UTC_TIMESTAMP() - INTERVAL ? YEAR" \
    "   AND d.contact_erased_at IS NULL AND (d.applicant_phone <> '' OR d.applicant_email <> '')"

#define RATE_LIMIT_DUE " WHERE window_start < UTC_TIMESTAMP() - INTERVAL ? DAY"

#define SESSION_DUE " WHERE expires_at < UTC_TIMESTAMP() - INTERVAL ? DAY"

/* A large table's batch is found first by a plain read in primary-key order
 * from where the previous batch ended (the age, the last id done, the batch
 * size), then erased by its range of ids (the age, the first and last id):
 * the erasure locks that range only.  Scanning for the due rows with a locking
 * statement would lock every row it reads (a province's finished dossiers,
 * millions) for as long as it runs, and the counter's intake with them. */
#define FIND(table, a, due)                                                        \
    "SELECT " a ".id FROM " table " FORCE INDEX (PRIMARY)" due " AND " a ".id > ?" \
    " ORDER BY " a ".id LIMIT ?"
#define RANGE(a) " AND " a ".id BETWEEN ? AND ?"

struct kind_sql {
    struct ret_kind_info info;
    const char *count; /* rows, oldest: one argument, the age */
    const char *erase; /* one batch (the age, the batch size); for RET_EVIDENCE and
                        * RET_NOTIFICATION the batch's rows, locked; with find, the
                        * batch's range (the age, its first and last id) */
    const char *find;  /* NULL, or the batch's ids (FIND) */
};

static const struct kind_sql kinds[RET__MAX] = {
    [RET_FEEDBACK_CONTACT] = {
        { "feedback_contact", RET_MONTHS },
        "SELECT COUNT(*), " OLDEST("f.closed_at") " FROM feedback f" FEEDBACK_DUE,
        "UPDATE feedback f FORCE INDEX (PRIMARY) SET f.contact_name = NULL,"
        "       f.contact_phone = NULL, f.contact_email = NULL, f.contact_address = NULL,"
        "       f.contact_erased_at = UTC_TIMESTAMP()" FEEDBACK_DUE RANGE("f"),
        FIND("feedback f", "f", FEEDBACK_DUE),
    },
    [RET_EVIDENCE] = {
        { "evidence_file", RET_MONTHS },
        "SELECT COUNT(*), " OLDEST("f.closed_at") EVIDENCE_DUE,
        "SELECT ff.id, ff.feedback_id, ff.stored_name" EVIDENCE_DUE
        " ORDER BY ff.id LIMIT ? FOR UPDATE",
    },
    [RET_RATING_COMMENT] = {
        { "rating_comment", RET_MONTHS },
        "SELECT COUNT(*), " OLDEST("r.created_at") " FROM rating r" RATING_DUE,
        "UPDATE rating r FORCE INDEX (PRIMARY) SET r.comment = '', r.client_hash = '',"
        "       r.comment_erased_at = UTC_TIMESTAMP()" RATING_DUE RANGE("r"),
        FIND("rating r", "r", RATING_DUE),
    },
    [RET_NOTIFICATION] = {
        { "notification", RET_DAYS },
        "SELECT COUNT(*), " OLDEST("n.created_at") " FROM notification n" NOTIFICATION_DUE,
        "SELECT n.id, n.channel FROM notification n" NOTIFICATION_DUE
        " ORDER BY n.id LIMIT ? FOR UPDATE",
    },
    [RET_DOSSIER_CONTACT] = {
        { "dossier_contact", RET_YEARS },
        "SELECT COUNT(*), " OLDEST(DOSSIER_OVER) " FROM dossier d" DOSSIER_DUE,
        "UPDATE dossier d FORCE INDEX (PRIMARY) SET d.applicant_phone = '',"
        "       d.applicant_email = '', d.contact_erased_at = UTC_TIMESTAMP()" DOSSIER_DUE
        RANGE("d"),
        FIND("dossier d", "d", DOSSIER_DUE),
    },
    [RET_RATE_LIMIT] = {
        { "rate_limit", RET_DAYS },
        "SELECT COUNT(*), " OLDEST("window_start") " FROM rate_limit" RATE_LIMIT_DUE,
        "DELETE FROM rate_limit" RATE_LIMIT_DUE " LIMIT ?",
    },
    [RET_SESSION] = {
        { "session", RET_DAYS },
        "SELECT COUNT(*), " OLDEST("expires_at") " FROM session" SESSION_DUE,
        "DELETE FROM session" SESSION_DUE " LIMIT ?",
    },
};

const struct ret_kind_info *
retention_kind(enum ret_kind k)
{
    assert(k >= 0 && k < RET__MAX);
    return &kinds[k].info;
}

enum due_col { DUE_ROWS, DUE_OLDEST }; /* the columns of a kind's count query */

enum db_rc
retention_due(struct db *db, struct pool *p, enum ret_kind k, long long age, struct ret_due *out)
{
    struct dbres res;
    enum db_rc rc;

    assert(k >= 0 && k < RET__MAX);
    out->rows = 0;
    out->oldest = "";
    rc = db_query(db, p, kinds[k].count, DB_ARGS(DV_I(age)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        out->rows = util_num(dbres_get(&res, 0, DUE_ROWS));
        out->oldest = dbres_get(&res, 0, DUE_OLDEST);
    }
    return rc;
}

/* The evidence files of closed cases: the rows go in this transaction, the
 * case says when; the files are the caller's once this commits (a file
 * unlinked before a rolled-back delete would leave a row without its file). */
static enum db_rc
erase_evidence(struct db *db, struct pool *p, long long age, long long batch, long long *n,
               const char ***files, size_t *nfiles)
{
    enum { C_ID, C_FEEDBACK, C_STORED };
    struct dbres res;
    enum db_rc rc;

    rc = db_query(db, p, kinds[RET_EVIDENCE].erase, DB_ARGS(DV_I(age), DV_I(batch)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *files = pool_alloc(p, res.nrows * sizeof(**files));
    for (size_t i = 0; i < res.nrows && rc == DB_OK; i++) {
        long long id = util_num(dbres_get(&res, i, C_ID));
        long long feedback = util_num(dbres_get(&res, i, C_FEEDBACK));

        rc = db_exec(db, "DELETE FROM feedback_file WHERE id = ?", DB_ARGS(DV_I(id)), NULL, NULL);
        if (rc == DB_OK) {
            rc = db_exec(db,
                         "UPDATE feedback SET files_erased_at = UTC_TIMESTAMP()"
                         " WHERE id = ? AND files_erased_at IS NULL",
                         DB_ARGS(DV_I(feedback)), NULL, NULL);
        }
        (*files)[i] = dbres_get(&res, i, C_STORED);
    }
    if (rc == DB_OK) {
        *n = (long long)res.nrows;
        *nfiles = res.nrows;
    }
    return rc;
}

/* Delivered messages: the batch is the first due rows by id, locked; the
 * due rows between its first and last id are exactly those.  An e-mail
 * written to the outbox directory (Mail.Mode outbox) is the file "<id>.eml":
 * its name is the caller's to unlink once this commits. */
static enum db_rc
erase_notifications(struct db *db, struct pool *p, long long age, long long batch, long long *n,
                    const char ***files, size_t *nfiles)
{
    enum { C_ID, C_CHANNEL };
    unsigned long long affected = 0;
    struct dbres res;
    enum db_rc rc;
    size_t k = 0;

    rc = db_query(db, p, kinds[RET_NOTIFICATION].erase, DB_ARGS(DV_I(age), DV_I(batch)), &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    rc = db_exec(db,
                 "UPDATE notification n SET n.recipient = '', n.body = '', n.params = NULL,"
                 "       n.erased_at = UTC_TIMESTAMP()" NOTIFICATION_DUE
                 " AND n.id BETWEEN ? AND ?",
                 DB_ARGS(DV_I(age), DV_I(util_num(dbres_get(&res, 0, C_ID))),
                         DV_I(util_num(dbres_get(&res, res.nrows - 1, C_ID)))),
                 &affected, NULL);
    if (rc != DB_OK) {
        return rc;
    }
    *files = pool_alloc(p, res.nrows * sizeof(**files));
    for (size_t i = 0; i < res.nrows; i++) {
        if (strcmp(dbres_get(&res, i, C_CHANNEL), "email") == 0) {
            (*files)[k++] = pool_printf(p, "%s.eml", dbres_get(&res, i, C_ID));
        }
    }
    *n = (long long)affected;
    *nfiles = k;
    return DB_OK;
}

enum db_rc
retention_erase_batch(struct db *db, struct pool *p, enum ret_kind k, long long age,
                      long long batch, long long *cursor, long long *n, const char ***files,
                      size_t *nfiles)
{
    unsigned long long affected = 0;
    enum db_rc rc;

    assert(k >= 0 && k < RET__MAX);
    *n = 0;
    if (files) {
        *files = NULL;
        *nfiles = 0;
    }
    if ((rc = db_begin(db)) != DB_OK) {
        return rc;
    }
    if (k == RET_EVIDENCE || k == RET_NOTIFICATION) {
        assert(files != NULL);
        rc = (k == RET_EVIDENCE ? erase_evidence : erase_notifications)(db, p, age, batch, n, files,
                                                                        nfiles);
    } else if (kinds[k].find) {
        struct dbres res;

        rc = db_query(db, p, kinds[k].find, DB_ARGS(DV_I(age), DV_I(*cursor), DV_I(batch)), &res);
        if (rc == DB_OK && res.nrows > 0) {
            long long first = util_num(dbres_get(&res, 0, 0));
            long long last = util_num(dbres_get(&res, res.nrows - 1, 0));

            rc = db_exec(db, kinds[k].erase, DB_ARGS(DV_I(age), DV_I(first), DV_I(last)), &affected,
                         NULL);
            /* a row changed since the read is left for the next run */
            *n = (long long)affected;
            *cursor = last;
        }
    } else {
        rc = db_exec(db, kinds[k].erase, DB_ARGS(DV_I(age), DV_I(batch)), &affected, NULL);
        *n = (long long)affected;
    }
    rc = db_end(db, rc);
    if (rc != DB_OK) {
        *n = 0;
        if (files) {
            *files = NULL;
            *nfiles = 0;
        }
    }
    return rc;
}

enum db_rc
retention_take_day(struct db *db, struct pool *p, const char *day, int *take)
{
    struct dbres res;
    enum db_rc rc;

    *take = 0;
    if ((rc = db_begin(db)) != DB_OK) {
        return rc;
    }
    rc = db_query(db, p,
                  "SELECT DATE_FORMAT(day, '%Y-%m-%d') FROM stat_mark"
                  " WHERE name = 'retention' FOR UPDATE",
                  DB_NOARGS, &res);
    if (rc == DB_OK && (res.nrows == 0 || strcmp(dbres_get(&res, 0, 0), day) < 0)) {
        rc = db_exec(db,
                     "INSERT INTO stat_mark (name, day) VALUES ('retention', ?)"
                     " ON DUPLICATE KEY UPDATE day = VALUES(day)",
                     DB_ARGS(DV_S(day)), NULL, NULL);
        *take = rc == DB_OK;
    }
    rc = db_end(db, rc);
    if (rc != DB_OK) {
        *take = 0;
    }
    return rc;
}
