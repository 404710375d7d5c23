/* test_codes.c — unit tests of codes.c: codes as a citizen types, pastes or
 * scans them, and the stored form each must give. */
#include <string.h>

#include "codes.h"
#include "tap.h"
#include "util.h"

static struct pool P;

struct typed {
    const char *in, *want, *what;
};

static void
check_all(char *(*norm)(struct pool *, const char *), const struct typed *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        CHECK_STR(norm(&P, t[i].in), t[i].want, "%s", t[i].what);
    }
}

int
main(void)
{
    /* QR tokens: Crockford base32 is read without regard to case, I/L as 1, O as 0 */
    static const struct typed qr[] = {
        { "7k2mq0v9xbc4d1ta5pn6r", "7K2MQ0V9XBC4D1TA5PN6R", "lower case" },
        { " 7K2M-Q0V9-XBC4-D1TA-5PN6R ", "7K2MQ0V9XBC4D1TA5PN6R", "spaces, dashes" },
        { "7K2MQOV9XBC4DITA5PN6R", "7K2MQ0V9XBC4D1TA5PN6R", "O read as 0, I as 1" },
        { "7k2mqov9xbc4dlta5pn6r", "7K2MQ0V9XBC4D1TA5PN6R", "o and l too" },
    };
    /* feedback tracking codes */
    static const struct typed fb[] = {
        { " PA-20261202-0001-4ABC", "PA-20261202-0001-4ABC", "a leading space (pasted from a chat)" },
        { "pa-20261202-0001-4abc", "PA-20261202-0001-4ABC", "lower case" },
        { "PA 20261202 0001 4ABC", "PA-20261202-0001-4ABC", "spaces for dashes" },
        { "PA2026120200014ABC", "PA-20261202-0001-4ABC", "no dashes" },
        { "PA-20261202-0001-4AB0", "PA-20261202-0001-4AB0", "a zero stays" },
        { "PA-20261202-0001-4ABO", "PA-20261202-0001-4AB0", "O in the check part read as 0" },
        { "  PA-2026-1  ", "PA-2026-1", "not the shape: only trimmed" },
        { "PA-20261202-0001-4ABC thêm", "PA-20261202-0001-4ABC thêm", "words after it: not the shape" },
    };
    /* dossier codes */
    static const struct typed ds[] = {
        { " 000.00.01.H41-261202-0001 ", "000.00.01.H41-261202-0001", "trimmed" },
        { "000.00.01.h41-261202-0001", "000.00.01.H41-261202-0001", "lower case" },
        { "000.00.01.H41 261202 0001", "000.00.01.H41-261202-0001", "spaces for dashes" },
        { "000.00.01.H412612020001", "000.00.01.H41-261202-0001", "no dashes" },
        { "000.00.01.H41 - 261202 - 0001", "000.00.01.H41-261202-0001", "spaces around dashes" },
        { "h41-2024-000001", "H41-2024-000001", "an imported code keeps its own dashes" },
        { " ABC 12 ", "ABC 12", "not the shape: only trimmed" },
    };

    check_all(code_qr_token, qr, NELEM(qr));
    check_all(code_feedback, fb, NELEM(fb));
    check_all(code_dossier, ds, NELEM(ds));
    CHECK(code_qr_token(&P, NULL) == NULL && code_feedback(&P, NULL) == NULL &&
              code_dossier(&P, NULL) == NULL,
          "NULL stays NULL");
    pool_release(&P);
    return tap_done();
}
