/* citizen — the public program: home page, QR landing, rating, feedback,
 * tracking (design.md §1).  Database account: motcua_citizen. */
#include <string.h>

#include "motcua.h"

static int
home(struct req *r)
{
    struct dbres units, counters;
    enum db_rc rc;
    static const char *const ucols[] = { "id", "name", "address", "hotline", "opening_hours",
                                         NULL };

    rc = db_query(r->app->db, &r->pool,
                  "SELECT u.id, u.name, u.address, u.hotline, u.opening_hours"
                  "  FROM org_unit u"
                  " WHERE u.valid_to IS NULL"
                  "   AND EXISTS (SELECT 1 FROM counter c WHERE c.unit_id = u.id AND c.active = 1)"
                  " ORDER BY u.sort_order, u.name",
                  DB_NOARGS, &units);
    if (rc == DB_OK) {
        rc = db_query(r->app->db, &r->pool,
                      "SELECT unit_id, code, name FROM counter WHERE active = 1"
                      " ORDER BY unit_id, sort_order, code",
                      DB_NOARGS, &counters);
    }
    if (rc != DB_OK) {
        return db_fail(r, rc);
    }
    hset_rows(r, "Page.Units", &units, ucols);
    for (size_t i = 0; i < units.nrows; i++) {
        size_t k = 0;

        for (size_t j = 0; j < counters.nrows; j++) {
            if (strcmp(dbres_get(&counters, j, 0), dbres_get(&units, i, 0)) != 0) {
                continue;
            }
            hsetf(r, pool_printf(&r->pool, "Page.Units.%zu.Counters.%zu.code", i, k), "%s",
                  dbres_get(&counters, j, 1));
            hsetf(r, pool_printf(&r->pool, "Page.Units.%zu.Counters.%zu.name", i, k), "%s",
                  dbres_get(&counters, j, 2));
            k++;
        }
    }
    return render(r, "home");
}

static const struct route routes[] = {
    { "GET", "/", home, 0 },
};

static const struct program prog = { "citizen", routes, NELEM(routes) };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
