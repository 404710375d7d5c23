/* admin — pages under /quan-tri/: units, counters, users, procedures, calendar (design.md §1).
 * Database account: motcua_admin. */
#include "motcua.h"

static int
home(struct req *r)
{
    int rc = staff_begin(r, "admin");

    return rc ? rc : render(r, "staff/home");
}

static const struct route routes[] = {
    { "GET", "/quan-tri/", home, 0 },
};

static const struct program prog = { "admin", routes, NELEM(routes) };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
