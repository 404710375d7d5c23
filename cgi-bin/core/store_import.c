/* store_import.c — upsert of dossiers coming from other systems. */
#include "store_import.h"

#include <ctype.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "calendar.h"
#include "db.h"
#include "form.h"
#include "stats.h"
#include "store_dossier.h"
#include "token.h"
#include "qrlink.h"
#include "sctx.h"
#include "util.h"

time_t
import_time(const char *s)
{
    int y, mo, d, h, mi, sec = 0, day, off = 7 * 60, n = 0;
    char sep;

    if (s == NULL || sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &n) != 6 ||
        (sep != 'T' && sep != ' ')) {
        return -1;
    }
    s += n;
    if (*s == ':') {
        if (sscanf(s, ":%2d%n", &sec, &n) != 1) {
            return -1;
        }
        s += n;
    }
    if (*s == 'Z') {
        off = 0, s++;
    } else if (*s == '+' || *s == '-') {
        /* exactly "+HH:MM": read byte by byte, so a short offset ("+1:2")
         * stops at its NUL instead of reading past it */
        for (int i = 1; i <= 5; i++) {
            if (i == 3 ? s[i] != ':' : !isdigit((unsigned char)s[i])) {
                return -1;
            }
        }
        off = ((s[1] - '0') * 600 + (s[2] - '0') * 60 + (s[4] - '0') * 10 + (s[5] - '0')) *
              (*s == '-' ? -1 : 1);
        s += 6;
    }
    if (*s != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) {
        return -1;
    }
    day = cal_day_from_ymd(y, mo, d);
    return (time_t)day * 86400 + h * 3600 + mi * 60 + sec - off * 60;
}

static long long
unit_id(struct sctx *x, const char *code, const char *limit)
{
    struct dbres res;

    if (code == NULL ||
        db_query(x->db, x->pool,
                 "SELECT id FROM org_unit WHERE code = ? AND (? IS NULL OR path LIKE ?)",
                 DB_ARGS(DV_S(code), DV_S(limit), DV_S(limit)), &res) != DB_OK ||
        res.nrows == 0) {
        return 0;
    }
    return util_num(dbres_get(&res, 0, 0));
}

/* the columns of the SELECT of a dossier already here, in import_dossier */
enum { IM_ID, IM_UNIT, IM_FINISHED, IM_STATUS, IM_STEPS };

enum db_rc
import_dossier(struct sctx *x, const struct import_dossier *d, const char *limit_path,
               const char **why, struct import_current *cur)
{
    struct db *db = x->db;
    struct dbres res;
    time_t recv = import_time(d->received_at), due = import_time(d->due_at);
    time_t fin = d->finished_at ? import_time(d->finished_at) : 0;
    time_t ret = d->returned_at ? import_time(d->returned_at) : 0;
    long long unit, proc, id = 0, holder;
    unsigned long long new_id = 0;
    enum db_rc rc;

    *why = NULL;
    if (d->code == NULL || strlen(d->code) < 5 || strlen(d->code) > 48) {
        *why = "Api.Err.Code";
    } else if ((unit = unit_id(x, d->unit_code, limit_path)) == 0) {
        *why = "Api.Err.Unit";
    } else if (d->name == NULL || *d->name == '\0' || utf8_len(d->name) > 120) {
        *why = "Api.Err.Name";
    } else if (recv < 0 || due < 0 || due < recv) {
        *why = "Api.Err.Dates";
    } else if (fin < 0 || ret < 0 || (fin && fin < recv)) {
        *why = "Api.Err.Dates";
    } else if (dossier_state_parse(d->status) < 0) {
        *why = "Api.Err.Status";
    } else if (d->email && *d->email && !util_email_ok(d->email)) {
        *why = "Api.Err.Email";
    }
    if (*why) {
        return DB_DUP;
    }
    rc = db_query(db, x->pool,
                  "SELECT id FROM procedure_tthc WHERE national_code = ?"
                  " ORDER BY (effective_from <= FROM_UNIXTIME(?)) DESC, version DESC LIMIT 1",
                  DB_ARGS(DV_S(d->procedure_code), DV_I(recv)), &res);
    if (rc != DB_OK) {
        return rc;
    }
    if (res.nrows == 0) {
        *why = "Api.Err.Procedure";
        return DB_DUP;
    }
    proc = util_num(dbres_get(&res, 0, 0));
    holder = unit;
    for (size_t i = 0; i < d->nsteps; i++) {
        const struct import_step *s = &d->steps[i];
        /* a key speaks for its subtree only: a hand-over out of it would show
         * the applicant's details to another unit's officers */
        long long to = unit_id(x, s->to_unit, limit_path);

        if (unit_id(x, s->from_unit, limit_path) == 0 || to == 0 || import_time(s->handed_at) < 0 ||
            (s->due_at && import_time(s->due_at) < 0) ||
            (s->done_at && import_time(s->done_at) < 0)) {
            *why = "Api.Err.Step";
            return DB_DUP;
        }
        holder = to;
    }
    if ((rc = db_begin(db)) != DB_OK) {
        return rc;
    }
    rc = db_query(db, x->pool,
                  "SELECT id, unit_id, finished_at IS NOT NULL, status,"
                  "       (SELECT COUNT(*) FROM dossier_step s WHERE s.dossier_id = dossier.id)"
                  "  FROM dossier WHERE code = ? FOR UPDATE",
                  DB_ARGS(DV_S(d->code)), &res);
    if (rc == DB_OK && res.nrows && util_num(dbres_get(&res, 0, IM_UNIT)) != unit) {
        *why = "Api.Err.Owner";   /* the same code already belongs to another unit */
        rc = DB_DUP;
    }
    /* a re-push may move a dossier on, never back, and may not drop the
     * hand-overs recorded here since (officers work imported dossiers too) */
    if (rc == DB_OK && res.nrows &&
        (!dossier_state_reachable(dossier_state_parse(dbres_get(&res, 0, IM_STATUS)),
                                  dossier_state_parse(d->status)) ||
         util_num(dbres_get(&res, 0, IM_STEPS)) > (long long)d->nsteps)) {
        *why = "Api.Err.Conflict";
        if (cur) {
            cur->status = dbres_get(&res, 0, IM_STATUS);
            cur->steps = util_num(dbres_get(&res, 0, IM_STEPS));
        }
        rc = DB_DUP;
    }
    if (rc == DB_OK && res.nrows) {
        /* idempotent: the same record sent again updates, never duplicates */
        id = util_num(dbres_get(&res, 0, IM_ID));
        rc = db_exec(db,
                     "UPDATE dossier SET status = ?, due_at = FROM_UNIXTIME(?),"
                     "       processing_unit_id = ?,"
                     "       finished_at = IF(? = 0, NULL, FROM_UNIXTIME(?)),"
                     "       returned_at = IF(? = 0, NULL, FROM_UNIXTIME(?))"
                     " WHERE id = ?",
                     DB_ARGS(DV_S(d->status), DV_I(due), DV_I(holder), DV_I(fin), DV_I(fin),
                             DV_I(ret), DV_I(ret), DV_I(id)),
                     NULL, NULL);
        if (rc == DB_OK) {
            rc = db_exec(db, "DELETE FROM dossier_step WHERE dossier_id = ?", DB_ARGS(DV_I(id)),
                         NULL, NULL);
        }
    } else if (rc == DB_OK) {
        rc = db_exec(db,
                     "INSERT INTO dossier (code, unit_id, procedure_id, processing_unit_id,"
                     "                     applicant_name, applicant_address, applicant_phone,"
                     "                     applicant_email, documents, status, received_at, due_at,"
                     "                     original_due_at, finished_at, returned_at, source)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?),"
                     "         FROM_UNIXTIME(?), IF(? = 0, NULL, FROM_UNIXTIME(?)),"
                     "         IF(? = 0, NULL, FROM_UNIXTIME(?)), 'import')",
                     DB_ARGS(DV_S(d->code), DV_I(unit), DV_I(proc), DV_I(holder), DV_S(d->name),
                             DV_S(d->address ? d->address : ""), DV_S(d->phone ? d->phone : ""),
                             DV_S(d->email ? d->email : ""), DV_S(d->status), DV_I(recv),
                             DV_I(due), DV_I(due), DV_I(fin), DV_I(fin), DV_I(ret), DV_I(ret)),
                     NULL, &new_id);
        id = (long long)new_id;
        if (rc == DB_OK) {
            /* the other system's appointment is the statutory one of cycle 1 */
            rc = dossier_cycle_open(x, id, 1, recv, due);
        }
        if (rc == DB_OK) {
            /* imported dossiers can be tracked and rated by QR too */
            struct qrlink l = { .kind = "dossier", .unit_id = unit, .dossier_id = id };

            rc = qrlink_create(db, x->app->secret, &l);
        }
    }
    for (size_t i = 0; rc == DB_OK && i < d->nsteps; i++) {
        const struct import_step *s = &d->steps[i];
        time_t h = import_time(s->handed_at);
        time_t sd = s->due_at ? import_time(s->due_at) : 0, done = s->done_at ? import_time(s->done_at) : 0;

        rc =
            db_exec(db,
                    "INSERT INTO dossier_step (dossier_id, seq, from_unit_id, to_unit_id, giver,"
                    "                          handed_at, due_at, done_at, result)"
                    " VALUES (?, ?, (SELECT id FROM org_unit WHERE code = ?),"
                    "         (SELECT id FROM org_unit WHERE code = ?), '', FROM_UNIXTIME(?),"
                    "         IF(? = 0, NULL, FROM_UNIXTIME(?)), IF(? = 0, NULL, FROM_UNIXTIME(?)),"
                    "         IF(? = 0 OR ? = 0, NULL,"
                    "            IF(DATE(FROM_UNIXTIME(?) + " SQL_VN_OFFSET
                    ") < DATE(FROM_UNIXTIME(?) + " SQL_VN_OFFSET "), 'early',"
                    "            IF(DATE(FROM_UNIXTIME(?) + " SQL_VN_OFFSET
                    ") = DATE(FROM_UNIXTIME(?) + " SQL_VN_OFFSET "), 'on_time', 'late'))))",
                    DB_ARGS(DV_I(id), DV_I(s->seq ? s->seq : (int)i + 1), DV_S(s->from_unit),
                            DV_S(s->to_unit), DV_I(h), DV_I(sd), DV_I(sd), DV_I(done), DV_I(done),
                            DV_I(done), DV_I(sd), DV_I(done), DV_I(sd), DV_I(done), DV_I(sd)),
                    NULL, NULL);
    }
    if (rc == DB_OK) {
        /* the competent agency the papers name: the first agency the
         * one-stop unit handed the dossier to */
        rc = db_exec(db,
                     "UPDATE dossier d SET d.competent_unit_id ="
                     "       (SELECT s.to_unit_id FROM dossier_step s"
                     "         WHERE s.dossier_id = d.id AND s.to_unit_id <> d.unit_id"
                     "         ORDER BY s.seq LIMIT 1)"
                     " WHERE d.id = ?",
                     DB_ARGS(DV_I(id)), NULL, NULL);
    }
    /* the aggregates follow: received once, finished once */
    if (rc == DB_OK && res.nrows == 0) {
        rc = stat_dossier(x, unit, 0, 0, recv, 1, 0, 0, 0, 0, 0);
    }
    if (rc == DB_OK && fin && strcmp(d->status, "refused") != 0 &&
        strcmp(d->status, "stopped") != 0 &&
        (res.nrows == 0 || strcmp(dbres_get(&res, 0, IM_FINISHED), "0") == 0)) {
        rc = stat_dossier(x, unit, 0, 0, fin, 0, 1, dossier_timeliness(fin, due), 0, 0, 0);
        if (rc == DB_OK) {
            rc = stats_dossier_closed(x, id, unit, recv, fin, 'r', dossier_timeliness(fin, due));
        }
    } else if (rc == DB_OK && res.nrows == 0 &&
               (strcmp(d->status, "refused") == 0 || strcmp(d->status, "stopped") == 0)) {
        rc = stats_dossier_closed(x, id, unit, recv, fin ? fin : recv, 'x', 0);
    }
    if (rc == DB_OK) {
        rc = audit(x, res.nrows ? "dossier.import_update" : "dossier.import", "dossier", id,
                   d->code);
    }
    if (rc == DB_OK) {
        rc = stats_late_touch(x, id, 0);
    }
    if ((rc = db_end(db, rc)) != DB_OK) {
        if (rc == DB_DUP && *why == NULL) {
            *why = "Api.Err.Code";
        }
    }
    return rc;
}
