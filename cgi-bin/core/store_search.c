/* store_search.c — the search synonyms: read by the catalogue search, kept
 * by the operator.  See store_search.h. */
#include "store_search.h"

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
        s->term = dbres_get(&res, 0, 0);
        s->expansion = dbres_get(&res, 0, 1);
    }
    return rc;
}

enum db_rc
synonym_delete(struct db *db, long long id)
{
    return db_exec(db, "DELETE FROM search_synonym WHERE id = ?", DB_ARGS(DV_I(id)), NULL, NULL);
}
