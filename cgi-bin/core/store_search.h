/* store_search.h — every SQL statement about the search synonyms
 * (search_synonym, sql/015_search.sql) and the filling of the folded columns
 * the full-text index reads (sql/100_search_index.sql).  The functions take the database
 * handle and a pool, never the request; strings they return come from that
 * pool. */
#ifndef MOTCUA_STORE_SEARCH_H
#define MOTCUA_STORE_SEARCH_H

#include <stddef.h>

#include "db.h"
#include "util.h"

struct synonym_row {
    long long id;
    const char *term;      /* folded */
    const char *expansion; /* as typed */
};

enum synonym_order { SYNONYM_BY_ID, SYNONYM_BY_TERM };

/* Every synonym, in the order asked: *rows (n) from p. */
enum db_rc synonym_list(struct db *db, struct pool *p, enum synonym_order order,
                        struct synonym_row **rows, size_t *n);

/* A new synonym (term already folded): its id into *id; DB_DUP when the term
 * already has this expansion. */
enum db_rc synonym_insert(struct db *db, const char *term, const char *expansion, long long *id);

/* Synonym id locked for the caller's transaction into s: s->id 0 if none. */
enum db_rc synonym_lock(struct db *db, struct pool *p, long long id, struct synonym_row *s);

enum db_rc synonym_delete(struct db *db, long long id);

/* Fill the indexed columns still empty (NULL) — rows written before migration
 * 100 or by hand in SQL: feedback.search_text from the content,
 * procedure_tthc.search_name from the name, each as search_index_text makes it, in
 * transactions of a few hundred rows, and after a thousand procedures or more
 * the table and its full-text index rebuilt (ALTER TABLE … FORCE).  Cases
 * without terms in feedback_term (filed before migration 230) are folded
 * again, which adds them.  How many rows of each into *ncases and *nprocs. */
enum db_rc search_index_fill(struct db *db, long long *ncases, long long *nprocs);

#endif
