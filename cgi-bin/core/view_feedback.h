/* view_feedback.h — a feedback case as page data: what the store
 * (store_feedback.h) reads, under the names the templates use. */
#ifndef MOTCUA_VIEW_FEEDBACK_H
#define MOTCUA_VIEW_FEEDBACK_H

#include "db.h"
#include "http.h"

/* The public view of a case (no personal data, feedback_public) into the
 * page data under Page.Case: its fields, Page.Case.Events.N.{event, body, at}
 * and Page.Case.Answer, the latest answer's text.  Nothing for an unknown id. */
enum db_rc feedback_public_hdf(struct req *r, long long id);

#endif
