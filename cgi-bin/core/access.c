/* access.c — the staff menu and the start-up check of the route rules. */
#include "access.h"

#include <string.h>

#include "render.h"
#include "util.h"
#include "worker.h"

/* The staff menu, in order.  Each entry follows the rule of the page it opens. */
static const struct menu_entry {
    const char *href;
    const char *label; /* L.<label> */
    unsigned roles;
} menu[] = {
    { "/can-bo/", "Staff.Inbox", ACCESS_CASEWORK },
    { "/can-bo/ho-so/moi", "Staff.Intake", ACCESS_CASEWORK },
    { "/can-bo/ho-so/", "Staff.Dossiers", ACCESS_CASEWORK },
    { "/can-bo/so-theo-doi", "Book.Title", ACCESS_CASEWORK },
    { "/can-bo/mau-tra-loi", "Staff.Canned", ACCESS_CASEWORK },
    { "/can-bo/yeu-cau-du-lieu", "DataReq.Staff.Menu", ACCESS_CASEWORK },
    { "/lanh-dao/", "Staff.Audit", ACCESS_AUDIT },
    { "/quan-tri/", "Staff.Admin", ACCESS_ADMIN },
    { "/can-bo/doi-mat-khau", "Staff.ChangePassword", ACCESS_ANY_STAFF },
};

unsigned
access_role_bit(const char *role)
{
    if (role == NULL) {
        return 0;
    }
    return strcmp(role, "officer") == 0  ? ROLE_OFFICER
           : strcmp(role, "leader") == 0 ? ROLE_LEADER
           : strcmp(role, "admin") == 0  ? ROLE_ADMIN
                                         : 0;
}

void
access_menu_hdf(struct req *r)
{
    unsigned bit = r->user ? access_role_bit(r->user->role) : 0;
    size_t n = 0;

    for (size_t i = 0; bit && i < NELEM(menu); i++) {
        if (menu[i].roles & bit) {
            hset(r, pool_printf(&r->pool, "Req.Menu.%zu.href", n), menu[i].href);
            hset(r, pool_printf(&r->pool, "Req.Menu.%zu.label", n++), lang_str(r, menu[i].label));
        }
    }
}

int
access_check(const struct program *prog)
{
    int bad = 0;

    if (!(prog->flags & P_STAFF_SESSION)) {
        return 0;
    }
    for (size_t i = 0; i < prog->nroutes; i++) {
        const struct route *rt = &prog->routes[i];

        if (!(rt->flags & R_PUBLIC) && rt->roles == 0) {
            log_err("route %s %s names no access rule", rt->method, rt->pattern);
            bad = 1;
        }
    }
    for (size_t m = 0; m < NELEM(menu); m++) {
        for (size_t i = 0; i < prog->nroutes; i++) {
            const struct route *rt = &prog->routes[i];

            if (strcmp(rt->method, "GET") == 0 && strcmp(rt->pattern, menu[m].href) == 0 &&
                (menu[m].roles & ~rt->roles) != 0) {
                log_err("menu entry %s is shown to roles its route refuses", menu[m].href);
                bad = 1;
            }
        }
    }
    return bad ? -1 : 0;
}
