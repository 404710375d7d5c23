/* test_form.c — unit tests of form.c (form_parse, cookie_parse, kv_get, UTF-8
 * helpers), of input.c (declared fields), of parse_int/hex_encode from util.c
 * and of conf.c. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "conf.h"
#include "form.h"
#include "input.h"
#include "tap.h"
#include "util.h"

/* UTF-8 spellings used below (NFC unless the name says otherwise). */
#define E_ACUTE      "\xC3\xA9"             /* U+00E9 é */
#define E_ACUTE_NFD  "e\xCC\x81"            /* e + U+0301 */
#define E_CIRC_DOT   "\xE1\xBB\x87"         /* U+1EC7 ệ */
#define E_CIRC_DOT_NFD "e\xCC\xA3\xCC\x82"  /* e + U+0323 dot below + U+0302 circumflex */
#define E_CIRC_DOT_ODD "e\xCC\x82\xCC\xA3"  /* same marks, non-canonical order */
#define DANG_KY      "\xC4\x90\xC4\x83" "ng k\xC3\xBD"  /* "Đăng ký" */
#define DANG_KY_NFD  "\xC4\x90" "a\xCC\x86" "ng ky\xCC\x81"

static struct pool P;

/* form_parse over a NUL-terminated literal */
static enum form_err
fp(const char *s, const struct form_limits *lim, struct kvlist *l)
{
    return form_parse(&P, s, strlen(s), lim, l);
}

/* form_parse expecting a given error, and nothing else */
static void
expect_err(const char *s, const struct form_limits *lim, enum form_err want, const char *what)
{
    struct kvlist l;
    enum form_err e = fp(s, lim, &l);

    CHECK(e == want, "%s: got %s, want %s", what, form_err_str(e), form_err_str(want));
}

static void
test_basic(void)
{
    struct kvlist l;
    enum form_err e;

    e = fp("a=1&b=hello&c-d_e.f=x", NULL, &l);
    CHECK(e == FORM_OK, "simple pairs parse");
    CHECK(l.n == 3, "three pairs (got %zu)", l.n);
    CHECK_STR(kv_get(&l, "a"), "1", "a=1");
    CHECK_STR(kv_get(&l, "b"), "hello", "b=hello");
    CHECK_STR(kv_get(&l, "c-d_e.f"), "x", "key with - _ . accepted");
    CHECK(l.n == 3 && strcmp(l.v[0].key, "a") == 0 && strcmp(l.v[2].key, "c-d_e.f") == 0,
          "pairs kept in input order");
    CHECK(l.n == 3 && l.v[1].vlen == 5, "vlen is the decoded length");
    CHECK(kv_get(&l, "z") == NULL, "kv_get of a missing key is NULL");
    CHECK(kv_get(&l, "A") == NULL, "kv_get is case-sensitive");

    e = fp("q=hello+world+%2B+1", NULL, &l);
    CHECK(e == FORM_OK, "'+' value parses");
    CHECK_STR(kv_get(&l, "q"), "hello world + 1", "'+' is a space, %%2B is a plus");

    e = fp("k=%41%62%2f%2F%3d%3D%26", NULL, &l);
    CHECK(e == FORM_OK, "upper/lower hex escapes parse");
    CHECK_STR(kv_get(&l, "k"), "Ab//==&", "upper and lower hex decoded");

    e = fp("a=b=c", NULL, &l);
    CHECK(e == FORM_OK && l.n == 1, "a=b=c is one pair");
    CHECK_STR(kv_get(&l, "a"), "b=c", "value keeps the later '='");

    e = fp("%61%62=1", NULL, &l);
    CHECK(e == FORM_OK, "escaped key parses");
    CHECK_STR(kv_get(&l, "ab"), "1", "key is percent-decoded");

    e = fp("k=1&x=" DANG_KY, NULL, &l);
    CHECK(e == FORM_OK, "raw UTF-8 value parses");
    CHECK_STR(kv_get(&l, "x"), DANG_KY, "raw UTF-8 value kept");

    /* only len bytes are read: the buffer is not NUL-terminated */
    {
        char buf[3] = { 'a', '=', '1' };

        e = form_parse(&P, buf, sizeof(buf), NULL, &l);
        CHECK(e == FORM_OK && l.n == 1, "unterminated buffer of exact length");
        CHECK_STR(kv_get(&l, "a"), "1", "value from an unterminated buffer");
        e = form_parse(&P, "a=1&b=2", 3, NULL, &l);
        CHECK(e == FORM_OK && l.n == 1 && kv_get(&l, "b") == NULL, "len bounds the input");
    }
}

static void
test_vietnamese(void)
{
    struct kvlist l;
    enum form_err e;

    e = fp("title=%C4%90%C4%83ng+k%C3%BD", NULL, &l);
    CHECK(e == FORM_OK, "percent-encoded Vietnamese parses (upper hex)");
    CHECK_STR(kv_get(&l, "title"), DANG_KY, "Đăng ký decoded");
    CHECK(l.n == 1 && l.v[0].vlen == strlen(DANG_KY), "vlen counts bytes (%zu)",
          l.n ? l.v[0].vlen : 0);
    CHECK(l.n == 1 && utf8_len(l.v[0].val) == 7, "Đăng ký has 7 code points");

    e = fp("title=%c4%90%c4%83ng%20k%c3%bd", NULL, &l);
    CHECK(e == FORM_OK, "percent-encoded Vietnamese parses (lower hex)");
    CHECK_STR(kv_get(&l, "title"), DANG_KY, "Đăng ký decoded from lower hex");

    /* NFD → NFC */
    e = fp("q=e%CC%81", NULL, &l);
    CHECK(e == FORM_OK, "NFD e+U+0301 parses");
    CHECK_STR(kv_get(&l, "q"), E_ACUTE, "e + combining acute becomes U+00E9");
    CHECK(l.n == 1 && l.v[0].vlen == 2, "vlen is the NFC length (%zu)", l.n ? l.v[0].vlen : 0);

    e = fp("q=" E_CIRC_DOT_NFD, NULL, &l);
    CHECK(e == FORM_OK, "decomposed ệ parses");
    CHECK_STR(kv_get(&l, "q"), E_CIRC_DOT, "decomposed ệ becomes U+1EC7");
    CHECK(l.n == 1 && l.v[0].vlen == 3, "ệ is 3 bytes after NFC");

    e = fp("q=e%CC%82%CC%A3", NULL, &l);
    CHECK(e == FORM_OK, "ệ with marks in non-canonical order parses");
    CHECK_STR(kv_get(&l, "q"), E_CIRC_DOT, "non-canonical order also becomes U+1EC7");

    e = fp("q=%C4%90a%CC%86ng+ky%CC%81", NULL, &l);
    CHECK(e == FORM_OK, "NFD Đăng ký parses");
    CHECK_STR(kv_get(&l, "q"), DANG_KY, "NFD Đăng ký normalised to NFC");
}

static void
test_empty(void)
{
    struct kvlist l;
    enum form_err e;

    e = form_parse(&P, "", 0, NULL, &l);
    CHECK(e == FORM_OK && l.n == 0, "empty input: no pairs");
    e = form_parse(&P, NULL, 0, NULL, &l);
    CHECK(e == FORM_OK && l.n == 0, "NULL input: no pairs");
    CHECK(kv_get(&l, "a") == NULL, "kv_get on an empty list");

    e = fp("a=&b", NULL, &l);
    CHECK(e == FORM_OK && l.n == 2, "empty value and key without '='");
    CHECK_STR(kv_get(&l, "a"), "", "a= gives an empty value");
    CHECK_STR(kv_get(&l, "b"), "", "bare key gives an empty value");
    CHECK(l.n == 2 && l.v[0].vlen == 0 && l.v[1].vlen == 0, "empty values have vlen 0");

    e = fp("a=1&&b=2", NULL, &l);
    CHECK(e == FORM_OK && l.n == 2, "empty pair skipped (n=%zu)", l.n);
    CHECK_STR(kv_get(&l, "b"), "2", "pair after an empty pair");

    e = fp("&&&a=1&&&", NULL, &l);
    CHECK(e == FORM_OK && l.n == 1, "leading/trailing '&' ignored");
    e = fp("&&&", NULL, &l);
    CHECK(e == FORM_OK && l.n == 0, "only '&': no pairs");

    expect_err("=1", NULL, FORM_BAD_KEY, "empty key");
    expect_err("=", NULL, FORM_BAD_KEY, "lone '='");
}

static void
test_escapes_controls(void)
{
    struct kvlist l;
    enum form_err e;

    expect_err("a=%", NULL, FORM_BAD_ESCAPE, "'%' at the end");
    expect_err("a=%4", NULL, FORM_BAD_ESCAPE, "'%4' at the end");
    expect_err("a=%4&b=1", NULL, FORM_BAD_ESCAPE, "'%4' before '&'");
    expect_err("a=%G1", NULL, FORM_BAD_ESCAPE, "'%G1'");
    expect_err("a=%4G", NULL, FORM_BAD_ESCAPE, "'%4G'");
    expect_err("a=%%41", NULL, FORM_BAD_ESCAPE, "'%%41'");
    expect_err("a=% 1", NULL, FORM_BAD_ESCAPE, "'% 1'");
    /* the escape must lie inside len: hex digits after it must not be read */
    e = form_parse(&P, "a=%41", 4, NULL, &l);
    CHECK(e == FORM_BAD_ESCAPE, "'%%4' cut by len, '1' after it (%s)", form_err_str(e));
    e = form_parse(&P, "a=%41", 3, NULL, &l);
    CHECK(e == FORM_BAD_ESCAPE, "'%%' cut by len (%s)", form_err_str(e));
    expect_err("%=1", NULL, FORM_BAD_ESCAPE, "'%' in a key");
    expect_err("a%4=1", NULL, FORM_BAD_ESCAPE, "truncated escape in a key");

    e = form_parse(&P, "a=1\0b=2", 7, NULL, &l);
    CHECK(e == FORM_CONTROL, "literal NUL rejected (%s)", form_err_str(e));
    e = form_parse(&P, "a\0=1", 4, NULL, &l);
    CHECK(e == FORM_CONTROL, "literal NUL in a key rejected");
    expect_err("a=x%00y", NULL, FORM_CONTROL, "%00 in a value");
    expect_err("a%00=1", NULL, FORM_CONTROL, "%00 in a key");
    expect_err("a=%01", NULL, FORM_CONTROL, "%01");
    expect_err("a=%1f", NULL, FORM_CONTROL, "%1f");
    expect_err("a=%7F", NULL, FORM_CONTROL, "%7F");
    expect_err("a=%7f", NULL, FORM_CONTROL, "%7f");
    expect_err("a=x\x01y", NULL, FORM_CONTROL, "literal 0x01");
    expect_err("a=x\x7fy", NULL, FORM_CONTROL, "literal DEL");
    expect_err("a=x\x1b[2J", NULL, FORM_CONTROL, "literal ESC");

    e = fp("a=1%092%0A3%0d4%0D%0a", NULL, &l);
    CHECK(e == FORM_OK, "\\t \\n \\r allowed (%s)", form_err_str(e));
    CHECK_STR(kv_get(&l, "a"), "1\t2\n3\r4\r\n", "\\t \\n \\r decoded");
    e = fp("a=x\ty", NULL, &l);
    CHECK(e == FORM_OK, "literal tab allowed");
    CHECK_STR(kv_get(&l, "a"), "x\ty", "literal tab kept");
    e = fp("a=%20%7E", NULL, &l);
    CHECK(e == FORM_OK, "0x20 and 0x7E are not control characters");
    CHECK_STR(kv_get(&l, "a"), " ~", "%%20%%7E decoded");
}

static void
test_limits(void)
{
    static const struct form_limits tiny = { .max_pairs = 3, .max_key = 4, .max_value = 5 };
    struct kvlist l;
    struct buf b = { 0 };
    enum form_err e;

    e = fp("abcd=12345", &tiny, &l);
    CHECK(e == FORM_OK, "key and value exactly at the limit (%s)", form_err_str(e));
    CHECK_STR(kv_get(&l, "abcd"), "12345", "value at the limit kept");
    expect_err("abcde=1", &tiny, FORM_KEY_TOO_LONG, "key one over the limit");
    expect_err("abcde", &tiny, FORM_KEY_TOO_LONG, "bare key one over the limit");
    expect_err("a=123456", &tiny, FORM_VALUE_TOO_LONG, "value one over the limit");
    expect_err("a=1&b=123456789012345678901234567890", &tiny, FORM_VALUE_TOO_LONG,
               "long value in a later pair");

    /* limits apply to decoded bytes */
    e = fp("%61%62%63%64=%41%42%43%44%45", &tiny, &l);
    CHECK(e == FORM_OK, "escaped key and value at the decoded limit (%s)", form_err_str(e));
    CHECK_STR(kv_get(&l, "abcd"), "ABCDE", "escaped value at the limit");
    expect_err("a=%41%42%43%44%45%46", &tiny, FORM_VALUE_TOO_LONG, "6 decoded bytes");
    expect_err("a=%C3%A9%C3%A9%C3%A9", &tiny, FORM_VALUE_TOO_LONG, "limit is in bytes, not chars");

    /* NFC may lengthen text: U+0344 (2 bytes) -> U+0308 U+0301 (4 bytes),
     * U+1D160 (4 bytes) -> U+1D158 U+1D165 U+1D16E (12 bytes) */
    e = fp("a=%CD%84", &tiny, &l);
    CHECK(e == FORM_OK && l.n == 1 && l.v[0].vlen == 4, "U+0344 expands to 4 bytes under NFC");
    expect_err("a=%CD%84%CD%84", &tiny, FORM_VALUE_TOO_LONG, "4 bytes that NFC makes 8");
    expect_err("a=%F0%9D%85%A0", &tiny, FORM_VALUE_TOO_LONG, "4 bytes that NFC makes 12");

    e = fp("a=1&b=2&c=3", &tiny, &l);
    CHECK(e == FORM_OK && l.n == 3, "pairs at the limit");
    expect_err("a=1&b=2&c=3&d=4", &tiny, FORM_TOO_MANY, "one pair over the limit");
    expect_err("a&b&c&d", &tiny, FORM_TOO_MANY, "bare keys count as pairs");
    e = fp("a=1&&b=2&&&c=3&", &tiny, &l);
    CHECK(e == FORM_OK && l.n == 3, "empty pairs do not count towards the limit");

    /* default limits: 64 pairs, 64-byte keys, 16384-byte values */
    for (int i = 0; i < 64; i++) {
        buf_printf(&b, "%sk%d=%d", i ? "&" : "", i, i);
    }
    e = form_parse(&P, b.p, b.len, NULL, &l);
    CHECK(e == FORM_OK && l.n == 64, "64 pairs with default limits (%s)", form_err_str(e));
    CHECK_STR(kv_get(&l, "k63"), "63", "64th pair present");
    buf_adds(&b, "&k64=64");
    e = form_parse(&P, b.p, b.len, NULL, &l);
    CHECK(e == FORM_TOO_MANY, "65 pairs with default limits (%s)", form_err_str(e));

    buf_reset(&b);
    for (int i = 0; i < 64; i++) {
        buf_addc(&b, 'k');
    }
    buf_adds(&b, "=1");
    e = form_parse(&P, b.p, b.len, NULL, &l);
    CHECK(e == FORM_OK, "64-byte key with default limits");
    buf_reset(&b);
    for (int i = 0; i < 65; i++) {
        buf_addc(&b, 'k');
    }
    buf_adds(&b, "=1");
    e = form_parse(&P, b.p, b.len, NULL, &l);
    CHECK(e == FORM_KEY_TOO_LONG, "65-byte key with default limits (%s)", form_err_str(e));

    buf_reset(&b);
    buf_adds(&b, "v=");
    for (int i = 0; i < 16384; i++) {
        buf_addc(&b, 'x');
    }
    e = form_parse(&P, b.p, b.len, NULL, &l);
    CHECK(e == FORM_OK && l.n == 1 && l.v[0].vlen == 16384, "16384-byte value accepted");
    buf_addc(&b, 'x');
    e = form_parse(&P, b.p, b.len, NULL, &l);
    CHECK(e == FORM_VALUE_TOO_LONG, "16385-byte value rejected (%s)", form_err_str(e));
    buf_free(&b);
}

static void
test_keys(void)
{
    struct kvlist l;
    enum form_err e;

    expect_err("a=1&a=2", NULL, FORM_DUPLICATE, "duplicate key");
    expect_err("a=1&b=2&a", NULL, FORM_DUPLICATE, "duplicate bare key");
    expect_err("a=1&%61=2", NULL, FORM_DUPLICATE, "duplicate after decoding");

    e = fp("x[]=1&y=0&x[]=2&x%5B%5D=3", NULL, &l);
    CHECK(e == FORM_OK, "x[] may repeat (%s)", form_err_str(e));
    CHECK(l.n == 4, "four pairs with repeated x[]");
    CHECK_STR(kv_get(&l, "x[]"), "1", "kv_get returns the first x[]");
    CHECK(l.n == 4 && strcmp(l.v[2].val, "2") == 0 && strcmp(l.v[3].val, "3") == 0 &&
          strcmp(l.v[3].key, "x[]") == 0, "later x[] values kept in order");
    e = fp("x=1&x[]=2", NULL, &l);
    CHECK(e == FORM_OK && l.n == 2, "x and x[] are different keys");

    e = fp("Az09_-.=1", NULL, &l);
    CHECK(e == FORM_OK, "all allowed key characters");
    expect_err("a+b=1", NULL, FORM_BAD_KEY, "space in a key ('+')");
    expect_err("a%20b=1", NULL, FORM_BAD_KEY, "space in a key (%20)");
    expect_err("a/b=1", NULL, FORM_BAD_KEY, "'/' in a key");
    expect_err("a;b=1", NULL, FORM_BAD_KEY, "';' in a key");
    expect_err("%3Cscript%3E=1", NULL, FORM_BAD_KEY, "'<' in a key");
    expect_err("%C3%A9=1", NULL, FORM_BAD_KEY, "non-ASCII key");
    expect_err("[]=1", NULL, FORM_BAD_KEY, "key that is only []");
    expect_err("a[=1", NULL, FORM_BAD_KEY, "unbalanced '['");
    expect_err("a]=1", NULL, FORM_BAD_KEY, "lone ']'");
    expect_err("a[]x=1", NULL, FORM_BAD_KEY, "[] not at the end");
    expect_err("a[][]=1", NULL, FORM_BAD_KEY, "[][]");
    expect_err("a[0]=1", NULL, FORM_BAD_KEY, "indexed key");
    expect_err("ok=1&b%09=2", NULL, FORM_BAD_KEY, "tab in a key");
}

static void
test_bad_utf8(void)
{
    expect_err("a=%C0%AF", NULL, FORM_BAD_UTF8, "overlong C0 AF");
    expect_err("a=%C1%BF", NULL, FORM_BAD_UTF8, "overlong C1 BF");
    expect_err("a=%E0%80%AF", NULL, FORM_BAD_UTF8, "overlong E0 80 AF");
    expect_err("a=%F0%80%80%AF", NULL, FORM_BAD_UTF8, "overlong F0 80 80 AF");
    expect_err("a=%ED%A0%80", NULL, FORM_BAD_UTF8, "surrogate ED A0 80");
    expect_err("a=%ED%BF%BF", NULL, FORM_BAD_UTF8, "surrogate ED BF BF");
    expect_err("a=%E1%BA", NULL, FORM_BAD_UTF8, "truncated E1 BA");
    expect_err("a=x%E1%BA&b=1", NULL, FORM_BAD_UTF8, "truncated E1 BA before '&'");
    expect_err("a=%F5%80%80%80", NULL, FORM_BAD_UTF8, "F5 lead");
    expect_err("a=%FF", NULL, FORM_BAD_UTF8, "FF byte");
    expect_err("a=%F4%90%80%80", NULL, FORM_BAD_UTF8, "U+110000");
    expect_err("a=%80", NULL, FORM_BAD_UTF8, "lone continuation byte");
    expect_err("a=%C3%28", NULL, FORM_BAD_UTF8, "lead byte without continuation");
    expect_err("a=\xC0\xAF", NULL, FORM_BAD_UTF8, "raw overlong C0 AF");
    expect_err("a=\xED\xA0\x80", NULL, FORM_BAD_UTF8, "raw surrogate");
    expect_err("a\xC3=1", NULL, FORM_BAD_UTF8, "invalid UTF-8 in a key");
}

static void
test_utf8_funcs(void)
{
    size_t n = 99;
    char *s;

    CHECK(utf8_valid("", 0), "empty is valid");
    CHECK(utf8_valid("abc", 3), "ASCII is valid");
    CHECK(utf8_valid(DANG_KY, strlen(DANG_KY)), "Đăng ký is valid");
    CHECK(utf8_valid("\xC2\x80", 2), "U+0080 valid");
    CHECK(utf8_valid("\xDF\xBF", 2), "U+07FF valid");
    CHECK(utf8_valid("\xE0\xA0\x80", 3), "U+0800 valid");
    CHECK(utf8_valid("\xED\x9F\xBF", 3), "U+D7FF valid");
    CHECK(utf8_valid("\xEE\x80\x80", 3), "U+E000 valid");
    CHECK(utf8_valid("\xEF\xBF\xBF", 3), "U+FFFF valid");
    CHECK(utf8_valid("\xF0\x90\x80\x80", 4), "U+10000 valid");
    CHECK(utf8_valid("\xF0\x9F\x98\x80", 4), "emoji valid");
    CHECK(utf8_valid("\xF4\x8F\xBF\xBF", 4), "U+10FFFF valid");
    CHECK(!utf8_valid("\xC0\xAF", 2), "overlong C0 AF invalid");
    CHECK(!utf8_valid("\xC1\x81", 2), "overlong C1 81 invalid");
    CHECK(!utf8_valid("\xE0\x9F\xBF", 3), "overlong E0 9F BF invalid");
    CHECK(!utf8_valid("\xF0\x8F\xBF\xBF", 4), "overlong F0 8F BF BF invalid");
    CHECK(!utf8_valid("\xED\xA0\x80", 3), "surrogate D800 invalid");
    CHECK(!utf8_valid("\xED\xBF\xBF", 3), "surrogate DFFF invalid");
    CHECK(!utf8_valid("\xE1\xBA", 2), "truncated E1 BA invalid");
    CHECK(!utf8_valid("a\xE1\xBA", 3), "truncated at the end invalid");
    CHECK(!utf8_valid("\xE1\xBA" "a", 3), "truncated in the middle invalid");
    CHECK(!utf8_valid("\xF5\x80\x80\x80", 4), "F5 lead invalid");
    CHECK(!utf8_valid("\xF8\x88\x80\x80\x80", 5), "F8 lead invalid");
    CHECK(!utf8_valid("\xF4\x90\x80\x80", 4), "U+110000 invalid");
    CHECK(!utf8_valid("\xF7\xBF\xBF\xBF", 4), "U+1FFFFF invalid");
    CHECK(!utf8_valid("\x80", 1), "lone continuation invalid");
    CHECK(!utf8_valid("\xBF", 1), "lone 0xBF invalid");
    CHECK(!utf8_valid("\xFE", 1), "0xFE invalid");
    CHECK(!utf8_valid("\xC3", 1), "lone lead byte invalid");
    CHECK(!utf8_valid("\xC3\xA9", 1), "n cuts a sequence: invalid");
    CHECK(utf8_valid("\xC3\xA9\xFF", 2), "bytes past n are not read");
    CHECK(!utf8_valid("\xC3\x28", 2), "bad continuation invalid");

    CHECK(utf8_len("") == 0, "utf8_len empty");
    CHECK(utf8_len("abc") == 3, "utf8_len ASCII");
    CHECK(utf8_len(DANG_KY) == 7, "utf8_len Đăng ký = %zu", utf8_len(DANG_KY));
    CHECK(utf8_len("\xF0\x9F\x98\x80" "x") == 2, "utf8_len emoji + x");
    CHECK(utf8_len(E_ACUTE_NFD) == 2, "utf8_len counts combining marks");

    s = utf8_nfc(&P, "abc", 3, &n);
    CHECK_STR(s, "abc", "utf8_nfc ASCII unchanged");
    CHECK(n == 3, "utf8_nfc ASCII length");
    s = utf8_nfc(&P, "abcdef", 3, &n);
    CHECK_STR(s, "abc", "utf8_nfc respects n");
    s = utf8_nfc(&P, "", 0, &n);
    CHECK_STR(s, "", "utf8_nfc empty");
    CHECK(n == 0, "utf8_nfc empty length");
    s = utf8_nfc(&P, E_ACUTE_NFD, strlen(E_ACUTE_NFD), &n);
    CHECK_STR(s, E_ACUTE, "utf8_nfc e+U+0301 -> U+00E9");
    CHECK(n == 2, "utf8_nfc output length %zu", n);
    s = utf8_nfc(&P, E_CIRC_DOT_NFD, strlen(E_CIRC_DOT_NFD), &n);
    CHECK_STR(s, E_CIRC_DOT, "utf8_nfc decomposed ệ -> U+1EC7");
    CHECK(n == 3, "utf8_nfc ệ length");
    s = utf8_nfc(&P, E_CIRC_DOT_ODD, strlen(E_CIRC_DOT_ODD), &n);
    CHECK_STR(s, E_CIRC_DOT, "utf8_nfc reorders marks, -> U+1EC7");
    s = utf8_nfc(&P, DANG_KY_NFD, strlen(DANG_KY_NFD), &n);
    CHECK_STR(s, DANG_KY, "utf8_nfc NFD Đăng ký");
    CHECK(n == strlen(DANG_KY), "utf8_nfc NFD Đăng ký length");
    s = utf8_nfc(&P, DANG_KY, strlen(DANG_KY), &n);
    CHECK_STR(s, DANG_KY, "utf8_nfc leaves NFC unchanged");
    s = utf8_nfc(&P, "x" E_ACUTE_NFD "y", strlen("x" E_ACUTE_NFD "y"), &n);
    CHECK_STR(s, "x" E_ACUTE "y", "utf8_nfc in the middle of text");
    CHECK(n == 4, "utf8_nfc x é y length");
}

static void
test_cookies(void)
{
    struct kvlist l;
    char big[5000];

    cookie_parse(&P, "a=1; b=two;c=3", &l);
    CHECK(l.n == 3, "three cookies (got %zu)", l.n);
    CHECK_STR(kv_get(&l, "a"), "1", "cookie a");
    CHECK_STR(kv_get(&l, "b"), "two", "cookie b after '; '");
    CHECK_STR(kv_get(&l, "c"), "3", "cookie c after ';'");
    CHECK(l.n == 3 && l.v[1].vlen == 3, "cookie vlen");

    cookie_parse(&P, NULL, &l);
    CHECK(l.n == 0, "NULL header: no cookies");
    CHECK(kv_get(&l, "a") == NULL, "kv_get on NULL cookies");
    cookie_parse(&P, "", &l);
    CHECK(l.n == 0, "empty header: no cookies");
    cookie_parse(&P, ";;; ;", &l);
    CHECK(l.n == 0, "only separators: no cookies");

    cookie_parse(&P, "   \tmc_s=abc;\t  lang=vi  ", &l);
    CHECK_STR(kv_get(&l, "mc_s"), "abc", "leading spaces and tabs skipped");
    CHECK(kv_get(&l, "lang") != NULL && strncmp(kv_get(&l, "lang"), "vi", 2) == 0,
          "cookie after tab separator");

    cookie_parse(&P, "junk; =x; a=1; novalue; b=x\x01y; c=ok; =; d=", &l);
    CHECK_STR(kv_get(&l, "a"), "1", "cookie after malformed segments");
    CHECK_STR(kv_get(&l, "c"), "ok", "cookie after control-char value");
    CHECK(kv_get(&l, "b") == NULL, "control character in value: skipped");
    CHECK(kv_get(&l, "junk") == NULL && kv_get(&l, "novalue") == NULL,
          "segments without '=' skipped");
    CHECK(kv_get(&l, "") == NULL, "segment with empty name skipped");
    CHECK_STR(kv_get(&l, "d"), "", "empty cookie value kept");
    CHECK(l.n == 3, "exactly a, c, d kept (got %zu)", l.n);

    cookie_parse(&P, "a=\xC0\xAF; b=\xED\xA0\x80; c=" DANG_KY "; d=\xE1\xBA", &l);
    CHECK(kv_get(&l, "a") == NULL, "overlong UTF-8 cookie skipped");
    CHECK(kv_get(&l, "b") == NULL, "surrogate cookie skipped");
    CHECK(kv_get(&l, "d") == NULL, "truncated UTF-8 cookie skipped");
    CHECK_STR(kv_get(&l, "c"), DANG_KY, "UTF-8 cookie kept");

    cookie_parse(&P, "a=b=c; x=\x1b[1m; y=\n; z=1", &l);
    CHECK_STR(kv_get(&l, "a"), "b=c", "cookie value keeps '='");
    CHECK(kv_get(&l, "x") == NULL && kv_get(&l, "y") == NULL, "ESC and LF in values skipped");
    CHECK_STR(kv_get(&l, "z"), "1", "cookie after control chars");

    cookie_parse(&P, "sid=first; sid=second", &l);
    CHECK(l.n == 2, "duplicate cookies both kept");
    CHECK_STR(kv_get(&l, "sid"), "first", "kv_get returns the first match");

    /* oversize name and value are skipped, not fatal */
    memset(big, 'k', 65);
    strcpy(big + 65, "=1; ok=1");
    cookie_parse(&P, big, &l);
    CHECK(l.n == 1, "65-byte cookie name skipped (n=%zu)", l.n);
    CHECK_STR(kv_get(&l, "ok"), "1", "cookie after an oversize name");
    memcpy(big, "v=", 2);
    memset(big + 2, 'x', 4097);
    strcpy(big + 2 + 4097, "; ok=2");
    cookie_parse(&P, big, &l);
    CHECK(l.n == 1, "4097-byte cookie value skipped (n=%zu)", l.n);
    CHECK_STR(kv_get(&l, "ok"), "2", "cookie after an oversize value");
    strcpy(big + 2 + 4096, "; ok=3");
    cookie_parse(&P, big, &l);
    CHECK(l.n == 2 && kv_get(&l, "v") != NULL && strlen(kv_get(&l, "v")) == 4096,
          "4096-byte cookie value kept");

    /* at most 64 cookies */
    {
        struct buf b = { 0 };

        for (int i = 0; i < 100; i++) {
            buf_printf(&b, "c%d=%d; ", i, i);
        }
        cookie_parse(&P, b.p, &l);
        CHECK(l.n == 64, "at most 64 cookies kept (got %zu)", l.n);
        CHECK_STR(kv_get(&l, "c63"), "63", "64th cookie kept");
        CHECK(kv_get(&l, "c64") == NULL, "65th cookie dropped");
        buf_free(&b);
    }
}

static void
test_util(void)
{
    long long v = 12345;
    char hex[16];
    const unsigned char bytes[] = { 0x00, 0x01, 0x7f, 0xab, 0xff };

    CHECK(util_unum("18446744073709551615") == 18446744073709551615ULL,
          "util_unum: the largest 64-bit value");
    CHECK(util_unum("9223372036854775808") == 9223372036854775808ULL,
          "util_unum: UUID_SHORT() of a server id of 128 (past a signed long long)");
    CHECK(util_unum("18446744073709551616") == 0, "util_unum: one past 64 bits is 0");
    CHECK(util_unum("-1") == 0 && util_unum(" 1") == 0 && util_unum("1x") == 0 &&
              util_unum("") == 0 && util_unum(NULL) == 0,
          "util_unum: a sign, a space, trailing text, empty and NULL are 0");
    CHECK(parse_int("42", 0, 100, &v) == 0 && v == 42, "parse_int 42");
    CHECK(parse_int("-7", -10, 10, &v) == 0 && v == -7, "parse_int -7");
    CHECK(parse_int("0", 0, 0, &v) == 0 && v == 0, "parse_int 0 in [0,0]");
    CHECK(parse_int("10", 1, 10, &v) == 0 && v == 10, "parse_int max inclusive");
    CHECK(parse_int("1", 1, 10, &v) == 0 && v == 1, "parse_int min inclusive");
    v = 12345;
    CHECK(parse_int("11", 1, 10, &v) == -1, "parse_int above max");
    CHECK(parse_int("0", 1, 10, &v) == -1, "parse_int below min");
    CHECK(v == 12345, "parse_int leaves out alone on error");
    CHECK(parse_int("", 0, 10, &v) == -1, "parse_int empty");
    CHECK(parse_int(NULL, 0, 10, &v) == -1, "parse_int NULL");
    CHECK(parse_int(" 1", 0, 10, &v) == -1, "parse_int leading space");
    CHECK(parse_int("\t1", 0, 10, &v) == -1, "parse_int leading tab");
    CHECK(parse_int("1 ", 0, 10, &v) == -1, "parse_int trailing space");
    CHECK(parse_int("12a", 0, 100, &v) == -1, "parse_int trailing garbage");
    CHECK(parse_int("0x10", 0, 100, &v) == -1, "parse_int hex rejected");
    CHECK(parse_int("-", -10, 10, &v) == -1, "parse_int lone '-'");
    CHECK(parse_int("1.5", 0, 10, &v) == -1, "parse_int decimal point");
    CHECK(parse_int("9223372036854775807", LLONG_MIN, LLONG_MAX, &v) == 0 && v == LLONG_MAX,
          "parse_int LLONG_MAX");
    CHECK(parse_int("-9223372036854775808", LLONG_MIN, LLONG_MAX, &v) == 0 && v == LLONG_MIN,
          "parse_int LLONG_MIN");
    CHECK(parse_int("9223372036854775808", LLONG_MIN, LLONG_MAX, &v) == -1,
          "parse_int overflow rejected");
    CHECK(parse_int("-9223372036854775809", LLONG_MIN, LLONG_MAX, &v) == -1,
          "parse_int underflow rejected");
    CHECK(parse_int("99999999999999999999999", 0, 10, &v) == -1, "parse_int huge rejected");

    memset(hex, '#', sizeof(hex));
    hex_encode(hex, bytes, sizeof(bytes));
    CHECK_STR(hex, "00017fabff", "hex_encode lowercase");
    CHECK(hex[11] == '#', "hex_encode writes exactly 2n+1 bytes");
    memset(hex, '#', sizeof(hex));
    hex_encode(hex, bytes, 0);
    CHECK(hex[0] == '\0' && hex[1] == '#', "hex_encode of 0 bytes is \"\"");
}

/* Write text to a fresh temporary file named in path (64 bytes); returns path or NULL. */
static const char *
tmpconf(char *path, const char *text)
{
    int fd;
    size_t n = strlen(text);

    strcpy(path, "/tmp/motcua-test-conf-XXXXXX");
    fd = mkstemp(path);
    if (fd < 0) {
        return NULL;
    }
    if (write(fd, text, n) != (ssize_t)n) {
        close(fd);
        unlink(path);
        return NULL;
    }
    close(fd);
    return path;
}

static void
test_conf(void)
{
    char path[64], path2[64], path3[64];
    unsigned char key[32];
    HDF *h;
    int ok = 1;

    nerr_init();
    unsetenv("MOTCUA_CONF");

    /* defaults only */
    h = conf_load(NULL);
    CHECK(h != NULL, "conf_load(NULL) gives the defaults");
    if (h != NULL) {
        CHECK_STR(conf_str(h, "DB.Name", NULL), "motcua", "default DB.Name");
        CHECK_STR(conf_str(h, "Site.BaseURL", NULL), "http://127.0.0.1:8080",
                  "default Site.BaseURL");
        CHECK(conf_int(h, "Workers.citizen", -1) == 4, "default Workers.citizen");
        CHECK(conf_int(h, "Limits.UploadBody", -1) == 16777216, "default Limits.UploadBody");
        CHECK(conf_int(h, "Login.WindowMinutes", -1) == 15, "default Login.WindowMinutes");
        CHECK(conf_int(h, "DB.Port", -1) == 0, "default DB.Port is 0, not the fallback");
        CHECK_STR(conf_str(h, "No.Such", "fallback"), "fallback", "conf_str fallback");
        CHECK(conf_str(h, "No.Such", NULL) == NULL, "conf_str NULL fallback");
        CHECK(conf_int(h, "No.Such", 77) == 77, "conf_int fallback for a missing key");
        CHECK(conf_int(h, "Site.BaseURL", 78) == 78, "conf_int fallback for a non-number");
        CHECK(conf_secret(h, key) == -1, "no Secret.Key by default");
        hdf_destroy(&h);
    }

    /* a file overrides defaults and adds keys */
    if (tmpconf(path, "DB.Name = motcua_test\n"
                      "Workers.citizen = 9\n"
                      "Site.Hotline = 19001234\n"
                      "Secret.Key = 000102030405060708090a0b0c0d0e0f"
                      "101112131415161718191a1b1c1d1e1f\n") == NULL) {
        ok = 0;
    }
    CHECK(ok, "temporary config written");
    h = ok ? conf_load(path) : NULL;
    CHECK(h != NULL, "conf_load(file) succeeds");
    if (h != NULL) {
        CHECK_STR(conf_str(h, "DB.Name", NULL), "motcua_test", "file overrides DB.Name");
        CHECK(conf_int(h, "Workers.citizen", -1) == 9, "file overrides Workers.citizen");
        CHECK(conf_int(h, "Site.Hotline", -1) == 19001234, "file overrides Site.Hotline");
        CHECK(conf_int(h, "Workers.officer", -1) == 2, "untouched default still present");
        CHECK_STR(conf_str(h, "Paths.Templates", NULL), "templates", "other default kept");
        memset(key, 0xee, sizeof(key));
        CHECK(conf_secret(h, key) == 0, "valid 64-hex Secret.Key accepted");
        CHECK(key[0] == 0x00 && key[1] == 0x01 && key[15] == 0x0f && key[31] == 0x1f,
              "Secret.Key decoded");

        hdf_set_value(h, "Secret.Key", "000102030405060708090A0B0C0D0E0F"
                                       "101112131415161718191A1B1C1D1E1F");
        memset(key, 0xee, sizeof(key));
        CHECK(conf_secret(h, key) == 0 && key[10] == 0x0a, "upper-case hex Secret.Key accepted");
        hdf_set_value(h, "Secret.Key", "000102030405060708090a0b0c0d0e0f"
                                       "101112131415161718191a1b1c1d1e1");
        CHECK(conf_secret(h, key) == -1, "63-digit Secret.Key rejected");
        hdf_set_value(h, "Secret.Key", "000102030405060708090a0b0c0d0e0f"
                                       "101112131415161718191a1b1c1d1e1f00");
        CHECK(conf_secret(h, key) == -1, "66-digit Secret.Key rejected");
        hdf_set_value(h, "Secret.Key", "");
        CHECK(conf_secret(h, key) == -1, "empty Secret.Key rejected");
        hdf_set_value(h, "Workers.citizen", "many");
        CHECK(conf_int(h, "Workers.citizen", 3) == 3, "conf_int falls back on garbage");
        hdf_destroy(&h);
    }
    if (ok) {
        unlink(path);
    }

    /* a malformed key in the file */
    ok = tmpconf(path2, "Secret.Key = 000102030405060708090a0b0c0d0e0f"
                        "101112131415161718191a1b1c1d1e1g\n") != NULL;
    h = ok ? conf_load(path2) : NULL;
    CHECK(h != NULL, "conf_load with a malformed key still loads");
    if (h != NULL) {
        CHECK(conf_secret(h, key) == -1, "non-hex Secret.Key rejected");
        CHECK(strlen(conf_str(h, "Secret.Key", "")) == 64, "the malformed key is 64 chars");
        hdf_destroy(&h);
    }
    if (ok) {
        unlink(path2);
    }

    /* $MOTCUA_CONF is used when path is NULL */
    ok = tmpconf(path3, "DB.Name = from_env\n") != NULL;
    if (ok) {
        setenv("MOTCUA_CONF", path3, 1);
        h = conf_load(NULL);
        CHECK(h != NULL && strcmp(conf_str(h, "DB.Name", ""), "from_env") == 0,
              "conf_load(NULL) reads $MOTCUA_CONF");
        CHECK(h != NULL && conf_int(h, "Workers.api", -1) == 2, "defaults under $MOTCUA_CONF");
        hdf_destroy(&h);
        unsetenv("MOTCUA_CONF");
        unlink(path3);
    }

    /* a missing file is an error */
    h = conf_load("/nonexistent/motcua.hdf");
    CHECK(h == NULL, "conf_load of a missing file fails");
    hdf_destroy(&h);
}

/* ---- input.c: declared, typed fields ---------------------------------- */

static const char *const colours[] = { "red", "green", NULL };

enum { F_NAME, F_NOTE, F_CODE, F_PW, F_DAY, F_N, F_COLOUR, F_MAIL, F_TEL, F_ON, F__MAX };

static const struct fld fields[F__MAX] = {
    [F_NAME] = { "name", V_TEXT, 1, 2, 10, NULL, "Name" },
    [F_NOTE] = { "note", V_LINES, 0, 0, 20, NULL, NULL },
    [F_CODE] = { "code", V_CODE, 0, 1, 8, NULL, NULL },
    [F_PW] = { "pw", V_SECRET, 0, 4, 8, NULL, NULL },
    [F_DAY] = { "day", V_DATE, 0, 0, 0, NULL, NULL },
    [F_N] = { "n", V_INT, 0, 1, 99, NULL, NULL },
    [F_COLOUR] = { "colour", V_CHOICE, 0, 0, 0, colours, NULL },
    [F_MAIL] = { "mail", V_EMAIL, 0, 0, 40, NULL, NULL },
    [F_TEL] = { "tel", V_PHONE, 0, 0, 12, NULL, NULL },
    [F_ON] = { "on", V_FLAG, 0, 0, 0, NULL, NULL },
};

/* input_check of the urlencoded s; returns the number of refused fields */
static size_t
ic(const char *s, struct val *v)
{
    struct kvlist l;

    if (fp(s, NULL, &l) != FORM_OK) {
        return (size_t)-1;
    }
    return input_check(&P, &l, fields, F__MAX, v);
}

/* the error input_check gives one field when the form holds only "name=ab&<pair>" */
static enum input_err
one(const char *pair, int field)
{
    struct val v[F__MAX];

    ic(pool_printf(&P, "name=ab&%s", pair), v);
    return v[field].err;
}

/* one field's value, with "name=ab" before it, and the error it must give */
static const struct {
    const char *pair;
    int field;
    enum input_err want;
    const char *what;
} one_cases[] = {
    { "note=123456789012345678901", F_NOTE, INPUT_LONG, "lines over max" },
    { "pw=abc", F_PW, INPUT_SHORT, "secret under min" },
    { "n=12abc", F_N, INPUT_NUMBER, "12abc is not a number" },
    { "n=abc", F_N, INPUT_NUMBER, "abc is not a number" },
    { "n=1.5", F_N, INPUT_NUMBER, "1.5 is not an integer" },
    { "n=0x10", F_N, INPUT_NUMBER, "hex is not accepted" },
    { "n=1+2", F_N, INPUT_NUMBER, "1 2 is not a number" },
    { "n=99999999999999999999999", F_N, INPUT_NUMBER, "overflow is not a number" },
    { "n=0", F_N, INPUT_RANGE, "under min" },
    { "n=100", F_N, INPUT_RANGE, "over max" },
    { "n=-5", F_N, INPUT_RANGE, "negative under min" },
    { "n=%2B99", F_N, INPUT_OK, "exactly max, with a sign" },
    { "n=+1+", F_N, INPUT_OK, "surrounding blanks trimmed before parsing" },
    { "day=2023-02-29", F_DAY, INPUT_FORMAT, "29 February of a common year" },
    { "day=2024-13-01", F_DAY, INPUT_FORMAT, "month 13" },
    { "day=1%2F2%2F2024", F_DAY, INPUT_FORMAT, "d/m/Y is not a date here" },
    { "colour=Red", F_COLOUR, INPUT_CHOICE, "choices are case-sensitive" },
    { "colour=blue", F_COLOUR, INPUT_CHOICE, "not in the list" },
    { "mail=a%40b", F_MAIL, INPUT_FORMAT, "e-mail without a dot in the domain" },
    { "mail=abcdefghijabcdefghijabcdefghijabcdefghij%40b.vn", F_MAIL, INPUT_LONG,
      "e-mail over max" },
    { "tel=09x", F_TEL, INPUT_FORMAT, "phone with a letter" },
    { "tel=+.-", F_TEL, INPUT_FORMAT, "phone without a digit" },
    { "tel=0123456789012", F_TEL, INPUT_LONG, "phone over max" },
    { "code=a%2Fb", F_CODE, INPUT_FORMAT, "code with a slash" },
    { "code=%C4%91", F_CODE, INPUT_FORMAT, "code with a Vietnamese letter" },
    { "code=123456789", F_CODE, INPUT_LONG, "code over max" },
    { "on=yes", F_ON, INPUT_OK, "a flag is never refused" },
};

static void
test_input(void)
{
    struct val v[F__MAX];
    struct kvlist l;
    struct kv raw[2];
    int day;

    /* every type valid at once, values typed */
    CHECK(ic("name=+%C4%90%C3%A0o+&note=a%0D%0Ab&code=A-1.b_2&pw=+pw1+&day=2024-02-29"
             "&n=42&colour=green&mail=a%40b.vn&tel=%2B84+912.345&on=1&other=x",
             v) == 0,
          "a fully valid form has no refused field");
    CHECK_STR(v[F_NAME].s, "\xC4\x90\xC3\xA0o", "text is trimmed");
    CHECK_STR(v[F_NOTE].s, "a\r\nb", "lines keep their line break");
    CHECK_STR(v[F_PW].s, " pw1 ", "a secret is not trimmed");
    CHECK(cal_parse_date("2024-02-29", &day) == 0 && v[F_DAY].day == day, "date as a day number");
    CHECK(v[F_N].i == 42, "integer parsed (got %lld)", v[F_N].i);
    CHECK_STR(v[F_COLOUR].s, "green", "choice kept");
    CHECK(v[F_ON].i == 1, "flag on");
    CHECK(v[F_NAME].err == INPUT_OK && v[F_ON].err == INPUT_OK, "err is INPUT_OK when valid");
    CHECK(ic("name=e%CC%81t", v) == 0, "text typed decomposed (NFD) is valid");
    CHECK_STR(v[F_NAME].s, E_ACUTE "t", "and arrives composed (NFC)");

    /* absent and empty optional fields are no error and NULL */
    CHECK(ic("name=ab", v) == 0, "optional fields may be absent");
    CHECK(v[F_NOTE].s == NULL && v[F_N].i == 0 && v[F_ON].i == 0, "absent: NULL, 0, off");
    CHECK(ic("name=ab&note=+++&n=&code=", v) == 0, "optional fields may be empty or blank");
    CHECK(v[F_NOTE].s == NULL && v[F_N].s == NULL, "blank text is NULL");

    /* required */
    CHECK(ic("note=x", v) == 1 && v[F_NAME].err == INPUT_MISSING, "required and absent");
    CHECK(ic("name=+%09+", v) == 1 && v[F_NAME].err == INPUT_MISSING, "required and blank");

    /* text bounds count characters, not bytes */
    CHECK(ic("name=a", v) == 1 && v[F_NAME].err == INPUT_SHORT, "under min characters");
    CHECK(ic("name=%E1%BB%87%E1%BB%87", v) == 0, "two 3-byte characters are 2, not 6");
    CHECK(ic("name=abcdefghij", v) == 0, "exactly max characters");
    CHECK(ic("name=abcdefghijk", v) == 1 && v[F_NAME].err == INPUT_LONG, "over max characters");
    CHECK(ic("name=ab%0Acd", v) == 1 && v[F_NAME].err == INPUT_FORMAT, "line break in one line");

    /* integers: garbage is an error, never 0 */
    ic("name=ab&n=abc", v);
    CHECK(v[F_N].i == 0 && v[F_N].s && strcmp(v[F_N].s, "abc") == 0,
          "a refused integer keeps what was typed");

    /* dates, choices, e-mail, phone, codes */

    for (size_t k = 0; k < NELEM(one_cases); k++) {
        CHECK(one(one_cases[k].pair, one_cases[k].field) == one_cases[k].want, "%s: %s",
              one_cases[k].pair, one_cases[k].what);
    }

    /* a flag is on only for "1", and never an error */
    ic("name=ab&on=yes", v);
    CHECK(v[F_ON].i == 0, "a flag other than 1 is off");

    /* values that did not come through form_parse: invalid UTF-8, controls */
    raw[0] = (struct kv){ "name", "ab\xC3", 3 };
    l = (struct kvlist){ raw, 1 };
    CHECK(input_check(&P, &l, fields, F__MAX, v) == 1 && v[F_NAME].err == INPUT_UTF8,
          "truncated UTF-8 refused");
    raw[0] = (struct kv){ "name", "\xC0\xAF!!", 4 };
    CHECK(input_check(&P, &l, fields, F__MAX, v) == 1 && v[F_NAME].err == INPUT_UTF8,
          "overlong UTF-8 refused");
    raw[0] = (struct kv){ "name", "a\x01\x02", 3 };
    CHECK(input_check(&P, &l, fields, F__MAX, v) == 1 && v[F_NAME].err == INPUT_UTF8,
          "control character refused");
    raw[0] = (struct kv){ "name", "ab\x7f", 3 };
    CHECK(input_check(&P, &l, fields, F__MAX, v) == 1 && v[F_NAME].err == INPUT_UTF8,
          "DEL refused");

    /* several refused fields are all reported */
    CHECK(ic("n=x&colour=x&day=x", v) == 4, "each refused field counts (missing name too)");
    CHECK_STR(input_err_name(INPUT_NUMBER), "Number", "message key of INPUT_NUMBER");
    CHECK_STR(input_err_name(INPUT_MISSING), "Missing", "message key of INPUT_MISSING");
    CHECK_STR(input_err_name(INPUT_UTF8), "Text", "message key of INPUT_UTF8");

    /* ids in a URL's path: a number from 1 on, else 0 (the caller's 404) */
    CHECK(input_path_id("42") == 42, "an id");
    CHECK(input_path_id("007") == 7, "leading zeros read as the number");
    CHECK(input_path_id("4611686018427387904") == 4611686018427387904LL, "the largest id");
    {
        static const char *const bad[] = { NULL,
                                           "",
                                           "0",
                                           "-1",
                                           "+1",
                                           " 1",
                                           "1 ",
                                           "1a",
                                           "0x1",
                                           "1e3",
                                           "4611686018427387905",
                                           "99999999999999999999" };

        for (size_t i = 0; i < NELEM(bad); i++) {
            CHECK(input_path_id(bad[i]) == 0, "path id [%s] refused", bad[i] ? bad[i] : "(null)");
        }
    }
}

int
main(void)
{
    test_basic();
    test_vietnamese();
    test_empty();
    test_escapes_controls();
    test_limits();
    test_keys();
    test_bad_utf8();
    test_utf8_funcs();
    test_cookies();
    test_input();
    pool_release(&P);
    CHECK(P.head == NULL, "pool_release empties the pool");
    test_util();
    test_conf();
    pool_release(&P);
    return tap_done();
}
