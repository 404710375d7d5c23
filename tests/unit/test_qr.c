/* test_qr.c — unit tests of qr.c: PNG and SVG output decoded back with
 * zbarimg (the SVG rasterised by rsvg-convert), input rejection, aria-label
 * escaping and SVG size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qr.h"
#include "tap.h"
#include "util.h"

#define URL_SHORT "http://a.vn/"
#define URL_40    "http://127.0.0.1:8080/q/ABCDEFGHJKMNPQRS"
#define URL_48    "http://127.0.0.1:8080/q/ABCDEFGHJKMNPQRSTVWXYZ23"
#define URL_60    "https://dichvucong.example.gov.vn/q/ABCDEFGHJKMNPQRSTVWXYZ23"
/* 120 characters, mixed case, digits and percent escapes */
#define URL_120   "https://motcua.example.vn/ho-so/tra-cuu?ma=HS-2024-000123&ten=Nguy%E1%BB%85n%20V%C4%83n%20A&tok=Zx9Qa7Lm3Kp2Rt8WvYb4Nc1Q"

/* Temp files created by mktemp_path, removed at exit. */
static char tmp_paths[64][64];
static int tmp_n;

/* A fresh empty temp file ending in sfx ("" or ".svg"); NULL on failure. */
static const char *
mktemp_path(const char *sfx)
{
    char *p;
    int fd;

    if (tmp_n >= (int)NELEM(tmp_paths)) {
        return NULL;
    }
    p = tmp_paths[tmp_n];
    snprintf(p, sizeof(tmp_paths[0]), "/tmp/test_qr_XXXXXX%s", sfx);
    fd = mkstemps(p, (int)strlen(sfx));
    if (fd < 0) {
        return NULL;
    }
    close(fd);
    tmp_n++;
    return p;
}

static void
cleanup(void)
{
    int i;

    for (i = 0; i < tmp_n; i++) {
        unlink(tmp_paths[i]);
    }
    tmp_n = 0;
}

static int
write_file(const char *path, const struct buf *b)
{
    FILE *f = fopen(path, "wb");
    int ok;

    if (f == NULL) {
        return -1;
    }
    ok = fwrite(b->p, 1, b->len, f) == b->len;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

/* Run cmd and return its whole stdout (heap, caller frees) with one trailing
 * newline removed, or NULL if it failed. */
static char *
run_capture(const char *cmd)
{
    struct buf b = {0};
    char chunk[512];
    size_t n;
    FILE *f = popen(cmd, "r");

    if (f == NULL) {
        return NULL;
    }
    buf_add(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        buf_add(&b, chunk, n);
    }
    if (pclose(f) != 0) {
        buf_free(&b);
        return NULL;
    }
    if (b.len > 0 && b.p[b.len - 1] == '\n') {
        b.p[--b.len] = '\0';
    }
    return b.p;
}

/* zbarimg's reading of a PNG file, or NULL. */
static char *
zbar_decode(const char *png_path)
{
    char cmd[256];

    snprintf(cmd, sizeof(cmd), "zbarimg -q --raw '%s' 2>/dev/null", png_path);
    return run_capture(cmd);
}

static int
has_png_signature(const struct buf *b)
{
    return b->len > 8 && memcmp(b->p, "\x89PNG\r\n\x1a\n", 8) == 0;
}

static void
roundtrip_png(const char *url, int scale)
{
    struct buf b = {0};
    const char *path = mktemp_path(".png");
    char *got = NULL;
    int rc = qr_png(url, scale, &b);

    CHECK(rc == 0 && has_png_signature(&b), "qr_png(scale %d) of %zu chars: PNG produced",
          scale, strlen(url));
    if (rc == 0 && path != NULL && write_file(path, &b) == 0) {
        got = zbar_decode(path);
    }
    CHECK_STR(got, url, "PNG decodes to the exact input (%zu chars, scale %d)",
              strlen(url), scale);
    free(got);
    buf_free(&b);
}

static void
roundtrip_svg(const char *url)
{
    struct buf b = {0};
    const char *svg = mktemp_path(".svg");
    const char *png = mktemp_path(".png");
    char cmd[256];
    char *conv, *got = NULL;
    int rc = qr_svg(url, "QR", &b);

    CHECK(rc == 0 && b.len > 0 && strncmp(b.p, "<svg", 4) == 0,
          "qr_svg of %zu chars: starts with <svg (%zu bytes)", strlen(url), b.len);
    if (rc == 0 && svg != NULL && png != NULL && write_file(svg, &b) == 0) {
        snprintf(cmd, sizeof(cmd), "rsvg-convert -w 400 '%s' -o '%s'", svg, png);
        conv = run_capture(cmd);
        if (conv != NULL) {
            got = zbar_decode(png);
        }
        free(conv);
    }
    CHECK_STR(got, url, "SVG (rsvg-convert -w 400) decodes to the exact input (%zu chars)",
              strlen(url));
    free(got);
    buf_free(&b);
}

static void
test_roundtrips(void)
{
    static const char *urls[] = { URL_SHORT, URL_40, URL_48, URL_60, URL_120 };
    size_t i;

    CHECK(strlen(URL_40) == 40 && strlen(URL_60) == 60 && strlen(URL_120) == 120,
          "fixture lengths 40/60/120");
    for (i = 0; i < NELEM(urls); i++) {
        roundtrip_png(urls[i], 4);
        roundtrip_svg(urls[i]);
    }
    roundtrip_png(URL_48, 2);       /* zbar needs >= 2 px per module; 1 is checked by size */
    roundtrip_png(URL_48, 1000);    /* clamped to 32 */
    roundtrip_png("Hello, World! abc ABC 123 ~`^{}|\\", 3);   /* case and punctuation kept */
    cleanup();
}

static void
test_png_details(void)
{
    struct buf a = {0}, b = {0};
    unsigned long wa = 0, wb = 0;

    CHECK(qr_png(URL_48, 0, &a) == 0 && qr_png(URL_48, 1, &b) == 0, "scale 0 accepted");
    CHECK(a.len == b.len && memcmp(a.p, b.p, a.len) == 0, "scale 0 is clamped to 1");
    /* IHDR width: big-endian at offset 16 */
    if (a.len > 24) {
        const unsigned char *p = (const unsigned char *)a.p + 16;

        wa = (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | p[2] << 8 | p[3];
    }
    buf_reset(&b);
    CHECK(qr_png(URL_48, 32, &b) == 0, "scale 32");
    if (b.len > 24) {
        const unsigned char *p = (const unsigned char *)b.p + 16;

        wb = (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | p[2] << 8 | p[3];
    }
    /* The same URL as an SVG: its viewBox side must equal the PNG width at
     * scale 1, i.e. a valid symbol width (17 + 4 * version) + 2 * 4 quiet. */
    {
        struct buf s = {0};
        int side = 0;
        const char *vb;

        if (qr_svg(URL_48, NULL, &s) == 0 && (vb = strstr(s.p, "viewBox=\"0 0 ")) != NULL) {
            side = atoi(vb + 13);
        }
        CHECK(side > 0 && (unsigned long)side == wa, "PNG width at scale 1 (%lu) == viewBox (%d)",
              wa, side);
        buf_free(&s);
    }
    CHECK(wa >= 21 + 8 && (wa - 8 - 17) % 4 == 0, "width is a QR size plus 2*4 quiet (%lu)", wa);
    CHECK(wb == wa * 32, "PNG width at scale 32 (got %lu)", wb);
    CHECK(b.p[24] == 8 && b.p[25] == 0, "8-bit grayscale (depth %d, colour type %d)",
          b.p[24], b.p[25]);
    buf_free(&a);
    buf_free(&b);
}

static void
test_rejects(void)
{
    struct buf b = {0};
    char big[8000];

    buf_adds(&b, "prefix");
    CHECK(qr_svg(NULL, "x", &b) == -1, "qr_svg(NULL) rejected");
    CHECK(qr_png(NULL, 4, &b) == -1, "qr_png(NULL) rejected");
    CHECK(qr_svg("", "x", &b) == -1 && qr_png("", 4, &b) == -1, "empty text rejected");
    CHECK(qr_svg("http://a.vn/?x=\xC3\xBC", "x", &b) == -1, "qr_svg: UTF-8 text rejected");
    CHECK(qr_png("http://a.vn/?x=\xC3\xBC", 4, &b) == -1, "qr_png: UTF-8 text rejected");
    CHECK(qr_svg("abc\x80", NULL, &b) == -1 && qr_png("\xff", 4, &b) == -1,
          "any byte >= 0x80 rejected");
    CHECK(qr_svg("x", NULL, NULL) == -1 && qr_png("x", 4, NULL) == -1, "NULL out rejected");

    memset(big, 'a', sizeof(big) - 1);      /* lowercase: 8-bit mode, max 2331 at M */
    big[sizeof(big) - 1] = '\0';
    CHECK(qr_svg(big, NULL, &b) == -1 && qr_png(big, 4, &b) == -1, "too long text rejected");
    big[2331] = '\0';
    CHECK(qr_png(big, 1, &b) == 0, "2331 bytes (version 40-M capacity) accepted");
    b.len = 6;
    b.p[6] = '\0';
    big[2332] = '\0';
    big[2331] = 'a';
    CHECK(qr_png(big, 1, &b) == -1, "2332 bytes rejected");
    CHECK_STR(b.p, "prefix", "out untouched by failures");
    buf_free(&b);
}

static void
test_svg_markup(void)
{
    struct buf b = {0};
    const char *label = "Qu\xE1\xBA\xA7y 01 <b>\"x\" & 'y'";

    buf_adds(&b, "<p>");
    CHECK(qr_svg(URL_48, label, &b) == 0, "qr_svg with a label");
    CHECK(strncmp(b.p, "<p><svg", 7) == 0, "appended after existing content");
    CHECK(strstr(b.p, "aria-label=\"Qu\xE1\xBA\xA7y 01 &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;\"")
          != NULL, "aria-label escaped (& < > \" ') with UTF-8 kept");
    CHECK(strstr(b.p, "<b>") == NULL, "no raw markup from the label");
    CHECK(strstr(b.p, "role=\"img\"") != NULL, "role=img");
    CHECK(strstr(b.p, "viewBox=\"0 0 ") != NULL, "viewBox present");
    CHECK(strstr(b.p, "shape-rendering=\"crispEdges\"") != NULL, "crispEdges");
    CHECK(strstr(b.p, "fill=\"#fff\"") != NULL, "white background");
    CHECK(b.len > 6 && strcmp(b.p + b.len - 6, "</svg>") == 0, "ends with </svg>");
    {
        const char *p = strstr(b.p, "<path");

        CHECK(p != NULL && strstr(p + 1, "<path") == NULL, "exactly one path");
    }

    buf_reset(&b);
    CHECK(qr_svg(URL_48, NULL, &b) == 0 && strstr(b.p, "aria-label") == NULL &&
          strstr(b.p, "aria-hidden=\"true\"") != NULL, "NULL label: aria-hidden, no aria-label");

    buf_reset(&b);
    CHECK(qr_svg(URL_40, "M\xC3\xA3 QR", &b) == 0 && strncmp(b.p, "<svg", 4) == 0,
          "SVG starts with <svg");
    CHECK(b.len < 4096, "SVG of a 40-char URL < 4096 bytes (%zu)", b.len);
    buf_reset(&b);
    CHECK(qr_svg(URL_60, "M\xC3\xA3 QR", &b) == 0 && b.len < 4096,
          "SVG of a 60-char URL < 4096 bytes (%zu)", b.len);
    buf_free(&b);
}

int
main(void)
{
    test_rejects();
    test_svg_markup();
    test_png_details();
    test_roundtrips();
    cleanup();
    return tap_done();
}
