/* qr.c — QR code images via libqrencode: compact SVG and grayscale PNG. */
#include "qr.h"

#include <png.h>
#include <qrencode.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define QR_QUIET     4      /* quiet zone, modules on each side */
#define QR_SCALE_MAX 32

/* Encode an ASCII C string; NULL for NULL/empty/non-ASCII/too long.
 * The caller frees the result with QRcode_free(). */
static QRcode *
qr_encode(const char *text)
{
    const unsigned char *s;

    if (text == NULL || text[0] == '\0') {
        return NULL;
    }
    for (s = (const unsigned char *)text; *s != '\0'; s++) {
        if (*s >= 0x80) {
            return NULL;
        }
    }
    return QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

static int
qr_dark(const QRcode *q, int x, int y)
{
    return q->data[y * q->width + x] & 1;
}

/* Append s with & < > " ' replaced by entities (safe in text and in quoted
 * attribute values). */
static void
html_escape(struct buf *out, const char *s)
{
    const char *run = s;

    for (; *s != '\0'; s++) {
        const char *ent;

        switch (*s) {
        case '&':  ent = "&amp;";  break;
        case '<':  ent = "&lt;";   break;
        case '>':  ent = "&gt;";   break;
        case '"':  ent = "&quot;"; break;
        case '\'': ent = "&#39;";  break;
        default:   continue;
        }
        buf_add(out, run, (size_t)(s - run));
        buf_adds(out, ent);
        run = s + 1;
    }
    buf_add(out, run, (size_t)(s - run));
}

int
qr_svg(const char *text, const char *label, struct buf *out)
{
    QRcode *q;
    int w, size, x, y, run;
    int px, py;             /* start of the previous subpath (where "z" leaves us) */

    if (out == NULL || (q = qr_encode(text)) == NULL) {
        return -1;
    }
    w = q->width;
    size = w + 2 * QR_QUIET;

    buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
               " shape-rendering=\"crispEdges\" role=\"img\"", size, size);
    if (label != NULL) {
        buf_adds(out, " aria-label=\"");
        html_escape(out, label);
        buf_addc(out, '"');
    } else {
        buf_adds(out, " aria-hidden=\"true\"");
    }
    buf_printf(out, "><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path d=\"", size, size);

    /* One subpath per horizontal run of dark modules.  The first is placed
     * with an absolute "M"; after "z" the current point is back at the run's
     * start, so the following ones use a short relative "m". */
    px = py = -1;
    for (y = 0; y < w; y++) {
        for (x = 0; x < w; x += run) {
            if (!qr_dark(q, x, y)) {
                run = 1;
                continue;
            }
            for (run = 1; x + run < w && qr_dark(q, x + run, y); run++) {
            }
            if (px < 0) {
                buf_printf(out, "M%d %d", x + QR_QUIET, y + QR_QUIET);
            } else {
                buf_printf(out, "m%d %d", x - px, y - py);
            }
            buf_printf(out, "h%dv1h-%dz", run, run);
            px = x;
            py = y;
        }
    }
    buf_adds(out, "\"/></svg>");
    QRcode_free(q);
    return 0;
}

/* ---- PNG ---------------------------------------------------------------- */

static void
png_to_buf(png_structp png, png_bytep data, size_t len)
{
    buf_add(png_get_io_ptr(png), data, len);
}

static void
png_no_flush(png_structp png)
{
    (void)png;
}

/* Write the whole image; libpng reports errors by longjmp, which lands here
 * and turns into -1.  Nothing read after the jump is modified after setjmp;
 * the caller owns png, info and row and frees them on both paths. */
static int
png_write_qr(png_structp png, png_infop info, const QRcode *q, int scale,
             unsigned char *row, struct buf *out)
{
    int w = q->width;
    int px = (w + 2 * QR_QUIET) * scale;
    int x, y, i;

    if (setjmp(png_jmpbuf(png))) {
        return -1;
    }
    png_set_write_fn(png, out, png_to_buf, png_no_flush);
    png_set_IHDR(png, info, (png_uint_32)px, (png_uint_32)px, 8, PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 9);
    png_write_info(png, info);

    memset(row, 255, (size_t)px);
    for (y = 0; y < QR_QUIET * scale; y++) {
        png_write_row(png, row);
    }
    for (y = 0; y < w; y++) {
        for (x = 0; x < w; x++) {
            memset(row + (size_t)(x + QR_QUIET) * (size_t)scale,
                   qr_dark(q, x, y) ? 0 : 255, (size_t)scale);
        }
        for (i = 0; i < scale; i++) {
            png_write_row(png, row);
        }
    }
    memset(row, 255, (size_t)px);
    for (y = 0; y < QR_QUIET * scale; y++) {
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    return 0;
}

int
qr_png(const char *text, int scale, struct buf *out)
{
    QRcode *q;
    png_structp png = NULL;
    png_infop info = NULL;
    unsigned char *row;
    size_t start;
    int rc = -1;

    if (out == NULL || (q = qr_encode(text)) == NULL) {
        return -1;
    }
    if (scale < 1) {
        scale = 1;
    } else if (scale > QR_SCALE_MAX) {
        scale = QR_SCALE_MAX;
    }
    start = out->len;
    row = xmalloc((size_t)(q->width + 2 * QR_QUIET) * (size_t)scale);

    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (png != NULL) {
        info = png_create_info_struct(png);
    }
    if (info != NULL) {
        rc = png_write_qr(png, info, q, scale, row, out);
    }

    /* single cleanup path */
    if (rc != 0 && out->p != NULL) {
        out->len = start;       /* drop a partial image */
        out->p[start] = '\0';
    }
    png_destroy_write_struct(&png, &info);
    free(row);
    QRcode_free(q);
    return rc;
}
