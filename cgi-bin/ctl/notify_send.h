/* notify_send.h — the outbox's sender: e-mail (SMTP through libcurl, sendmail,
 * or files in an outbox directory), SMS through an HTTP gateway, Zalo ZNS.
 * Run by `motcuactl send` and `motcuactl tick`; docs/notifications.md. */
#ifndef MOTCUA_NOTIFY_SEND_H
#define MOTCUA_NOTIFY_SEND_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

struct send_report {
    int sent, failed, retry, capped, stopped;
    long long segments; /* SMS segments of the messages sent */
    int busy;           /* another host holds the lease: nothing done */
};

/* Deliver the messages that are due, under the sender's lease (one host
 * sends): at least once, each with its idempotency key; a failure waits
 * Notify.RetrySeconds doubled per attempt; a recipient gets at most
 * Notify.DailyCap a local day, the rest waits for the next.  0, or -1 on a
 * database error (db_error says which). */
int notify_send(struct db *db, HDF *conf, struct pool *p, struct send_report *out);

#endif
