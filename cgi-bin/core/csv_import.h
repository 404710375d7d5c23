/* csv_import.h — the operator's CSV imports (motcuactl import-procedures,
 * import-dossiers).  Each row is checked and stored on its own: an invalid
 * row is reported as "line N, field F: why" and the valid ones are kept. */
#ifndef MOTCUA_CSV_IMPORT_H
#define MOTCUA_CSV_IMPORT_H

#include <stdio.h>

#include "sctx.h"

struct csv_result {
    int rows, errors;
};

/* Both write what is wrong with a row to err, in lang ("vi", "en").
 *
 * national_code,version,name,field_code,field_name,level,unit_code,time_value,
 * time_unit,use_cutoff,fee,documents,result,legal_basis,effective_from,effective_to */
int csv_import_procedures(struct sctx *x, const char *lang, const char *path, FILE *err,
                          struct csv_result *out);

/* code,unit_code,procedure_code,applicant_name,applicant_phone,applicant_email,
 * applicant_address,received_at,due_at,status,finished_at,returned_at */
int csv_import_dossiers(struct sctx *x, const char *lang, const char *path, FILE *err,
                        struct csv_result *out);

#endif
