/* store_consent.c — consent to messages; see store_consent.h. */
#include "store_consent.h"

#include <string.h>

#include "calendar.h"

enum db_rc
consent_give(struct db *db, const char *type, long long id, const char *wording, const char *by)
{
    return db_exec(db,
                   "INSERT IGNORE INTO consent (object_type, object_id, purpose, wording, given_at,"
                   "                            given_by)"
                   " VALUES (?, ?, 'notify', ?, UTC_TIMESTAMP(), ?)",
                   DB_ARGS(DV_S(type), DV_I(id), DV_S(wording), DV_S(by)), NULL, NULL);
}

enum db_rc
consent_withdraw(struct db *db, const char *type, long long id, const char *by, int *done)
{
    unsigned long long n = 0;
    enum db_rc rc = db_exec(db,
                            "UPDATE consent SET withdrawn_at = UTC_TIMESTAMP(), withdrawn_by = ?"
                            " WHERE object_type = ? AND object_id = ? AND purpose = 'notify'"
                            "   AND withdrawn_at IS NULL",
                            DB_ARGS(DV_S(by), DV_S(type), DV_I(id)), &n, NULL);

    *done = rc == DB_OK && n > 0;
    return rc;
}

void
consent_page_dates(struct pool *p, char **given, char **withdrawn)
{
    *given = cal_utc_local(p, *given, CAL_FMT_MINUTE);
    *withdrawn = *withdrawn ? cal_utc_local(p, *withdrawn, CAL_FMT_MINUTE) : pool_strdup(p, "");
}
