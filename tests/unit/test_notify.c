/* test_notify.c — unit tests of notify.c's pure helpers: SMS segments, the
 * text without diacritics, phone numbers as providers take them, masking,
 * templates, the stop token. */
#include <sodium.h>
#include <string.h>

#include "notify.h"
#include "tap.h"
#include "util.h"

static struct pool P;

static const char *
repeat(const char *s, int n)
{
    struct buf b = { 0 };
    char *out;

    for (int i = 0; i < n; i++) {
        buf_adds(&b, s);
    }
    out = pool_strdup(&P, b.p ? b.p : "");
    buf_free(&b);
    return out;
}

int
main(void)
{
    static const char *const names[] = { "code", "date" };
    static const char *const values[] = { "PA-1", "01/02/2026" };
    unsigned char secret[32] = { 7 };
    char tok[NOTIFY_STOP_LEN + 1], idem[33];
    const char *key = "0123456789abcdef0123456789abcdef";

    if (sodium_init() < 0) {
        return 1;
    }
    /* GSM-7: 160 alone, 153 a part; an extension character counts two */
    CHECK(notify_sms_segments(repeat("a", 160), 0) == 1, "160 GSM characters: one segment");
    CHECK(notify_sms_segments(repeat("a", 161), 0) == 2, "161: two");
    CHECK(notify_sms_segments(repeat("a", 306), 0) == 2, "306: two of 153");
    CHECK(notify_sms_segments(repeat("a", 307), 0) == 3, "307: three");
    CHECK(notify_sms_segments(repeat("{", 80), 0) == 1, "80 braces are 160 septets: one");
    CHECK(notify_sms_segments(repeat("{", 81), 0) == 2, "81 braces: two");
    /* UCS-2: 70 alone, 67 a part, whether asked or forced by a character */
    CHECK(notify_sms_segments(repeat("a", 70), 1) == 1, "70 UCS-2: one");
    CHECK(notify_sms_segments(repeat("a", 71), 1) == 2, "71 UCS-2: two");
    CHECK(notify_sms_segments(repeat("ệ", 70), 0) == 1, "70 Vietnamese letters: one UCS-2 segment");
    CHECK(notify_sms_segments(repeat("ệ", 135), 0) == 3, "135 Vietnamese letters: three of 67");
    CHECK(notify_sms_segments("Hồ sơ đã có kết quả", 0) == 1, "a diacritic makes it UCS-2");
    /* without diacritics: the tone and the hat go, đ is d */
    CHECK_STR(notify_fold(&P, "Đã tiếp nhận hồ sơ, hẹn trả kết quả ngày"),
              "Da tiep nhan ho so, hen tra ket qua ngay", "Vietnamese folded");
    CHECK(notify_sms_segments(notify_fold(&P, repeat("Hồ sơ ", 26)), 0) == 1,
          "156 folded characters are one GSM segment");
    /* phones */
    CHECK_STR(notify_phone(&P, "0912 345 678"), "84912345678", "spaces");
    CHECK_STR(notify_phone(&P, "+84 912.345.678"), "84912345678", "+84 and dots");
    CHECK_STR(notify_phone(&P, "0912-34-5678"), "84912345678", "dashes");
    CHECK_STR(notify_phone(&P, "091234567"), NULL, "too short");
    CHECK_STR(notify_phone(&P, "0912345678x"), NULL, "a letter");
    CHECK_STR(notify_phone(&P, ""), NULL, "none");
    /* masks */
    CHECK_STR(notify_mask(&P, "tin.do@example.vn"), "t***@example.vn", "an address");
    CHECK_STR(notify_mask(&P, "84912345678"), "849****678", "a phone");
    /* templates */
    CHECK_STR(notify_render(&P, "Mã {code}, hạn {date}; {other} {", names, values, 2),
              "Mã PA-1, hạn 01/02/2026; {other} {", "known names filled, others kept");
    /* the stop token: the key and its MAC; any change is refused */
    notify_stop_token(secret, key, tok);
    CHECK(strlen(tok) == NOTIFY_STOP_LEN && strncmp(tok, key, 32) == 0, "key then MAC");
    CHECK(notify_stop_check(secret, tok, idem) == 0 && strcmp(idem, key) == 0, "checks");
    tok[40] = tok[40] == '0' ? '1' : '0';
    CHECK(notify_stop_check(secret, tok, idem) != 0, "a changed MAC is refused");
    notify_stop_token(secret, key, tok);
    tok[3] = tok[3] == '0' ? '1' : '0';
    CHECK(notify_stop_check(secret, tok, idem) != 0, "a changed key is refused");
    CHECK(notify_stop_check(secret, "abc", idem) != 0, "a short token is refused");
    secret[0] = 8;
    notify_stop_token((unsigned char[32]){ 7 }, key, tok);
    CHECK(notify_stop_check(secret, tok, idem) != 0, "another site's secret: refused");
    pool_release(&P);
    return tap_done();
}
