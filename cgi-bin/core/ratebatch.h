/* ratebatch.h — the rating writer: one process beside the citizen program's
 * workers that stores the ratings they hand it, many in one transaction.
 *
 * A worker sends a rating (struct rating_job) over a unix socket and waits
 * for its fate; the writer takes every rating waiting at that moment (at
 * most RATING_BATCH_MAX) into one transaction (rating_save_many) and answers
 * each worker once it has committed.  A busy minute's ratings thus share
 * their statements and their commit instead of each paying about nine round
 * trips and a commit of its own.  Whatever goes wrong (no writer, a writer
 * killed, a conflict), the worker stores the rating itself with rating_save:
 * the rating always carries an idempotency key, so one the writer did commit
 * is found, not stored twice. */
#ifndef MOTCUA_RATEBATCH_H
#define MOTCUA_RATEBATCH_H

#include "app.h"
#include "store_feedback.h"

/* Listen on the unix socket at path (only this user may connect): the
 * descriptor, or -1 (logged). */
int ratebatch_listen(const char *path);

/* The writer process: serves the workers connecting to listen_fd until
 * SIGTERM, with its own database connection (the program's account).  Never
 * returns. */
void ratebatch_main(struct app *a, int listen_fd);

/* In a worker: have the writer at the socket path store job.  1 with *done
 * filled when the writer answered DB_OK; 0 when it did not (store the rating
 * yourself, with the same idempotency key). */
int ratebatch_ask(const char *path, int wait_s, const struct rating_job *job,
                  struct rating_done *done);

#endif
