/* calendar.h — the working-day engine: day numbers, Vietnam local time, the
 * working-day calendar (weekend rule plus the calendar_day exceptions) and
 * due dates of statutory periods (docs/architecture.md §6).
 *
 * A day is an int: days since 1970-01-01, proleptic Gregorian, so that
 * "next day" is +1 and differences are plain subtraction.  An instant is a
 * time_t in UTC; local time is Vietnam, UTC+7 all year (no DST).
 *
 * Every function is pure over a struct cal; nothing here holds global state. */
#ifndef MOTCUA_CALENDAR_H
#define MOTCUA_CALENDAR_H

#include <stddef.h>
#include <time.h>

#include "db.h"
#include "util.h"

#define CAL_UTC_OFFSET   (7 * 3600)                     /* Vietnam, no DST */
#define CAL_WEEKEND_DEFAULT ((1u << 0) | (1u << 6))      /* Sunday, Saturday */
#define CAL_CLOSE_DEFAULT  (17 * 60)                     /* 17:00 */
#define CAL_CUTOFF_DEFAULT (15 * 60)                     /* 15:00, ND61 Art. 18(2) */

/* The same offset in SQL text: a UTC DATETIME column plus SQL_VN_OFFSET is
 * Vietnam's local time ("DATE(d.received_at + " SQL_VN_OFFSET ")").  Written
 * here once; the assertion keeps it in step with CAL_UTC_OFFSET. */
#define SQL_VN_OFFSET "INTERVAL 7 HOUR"
_Static_assert(CAL_UTC_OFFSET == 7 * 3600, "SQL_VN_OFFSET and CAL_UTC_OFFSET differ");

/* Today's date in Vietnam, in SQL.  The programs' sessions keep UTC
 * (time_zone '+00:00'), so CURDATE() is the UTC date: yesterday in Vietnam
 * from 00:00 to 07:00, when a procedure's new version has already taken
 * effect. */
#define SQL_VN_TODAY "DATE(UTC_TIMESTAMP() + " SQL_VN_OFFSET ")"

/* The start of today in Vietnam as a UTC DATETIME. */
#define SQL_TODAY_START SQL_VN_TODAY " - " SQL_VN_OFFSET

/* ---- days ------------------------------------------------------------------ */

/* Day number of a civil date; no range check (use cal_parse_date for input). */
int cal_day_from_ymd(int y, int m, int d);

/* Inverse of cal_day_from_ymd; any of y, m, d may be NULL. */
void cal_ymd(int day, int *y, int *m, int *d);

/* Strict "YYYY-MM-DD" (exactly 10 characters, a real date, year 0001–9999):
 * 0 and *day set, or -1 and *day untouched.  Input from forms and the DB. */
int cal_parse_date(const char *s, int *day);

/* "YYYY-MM-DD" into out, which is returned so the call fits in a printf;
 * a year outside 0001–9999 (never produced by cal_parse_date) gives "". */
char *cal_format(int day, char out[11]);

/* 0 = Sunday … 6 = Saturday (the bit numbers of the weekend mask). */
int cal_weekday(int day);

/* ---- reporting periods ----------------------------------------------------- */

enum cal_period {
    CAL_PERIOD_MONTH,
    CAL_PERIOD_QUARTER,
    CAL_PERIOD_YEAR,
};

/* The calendar month, quarter or year that contains day: its first and
 * last day (both inclusive). */
void cal_period_of(int day, enum cal_period kind, int *from, int *to);

/* The period a report over [from, to] (inclusive, from <= to) is compared
 * with.  When [from, to] is made of whole calendar months (a month, a
 * quarter, a year or any run of whole months) it is the same number of whole
 * months just before it: March is compared with February, whatever their
 * lengths, Q1 with Q4 of the year before, 2028 with 2027.  Any other range
 * is compared with the range of the same number of days just before it. */
void cal_period_prev(int from, int to, int *prev_from, int *prev_to);

/* ---- local time ------------------------------------------------------------ */

/* The Vietnam-local day an instant falls on: a receipt at 06:00 local is
 * 23:00 UTC the previous day and must count on the local day. */
int cal_local_day(time_t t);

/* Minutes since local midnight (0–1439), for the cut-off test. */
int cal_local_minutes(time_t t);

/* The instant of local day + minutes (minutes may exceed a day). */
time_t cal_instant(int day, int minutes);

/* A UTC DATETIME as the database gives it, "YYYY-MM-DD HH:MM:SS" (a
 * fraction after it is ignored): 0 and *t set, or -1 for NULL or anything
 * else. */
int cal_parse_utc(const char *utc, time_t *t);

/* That DATETIME in Vietnam's local time, written as fmt says: %Y %m %d %H %M
 * %S (two digits, the year four) and %% are replaced, every other byte kept
 * (UTF-8 text too).  What DATE_FORMAT(v + SQL_VN_OFFSET, ...) gives with %Y
 * %m %d %H %i %s, written here because MariaDB spends far more on it than C
 * does.  NULL for NULL or a value cal_parse_utc refuses. */
char *cal_utc_local(struct pool *p, const char *utc, const char *fmt);

/* The pages' two ways of writing a local time: day and minute, day alone. */
#define CAL_FMT_MINUTE "%d/%m/%Y %H:%M"
#define CAL_FMT_DAY "%d/%m/%Y"

/* Joined child rows (a page's events) read with their time at_col (UTC, as
 * the database keeps it) and their id in order_col: the time written as fmt
 * says (cal_utc_local), the id made "<UTC time> <id, 20 digits>", text that
 * sorts by time, then by the order written (dbres_children).  Rows whose
 * order_col is NULL (a parent without children) are left alone. */
void cal_res_child_times(struct pool *p, struct dbres *r, size_t at_col, size_t order_col,
                         const char *fmt);

/* ---- the calendar ---------------------------------------------------------- */

struct cal_exception {
    int day;
    int is_working;              /* 0 or 1 */
};

struct cal {
    /* Bit w (1u << cal_weekday) set = that weekday is a weekly rest day.
     * Counters that also open on Saturday mornings are not modelled. */
    unsigned weekend_mask;
    struct cal_exception *ex;    /* sorted by day, unique; heap, cal_free */
    size_t nex, cap;
    int close_minutes;           /* end of a working day: due instants */
    int cutoff_minutes;          /* after-hours cut-off; -1 = none */
};

/* Defaults: Sat+Sun rest, no exceptions, close 17:00, cut-off 15:00. */
void cal_init(struct cal *c);

/* Set the weekly rest days; -1 (and nothing changed) when the mask would
 * leave no working weekday, since every "next working day" walk relies on one. */
int cal_set_weekend(struct cal *c, unsigned mask);

/* Mark one day as working (1) or not (0) regardless of its weekday; a second
 * call for the same day replaces the first, as the table's primary key does. */
void cal_add_exception(struct cal *c, int day, int is_working);

/* Free the exceptions; the struct may be cal_init'ed again. */
void cal_free(struct cal *c);

/* Replace the exceptions by the rows of calendar_day.  The pool only holds
 * the query result; on any error (logged) the calendar is left unchanged. */
enum db_rc cal_load(struct cal *c, struct db *db, struct pool *p);

/* An exception wins; otherwise Monday–Friday (per the mask) is working. */
int cal_is_working(const struct cal *c, int day);

/* First working day strictly after / before day. */
int cal_next_working(const struct cal *c, int day);
int cal_prev_working(const struct cal *c, int day);

/* The n-th working day after start_day, which itself is never counted
 * (Civil Code Art. 147(2)).  n = 0: start_day if working, else the next
 * working day.  n < 0 mirrors n > 0: the |n|-th working day before start_day. */
int cal_add_working_days(const struct cal *c, int start_day, int n);

/* Working days d with a < d <= b; -(that for b, a) when b < a.  So the due
 * day minus today gives "còn N ngày", today minus the due day "quá hạn N ngày". */
int cal_working_days_between(const struct cal *c, int a, int b);

/* ---- due dates ------------------------------------------------------------- */

enum cal_unit {
    CAL_WORKING_DAYS,
    CAL_CALENDAR_DAYS,
    CAL_HOURS,
};

/* The unit named as in procedure_tthc.time_unit ("working_days",
 * "calendar_days", "hours"); anything else counts in working days. */
enum cal_unit cal_unit_parse(const char *s);

/* The due instant of a period of value units (value < 0 counts as 0) for
 * a dossier received at `received`:
 *
 * CAL_WORKING_DAYS: the receipt counts on the next working day when the
 *   receipt day is not a working day, or when use_cutoff is set, a cut-off is
 *   configured and the local receipt time is at or after it.  Due day =
 *   cal_add_working_days(that day, value); due at close_minutes of it.
 * CAL_CALENDAR_DAYS: due day = receipt day + value (the cut-off, when used,
 *   first moves the receipt to the next working day as above); a due day that
 *   is not a working day moves to the next working day (Art. 148(5)); due at
 *   close_minutes of it.
 * CAL_HOURS: elapsed hours from the moment of receipt (Art. 147(1)), no
 *   cut-off and no office-hours arithmetic; if the end falls on a day that
 *   is not working it moves to the same local time on the next working day.
 * An unknown unit gives (time_t)-1. */
time_t cal_due(const struct cal *c, time_t received, int value, enum cal_unit unit,
               int use_cutoff);

#endif
