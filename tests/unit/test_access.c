/* test_access.c — unit tests of access.c: the roles each rule lets in, and the
 * start-up check that refuses a staff program whose table leaves a route
 * without a rule. */
#include <string.h>

#include "access.h"
#include "tap.h"
#include "util.h"
#include "worker.h"

static int
handler(struct req *r)
{
    (void)r;
    return 200;
}

int
main(void)
{
    static const struct route good[] = {
        { "GET", "/can-bo/dang-nhap", handler, R_PUBLIC, 0 },
        { "GET", "/can-bo/", handler, 0, ACCESS_ANY_STAFF },
        { "GET", "/can-bo/ho-so/", handler, 0, ACCESS_CASEWORK },
        { "GET", "/lanh-dao/", handler, 0, ACCESS_AUDIT },
    };
    static const struct route forgotten[] = {
        { "GET", "/can-bo/", handler, 0, ACCESS_ANY_STAFF },
        { "POST", "/can-bo/ho-so/*/tu-choi", handler, R_FORM, 0 },
    };
    static const struct route promised[] = {
        /* the menu shows the dossier list to officers and leaders: a route
         * that lets only leaders in would show them a link that answers 403 */
        { "GET", "/can-bo/ho-so/", handler, 0, ACCESS_AUDIT },
    };
    static const struct route public_only[] = {
        { "GET", "/", handler, 0, 0 },
    };
    const struct program staff = { .name = "officer",
                                   .routes = good,
                                   .nroutes = NELEM(good),
                                   .flags = P_STAFF_SESSION };
    const struct program missing = { .name = "officer",
                                     .routes = forgotten,
                                     .nroutes = NELEM(forgotten),
                                     .flags = P_STAFF_SESSION };
    const struct program narrow = { .name = "officer",
                                    .routes = promised,
                                    .nroutes = NELEM(promised),
                                    .flags = P_STAFF_SESSION };
    const struct program citizen = { .name = "citizen",
                                     .routes = public_only,
                                     .nroutes = NELEM(public_only),
                                     .flags = 0 };

    /* who each rule lets in, as the law of the one-stop office has it */
    CHECK(access_role_bit("officer") == ROLE_OFFICER, "officer");
    CHECK(access_role_bit("leader") == ROLE_LEADER, "leader");
    CHECK(access_role_bit("admin") == ROLE_ADMIN, "admin");
    CHECK(access_role_bit("Admin") == 0 && access_role_bit("") == 0 && access_role_bit(NULL) == 0,
          "an unknown role is no role");
    CHECK((ACCESS_CASEWORK & ROLE_OFFICER) && (ACCESS_CASEWORK & ROLE_LEADER) &&
              !(ACCESS_CASEWORK & ROLE_ADMIN),
          "cases and dossiers: officers and leaders, not the administrator");
    CHECK(ACCESS_AUDIT == ROLE_LEADER, "figures and the audit trail: leaders only");
    CHECK(ACCESS_ADMIN == ROLE_ADMIN, "administration: the administrator only");
    CHECK(ACCESS_ANY_STAFF == (ROLE_OFFICER | ROLE_LEADER | ROLE_ADMIN),
          "one's own password: every signed-in role");

    /* the start-up check (it logs why on stderr) */
    CHECK(access_check(&staff) == 0, "a staff table where every route names a rule passes");
    CHECK(access_check(&missing) == -1, "a staff route without a rule stops the program");
    CHECK(access_check(&narrow) == -1, "a menu entry its route would refuse stops the program");
    CHECK(access_check(&citizen) == 0, "the public program has no staff rules to name");
    return tap_done();
}
