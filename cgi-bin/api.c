/* api — machine interfaces under /api/ and /open311/v2/ (design.md §1):
 * dossier events from the province's one-stop software, Open311 clients.
 * Database account: motcua_api. */
#include "motcua.h"

static int
ping(struct req *r)
{
    struct dbres res;
    enum db_rc rc = db_query(r->app->db, &r->pool, "SELECT 1", DB_NOARGS, &res);
    static const char ok[] = "{\"status\":\"ok\"}\n";
    static const char down[] = "{\"status\":\"database unavailable\"}\n";

    if (rc != DB_OK) {
        resp_raw(r, "application/json; charset=utf-8", down, sizeof(down) - 1);
        return 503;
    }
    resp_raw(r, "application/json; charset=utf-8", ok, sizeof(ok) - 1);
    return 200;
}

static const struct route routes[] = {
    { "GET", "/api/v1/health", ping, 0 },
};

static const struct program prog = { "api", routes, NELEM(routes) };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
