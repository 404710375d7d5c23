/* test_multipart.c — unit tests of multipart.c (multipart_boundary,
 * multipart_parse).  Every body is parsed from an exact-size heap copy, so
 * valgrind reports any read past its end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "multipart.h"
#include "tap.h"
#include "util.h"

/* UTF-8 spellings used below (NFC unless the name says otherwise). */
#define NGUYEN       "Nguy\xE1\xBB\x85n"              /* "Nguyễn", U+1EC5 */
#define NGUYEN_NFD   "Nguye\xCC\x82\xCC\x83n"         /* e + U+0302 + U+0303 */
#define VAN          "V\xC4\x83n"                     /* "Văn", U+0103 */
#define VAN_NFD      "Va\xCC\x86n"                    /* a + U+0306 */
#define DUONG_LANG   "\xC4\x90\xC6\xB0\xE1\xBB\x9Dng L\xC3\xA1ng"  /* "Đường Láng" */
#define ANH          "\xE1\xBA\xA3nh"                 /* "ảnh", U+1EA3 */
#define ANH_NFD      "a\xCC\x89nh"                    /* a + U+0309 */
#define MUSICAL      "\xF0\x9D\x85\xA0"               /* U+1D160: NFC expands it to 12 bytes */

#define BD "----WebKitFormBoundaryX3bY9kQ7"

static struct pool P;
static struct buf B;             /* the body being built */
static char *Copy;               /* exact-size copy of B that the last parse read */
static struct kvlist F;
static struct mp_file *Files;
static size_t NF;

/* ---- body builders ---------------------------------------------------- */

static void
begin(void)
{
    buf_reset(&B);
}

/* "--BD" CRLF headers CRLF data CRLF: the last CRLF opens the next delimiter */
static void
part(const char *headers, const void *data, size_t n)
{
    buf_adds(&B, "--" BD "\r\n");
    buf_adds(&B, headers);
    buf_adds(&B, "\r\n");
    buf_add(&B, data, n);
    buf_adds(&B, "\r\n");
}

static void
text(const char *name, const char *val)
{
    char h[512];

    snprintf(h, sizeof h, "Content-Disposition: form-data; name=\"%s\"\r\n", name);
    part(h, val, strlen(val));
}

static void
file(const char *name, const char *filename, const char *ctype, const void *data, size_t n)
{
    char h[1024];

    snprintf(h, sizeof h, "Content-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n%s%s%s",
             name, filename, ctype ? "Content-Type: " : "", ctype ? ctype : "",
             ctype ? "\r\n" : "");
    part(h, data, n);
}

static void
finish(void)
{
    buf_adds(&B, "--" BD "--\r\n");
}

/* Parse s[0..n) from an exact-size heap copy (kept until the next parse). */
static enum form_err
parse_bytes(const char *s, size_t n, const char *boundary, const struct multipart_limits *lim)
{
    free(Copy);
    Copy = malloc(n ? n : 1);
    if (Copy == NULL) {
        abort();
    }
    if (n) {
        memcpy(Copy, s, n);
    }
    return multipart_parse(&P, Copy, n, boundary, lim, &F, &Files, &NF);
}

static enum form_err
run(const struct multipart_limits *lim)
{
    return parse_bytes(B.p, B.len, BD, lim);
}

/* parse a literal body (boundary BD) expecting an error */
static void
expect_err(const char *body, const struct multipart_limits *lim, enum form_err want,
           const char *what)
{
    enum form_err e = parse_bytes(body, strlen(body), BD, lim);

    CHECK(e == want, "%s: got %s, want %s", what, form_err_str(e), form_err_str(want));
}

/* the built body B expecting a given result */
static void
expect_run(const struct multipart_limits *lim, enum form_err want, const char *what)
{
    enum form_err e = run(lim);

    CHECK(e == want, "%s: got %s, want %s", what, form_err_str(e), form_err_str(want));
}

static int
within_copy(const struct mp_file *f)
{
    return f->data >= Copy && f->data + f->len <= Copy + B.len;
}

/* ---- multipart_boundary --------------------------------------------------- */

static void
boundary_is(const char *ct, const char *want, const char *what)
{
    char out[MP_MAX_BOUNDARY + 1];
    int r = multipart_boundary(ct, out, sizeof out);

    if (want == NULL) {
        CHECK(r == -1 && out[0] == '\0', "%s: rejected (got %d, [%s])", what, r, out);
    } else {
        CHECK(r == 0, "%s: accepted", what);
        CHECK_STR(r == 0 ? out : NULL, want, "%s: value", what);
    }
}

static void
test_boundary(void)
{
    char b70[80], b71[80], ct[160], small[4];

    boundary_is("multipart/form-data; boundary=" BD, BD, "unquoted (Chrome)");
    boundary_is("multipart/form-data; boundary=\"a b'()+_,-./:=?z\"", "a b'()+_,-./:=?z",
                "quoted, every bchar");
    boundary_is("Multipart/Form-Data; BOUNDARY=xyz", "xyz", "type and name case-insensitive");
    boundary_is("multipart/form-data; charset=utf-8; boundary=abc", "abc",
                "another parameter before");
    boundary_is("multipart/form-data; charset=\"x;y\"; boundary=abc; z=1", "abc",
                "quoted ';' in another parameter");
    boundary_is("  multipart/form-data ;  boundary=abc  ", "abc", "whitespace around");
    boundary_is("multipart/form-data;boundary=abc", "abc", "no space after ';'");
    boundary_is("multipart/form-data", NULL, "missing boundary");
    boundary_is("multipart/form-data; charset=utf-8", NULL, "missing boundary, other params");
    boundary_is("multipart/form-data; boundary=", NULL, "empty unquoted boundary");
    boundary_is("multipart/form-data; boundary=\"\"", NULL, "empty quoted boundary");
    boundary_is("multipart/form-data; boundary=\"abc", NULL, "unterminated quote");
    boundary_is("multipart/form-data; boundary=\"abc \"", NULL, "trailing space");
    boundary_is("multipart/form-data; boundary=\"a\\\"b\"", NULL, "'\"' is not a bchar");
    boundary_is("multipart/form-data; boundary=a; boundary=b", NULL, "boundary twice");
    boundary_is("multipart/form-data; boundary = abc", NULL, "space around '='");
    boundary_is("multipart/form-data boundary=abc", NULL, "no ';'");
    boundary_is("multipart/form-dataX; boundary=abc", NULL, "longer type");
    boundary_is("multipart/mixed; boundary=abc", NULL, "multipart/mixed");
    boundary_is("application/x-www-form-urlencoded; boundary=abc", NULL, "urlencoded");
    boundary_is("", NULL, "empty header");

    memset(b70, 'a', 70);
    b70[70] = '\0';
    memset(b71, 'b', 71);
    b71[71] = '\0';
    snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", b70);
    boundary_is(ct, b70, "70 characters");
    snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", b71);
    boundary_is(ct, NULL, "71 characters");
    snprintf(ct, sizeof ct, "multipart/form-data; boundary=\"%s\"", b71);
    boundary_is(ct, NULL, "71 characters quoted");

    CHECK(multipart_boundary("multipart/form-data; boundary=abcd", small, sizeof small) == -1 &&
          small[0] == '\0', "out too small is an error");
    CHECK(multipart_boundary("multipart/form-data; boundary=abc", small, sizeof small) == 0 &&
          strcmp(small, "abc") == 0, "out exactly large enough");
    CHECK(multipart_boundary(NULL, small, sizeof small) == -1, "NULL header");
}

/* ---- a body as a browser sends it ----------------------------------------- */

static const unsigned char Jpeg[] = {
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
    '\r', '\n', '-', '-', '\r', '\n', '-', '-',                 /* CRLF and "--" */
    '\r', '\n', '-', '-', '-', '-', '-', '-', 'W', 'e', 'b',    /* CRLF "--" + a prefix of BD */
    'x', '-', '-', '-', '-', '-', '-', 'W', 'e', 'b', 'K', 'i', 't', 'F', 'o', 'r', 'm',
    'B', 'o', 'u', 'n', 'd', 'a', 'r', 'y', 'X', '3', 'b', 'Y', '9', 'k', 'Q', '7',
    '-', '-', '\n', '-', '-', '-', '-', '-', '-', 'W', 'e', 'b', 'K', 'i', 't', 'F', 'o',
    'r', 'm', 'B', 'o', 'u', 'n', 'd', 'a', 'r', 'y', 'X', '3', 'b', 'Y', '9', 'k', 'Q',
    '7', '\r', '\n',                     /* "--BD" after 'x' and after a bare LF: data */
    0x00, 0x7F, 0x80, 0xFE, 0xFF, 0xD9, '\r', '\n',             /* ends in CRLF */
};

static void
build_browser_body(void)
{
    begin();
    text("ho_ten", NGUYEN_NFD " " VAN_NFD " A");
    text("dia_chi", "S\xE1\xBB\x91 1, " DUONG_LANG "\r\nH\xC3\xA0 N\xE1\xBB\x99i");
    file("anh", "C:\\Users\\a\\" ANH ".jpg", "image/jpeg", Jpeg, sizeof Jpeg);
    file("giay_to", "", "application/octet-stream", "", 0);
    finish();
}

static void
test_browser(void)
{
    enum form_err e;

    build_browser_body();
    e = run(NULL);
    CHECK(e == FORM_OK, "browser body parses (%s)", form_err_str(e));
    CHECK(F.n == 2, "two text fields (got %zu)", F.n);
    CHECK_STR(kv_get(&F, "ho_ten"), NGUYEN " " VAN " A", "NFD value normalised to NFC");
    CHECK_STR(kv_get(&F, "dia_chi"), "S\xE1\xBB\x91 1, " DUONG_LANG "\r\nH\xC3\xA0 N\xE1\xBB\x99i",
              "NFC value with CRLF kept");
    CHECK(F.n == 2 && strcmp(F.v[0].key, "ho_ten") == 0 && strcmp(F.v[1].key, "dia_chi") == 0,
          "fields in body order");
    CHECK(F.n == 2 && F.v[0].vlen == strlen(NGUYEN " " VAN " A"), "vlen is the NFC length");
    CHECK(NF == 1, "one file, the empty part skipped (got %zu)", NF);
    if (NF >= 1) {
        CHECK_STR(Files[0].field, "anh", "file field name");
        CHECK_STR(Files[0].filename, ANH ".jpg", "Windows path stripped from filename");
        CHECK_STR(Files[0].content_type, "image/jpeg", "file content type");
        CHECK(Files[0].len == sizeof Jpeg, "file length %zu (want %zu)", Files[0].len,
              sizeof Jpeg);
        CHECK(Files[0].len == sizeof Jpeg && memcmp(Files[0].data, Jpeg, sizeof Jpeg) == 0,
              "binary data with CR LF, \"--\" and an unprefixed boundary is intact");
        CHECK(within_copy(&Files[0]), "file data points into the body");
    }

    /* the same with a preamble, an epilogue and transport padding */
    begin();
    buf_adds(&B, "This is the preamble.\r\n-- not a delimiter\r\n");
    buf_adds(&B, "--" BD " \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n");
    buf_adds(&B, "--" BD "-- \r\nepilogue --" BD "\r\nContent-Disposition: x\r\n");
    e = run(NULL);
    CHECK(e == FORM_OK && F.n == 1 && NF == 0, "preamble, padding and epilogue ignored");
    CHECK_STR(kv_get(&F, "a"), "1", "value after a preamble");

    /* the close delimiter alone: no fields at all */
    begin();
    finish();
    e = run(NULL);
    CHECK(e == FORM_OK && F.n == 0 && NF == 0 && F.v != NULL && Files != NULL,
          "close delimiter alone is an empty form");

    /* no epilogue, not even the final CRLF */
    build_browser_body();
    B.len -= 2;
    e = run(NULL);
    CHECK(e == FORM_OK && F.n == 2 && NF == 1, "body ending at \"--\" BD \"--\"");

    /* a literal "--boundary" without CRLF before it is value text */
    begin();
    text("v", "x--" BD "\r\ny--" BD "--");
    finish();
    e = run(NULL);
    CHECK(e == FORM_OK && F.n == 1, "boundary without CRLF prefix does not split");
    CHECK_STR(kv_get(&F, "v"), "x--" BD "\r\ny--" BD "--", "value keeps the boundary text");

    /* an empty value, and a value that is only CRLF */
    begin();
    text("a", "");
    text("b", "\r\n");
    finish();
    e = run(NULL);
    CHECK(e == FORM_OK && F.n == 2, "empty and CRLF-only values parse");
    CHECK_STR(kv_get(&F, "a"), "", "empty value");
    CHECK_STR(kv_get(&F, "b"), "\r\n", "CRLF-only value");

    /* header names are case-insensitive; unknown headers are ignored */
    begin();
    part("content-disposition: FORM-DATA; NAME=\"up\"; FileName=\"r.txt\"\r\n"
         "CONTENT-TYPE:text/plain; charset=utf-8\r\nX-Other: whatever\r\n", "hi", 2);
    finish();
    e = run(NULL);
    CHECK(e == FORM_OK && NF == 1, "case-insensitive header and parameter names");
    CHECK(NF == 1 && strcmp(Files[0].field, "up") == 0 && strcmp(Files[0].filename, "r.txt") == 0 &&
          strcmp(Files[0].content_type, "text/plain; charset=utf-8") == 0 && Files[0].len == 2 &&
          memcmp(Files[0].data, "hi", 2) == 0, "fields of that file");
}

/* ---- filenames ------------------------------------------------------------ */

/* one file part with the given raw Content-Disposition filename parameter */
static const char *
fname(const char *param)
{
    char h[1024];
    enum form_err e;

    begin();
    snprintf(h, sizeof h, "Content-Disposition: form-data; name=\"f\"; filename=%s\r\n", param);
    part(h, "x", 1);
    finish();
    e = run(NULL);
    return e == FORM_OK && NF == 1 ? Files[0].filename : "(parse failed)";
}

static void
test_filenames(void)
{
    char longname[300], want[200];
    const char *got;

    CHECK_STR(fname("\"C:\\Users\\a\\" ANH ".jpg\""), ANH ".jpg", "raw Windows path stripped");
    CHECK_STR(fname("\"C:\\\\Users\\\\a\\\\" ANH ".jpg\""), ANH ".jpg",
              "escaped Windows path stripped");
    CHECK_STR(fname("\"/etc/passwd\""), "passwd", "Unix path stripped");
    CHECK_STR(fname("\"../../x.txt\""), "x.txt", "dot-dot path stripped");
    CHECK_STR(fname("\"a\\\"b.txt\""), "a\"b.txt", "backslash-escaped quote");
    CHECK_STR(fname("\"a\tb.txt\""), "ab.txt", "tab removed");
    CHECK_STR(fname("plain.pdf"), "plain.pdf", "unquoted token filename");
    CHECK_STR(fname("\"" ANH_NFD ".png\""), ANH ".png", "NFD filename normalised");
    CHECK_STR(fname("\"\xFF\xFE.jpg\""), "tep", "invalid UTF-8 becomes \"tep\"");
    CHECK_STR(fname("\"..\""), "tep", "\"..\" becomes \"tep\"");
    CHECK_STR(fname("\"dir/\""), "tep", "nothing after the path becomes \"tep\"");
    CHECK_STR(fname("\"\""), "tep", "empty filename with data becomes \"tep\"");

    /* 200 ASCII bytes: cut to exactly 120 */
    longname[0] = '"';
    memset(longname + 1, 'n', 200);
    strcpy(longname + 201, ".txt\"");
    memset(want, 'n', MP_MAX_FILENAME);
    want[MP_MAX_FILENAME] = '\0';
    CHECK_STR(fname(longname), want, "long filename cut to 120 bytes");

    /* "x" + 50 three-byte characters: cut on a character boundary (1 + 39 * 3 bytes) */
    strcpy(longname, "\"x");
    for (int i = 0; i < 50; i++) {
        strcat(longname, "\xE1\xBA\xA3");
    }
    strcat(longname, "\"");
    got = fname(longname);
    CHECK(strlen(got) == 118 && utf8_valid(got, strlen(got)),
          "multibyte filename cut at a character boundary (%zu bytes)", strlen(got));

    /* filename* is ignored: filename decides */
    CHECK_STR(fname("\"a.txt\"; filename*=UTF-8''b%20c.txt"), "a.txt", "filename* ignored");
    begin();
    part("Content-Disposition: form-data; name=\"t\"; filename*=UTF-8''b.txt\r\n", "v", 1);
    finish();
    CHECK(run(NULL) == FORM_OK && NF == 0 && F.n == 1, "filename* alone: a text field");

    /* the file content type defaults to application/octet-stream */
    begin();
    file("f", "a.bin", NULL, "\x01\x02", 2);
    finish();
    CHECK(run(NULL) == FORM_OK && NF == 1, "file without Content-Type parses");
    CHECK_STR(NF == 1 ? Files[0].content_type : NULL, "application/octet-stream",
              "default content type");

    /* an empty filename with no data is skipped; with data it is kept */
    begin();
    file("f", "", NULL, "", 0);
    finish();
    CHECK(run(NULL) == FORM_OK && NF == 0 && F.n == 0, "no file chosen: part skipped");
    begin();
    file("f", "x.txt", NULL, "", 0);
    finish();
    CHECK(run(NULL) == FORM_OK && NF == 1 && Files[0].len == 0 && within_copy(&Files[0]),
          "a chosen empty file is kept");
}

/* ---- limits --------------------------------------------------------------- */

static const struct multipart_limits Tiny = {
    .max_fields = 2, .max_files = 1, .max_key = 8, .max_value = 10, .max_file = 16,
};

static void
test_limits(void)
{
    char name[32];

    begin();
    text("a", "1");
    text("b", "2");
    finish();
    expect_run(&Tiny, FORM_OK, "max_fields text fields");
    begin();
    text("a", "1");
    text("b", "2");
    text("c", "3");
    finish();
    expect_run(&Tiny, FORM_TOO_MANY, "one text field too many");

    begin();
    file("f", "a.txt", NULL, "x", 1);
    file("g", "", NULL, "", 0);
    finish();
    expect_run(&Tiny, FORM_OK, "max_files files (empty part not counted)");
    begin();
    file("f", "a.txt", NULL, "x", 1);
    file("g", "b.txt", NULL, "y", 1);
    finish();
    expect_run(&Tiny, FORM_TOO_MANY_FILES, "one file too many");

    begin();
    file("f", "a.bin", NULL, "0123456789abcdef", 16);
    finish();
    expect_run(&Tiny, FORM_OK, "file of exactly max_file bytes");
    begin();
    file("f", "a.bin", NULL, "0123456789abcdefg", 17);
    finish();
    expect_run(&Tiny, FORM_FILE_TOO_LARGE, "file one byte over max_file");

    begin();
    text("a", "0123456789");
    finish();
    expect_run(&Tiny, FORM_OK, "value of exactly max_value bytes");
    begin();
    text("a", "0123456789a");
    finish();
    expect_run(&Tiny, FORM_VALUE_TOO_LONG, "value one byte over max_value");
    begin();
    text("a", MUSICAL);
    finish();
    expect_run(&Tiny, FORM_VALUE_TOO_LONG, "value over max_value after NFC");
    expect_run(NULL, FORM_OK, "same value under the default limits");

    begin();
    text("abcdefgh", "1");
    finish();
    expect_run(&Tiny, FORM_OK, "key of exactly max_key bytes");
    begin();
    text("abcdefghi", "1");
    finish();
    expect_run(&Tiny, FORM_KEY_TOO_LONG, "key one byte over max_key");
    begin();
    file("abcdefghi", "a.txt", NULL, "1", 1);
    finish();
    expect_run(&Tiny, FORM_KEY_TOO_LONG, "file field name over max_key");

    /* NULL limits are multipart_default_limits */
    begin();
    for (size_t i = 0; i < multipart_default_limits.max_fields; i++) {
        snprintf(name, sizeof name, "k%zu", i);
        text(name, "v");
    }
    buf_adds(&B, "--" BD "--\r\n");
    expect_run(NULL, FORM_OK, "default max_fields fields");
    B.len -= strlen("--" BD "--\r\n");
    text("one_more", "v");
    finish();
    expect_run(NULL, FORM_TOO_MANY, "default max_fields + 1 fields");
    CHECK(F.n == 0 && NF == 0, "nothing returned after an error");
}

/* ---- keys and values ------------------------------------------------------ */

static void
test_keys_values(void)
{
    enum form_err e;

    begin();
    text("a", "1");
    text("a", "2");
    finish();
    expect_run(NULL, FORM_DUPLICATE, "duplicate text key");
    CHECK(F.n == 0, "no fields after a duplicate");

    begin();
    text("a[]", "1");
    text("a[]", "2");
    finish();
    e = run(NULL);
    CHECK(e == FORM_OK && F.n == 2, "repeated key ending \"[]\" allowed");
    CHECK(F.n == 2 && strcmp(F.v[0].val, "1") == 0 && strcmp(F.v[1].val, "2") == 0,
          "both \"[]\" values kept in order");

    begin();
    text("f", "1");
    file("f", "a.txt", NULL, "x", 1);
    finish();
    expect_run(NULL, FORM_DUPLICATE, "file with a text field's name");
    begin();
    file("f", "a.txt", NULL, "x", 1);
    file("f", "b.txt", NULL, "y", 1);
    finish();
    expect_run(NULL, FORM_DUPLICATE, "two files with one name");
    begin();
    file("f[]", "a.txt", NULL, "x", 1);
    file("f[]", "b.txt", NULL, "y", 1);
    finish();
    e = run(NULL);
    CHECK(e == FORM_OK && NF == 2 && strcmp(Files[1].filename, "b.txt") == 0,
          "files named \"f[]\" twice allowed");
    begin();
    file("f", "", NULL, "", 0);
    text("f", "1");
    finish();
    expect_run(NULL, FORM_OK, "a skipped empty file part claims no name");

    begin();
    text("a b", "1");
    finish();
    expect_run(NULL, FORM_BAD_KEY, "space in a name");
    begin();
    text("", "1");
    finish();
    expect_run(NULL, FORM_BAD_KEY, "empty name");
    begin();
    text("t\xC3\xAAn", "1");
    finish();
    expect_run(NULL, FORM_BAD_KEY, "non-ASCII name");
    begin();
    file("a/b", "a.txt", NULL, "x", 1);
    finish();
    expect_run(NULL, FORM_BAD_KEY, "bad file field name");

    begin();
    part("Content-Disposition: form-data; name=\"a\"\r\n", "x\0y", 3);
    finish();
    expect_run(NULL, FORM_CONTROL, "NUL in a value");
    begin();
    text("a", "x\x01y");
    finish();
    expect_run(NULL, FORM_CONTROL, "control character in a value");
    begin();
    text("a", "x\x7Fy");
    finish();
    expect_run(NULL, FORM_CONTROL, "DEL in a value");
    begin();
    text("a", "x\ty\nz\r");
    finish();
    expect_run(NULL, FORM_OK, "tab, LF and CR allowed in a value");
    begin();
    text("a", "\xC3\x28");
    finish();
    expect_run(NULL, FORM_BAD_UTF8, "invalid UTF-8 value");
    begin();
    text("a", "\xED\xA0\x80");
    finish();
    expect_run(NULL, FORM_BAD_UTF8, "surrogate in a value");
    begin();
    file("f", "a.bin", NULL, "\x00\x01\xFF", 3);
    finish();
    expect_run(NULL, FORM_OK, "file data is not checked as text");
}

/* ---- malformed bodies ----------------------------------------------------- */

#define CD_A "Content-Disposition: form-data; name=\"a\"\r\n"

static void
test_malformed(void)
{
    char hdr[1200];
    size_t full, bad = 0;
    enum form_err e;

    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n--" BD "--", NULL, FORM_OK, "minimal good body");
    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n--" BD, NULL, FORM_BAD_MULTIPART,
               "missing close delimiter (ends at the boundary)");
    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n--" BD "\r\n", NULL, FORM_BAD_MULTIPART,
               "missing close delimiter (opening delimiter last)");
    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n--" BD "-", NULL, FORM_BAD_MULTIPART,
               "close delimiter with one dash");
    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n", NULL, FORM_BAD_MULTIPART,
               "truncated in the middle of a part");
    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n--" BD "--junk", NULL, FORM_BAD_MULTIPART,
               "junk after the close delimiter");
    expect_err("--" BD CD_A "\r\n1\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART,
               "no CRLF after the delimiter");
    expect_err("--" BD "XX" CD_A "\r\n1\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART,
               "two other bytes instead of CRLF after the delimiter");
    expect_err("--" BD "\n" CD_A "\r\n1\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART,
               "bare LF after the delimiter");
    expect_err("--" BD "\r\nContent-Disposition: form-data; name=\"a\"\n\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "bare LF line ends in headers");
    expect_err("--" BD "\r\n" CD_A "X-A: bb\n\r\n1\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART,
               "one header line ending in a bare LF");
    expect_err("--" BD "\r\n" CD_A "1\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART,
               "no empty line after the headers");
    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n--" BD "X\r\n" CD_A "\r\n2\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "CRLF \"--\" boundary followed by a letter");
    expect_err("--" BD "\r\nContent-Disposition form-data; name=\"a\"\r\n\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "header without a colon");
    expect_err("--" BD "\r\n: x\r\n" CD_A "\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "header with an empty name");
    expect_err("--" BD "\r\nContent-Disposition : form-data; name=\"a\"\r\n\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "space before the colon");
    expect_err("--" BD "\r\n" CD_A " folded\r\n\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "folded header line");
    expect_err("--" BD "\r\nContent-Disposition: form-data; filename=\"x\"\r\n\r\n1\r\n--" BD
               "--\r\n", NULL, FORM_BAD_MULTIPART, "Content-Disposition without name");
    expect_err("--" BD "\r\nContent-Type: text/plain\r\n\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "no Content-Disposition");
    expect_err("--" BD "\r\n\r\n1\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART, "no headers");
    expect_err("--" BD "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--" BD
               "--\r\n", NULL, FORM_BAD_MULTIPART, "disposition type not form-data");
    expect_err("--" BD "\r\n" CD_A CD_A "\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "Content-Disposition twice");
    expect_err("--" BD "\r\n" CD_A "Content-Disposition: form-data; filename=\"x\"\r\n\r\n1\r\n--"
               BD "--\r\n", NULL, FORM_BAD_MULTIPART, "second Content-Disposition without name");
    expect_err("--" BD "\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n1\r\n--"
               BD "--\r\n", NULL, FORM_BAD_MULTIPART, "name parameter twice");
    expect_err("--" BD "\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "unterminated quoted name");
    expect_err("--" BD "\r\nContent-Disposition: form-data; name=\"a\" x\r\n\r\n1\r\n--" BD
               "--\r\n", NULL, FORM_BAD_MULTIPART, "junk after a parameter");
    expect_err("--" BD "\r\n" CD_A "Content-Type: a\r\nContent-Type: b\r\n\r\n1\r\n--" BD
               "--\r\n", NULL, FORM_BAD_MULTIPART, "Content-Type twice");
    expect_err("--" BD "\r\n" CD_A "X-Ctl: a\x01" "b\r\n\r\n1\r\n--" BD "--\r\n",
               NULL, FORM_BAD_MULTIPART, "control character in a header");
    expect_err("preamble--" BD "\r\n" CD_A "\r\n1\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART,
               "first boundary without CRLF after a preamble");
    expect_err("--" BD "--", NULL, FORM_OK, "close delimiter without CRLF");
    expect_err("preamble\r\n--" BD "--\r\n", NULL, FORM_BAD_MULTIPART,
               "close delimiter alone after a preamble");
    expect_err("--" BD "\r\n" CD_A "\r\n1\r\n--" BD "\r\n--" BD "--\r\n", NULL,
               FORM_BAD_MULTIPART, "a delimiter's CRLF is not shared with the next");

    /* 16 headers of 1024 bytes are fine; a 17th header or a 1025th byte is not */
    begin();
    buf_adds(&B, "--" BD "\r\n" CD_A);
    memset(hdr, 'v', 1024);
    memcpy(hdr, "X-Pad: ", 7);
    hdr[1024] = '\0';
    for (int i = 0; i < 15; i++) {
        buf_adds(&B, hdr);
        buf_adds(&B, "\r\n");
    }
    buf_adds(&B, "\r\n1\r\n");
    finish();
    expect_run(NULL, FORM_OK, "16 headers of 1024 bytes");
    begin();
    buf_adds(&B, "--" BD "\r\n" CD_A);
    for (int i = 0; i < 16; i++) {
        buf_adds(&B, "X-Pad: 1\r\n");
    }
    buf_adds(&B, "\r\n1\r\n");
    finish();
    expect_run(NULL, FORM_BAD_MULTIPART, "17 headers");
    begin();
    buf_adds(&B, "--" BD "\r\n" CD_A);
    buf_adds(&B, hdr);
    buf_adds(&B, "v\r\n\r\n1\r\n");
    finish();
    expect_run(NULL, FORM_BAD_MULTIPART, "header line of 1025 bytes");

    /* the boundary argument itself */
    CHECK(parse_bytes("--" BD "--\r\n", strlen("--" BD "--\r\n"), NULL, NULL) ==
          FORM_BAD_MULTIPART, "NULL boundary");
    CHECK(parse_bytes("----\r\n", 6, "", NULL) == FORM_BAD_MULTIPART, "empty boundary");
    memset(hdr, 'b', 71);
    hdr[71] = '\0';
    CHECK(parse_bytes("--x--", 5, hdr, NULL) == FORM_BAD_MULTIPART, "71-character boundary");
    CHECK(parse_bytes("--" BD "--\r\n", strlen("--" BD "--\r\n"), "----WebKit", NULL) ==
          FORM_BAD_MULTIPART, "a prefix of the real boundary");

    /* empty bodies */
    CHECK(parse_bytes("", 0, BD, NULL) == FORM_BAD_MULTIPART, "empty body");
    CHECK(multipart_parse(&P, NULL, 0, BD, NULL, &F, &Files, &NF) == FORM_BAD_MULTIPART &&
          F.n == 0 && NF == 0, "NULL body");
    expect_err("\r\n", NULL, FORM_BAD_MULTIPART, "body of one CRLF");

    /* every prefix of a browser body that stops before "--" BD "--" is malformed */
    build_browser_body();
    full = B.len - 2;                   /* up to and including "--" BD "--" */
    for (size_t n = 0; n < full; n++) {
        if (parse_bytes(B.p, n, BD, NULL) != FORM_BAD_MULTIPART) {
            bad++;
        }
    }
    CHECK(bad == 0, "all %zu truncated prefixes rejected (%zu accepted)", full, bad);
    e = parse_bytes(B.p, full, BD, NULL);
    CHECK(e == FORM_OK, "the prefix ending at the close delimiter parses");
}

int
main(void)
{
    test_boundary();
    test_browser();
    test_filenames();
    test_limits();
    test_keys_values();
    test_malformed();
    free(Copy);
    buf_free(&B);
    pool_release(&P);
    return tap_done();
}
