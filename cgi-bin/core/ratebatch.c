/* ratebatch.c — the rating writer and a worker's way to it (ratebatch.h). */
#include "ratebatch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "db.h"
#include "util.h"
#include "worker.h"

/* the most workers connected at once (Workers.Max of a program is far less) */
#define RB_CLIENTS 256

static volatile sig_atomic_t rb_stopping;

static void
rb_on_stop(int sig)
{
    (void)sig;
    rb_stopping = 1;
}

/* Every string of the job ends within its array: a job from anything but
 * this program's own worker is dropped. */
static int
job_ok(const struct rating_job *j)
{
    return memchr(j->addr, 0, sizeof(j->addr)) && memchr(j->link, 0, sizeof(j->link)) &&
           memchr(j->channel, 0, sizeof(j->channel)) &&
           memchr(j->client_hash, 0, sizeof(j->client_hash)) && strlen(j->idem) == 32 &&
           memchr(j->comment, 0, sizeof(j->comment)) && j->level >= 1 && j->level <= 3;
}

/* Take one waiting job from each worker whose job is in (at most
 * RATING_BATCH_MAX; the others wait for the next batch); a connection closed
 * or sending anything else is dropped.  A worker that closed its connection
 * after sending gave up waiting and stores that rating itself: its job is
 * dropped too.  The number of jobs. */
static size_t
gather(struct pollfd *pf, size_t *nc, struct rating_job *job, int *from)
{
    size_t n = 0;

    for (size_t i = 1; i <= *nc && n < RATING_BATCH_MAX; i++) {
        ssize_t got;

        if (!(pf[i].revents & (POLLIN | POLLHUP | POLLERR))) {
            continue;
        }
        got = recv(pf[i].fd, &job[n], sizeof(*job), MSG_DONTWAIT);
        if (got == (ssize_t)sizeof(*job) && job_ok(&job[n]) && !(pf[i].revents & POLLHUP)) {
            from[n++] = pf[i].fd;
            continue;
        }
        if (got < 0 && (errno == EAGAIN || errno == EINTR)) {
            continue;
        }
        close(pf[i].fd);
        pf[i--] = pf[(*nc)--]; /* the last one moves here and is looked at next */
    }
    return n;
}

void
ratebatch_main(struct app *a, int listen_fd)
{
    struct pollfd pf[1 + RB_CLIENTS];
    struct rating_job *job = xmalloc(RATING_BATCH_MAX * sizeof(*job));
    struct rating_done done[RATING_BATCH_MAX];
    int from[RATING_BATCH_MAX];
    size_t nc = 0;
    struct sigaction sa;

    prctl(PR_SET_NAME, "rating-writer");
    log_set_program("rating-writer");
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = rb_on_stop; /* no SA_RESTART: poll returns */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGCHLD, SIG_DFL);
    a->db = db_new(a->conf, a->prog->name);
    pf[0] = (struct pollfd){ .fd = listen_fd, .events = POLLIN };
    while (!rb_stopping) {
        size_t n;

        if (poll(pf, 1 + nc, 1000) <= 0) {
            continue;
        }
        if (pf[0].revents & POLLIN) {
            int c;

            while ((c = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK)) >= 0) {
                if (nc == RB_CLIENTS) {
                    close(c); /* that worker stores its ratings itself */
                    continue;
                }
                pf[1 + nc++] = (struct pollfd){ .fd = c, .events = POLLIN };
            }
        }
        if ((n = gather(pf, &nc, job, from)) > 0) {
            struct pool p = { 0 };
            struct sctx x = { .app = a, .db = a->db, .pool = &p, .addr = "" };
            enum db_rc rc = rating_save_many(&x, job, n, done);

            for (size_t i = 0; i < n; i++) {
                if (rc != DB_OK) {
                    done[i].rc = rc; /* nothing of the batch stored: each worker stores its own */
                }
                /* a worker gone meanwhile has fallen back on storing it itself */
                (void)send(from[i], &done[i], sizeof(done[i]), MSG_NOSIGNAL | MSG_DONTWAIT);
            }
            pool_release(&p);
        }
    }
    db_close(a->db);
    exit(0);
}

/* A worker's connection to the writer, kept between requests. */
static int rb_fd = -1;

static int
rb_connect(const char *path, int wait_s)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    struct timeval tv = { .tv_sec = wait_s > 0 ? wait_s : 1 };
    int fd;

    if (strlen(path) >= sizeof(sa.sun_path) ||
        (fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0)) < 0) {
        return -1;
    }
    memcpy(sa.sun_path, path, strlen(path) + 1);
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int
ratebatch_ask(const char *path, int wait_s, const struct rating_job *job, struct rating_done *done)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        if (rb_fd < 0 && (rb_fd = rb_connect(path, wait_s)) < 0) {
            return 0;
        }
        if (send(rb_fd, job, sizeof(*job), MSG_NOSIGNAL) == (ssize_t)sizeof(*job)) {
            if (recv(rb_fd, done, sizeof(*done), 0) == (ssize_t)sizeof(*done)) {
                return done->rc == DB_OK;
            }
            /* no answer in time, or the writer died with the job: it may
             * have been stored, which the caller's rating_save finds */
            close(rb_fd);
            rb_fd = -1;
            return 0;
        }
        close(rb_fd); /* a writer restarted since the last rating: connect again */
        rb_fd = -1;
    }
    return 0;
}
