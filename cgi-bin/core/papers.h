/* papers.h — what the printed papers need beyond the stored data: the
 * documents table of the receipt (name, original or copy, number), read from
 * the dossier's list of documents. */
#ifndef MOTCUA_PAPERS_H
#define MOTCUA_PAPERS_H

#include <stddef.h>

/* How a document was handed in (the receipt's "bản chính / bản sao" column). */
enum paper_doc_form { DOC_UNSAID, DOC_ORIGINAL, DOC_CERTIFIED_COPY, DOC_COPY };

extern const char *const paper_doc_forms[4];   /* "", "original", "certified_copy", "copy" */

struct paper_doc {
    const char *name;        /* points into the line; not NUL-terminated */
    size_t name_len;
    enum paper_doc_form form;
    int count;               /* 0: not said */
};

/* One line of the documents list, as the receiving officer writes it:
 * "Tờ khai; bản chính; 1", "Giấy khai sinh (bản sao chứng thực)" or just a
 * name.  The form is one of "bản chính", "bản sao chứng thực", "bản sao"
 * (first letter in either case), after a ';' or in brackets at the end of the
 * name; the number, 1 to 99, after a second ';'.  What is not understood stays
 * in the name.  0, or -1 for a blank line. */
int paper_doc_parse(const char *line, size_t len, struct paper_doc *d);

#endif
