/* standin.c — the store context outside HTTP (standin.h). */
#include "standin.h"

#include <string.h>

#include "calendar.h"
#include "conf.h"
#include "render.h"

int
standin_init(struct standin *s, HDF *conf, struct db *db, const char *who)
{
    s->app.conf = conf;
    s->app.db = db;
    s->x.app = &s->app;
    s->x.db = db;
    s->x.pool = &s->pool;
    s->x.user = NULL;
    s->x.addr = who;
    if (conf_secret(conf, s->app.secret) != 0) {
        return -1;
    }
    /* messages of shared code (import reasons, mails) */
    s->app.langs = lang_load(conf_str(conf, "Paths.Templates", "templates"));
    return 0;
}

void
standin_free(struct standin *s)
{
    hdf_destroy(&s->app.langs);
    if (s->app.cal_loaded) {
        cal_free(&s->app.cal);
    }
    legal_cache_free(&s->app.legal);
    ref_cache_free(&s->app.ref);
    pool_release(&s->pool);
}
