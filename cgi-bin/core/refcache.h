/* refcache.h — what a dossier's page shows of its procedure, units and
 * counter, and a case's tracking page of its unit and counter, kept by each
 * process (struct app) as the legal versions are
 * (legal.h): emptied when the number legal_generation.ref_gen, which
 * migration 310's triggers move at every write to procedure_tthc, org_unit,
 * counter or field, differs from the one the copy was filled at.  A statement
 * reads that number with its own rows (REF_GEN_COL, joined by
 * LEGAL_GEN_JOIN) and gives it to ref_cache_sync; a row missing from the copy
 * is read on its first use. */
#ifndef MOTCUA_REFCACHE_H
#define MOTCUA_REFCACHE_H

#include "db.h"
#include "util.h"

#define REF_GEN_COL "COALESCE(lg.ref_gen, 0)"

enum ref_kind { REF_PROCEDURE, REF_UNIT, REF_COUNTER, REF__KINDS };

/* The columns of each kind's row. */
enum ref_procedure_col { RP_NAME, RP_NATIONAL_CODE, RP_TIME_VALUE, RP_TIME_UNIT, RP_FEE, RP_FIELD };
enum ref_unit_col { RU_NAME, RU_ADDRESS, RU_HOTLINE };
enum ref_counter_col { RC_NAME };

struct ref_entry {
    long long id;
    char **cells; /* NULL: no such row */
};

struct ref_cache {
    unsigned long long gen; /* the number the copy was filled at; 0: none */
    struct {
        size_t cap, n;
        struct ref_entry *e;
    } map[REF__KINDS];
    struct pool pool; /* what the entries hold */
};

/* Empty c unless gen is the number it was filled at (0, the row missing:
 * emptied every time). */
void ref_cache_sync(struct ref_cache *c, unsigned long long gen);

/* The row of kind k and id, its columns copied into p (enum ref_*_col), read
 * from the database when the copy lacks it; *cells NULL when there is no
 * such row. */
enum db_rc ref_cache_get(struct ref_cache *c, struct db *db, struct pool *p, enum ref_kind k,
                         long long id, char ***cells);

void ref_cache_free(struct ref_cache *c);

#endif
