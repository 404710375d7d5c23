/* worker.c — the FastCGI master/worker processes and the request cycle.
 *
 * The master opens the unix socket, forks Workers.<program> workers, grows
 * and shrinks the pool with the load (the policy is in workpool.c) and replaces
 * any that dies below the minimum; a crash costs at most the request that
 * worker was serving.  Each worker owns one database connection and serves
 * one request at a time. */
#include "worker.h"

#include <errno.h>
#include <mysql.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "access.h"
#include "calendar.h"
#include "conf.h"
#include "csrf.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "multipart.h"
#include "pagecache.h"
#include "ratelimit.h"
#include "render.h"
#include "session.h"
#include "staff.h"
#include "util.h"
#include "workpool.h"

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
    stopping = 1;
}

const struct cal *
req_calendar(struct req *r)
{
    return app_calendar(r->app);
}

const struct cal *
app_calendar(struct app *a)
{
    time_t now = time(NULL);

    if (a->cal_loaded == 0 || now - a->cal_loaded > 300) {
        struct cal fresh;

        cal_init(&fresh);
        /* Calendar.Weekend lists the weekly rest days (0 = Sunday … 6 = Saturday) */
        {
            const char *w = conf_str(a->conf, "Calendar.Weekend", "6,0");
            unsigned mask = 0;

            for (; *w; w++) {
                if (*w >= '0' && *w <= '6') {
                    mask |= 1u << (*w - '0');
                }
            }
            if (mask && cal_set_weekend(&fresh, mask) != 0) {
                log_warn("Calendar.Weekend would leave no working day; using Saturday and Sunday");
            }
        }
        fresh.cutoff_minutes = (int)conf_int(a->conf, "Calendar.CutoffMinutes", CAL_CUTOFF_DEFAULT);
        fresh.close_minutes = (int)conf_int(a->conf, "Calendar.CloseMinutes", CAL_CLOSE_DEFAULT);
        struct pool tmp = { 0 };
        enum db_rc rc = cal_load(&fresh, a->db, &tmp);

        pool_release(&tmp);
        if (rc != DB_OK) {
            cal_free(&fresh);
            return a->cal_loaded ? &a->cal : NULL;
        }
        if (a->cal_loaded) {
            cal_free(&a->cal);
        }
        a->cal = fresh;
        a->cal_loaded = now;
    }
    return &a->cal;
}

/* ---- routing ----------------------------------------------------------- */

static int
match(const char *pattern, const char *path, struct req *r)
{
    size_t na = 0;

    while (*pattern && *path) {
        if (*pattern == '*') {
            const char *end = strchr(path, '/');
            size_t n = end ? (size_t)(end - path) : strlen(path);

            if (n == 0 || na == NELEM(r->arg)) {
                return 0;
            }
            r->arg[na++] = pool_strndup(&r->pool, path, n);
            pattern++;
            path += n;
            continue;
        }
        if (*pattern != *path) {
            return 0;
        }
        pattern++, path++;
    }
    return *pattern == '\0' && *path == '\0';
}

static const struct route *
route_find(const struct program *prog, struct req *r, int *path_found)
{
    const char *m = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;

    *path_found = 0;
    for (size_t i = 0; i < prog->nroutes; i++) {
        const struct route *rt = &prog->routes[i];

        memset(r->arg, 0, sizeof(r->arg));
        if (match(rt->pattern, r->path, r)) {
            *path_found = 1;
            if (strcmp(rt->method, m) == 0) {
                return rt;
            }
        }
    }
    memset(r->arg, 0, sizeof(r->arg));
    return NULL;
}

/* ---- one request ------------------------------------------------------- */

static int
read_body(struct req *r, long long max)
{
    const char *cl = req_header(r, "CONTENT_LENGTH");
    long long n = 0;
    char *b;

    if (r->body) {
        return 0; /* read by an earlier attempt (dispatch_retrying) */
    }
    if (cl && *cl && parse_int(cl, 0, 1LL << 40, &n) != 0) {
        return 400;
    }
    if (n > max) {
        return 413;
    }
    b = pool_alloc(&r->pool, (size_t)n + 1);
    if (n > 0 && FCGX_GetStr(b, (int)n, r->fcgi->in) != (int)n) {
        return 400;
    }
    b[n] = '\0';
    r->body = b;
    r->body_len = (size_t)n;
    return 0;
}

/* The language link: this page with its whole query (the counter's ?t=,
 * a rating's ?r=, a search's ?q=), any lang= dropped, and lang= the other
 * language.  The query is kept as the browser sent it (still URL-encoded);
 * the template escapes it for the attribute. */
static const char *
lang_href(struct req *r)
{
    const char *path = util_safe_path(r->path) ? r->path : "/";
    const char *other = strcmp(r->lang, "vi") == 0 ? "en" : "vi";
    const char *q = r->query ? r->query : "";
    size_t n = strlen(path) + strlen(q) + 16;
    char *out = pool_alloc(&r->pool, n), *o = out;

    o += snprintf(o, n, "%s?", path);
    while (*q) {
        size_t len = strcspn(q, "&;");

        if (len > 0 && !(len >= 5 && strncmp(q, "lang=", 5) == 0) &&
            !(len == 4 && strncmp(q, "lang", 4) == 0)) {
            memcpy(o, q, len);
            o += len;
            *o++ = '&';
        }
        q += len;
        if (*q) {
            q++;
        }
    }
    snprintf(o, n - (size_t)(o - out), "lang=%s", other);
    return out;
}

/* The page data.  A worker keeps one HDF per language for its whole life,
 * holding the language strings (L) and the rendering settings, so that the
 * strings are not copied into every request (and the parsed templates, kept
 * per HDF, stay valid); page_hdf_clear removes whatever a request added. */
static int
prepare_hdf(struct req *r)
{
    struct app *a = r->app;
    HDF **page = &a->page[strcmp(r->lang, "en") == 0];
    NEOERR *err = STATUS_OK;

    if (*page == NULL) {
        err = hdf_init(page);
        if (err == STATUS_OK) {
            err = hdf_set_value(*page, "Config.VarEscapeMode", "html");
        }
        if (err == STATUS_OK) {
            err = hdf_set_value(*page, "hdf.loadpaths.0", a->tmpl_dir);
        }
        if (err == STATUS_OK) {
            err = hdf_copy(*page, "L", hdf_get_obj(a->langs, r->lang));
        }
        /* the Vietnamese strings in every language, for a paper shown
         * inside a page (templates: with:L = VI) */
        if (err == STATUS_OK) {
            err = hdf_copy(*page, "VI", hdf_get_obj(a->langs, "vi"));
        }
        if (err != STATUS_OK) {
            nerr_log_error(err);
            hdf_destroy(page);
            return -1;
        }
    }
    r->hdf = *page;
    hset(r, "Req.Lang", r->lang);
    hset(r, "Req.OtherLang", strcmp(r->lang, "vi") == 0 ? "en" : "vi");
    hset(r, "Req.Path", r->path);
    /* the language link goes back to this page: only a path that cannot
     * leave the site ("/\\host", control characters), else the home page */
    hset(r, "Req.LangPath", util_safe_path(r->path) ? r->path : "/");
    hset(r, "Req.LangHref", lang_href(r));
    hset(r, "Req.Program", a->prog->name);
    hset(r, "Site.Hotline", conf_str(a->conf, "Site.Hotline", ""));
    hset(r, "Site.BaseURL", conf_str(a->conf, "Site.BaseURL", ""));
    return 0;
}

/* After a request: remove every top-level node but the language strings and
 * the settings, so nothing of one request is seen by the next. */
static void
page_hdf_clear(HDF *page)
{
    static const char *const keep[] = { "L", "VI", "Config", "hdf" };
    HDF *node = hdf_obj_child(page);

    while (node != NULL) {
        char *name = xstrdup(hdf_obj_name(node));

        node = hdf_obj_next(node);
        if (!str_in(name, keep, NELEM(keep))) {
            hdf_remove_tree(page, name);
        }
        free(name);
    }
}

int
req_paper_lang(struct req *r)
{
    static const char *const keep[] = { "L", "VI", "Config", "hdf", "Req" };
    HDF *from = r->hdf;
    const char *lang = r->lang;
    NEOERR *err = STATUS_OK;

    if (strcmp(lang, "vi") == 0) {
        return 0;
    }
    r->lang = "vi";
    if (prepare_hdf(r) != 0) {
        r->lang = lang;
        r->hdf = from;
        return -1;
    }
    for (HDF *node = hdf_obj_child(from); node && err == STATUS_OK; node = hdf_obj_next(node)) {
        if (!str_in(hdf_obj_name(node), keep, NELEM(keep))) {
            err = hdf_copy(r->hdf, hdf_obj_name(node), node);
        }
    }
    page_hdf_clear(from);
    if (err != STATUS_OK) {
        nerr_log_error(err);
        return -1;
    }
    return 0;
}

/* A route marked R_CACHE: the answer this worker kept for the same language,
 * path and query, else the handler's, kept when it is a 200 that carries
 * nothing of this visitor (no cookie of its own, not the visitor's CSRF
 * token).  The headers set before the handler (the visitor's cookies) are
 * the visitor's own and stay out of it. */
static int
handle_cached(struct req *r, const struct route *rt)
{
    long long ttl = conf_int(r->app->conf, "Cache.PageSeconds", 10);
    long long now = (long long)time(NULL);
    size_t before = r->headers.len;
    const char *own;
    struct page_hit hit;
    const char *key;
    int status;

    if (ttl <= 0) {
        return rt->handler(r);
    }
    key = pool_printf(&r->pool, "%s %s?%s", r->lang, r->path, r->query);
    if (pagecache_get(key, now, &hit)) {
        r->ctype = pool_strdup(&r->pool, hit.ctype);
        buf_reset(&r->out);
        buf_add(&r->out, hit.body, hit.blen);
        buf_add(&r->headers, hit.headers, hit.hlen);
        return hit.status;
    }
    status = rt->handler(r);
    own = r->headers.p ? r->headers.p + before : "";
    if (status == 200 && !r->streamed && r->ctype != NULL &&
        !memmem(own, r->headers.len - before, "Set-Cookie:", 11) &&
        (r->csrf[0] == '\0' ||
         !memmem(r->out.p ? r->out.p : "", r->out.len, r->csrf, strlen(r->csrf)))) {
        struct page_hit page = {
            status, r->ctype, own, r->headers.len - before, r->out.p ? r->out.p : "", r->out.len
        };

        (void)pagecache_put(key, now + ttl, &page);
    }
    return status;
}

static int
dispatch(struct req *r)
{
    const struct program *prog = r->app->prog;
    const struct route *rt;
    int found, rc;
    enum form_err fe;

    if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0 &&
        strcmp(r->method, "POST") != 0) {
        resp_header(r, "Allow", "GET, HEAD, POST");
        return 405;
    }
    if (!utf8_valid(r->path, strlen(r->path))) {
        return 400;
    }
    for (const char *c = r->path; *c; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7f) {
            return 400;
        }
    }
    if (r->status == 400) {
        return 400;  /* the query string did not parse */
    }
    rt = route_find(prog, r, &found);
    if (rt == NULL) {
        if (found) {
            resp_header(r, "Allow", "GET, HEAD, POST");
            return 405;
        }
        return 404;
    }
    if (strcmp(r->method, "POST") == 0) {
        const char *ct = r->content_type ? r->content_type : "";

        if (rt->flags & (R_RAWBODY | R_UPLOAD)) {
            if ((rc = read_body(r, conf_int(r->app->conf, "Limits.UploadBody", 16 << 20))) != 0) {
                return rc;
            }
        } else if ((rc = read_body(r, conf_int(r->app->conf, "Limits.FormBody", 65536))) != 0) {
            return rc;
        }
        if ((rt->flags & R_UPLOAD) && strncasecmp(ct, "multipart/form-data", 19) == 0) {
            struct multipart_limits lim = multipart_default_limits;
            char boundary[80];

            /* per-file size and count are the handler's to explain, with the form */
            lim.max_file = r->body_len;
            lim.max_files = 10;
            if (multipart_boundary(ct, boundary, sizeof(boundary)) != 0) {
                return 400;
            }
            fe = multipart_parse(&r->pool, r->body, r->body_len, boundary, &lim, &r->form,
                                 &r->files, &r->nfiles);
        } else if (rt->flags & R_RAWBODY) {
            fe = FORM_OK;
        } else if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0) {
            fe = form_parse(&r->pool, r->body, r->body_len, NULL, &r->form);
        } else {
            return 415;
        }
        if (fe != FORM_OK) {
            log_info("bad form body: %s", form_err_str(fe));
            return fe == FORM_VALUE_TOO_LONG || fe == FORM_TOO_MANY ||
                   fe == FORM_TOO_MANY_FILES || fe == FORM_FILE_TOO_LARGE ? 413 : 400;
        }
    }
    /* staff programs know who is signed in before any handler runs */
    if (prog->flags & P_STAFF_SESSION) {
        enum db_rc dr = session_load(r);

        if (dr != DB_OK) {
            return db_fail(r, dr);
        }
    }
    if (!(prog->flags & P_KEY_AUTH)) {
        csrf_prepare(r);   /* machines authenticate by key: no cookie for them */
    }
    if (strcmp(r->method, "POST") == 0 && !(rt->flags & R_NOCSRF) && !csrf_ok(r)) {
        hset(r, "Page.ErrDetail", lang_str(r, "Err.CSRF"));
        return 403;
    }
    /* the route's access rule, before any handler can forget it */
    if ((prog->flags & P_STAFF_SESSION) && !(rt->flags & R_PUBLIC) &&
        (rc = staff_allow(r, rt->roles)) != 0) {
        return rc;
    }
    if (rt->flags & R_CACHE) {
        return handle_cached(r, rt);
    }
    return rt->handler(r);
}

/* Run the request; run it again from the start, up to DB.Retries times with a
 * growing random pause, when its transaction failed for others' sake (a
 * deadlock, a Galera certification conflict, a lock wait given up, the
 * connection lost inside a transaction: db_take_conflict) and nothing was
 * sent yet.  Whatever the attempt wrote was rolled back; a submission that
 * may have committed before its connection was lost carries an idempotency
 * key, so the next attempt finds it instead of counting it twice. */
static int
dispatch_retrying(struct req *r)
{
    struct app *a = r->app;
    const char *lang = r->lang;
    long long retries = conf_int(a->conf, "DB.Retries", 3);
    int status;

    (void)db_take_conflict(a->db);
    for (long long attempt = 0;; attempt++) {
        int conflict;

        status = dispatch(r);
        db_rollback(a->db); /* no-op unless a handler left a transaction open */
        conflict = db_take_conflict(a->db);
        if (!conflict || r->streamed) {
            return status;
        }
        if (attempt >= retries) {
            /* still in conflict: a busy moment, not a fault; the form sent
             * again (with its idempotency key) is safe */
            return status == 500 ? 503 : status;
        }
        log_warn("%s %s: conflict, running it again (%lld of %lld)", r->method, r->path,
                 attempt + 1, retries);
        /* back to the request as it came: no answer, page data or parsed body */
        r->out.len = 0;
        r->headers.len = 0;
        r->form.n = 0;
        r->nfiles = 0;
        page_hdf_clear(r->hdf);
        r->lang = lang;
        if (prepare_hdf(r) != 0) {
            return 500;
        }
        /* 5-20 ms, doubled each time: two requests that collided part */
        usleep((useconds_t)((5000 + randombytes_uniform(15000)) << attempt));
    }
}

static void
handle(struct app *a, FCGX_Request *fr)
{
    struct req r;
    const char *https;

    memset(&r, 0, sizeof(r));
    r.app = a;
    r.fcgi = fr;
    r.method = FCGX_GetParam("REQUEST_METHOD", fr->envp);
    r.path = FCGX_GetParam("DOCUMENT_URI", fr->envp);
    r.query = FCGX_GetParam("QUERY_STRING", fr->envp);
    r.remote_addr = FCGX_GetParam("REMOTE_ADDR", fr->envp);
    r.host = FCGX_GetParam("HTTP_HOST", fr->envp);
    r.origin = FCGX_GetParam("HTTP_ORIGIN", fr->envp);
    r.content_type = FCGX_GetParam("CONTENT_TYPE", fr->envp);
    r.user_agent = FCGX_GetParam("HTTP_USER_AGENT", fr->envp);
    https = FCGX_GetParam("HTTPS", fr->envp);
    r.https = (https && *https && strcasecmp(https, "off") != 0) ||
              conf_int(a->conf, "Site.TLS", 0) != 0;
    if (!r.method) r.method = "GET";
    if (!r.path) r.path = "/";
    if (!r.query) r.query = "";
    if (!r.remote_addr) r.remote_addr = "";
    cookie_parse(&r.pool, FCGX_GetParam("HTTP_COOKIE", fr->envp), &r.cookies);
    if (form_parse(&r.pool, r.query, strlen(r.query), NULL, &r.q) != FORM_OK) {
        r.status = 400;
        r.q.n = 0;
    }
    r.lang = lang_pick(&r);
    if (prepare_hdf(&r) != 0) {
        r.status = 500;
        resp_raw(&r, "text/plain; charset=utf-8", "500\n", 4);
    } else {
        r.status = dispatch_retrying(&r);
        if (r.status >= 400 && r.out.len == 0 && !r.streamed) {
            r.status = render_error(&r, r.status);
        }
    }
    if (!r.streamed) {
        resp_send(&r);
    }
    if (r.status >= 500) {
        log_warn("%s %s -> %d", r.method, r.path, r.status);
    }
    if (r.hdf) {
        page_hdf_clear(r.hdf);
    }
    buf_free(&r.out);
    buf_free(&r.headers);
    pool_release(&r.pool);
}

static void
worker_loop(struct app *a, int listen_fd, struct workpool_slot *slot)
{
    FCGX_Request fr;
    struct sigaction sa;
    sigset_t term;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_stop;   /* no SA_RESTART: a blocked accept() returns */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGCHLD, SIG_DFL);
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigaddset(&term, SIGINT);

    a->db = db_new(a->conf, a->prog->name);
    (void)db_connect(a->db);   /* a failure here is retried per request */
    if (FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
        log_err("FCGX_InitRequest failed");
        exit(1);
    }
    while (!stopping && FCGX_Accept_r(&fr) >= 0) {
        char rest[512];

        /* A stop (the pool shrinking, the program stopping) waits for the
         * answer: no signal interrupts a read or write of this request. */
        sigprocmask(SIG_BLOCK, &term, NULL);
        if (workpool_busy(slot)) {
            stopping = 1; /* told to retire as the request came: serve it, then go */
        }
        handle(a, &fr);
        /* Read what is left of the request (nginx sends nothing after it), so
         * that closing cannot reset the connection under the answer.  Then
         * close without libfcgi's lingering close (shut down our side, wait
         * for nginx to close first), which kept the worker idle until nginx
         * got round to it: a detached request is closed at once. */
        while (FCGX_GetStr(rest, sizeof(rest), fr.in) > 0) {
        }
        FCGX_Detach(&fr);
        FCGX_Finish_r(&fr);
        workpool_idle(slot);
        sigprocmask(SIG_UNBLOCK, &term, NULL);
    }
    FCGX_Free(&fr, 1);
    db_close(a->db);
    exit(0);
}

/* The program's helper processes (struct program.helper): their listening
 * socket, each process and when it started. */
#define HELPER_MAX 8
struct helper {
    int fd, n;
    pid_t pid[HELPER_MAX];
    long long born[HELPER_MAX];
    char path[512];
};

/* Open the helpers' socket (message-preserving, born 0600: the program's own
 * workers alone connect to it) before the workers fork, so that each finds
 * its path in app.helper_sock.  -1 when the program has no helper, they are
 * turned off, or the socket cannot be opened (logged: the workers then do
 * without). */
static int
helper_listen(struct app *a, struct helper *h)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    long long n = a->prog->helper ? conf_int(a->conf, a->prog->helper_key, 1) : 0;
    mode_t old;
    int fd, bound;

    memset(h, 0, sizeof(*h));
    h->fd = -1;
    if (n <= 0) {
        return -1;
    }
    snprintf(h->path, sizeof(h->path), "%s/%s-helper.sock",
             conf_str(a->conf, "Paths.Run", "var/run"), a->prog->name);
    if (strlen(h->path) >= sizeof(sa.sun_path) ||
        (fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0)) < 0) {
        log_err("cannot open the helpers' socket %s", h->path);
        return -1;
    }
    memcpy(sa.sun_path, h->path, strlen(h->path) + 1);
    unlink(h->path);
    old = umask(0177);
    bound = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
    umask(old);
    if (bound != 0 || listen(fd, 256) != 0) {
        log_err("cannot listen on %s: %s", h->path, strerror(errno));
        close(fd);
        return -1;
    }
    a->helper_sock = h->path;
    h->n = n > HELPER_MAX ? HELPER_MAX : (int)n; /* none started when the socket failed */
    return h->fd = fd;
}

/* Fork helper i. */
static void
helper_spawn(struct app *a, sigset_t *oldmask, struct helper *h, int i)
{
    pid_t pid = fork();

    if (pid == 0) {
        sigprocmask(SIG_SETMASK, oldmask, NULL);
        a->prog->helper(a, h->fd);
        exit(0);
    }
    if (pid < 0) {
        log_err("fork: %s", strerror(errno));
    }
    h->pid[i] = pid > 0 ? pid : 0;
    h->born[i] = workpool_now_ms();
}

/* Stop the helpers and wait for each (it finishes what it holds). */
static void
helper_stop(struct helper *h)
{
    struct timespec pause = { 0, 50 * 1000 * 1000 };

    if (h->fd < 0) {
        return;
    }
    for (int i = 0; i < h->n; i++) {
        for (int n = 0; h->pid[i] > 0; n++) {
            pid_t r;

            if (n % 20 == 0) {
                kill(h->pid[i], SIGTERM);
            }
            r = waitpid(h->pid[i], NULL, WNOHANG);
            if (r == h->pid[i] || (r < 0 && errno != EINTR)) {
                h->pid[i] = 0;
                break;
            }
            nanosleep(&pause, NULL);
        }
    }
    close(h->fd);
    unlink(h->path);
}

/* Fork the worker of the pool's slot i. */
static void
spawn(struct app *a, int fd, sigset_t *oldmask, struct workpool *pool, int i)
{
    pid_t pid = fork();

    if (pid == 0) {
        sigprocmask(SIG_SETMASK, oldmask, NULL);
        worker_loop(a, fd, &pool->shm[i]);
    }
    if (pid < 0) {
        log_err("fork: %s", strerror(errno));
    }
    workpool_started(pool, i, pid, workpool_now_ms());
}

/* Collect the workers that ended; replace those that died while the pool is
 * at its minimum, and the helper whenever it dies.  Every child is waited
 * for: no zombie stays. */
static void
reap(struct app *a, int fd, sigset_t *oldmask, struct workpool *pool, struct helper *h)
{
    pid_t pid;
    int st, retired, i;

    while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
        long long born;
        int replace;

        for (i = 0; i < h->n && h->pid[i] != pid; i++) {
        }
        if (i < h->n) {
            log_warn("helper %ld ended (status %d); restarting it", (long)pid, st);
            if (workpool_now_ms() - h->born[i] < 1000) {
                sleep(1); /* do not spin when it dies at once */
            }
            helper_spawn(a, oldmask, h, i);
            continue;
        }
        if ((i = workpool_reaped(pool, pid, &retired, &born)) < 0 || retired) {
            continue; /* not a worker, or one told to stop */
        }
        replace = workpool_serving(pool) < pool->min;
        if (WIFSIGNALED(st)) {
            log_warn("worker %ld died of signal %d; %s", (long)pid, WTERMSIG(st),
                     replace ? "restarting" : "the pool is above its minimum");
        } else {
            log_warn("worker %ld exited with %d; %s", (long)pid, WEXITSTATUS(st),
                     replace ? "restarting" : "the pool is above its minimum");
        }
        if (!replace) {
            continue;
        }
        if (workpool_now_ms() - born < 1000) {
            sleep(1); /* do not spin when workers die at once */
        }
        spawn(a, fd, oldmask, pool, i);
    }
}

/* The master's look at the pool, about ten times a second: a connection
 * waiting on the socket (poll, without accepting it) and the workers'
 * slots decide whether one worker starts or one is told to stop. */
static void
tick(struct app *a, int fd, sigset_t *oldmask, struct workpool *pool)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int backlog = poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN);
    long long now = workpool_now_ms();
    int i;

    switch (workpool_decide(pool, backlog, now, &i)) {
    case WP_GROW: spawn(a, fd, oldmask, pool, i); break;
    case WP_SHRINK: kill(pool->pid[i], SIGTERM); break;
    case WP_NOTHING: break;
    }
    workpool_report(pool, now, 0);
}

/* Stop every worker and wait for each: no zombie.  Each finishes the request
 * it holds.  SIGTERM again once a second, for a worker that got the first one
 * in the instant before it blocked in accept(). */
static void
stop_workers(struct workpool *pool)
{
    struct timespec pause = { 0, 50 * 1000 * 1000 };
    long long born;
    int retired;

    for (int i = 0; i < pool->max; i++) {
        if (pool->pid[i] > 0) {
            kill(pool->pid[i], SIGTERM);
        }
    }
    for (int i = 0; i < pool->max; i++) {
        for (int n = 1; pool->pid[i] > 0; n++) {
            pid_t pid = pool->pid[i], r = waitpid(pid, NULL, WNOHANG);

            if (r == pid || (r < 0 && errno != EINTR)) {
                (void)workpool_reaped(pool, pid, &retired, &born);
                break;
            }
            if (n % 20 == 0) {
                kill(pid, SIGTERM);
            }
            nanosleep(&pause, NULL);
        }
    }
}

int
program_main(const struct program *prog, int argc, char **argv)
{
    struct app a;
    char sock[512], key[64];
    const char *conf_path = NULL;
    struct workpool pool;
    struct helper helper;
    int fd, sig, min, max;
    long long idle_ms;
    sigset_t set, old;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            conf_path = argv[++i];
        } else {
            fprintf(stderr, "usage: %s [-c motcua.hdf]\n", argv[0]);
            return 2;
        }
    }
    memset(&a, 0, sizeof(a));
    a.prog = prog;
    log_set_program(prog->name);
    if (access_check(prog) != 0) {
        return 1;
    }
    nerr_init();
    if (sodium_init() < 0 || mysql_library_init(0, NULL, NULL) != 0) {
        log_err("library initialisation failed");
        return 1;
    }
    if ((a.conf = conf_load(conf_path)) == NULL) {
        return 1;
    }
    if (conf_secret(a.conf, a.secret) != 0) {
        log_err("Secret.Key must be 64 hex digits (see etc/motcua.hdf.example)");
        return 1;
    }
    if (ratelimits_lifted(a.conf)) {
        log_err("warning: Audit.LiftRateLimits = 1: this stack refuses nothing for its rate limits");
    }
    a.tmpl_dir = conf_str(a.conf, "Paths.Templates", "templates");
    if ((a.langs = lang_load(a.tmpl_dir)) == NULL) {
        return 1;
    }
    snprintf(sock, sizeof(sock), "%s/%s.sock", conf_str(a.conf, "Paths.Run", "var/run"),
             prog->name);
    snprintf(key, sizeof(key), "Workers.%s", prog->name);
    {
        long long start = conf_int(a.conf, key, 2);

        snprintf(key, sizeof(key), "Workers.Max.%s", prog->name);
        workpool_limits(start, conf_int(a.conf, key, 0),
                        conf_int(a.conf, "Workers.IdleSeconds", 10), &min, &max, &idle_ms);
    }
    if (workpool_init(&pool, min, max, idle_ms) != 0) {
        return 1;
    }
    FCGX_Init();
    unlink(sock);
    {
        /* Whoever can connect can forge REMOTE_ADDR, HTTPS and Origin: the
         * socket is born 0660 (no moment of a wider mode), for the owner and
         * the group nginx runs as (www-data, see etc/systemd), never others. */
        mode_t old = umask(0117);

        fd = FCGX_OpenSocket(sock, 1024);
        umask(old);
    }
    if (fd < 0) {
        log_err("cannot listen on %s: %s", sock, strerror(errno));
        return 1;
    }
    if (chmod(sock, 0660) != 0) {
        log_err("cannot set the mode of %s: %s", sock, strerror(errno));
        return 1;
    }

    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, &old);

    (void)helper_listen(&a, &helper);
    for (int i = 0; i < min; i++) {
        spawn(&a, fd, &old, &pool, i);
    }
    for (int i = 0; i < helper.n; i++) {
        helper_spawn(&a, &old, &helper, i);
    }
    log_info("listening on %s with %d workers (up to %d) and %d helper%s", sock, min, max,
             helper.fd >= 0 ? helper.n : 0, helper.fd >= 0 && helper.n == 1 ? "" : "s");
    for (;;) {
        struct timespec period = { 0, 100 * 1000 * 1000 };

        sig = sigtimedwait(&set, NULL, &period);
        if (sig == SIGCHLD || sig < 0) {
            reap(&a, fd, &old, &pool, &helper);
            tick(&a, fd, &old, &pool);
            continue;
        }
        break;  /* SIGTERM, SIGINT, SIGHUP: stop */
    }
    workpool_report(&pool, workpool_now_ms(), 1);
    stop_workers(&pool);
    helper_stop(&helper);
    unlink(sock);
    log_info("stopped");
    workpool_free(&pool);
    hdf_destroy(&a.langs);
    hdf_destroy(&a.conf);
    mysql_library_end();
    return 0;
}
