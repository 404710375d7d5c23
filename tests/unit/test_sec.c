/* test_sec.c — the pure checks behind the security fixes of issue 14: local
 * redirect targets, CSV formula guard, e-mail addresses, download file
 * names, the import time parser (run under valgrind: no read past the
 * string), and the dossier state order a re-push may not go back on. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "ratelimit.h"
#include "store_dossier.h"
#include "store_import.h"
#include "tap.h"
#include "util.h"

static void
test_safe_path(void)
{
    static const char *const good[] = { "/can-bo/", "/can-bo/ho-so/000.00.01.H41-261122-0007",
                                        "/lanh-dao/?tu=2026-03-01&den=2026-03-31", "/" };
    /* each of these, as a Location or a link, leaves the site in some browser */
    static const char *const bad[] = { "//evil.example/x", "/\\evil.example", "/\t/evil.example/x",
                                        "/\r\n/evil.example", "/%09/x\\y", "/ /evil", "https://evil.example/",
                                        "evil.example", "", "/a\x7f", "/\xc3\xa1" };

    for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
        CHECK(util_safe_path(good[i]), "a local path is safe: %s", good[i]);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        CHECK(!util_safe_path(bad[i]), "refused as a redirect target: case %zu", i);
    }
    CHECK(!util_safe_path(NULL), "NULL is no path");
}

static void
csv(const char *in, const char *want)
{
    struct buf b = { 0 };

    buf_csv_field(&b, in);
    CHECK_STR(b.p, want, "CSV field of %zu bytes starting with byte %d", strlen(in), in[0]);
    buf_free(&b);
}

static void
test_csv_guard(void)
{
    csv("=1+1", "\"'=1+1\"");
    csv("+84912", "\"'+84912\"");
    csv("-2", "\"'-2\"");
    csv("@SUM(A1)", "\"'@SUM(A1)\"");
    /* the attack: a spreadsheet skips a leading TAB, CR or LF, then runs the formula */
    csv("\t=HYPERLINK(\"http://x\")", "\"'\t=HYPERLINK(\"\"http://x\"\")\"");
    csv("\r=1", "\"'\r=1\"");
    csv("\n=1", "\"'\n=1\"");
    csv("   =1", "\"'   =1\"");
    csv(" \t @x", "\"' \t @x\"");
    /* ordinary text stays as it is */
    csv("Nguyễn Văn An", "\"Nguyễn Văn An\"");
    csv("a=b", "\"a=b\"");
    csv("  chờ xử lý", "\"  chờ xử lý\"");
    csv("", "\"\"");
}

static void
test_email(void)
{
    static const char *const good[] = { "an@example.vn", "nguyen.van.an+hs@so-tu-phap.ninhbinh.gov.vn",
                                        "a_b@x.y.z" };
    /* commas, spaces and line breaks would be more recipients or headers for sendmail -t */
    static const char *const bad[] = { "an@example.vn, b@evil.example", "an@example.vn b@evil.example",
                                       "an@example.vn\nBcc: b@evil.example", "an@example.vn\r",
                                       "an;b@example.vn", "<an@example.vn>", "\"an\"@example.vn",
                                       "an@@example.vn", "an@example", "@example.vn", "an@.example.vn",
                                       "an@example.vn.", "an@exa_mple.vn", "an..b@example.vn",
                                       "an@", "", "bùi@example.vn" };

    for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
        CHECK(util_email_ok(good[i]), "an address: %s", good[i]);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        CHECK(!util_email_ok(bad[i]), "not one plain address: case %zu", i);
    }
    CHECK(!util_email_ok(NULL), "NULL is no address");
}

static void
test_filename(void)
{
    struct pool p = { 0 };

    CHECK_STR(util_filename(&p, "000.00.01.H41-261122-0007"), "000.00.01.H41-261122-0007",
              "a dossier code stays as it is");
    /* a quote would end the filename="…" and let the rest become parameters */
    CHECK_STR(util_filename(&p, "X\"; filename*=UTF-8''evil.exe\r\nSet-Cookie: a=b"),
              "X___filename__UTF-8__evil.exe__Set-Cookie__a_b", "quotes, ';', CR LF replaced");
    CHECK_STR(util_filename(&p, "Hồ sơ"), "H____s__", "non-ASCII bytes replaced");
    CHECK(strlen(util_filename(&p, "0123456789012345678901234567890123456789012345678901234567890123456789"
                                   "0123456789012345678901234567890123456789012345678901234567890123456789")) ==
              120,
          "at most 120 characters");
    pool_release(&p);
}

/* List excerpts: cut after a whole word, "…" only when something was left out. */
static void
test_excerpt(void)
{
    struct pool p = { 0 };

    CHECK_STR(util_excerpt(&p, "Cán bộ thu thêm phí", 40), "Cán bộ thu thêm phí", "short text unchanged");
    /* 10 characters: "Cán bộ thu" is 10 characters, the next is a space: the word is whole */
    CHECK_STR(util_excerpt(&p, "Cán bộ thu thêm phí", 10), "Cán bộ thu\xE2\x80\xA6", "ends on a whole word");
    /* 12 characters would end inside "thêm": it is left out */
    CHECK_STR(util_excerpt(&p, "Cán bộ thu thêm phí", 12), "Cán bộ thu\xE2\x80\xA6", "never mid-word");
    CHECK_STR(util_excerpt(&p, "Dòng một\r\n\r\n  dòng hai", 40), "Dòng một dòng hai", "line breaks become one space");
    CHECK_STR(util_excerpt(&p, "Khônggiancách", 5), "Không\xE2\x80\xA6", "one long word keeps its head");
    CHECK_STR(util_excerpt(&p, NULL, 5), "", "NULL gives an empty excerpt");
    pool_release(&p);
}

/* The parser gets exactly-sized heap copies, so valgrind sees any read past the end. */
static time_t
parse(const char *s)
{
    char *copy = malloc(strlen(s) + 1);
    time_t t;

    memcpy(copy, s, strlen(s) + 1);
    t = import_time(copy);
    free(copy);
    return t;
}

static void
test_import_time(void)
{
    /* 2026-11-20 08:30 in Vietnam (UTC+7) is 01:30 UTC, 1795138200 s after the epoch */
    CHECK(parse("2026-11-20T08:30:00+07:00") == 1795138200, "ISO 8601 with +07:00");
    CHECK(parse("2026-11-20T01:30:00Z") == 1795138200, "ISO 8601 in UTC");
    CHECK(parse("2026-11-20 08:30:00") == 1795138200, "no offset is Vietnam time");
    CHECK(parse("2026-11-20T08:30+07:00") == 1795138200, "without seconds");
    CHECK(parse("2026-11-19T20:30:00-05:00") == 1795138200, "a negative offset");
    /* short or malformed offsets: refused, and never read beyond the string */
    static const char *const bad[] = { "2026-11-20T08:30+1:2", "2026-11-20T08:30:00+1:2", "2026-11-20T08:30+07",
                                       "2026-11-20T08:30+07:0", "2026-11-20T08:30+0700", "2026-11-20T08:30+",
                                       "2026-11-20T08:30-1", "2026-11-20T08:30+07:00x", "2026-11-20T08:30+ 7:00" };

    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        CHECK(parse(bad[i]) == -1, "refused: %s", bad[i]);
    }
}

static void
test_state_order(void)
{
    /* from the state machine of Decree 61 Art. 19: received → processing ⇄
     * supplement → ready → returned; refused and stopped are ends */
    CHECK(dossier_state_reachable(DS_PROCESSING, DS_PROCESSING), "the same state again");
    CHECK(dossier_state_reachable(DS_RECEIVED, DS_RETURNED), "received on to returned");
    CHECK(dossier_state_reachable(DS_SUPPLEMENT, DS_PROCESSING), "supplied: back to processing");
    CHECK(dossier_state_reachable(DS_PROCESSING, DS_SUPPLEMENT), "processing to supplement");
    CHECK(!dossier_state_reachable(DS_RETURNED, DS_PROCESSING), "returned never goes back");
    CHECK(!dossier_state_reachable(DS_READY, DS_PROCESSING), "ready never goes back");
    CHECK(!dossier_state_reachable(DS_PROCESSING, DS_RECEIVED), "processing never goes back to received");
    CHECK(!dossier_state_reachable(DS_REFUSED, DS_RETURNED), "a refused dossier stays refused");
    CHECK(!dossier_state_reachable(-1, DS_RECEIVED), "an unknown state");
}

/* make audit lifts the rate limits of its own throw-away stack only: the key
 * in the configuration and a site on 127.0.0.1, never a public site */
static void
lifted(const char *base, const char *key, int want)
{
    HDF *h = conf_load(NULL);

    if (h == NULL) {
        CHECK(0, "conf_load(NULL)");
        return;
    }
    if (base) {
        hdf_set_value(h, "Site.BaseURL", base);
    }
    if (key) {
        hdf_set_value(h, "Audit.LiftRateLimits", key);
    }
    CHECK(ratelimits_lifted(h) == want, "limits %s with BaseURL %s and key %s",
          want ? "lifted" : "kept", base ? base : "(default)", key ? key : "(unset)");
    hdf_destroy(&h);
}

static void
test_limits_lifted(void)
{
    lifted(NULL, NULL, 0);
    lifted("http://127.0.0.1:23456", NULL, 0);
    lifted("http://127.0.0.1:23456", "0", 0);
    lifted("http://127.0.0.1:23456", "1", 1);
    lifted("https://motcua.example.gov.vn", "1", 0);
    lifted("http://127.0.0.1.evil.example", "1", 0);
    lifted("http://10.0.0.5:8080", "1", 0);
}

int
main(void)
{
    test_safe_path();
    test_csv_guard();
    test_email();
    test_filename();
    test_excerpt();
    test_import_time();
    test_state_order();
    test_limits_lifted();
    return tap_done();
}
