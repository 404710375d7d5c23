/* view_dossier.h — a dossier's pages: what the store reads (store_dossier.h)
 * as page data for the templates. */
#ifndef MOTCUA_VIEW_DOSSIER_H
#define MOTCUA_VIEW_DOSSIER_H

#include "db.h"
#include "http.h"
#include "store_dossier.h"

/* Everything of one dossier for staff pages and papers (Page.D, Page.Cycles,
 * Page.Steps, Page.Events, Page.Apologies).  For the public page use
 * dossier_public_hdf. */
enum db_rc dossier_staff_hdf(struct req *r, const struct dossier_row *d);

/* The citizen's page: by the QR link's dossier id, no personal data of
 * officers; the consent to messages under Page.Consent. */
enum db_rc dossier_public_hdf(struct req *r, long long dossier_id);

/* Lists of the user's unit (or subtree): in progress with their lateness
 * (Page.Dossiers, Page.Count). */
enum db_rc dossier_list_hdf(struct req *r, const char *filter, int page, int per_page);

#endif
