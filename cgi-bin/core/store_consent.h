/* store_consent.h — every SQL statement about a citizen's consent to messages
 * (sql/090_consent.sql): given on the feedback form or at the counter,
 * withdrawn from the tracking page or the dossier page (a message's stop link
 * stops its address instead: notify_stop).
 * The functions take the database handle and a pool, never the request. */
#ifndef MOTCUA_STORE_CONSENT_H
#define MOTCUA_STORE_CONSENT_H

#include "db.h"
#include "util.h"

/* A condition on a case or dossier row: its citizen said yes to messages and
 * has not taken it back.  type is 'feedback' or 'dossier', id_col the row's id
 * column ("f.id", "d.id"). */
#define CONSENT_NOTIFY(type, id_col)                                      \
    " EXISTS (SELECT 1 FROM consent cn WHERE cn.object_type = '" type "'" \
    " AND cn.object_id = " id_col " AND cn.purpose = 'notify' AND cn.withdrawn_at IS NULL)"

/* The consent to messages of a case or dossier row, read with the row for
 * the page that shows it and offers to withdraw it: two columns, when it was
 * given and when withdrawn (UTC, NULL when not), and the join they need.
 * type 'feedback' or 'dossier', id_col the row's id column ("f.id", "d.id").
 * consent_page_dates then writes them as the page shows them. */
#define CONSENT_PAGE_COLS " k.given_at, k.withdrawn_at"
#define CONSENT_PAGE_JOIN(type, id_col)                                            \
    " LEFT JOIN consent k ON k.object_type = '" type "' AND k.object_id = " id_col \
    " AND k.purpose = 'notify'"

/* The two columns of CONSENT_PAGE_COLS, in place: when given, local
 * "dd/mm/yyyy HH:MM" (NULL when never), and when withdrawn, the same ("" while
 * it holds). */
void consent_page_dates(struct pool *p, char **given, char **withdrawn);

/* Record that the citizen of (type, id) agreed to messages, shown the text
 * of version wording ("vi-1"), by 'citizen' or 'officer'.  A second yes for
 * the same object keeps the first. */
enum db_rc consent_give(struct db *db, const char *type, long long id, const char *wording,
                        const char *by);

/* Take the consent to messages of (type, id) back, by 'page':
 * *done 1, or 0 when there was none in force. */
enum db_rc consent_withdraw(struct db *db, const char *type, long long id, const char *by,
                            int *done);

#endif
