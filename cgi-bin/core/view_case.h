/* view_case.h — feedback cases as page data: the inbox's page and the case
 * page, from what store_case.h reads. */
#ifndef MOTCUA_VIEW_CASE_H
#define MOTCUA_VIEW_CASE_H

#include "http.h"
#include "store_case.h"

/* The inbox's page into Page.Counts (per status, open, escalated, overdue),
 * Page.Total and Page.Cases (with each open case's deadline). */
void case_page_hdf(struct req *r, const struct case_page *p);

/* The case c read into d into Page.Case (content, context, deadline,
 * retention), Page.Contact and Page.ContactLine (when read), Page.Files and
 * Page.Events.  Nothing when d holds no row. */
void case_detail_hdf(struct req *r, const struct case_row *c, const struct case_detail *d);

#endif
