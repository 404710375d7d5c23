/* cal_check.h — whether the working-day calendar (calendar_day) can be trusted
 * for the due dates computed from it: days off entered for the coming year,
 * rows confirmed against the official text, a year of rows for every year an
 * open dossier's appointment falls in.  Read by the admin calendar page and
 * `motcuactl tick`. */
#ifndef MOTCUA_CAL_CHECK_H
#define MOTCUA_CAL_CHECK_H

#include "db.h"
#include "util.h"

#define CAL_CHECK_AHEAD 365   /* "the next 12 months", in days from today */
#define CAL_CHECK_LIST 10     /* unconfirmed days named, at most */

struct cal_gap {
    int year;
    long long dossiers;       /* open dossiers whose appointment falls in it */
};

struct cal_check {
    int from, to;             /* the window checked: today .. today + CAL_CHECK_AHEAD */
    long long days_off;       /* rows with is_working = 0 in the window */
    long long unconfirmed;    /* rows still marked unconfirmed, any year */
    const char *unconfirmed_days;   /* the first CAL_CHECK_LIST of them, "YYYY-MM-DD, …" */
    size_t ngaps;
    struct cal_gap gaps[16];  /* years (from today's on) with appointments and no rows */
};

/* Fill *out for the local day `today`; strings live in the pool. */
enum db_rc cal_check(struct db *db, struct pool *p, int today, struct cal_check *out);

/* The number of warnings *c gives (0: nothing to say). */
int cal_check_warnings(const struct cal_check *c);

#endif
