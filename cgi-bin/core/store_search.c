/* store_search.c — the search synonyms: read by the catalogue search, kept
 * by the operator.  See store_search.h. */
#include "store_search.h"

#include "search.h"

enum db_rc
synonym_list(struct db *db, struct pool *p, enum synonym_order order, struct synonym_row **rows,
             size_t *n)
{
    enum { C_ID, C_TERM, C_EXPANSION };
    struct dbres res;
    enum db_rc rc;

    *rows = NULL;
    *n = 0;
    rc = db_query(db, p,
                  order == SYNONYM_BY_TERM
                      ? "SELECT id, term, expansion FROM search_synonym ORDER BY term, id"
                      : "SELECT id, term, expansion FROM search_synonym ORDER BY id",
                  DB_NOARGS, &res);
    if (rc != DB_OK || res.nrows == 0) {
        return rc;
    }
    *rows = pool_alloc(p, res.nrows * sizeof(**rows));
    for (size_t i = 0; i < res.nrows; i++) {
        (*rows)[i].id = util_num(dbres_get(&res, i, C_ID));
        (*rows)[i].term = dbres_get(&res, i, C_TERM);
        (*rows)[i].expansion = dbres_get(&res, i, C_EXPANSION);
    }
    *n = res.nrows;
    return DB_OK;
}

enum db_rc
synonym_insert(struct db *db, const char *term, const char *expansion, long long *id)
{
    unsigned long long new_id = 0;
    enum db_rc rc;

    rc = db_exec(db, "INSERT INTO search_synonym (term, expansion) VALUES (?, ?)",
                 DB_ARGS(DV_S(term), DV_S(expansion)), NULL, &new_id);
    *id = (long long)new_id;
    return rc;
}

enum synonym_lock_col { SL_TERM, SL_EXPANSION }; /* the columns of the SELECT below */

enum db_rc
synonym_lock(struct db *db, struct pool *p, long long id, struct synonym_row *s)
{
    struct dbres res;
    enum db_rc rc;

    s->id = 0;
    s->term = s->expansion = NULL;
    rc = db_query(db, p, "SELECT term, expansion FROM search_synonym WHERE id = ? FOR UPDATE",
                  DB_ARGS(DV_I(id)), &res);
    if (rc == DB_OK && res.nrows == 1) {
        s->id = id;
        s->term = dbres_get(&res, 0, SL_TERM);
        s->expansion = dbres_get(&res, 0, SL_EXPANSION);
    }
    return rc;
}

enum db_rc
synonym_delete(struct db *db, long long id)
{
    return db_exec(db, "DELETE FROM search_synonym WHERE id = ?", DB_ARGS(DV_I(id)), NULL, NULL);
}

/* The columns of the select handed to fill_batch (id, text). */
enum fill_col { FILL_ID, FILL_TEXT };

/* One batch of one table: rows after *last whose indexed column is NULL, read
 * by the select (id, text), written by the update (search_index_text, id).
 * *n rows. */
static enum db_rc
fill_batch(struct db *db, struct pool *p, const char *select, const char *update, long long *last,
           size_t *n)
{
    struct dbres res;
    enum db_rc rc;

    *n = 0;
    if ((rc = db_begin(db)) != DB_OK) {
        return rc;
    }
    rc = db_query(db, p, select, DB_ARGS(DV_I(*last)), &res);
    for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
        const char *indexed = search_index_text(p, dbres_get(&res, i, FILL_TEXT));

        *last = util_num(dbres_get(&res, i, FILL_ID));
        rc = db_exec(db, update, DB_ARGS(DV_S(indexed), DV_I(*last)), NULL, NULL);
    }
    if (rc == DB_OK) {
        *n = res.nrows;
    }
    return db_end(db, rc);
}

/* Cases filed before migration 230 have no terms in feedback_term: their
 * folded text is emptied (NULL), a few hundred cases a transaction, for the
 * fill below to make it again and the trigger to add their terms (the
 * statement that looks for them cannot also change them: its trigger writes
 * feedback_term).  A text that folds to nothing has no terms and is left
 * alone. */
static enum db_rc
terms_missing(struct db *db)
{
    long long last = 0;
    size_t n;
    enum db_rc rc;

    do {
        struct pool p = { 0 };
        struct dbres res;

        n = 0;
        if ((rc = db_begin(db)) != DB_OK) {
            return rc;
        }
        rc = db_query(db, &p,
                      "SELECT f.id FROM feedback f WHERE f.id > ? AND f.search_text <> ''"
                      "   AND NOT EXISTS (SELECT 1 FROM feedback_term t WHERE t.id = f.id)"
                      " ORDER BY f.id LIMIT 500 FOR UPDATE",
                      DB_ARGS(DV_I(last)), &res);
        for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
            last = util_num(dbres_get(&res, i, 0));
            rc = db_exec(db, "UPDATE feedback SET search_text = NULL WHERE id = ?",
                         DB_ARGS(DV_I(last)), NULL, NULL);
        }
        n = rc == DB_OK ? res.nrows : 0;
        rc = db_end(db, rc);
        pool_release(&p);
    } while (rc == DB_OK && n > 0);
    return rc;
}

enum db_rc
search_index_fill(struct db *db, long long *ncases, long long *nprocs)
{
    static const char *const sql[2][3] = {
        { "SELECT id, content FROM feedback WHERE id > ? AND search_text IS NULL"
          " ORDER BY id LIMIT 500",
          "UPDATE feedback SET search_text = ? WHERE id = ?", NULL },
        { "SELECT id, name FROM procedure_tthc WHERE id > ? AND search_name IS NULL"
          " ORDER BY id LIMIT 500",
          "UPDATE procedure_tthc SET search_name = ? WHERE id = ?",
          "ALTER TABLE procedure_tthc FORCE" },
    };
    long long *count[2] = { ncases, nprocs };
    enum db_rc rc = terms_missing(db);

    for (size_t t = 0; t < 2 && rc == DB_OK; t++) {
        long long last = 0;
        size_t n;

        *count[t] = 0;
        do {
            struct pool batch = { 0 };

            rc = fill_batch(db, &batch, sql[t][0], sql[t][1], &last, &n);
            pool_release(&batch);
            *count[t] += (long long)n;
        } while (rc == DB_OK && n > 0);
        /* every row filled left its empty version among the index's deleted
         * documents, which each search reads: after many, build it again */
        if (rc == DB_OK && *count[t] >= 1000 && sql[t][2]) {
            rc = db_exec(db, sql[t][2], DB_NOARGS, NULL, NULL);
        }
    }
    return rc;
}
