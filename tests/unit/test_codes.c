/* test_codes.c — unit tests of codes.c: codes as a citizen types, pastes or
 * scans them, and the stored form each must give. */
#include <sodium.h>
#include <string.h>

#include "codes.h"
#include "tap.h"
#include "token.h"
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

/* The random parts of a case's code and link: only characters a citizen can
 * type back as they are (the code's normalization keeps them), every one of
 * the 32 in use, the length asked for, across the 64-byte blocks read. */
static void
test_token_random(void)
{
    static const char typable[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    size_t seen[32] = { 0 }, bad = 0, missing = 0;
    char t[150];

    for (int round = 0; round < 400; round++) {
        memset(t, '#', sizeof(t));
        token_random(t, 130);
        if (strlen(t) != 130 || t[131] != '#') {
            bad++;
        }
        for (size_t i = 0; i < 130; i++) {
            const char *at = t[i] ? strchr(typable, t[i]) : NULL;

            if (at == NULL) {
                bad++;
            } else {
                seen[at - typable]++;
            }
        }
    }
    for (size_t i = 0; i < 32; i++) {
        /* 52 000 characters: about 1 625 of each; fewer than 1 300 is over
         * eight standard deviations off */
        missing += seen[i] < 1300;
    }
    CHECK(bad == 0, "130 characters each time, NUL-terminated, nothing written past it");
    CHECK(missing == 0, "each of the 32 characters about as often as the others");
    token_random(t, 4);
    CHECK_STR(code_feedback(&P, pool_printf(&P, "PA-20261202-0001-%s", t)),
              pool_printf(&P, "PA-20261202-0001-%s", t), "a check part is typed back as it is");
    token_random(t, 0);
    CHECK(t[0] == '\0', "none asked for: the empty string");
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
    if (sodium_init() < 0) {
        return 1;
    }
    test_token_random();
    return tap_done();
}
