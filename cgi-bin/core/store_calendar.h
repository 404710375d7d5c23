/* store_calendar.h — every SQL statement the administrator and the operator
 * write about the working-day calendar (calendar_day) and the rules of each
 * legal version (legal_version).  The functions take the database handle and
 * a pool, never the request; strings they return come from that pool. */
#ifndef MOTCUA_STORE_CALENDAR_H
#define MOTCUA_STORE_CALENDAR_H

#include <stddef.h>

#include "db.h"
#include "util.h"

/* ---- calendar days (the exceptions to the weekend rule) ---------------- */

/* A day of the calendar as stored; the strings of a read row come from the
 * pool, is_working and confirmed as "0"/"1" as the forms show them. */
struct calendar_day_row {
    const char *day; /* YYYY-MM-DD */
    const char *is_working, *kind, *name_vi, *name_en, *source, *confirmed;
};

/* The days from from to to (YYYY-MM-DD, both included), in order: *rows (n)
 * from p. */
enum db_rc calendar_day_list(struct db *db, struct pool *p, const char *from, const char *to,
                             struct calendar_day_row **rows, size_t *n);

/* The day (YYYY-MM-DD) into d: *found 1, or 0 when it is an ordinary day. */
enum db_rc calendar_day_get(struct db *db, struct pool *p, const char *day,
                            struct calendar_day_row *d, int *found);

/* A day written or rewritten (a CSV import or the administrator's form). */
struct calendar_day_in {
    const char *day, *kind, *name_vi, *name_en, *source;
    int is_working, confirmed;
};

enum db_rc calendar_day_save(struct db *db, const struct calendar_day_in *in);

/* The day made ordinary again: *done 1, or 0 when it was not in the calendar. */
enum db_rc calendar_day_delete(struct db *db, const char *day, int *done);

/* ---- the rules of each legal version ----------------------------------- */

/* A legal version's rules, as the forms show them (strings from the pool). */
struct legal_rule_row {
    const char *legal_version, *effective_from, *lead_days, *lead_unit, *max_reappoint;
    const char *near_due_days, *supplement_within_days, *supplement_max_restarts;
    const char *supplement_rule, *title, *ontime_base;
};

/* Every version, the newest first: *rows (n) from p. */
enum db_rc legal_rule_list(struct db *db, struct pool *p, struct legal_rule_row **rows, size_t *n);

/* What the administrator sets of a version. */
struct legal_rule_in {
    const char *legal_version, *effective_from; /* on creation only */
    long long lead_days, max_reappoint, near_due_days, supplement_within_days;
    long long supplement_max_restarts;
    const char *lead_unit, *supplement_rule, *ontime_base;
};

/* A new version, titled by its name, with the papers of the version in force
 * on its first day; DB_DUP when the name is taken. */
enum db_rc legal_rule_insert(struct db *db, const struct legal_rule_in *in);

/* Lock the version for the caller's transaction: *found 1 or 0. */
enum db_rc legal_rule_lock(struct db *db, struct pool *p, const char *legal_version, int *found);

/* The rules of the version in->legal_version (its date is not changed). */
enum db_rc legal_rule_update(struct db *db, const struct legal_rule_in *in);

#endif
