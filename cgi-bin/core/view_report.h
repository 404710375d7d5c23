/* view_report.h — the leader's figures and the public statistics as page
 * data: what store_report.h returns, under the names the templates read. */
#ifndef MOTCUA_VIEW_REPORT_H
#define MOTCUA_VIEW_REPORT_H

#include <stddef.h>

#include "db.h"
#include "http.h"
#include "store_report.h"

/* The on-time base chosen (Page.OnTimeBase, Page.OnTimeVersion); nothing when
 * none was. */
void view_report_base(struct req *r, const struct report_base *b);

/* A summary's figures into prefix.* (counts, shares and means as the page's
 * language writes them, the medians); its sub-units, if any, into Page.Units. */
void view_report_summary(struct req *r, const char *prefix, const struct report_base *b,
                         const struct report_summary *s);

/* The QĐ 766 figures of each unit into prefix.N (name, finished and the
 * figures of the dashboard's QĐ 766 section); a rate whose base is under
 * min_count is left out. */
void view_report_public(struct req *r, const char *prefix, const struct report_base *b,
                        const struct report_public_row *rows, size_t n, int min_count);

/* The counters and the officers (Page.Counters, Page.Officers): name,
 * ratings, kind, and from min_count ratings the rank and the shares. */
void view_report_people(struct req *r, struct report_person *const people[REPORT_PEOPLE],
                        const size_t n[REPORT_PEOPLE], int min_count);

/* The recounts (Page.Corrections). */
void view_report_corrections(struct req *r, const struct dbres *res);

/* The monthly trend (Page.Trend, Page.TrendMax) with its bars' geometry. */
void view_report_trend(struct req *r, const struct dbres *res);

/* The codes of a list's rows (status, level, kind) in words of the page's
 * language, in place; a code the language does not name stays. */
void view_report_list_words(struct req *r, const char *kind, const struct dbres *rows);

/* A page of the audit trail (Page.Audit, Page.AuditCount). */
void view_report_audit(struct req *r, const struct dbres *res);

#endif
