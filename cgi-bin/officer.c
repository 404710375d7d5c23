/* officer — the officers' workspace under /can-bo/ (design.md §1): sign-in,
 * inbox, case handling.  Database account: motcua_officer. */
#include "motcua.h"

static int
home(struct req *r)
{
    int rc = staff_begin(r, "officer,leader,admin");

    return rc ? rc : render(r, "staff/home");
}

static const struct route routes[] = {
    { "GET", "/can-bo/", home, 0 },
    { "GET", "/can-bo/dang-nhap", staff_login_form, 0 },
    { "POST", "/can-bo/dang-nhap", staff_login, R_FORM },
    { "POST", "/can-bo/dang-xuat", staff_logout, R_FORM },
};

static const struct program prog = { "officer", routes, NELEM(routes) };

int
main(int argc, char **argv)
{
    return program_main(&prog, argc, argv);
}
