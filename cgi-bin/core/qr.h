/* qr.h — QR code images (SVG for inlining in HTML, PNG for download/print).
 *
 * Both encoders use error-correction level M, the smallest version that fits,
 * libqrencode's 8-bit hint (case-sensitive; digit/alphanumeric runs may still
 * get their denser modes) and a quiet zone of 4 modules on every side.
 *
 * Only ASCII text is accepted: a byte >= 0x80 makes both return -1.  Without
 * an ECI header, decoders guess the charset of 8-bit data (UTF-8 "ü" may come
 * back as "羹"), so callers percent-encode URLs first.
 *
 * Ownership: the caller owns `out`; output is appended to it (it is never
 * reset) and on failure out->len and its contents are left as they were.
 * Memory exhaustion aborts the process, as everywhere in util.h. */
#ifndef MOTCUA_QR_H
#define MOTCUA_QR_H

#include "util.h"

/* Append "<svg …>…</svg>" (no XML prolog, no trailing newline): a viewBox in
 * modules, shape-rendering="crispEdges", a white background rect and one black
 * <path> with the dark modules merged into horizontal runs.  There are no
 * width/height attributes: size it with CSS (or rsvg-convert -w).
 * label (UTF-8, may be NULL) is HTML-escaped into aria-label next to
 * role="img"; with label NULL the image is marked aria-hidden="true" instead
 * (the caller shows the same information as text).
 * Returns 0, or -1 if text is NULL, empty, non-ASCII or too long for a QR
 * code (out untouched). */
int qr_svg(const char *text, const char *label, struct buf *out);

/* Append a PNG: 8-bit grayscale (0 dark, 255 light), `scale` pixels per
 * module, clamped to 1..32.  Same quiet zone and return values as qr_svg;
 * a libpng error also returns -1 (out restored). */
int qr_png(const char *text, int scale, struct buf *out);

#endif
