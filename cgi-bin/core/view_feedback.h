/* view_feedback.h — a feedback case as page data: what the store
 * (store_feedback.h) reads, under the names the templates use. */
#ifndef MOTCUA_VIEW_FEEDBACK_H
#define MOTCUA_VIEW_FEEDBACK_H

#include "db.h"
#include "http.h"

/* The public view of a case (no personal data), fcase as feedback_public_find
 * read it, into the page data under Page.Case: its fields,
 * Page.Case.Events.N.{event, body, at} (from fcase's rows, no more read) and Page.Case.Answer,
 * the latest answer's text; the consent to messages under Page.Consent.
 * Nothing when fcase has no row. */
enum db_rc feedback_public_hdf(struct req *r, const struct dbres *fcase);

#endif
