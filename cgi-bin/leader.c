/* leader — pages under /lanh-dao/: audit of lateness, apologies, satisfaction and answers (design.md §1).
 * Database account: motcua_leader. */
#include "motcua.h"

static int
home(struct req *r)
{
    int rc = staff_begin(r, "leader,admin");

    return rc ? rc : render(r, "staff/home");
}

static const struct route routes[] = {
    { "GET", "/lanh-dao/", home, 0 },
};

static const struct program prog = { "leader", routes, NELEM(routes) };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
