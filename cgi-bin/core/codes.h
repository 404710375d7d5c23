/* codes.h — what a citizen types, pastes or scans, put in the form the codes
 * are stored in, before any look-up: a QR token, a feedback tracking code, a
 * dossier code.  Each result is in the pool; a text that does not have the
 * code's shape comes back only trimmed, so the look-up that follows misses it
 * as it would have. */
#ifndef MOTCUA_CODES_H
#define MOTCUA_CODES_H

#include "util.h"

/* QR token (21 characters of Crockford base32): spaces and dashes dropped,
 * upper case, and the look-alikes read as Crockford reads them (I, L as 1;
 * O as 0).  "  7k2m-…" → "7K2M…". */
char *code_qr_token(struct pool *p, const char *s);

/* Feedback tracking code "PA-YYYYMMDD-NNNN-XXXX": with spaces, other dashes
 * or none, in any case → "PA-20261202-0001-4ABC"; the check part is read as a
 * QR token is. */
char *code_feedback(struct pool *p, const char *s);

/* Dossier code "<unit code>-YYMMDD-NNNN": typed with spaces for the dashes or
 * with none, in any case → "000.00.01.H41-261202-0001"; typed with dashes,
 * only the spaces go and letters are upper-cased (an imported code keeps its
 * own dashes). */
char *code_dossier(struct pool *p, const char *s);

#endif
