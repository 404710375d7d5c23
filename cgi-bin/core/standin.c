/* standin.c — a request stand-in outside HTTP (standin.h). */
#include "standin.h"

#include <string.h>

#include "calendar.h"
#include "conf.h"
#include "render.h"

int
standin_init(struct app *a, struct req *r, HDF *conf, struct db *db, const char *who)
{
    a->conf = conf;
    a->db = db;
    r->app = a;
    r->remote_addr = who;
    if (conf_secret(conf, a->secret) != 0) {
        return -1;
    }
    /* messages of shared code (import reasons, mails) in the operator's language */
    if ((a->langs = lang_load(conf_str(conf, "Paths.Templates", "templates"))) != NULL &&
        hdf_init(&r->hdf) == STATUS_OK) {
        NEOERR *e = hdf_copy(r->hdf, "L", hdf_get_obj(a->langs, "vi"));

        nerr_ignore(&e);
    }
    return 0;
}

void
standin_free(struct app *a, struct req *r)
{
    hdf_destroy(&r->hdf);
    hdf_destroy(&a->langs);
    if (a->cal_loaded) {
        cal_free(&a->cal);
    }
    pool_release(&r->pool);
}
