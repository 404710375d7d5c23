/* refcache.c — see refcache.h. */
#include "refcache.h"

#include <stdlib.h>
#include <string.h>

/* a process keeps at most this many rows of a kind; past it, the copy is
 * emptied and filled again (a province has a few thousand of each) */
#define REF_MAX 65536

static const struct {
    const char *sql;
    size_t ncols;
} ref_read[REF__KINDS] = {
    [REF_PROCEDURE] = { "SELECT p.name, p.national_code, p.time_value, p.time_unit, p.fee, f.name"
                        "  FROM procedure_tthc p JOIN field f ON f.id = p.field_id"
                        " WHERE p.id = ?",
                        6 },
    [REF_UNIT] = { "SELECT name, address, hotline FROM org_unit WHERE id = ?", 3 },
    [REF_COUNTER] = { "SELECT name FROM counter WHERE id = ?", 1 },
};

static void
ref_empty(struct ref_cache *c)
{
    for (size_t k = 0; k < REF__KINDS; k++) {
        free(c->map[k].e);
        c->map[k].e = NULL;
        c->map[k].cap = c->map[k].n = 0;
    }
    pool_release(&c->pool);
}

void
ref_cache_sync(struct ref_cache *c, unsigned long long gen)
{
    if (gen == 0 || gen != c->gen) {
        ref_empty(c);
        c->gen = gen;
    }
}

static size_t
slot_of(long long id, size_t cap)
{
    return (size_t)((unsigned long long)id * 0x9E3779B97F4A7C15ULL >> 20) & (cap - 1);
}

/* the entry of id in map k, or the free slot where it goes */
static struct ref_entry *
ref_find(struct ref_cache *c, enum ref_kind k, long long id)
{
    size_t cap = c->map[k].cap;
    struct ref_entry *e = c->map[k].e;

    for (size_t i = slot_of(id, cap);; i = (i + 1) & (cap - 1)) {
        if (e[i].id == id || e[i].id == 0) {
            return &e[i];
        }
    }
}

/* room for one more entry in map k (at most half full) */
static void
ref_grow(struct ref_cache *c, enum ref_kind k)
{
    size_t old = c->map[k].cap, cap = old ? old * 2 : 64;
    struct ref_entry *was = c->map[k].e;

    if (c->map[k].n + 1 <= old / 2) {
        return;
    }
    c->map[k].e = xcalloc(cap, sizeof(*c->map[k].e));
    c->map[k].cap = cap;
    for (size_t i = 0; i < old; i++) {
        if (was[i].id != 0) {
            *ref_find(c, k, was[i].id) = was[i];
        }
    }
    free(was);
}

enum db_rc
ref_cache_get(struct ref_cache *c, struct db *db, struct pool *p, enum ref_kind k, long long id,
              char ***cells)
{
    size_t ncols = ref_read[k].ncols;
    struct ref_entry *e;
    struct dbres res;
    enum db_rc rc;

    *cells = NULL;
    if (id <= 0) {
        return DB_OK; /* ids start at 1; 0 is the empty slot */
    }
    if (c->map[k].cap == 0 || (e = ref_find(c, k, id))->id != id) {
        rc = db_query(db, p, ref_read[k].sql, DB_ARGS(DV_I(id)), &res);
        if (rc != DB_OK) {
            return rc;
        }
        if (c->map[k].n >= REF_MAX) {
            unsigned long long gen = c->gen;

            ref_empty(c);
            c->gen = gen;
        }
        ref_grow(c, k);
        e = ref_find(c, k, id);
        e->id = id;
        e->cells = NULL;
        if (res.nrows) {
            e->cells = pool_alloc(&c->pool, ncols * sizeof(*e->cells));
            for (size_t i = 0; i < ncols; i++) {
                e->cells[i] = pool_strdup(&c->pool, dbres_get(&res, 0, i));
            }
        }
        c->map[k].n++;
    }
    if (e->cells) {
        /* copies for the request: a later sync may empty the process's */
        *cells = pool_alloc(p, ncols * sizeof(**cells));
        for (size_t i = 0; i < ncols; i++) {
            (*cells)[i] = pool_strdup(p, e->cells[i]);
        }
    }
    return DB_OK;
}

void
ref_cache_free(struct ref_cache *c)
{
    ref_empty(c);
    c->gen = 0;
}
