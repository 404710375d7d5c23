/* test_calendar.c — unit tests of calendar.c: day numbers and dates, Vietnam
 * local time, the working-day calendar loaded from the real exception file
 * sql/data/vn-calendar-2025-2027.csv (run from the project root), working-day
 * arithmetic and due dates.  Every date below was checked against that file. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "tap.h"
#include "util.h"

#define CSV_PATH "sql/data/vn-calendar-2025-2027.csv"
#define CSV_ROWS 43          /* data rows in the file (44 lines with the header) */

/* ---- loading the CSV ------------------------------------------------------ */

struct loader {
    struct cal *cal;
    char field[2][16];       /* date, is_working_day */
    size_t nfield;
    int header_done;
    int rows, bad;
};

static void
ld_field(void *s, size_t len, void *data)
{
    struct loader *l = data;

    if (l->nfield < 2) {
        if (len >= sizeof(l->field[0])) {
            len = sizeof(l->field[0]) - 1;
        }
        memcpy(l->field[l->nfield], s, len);
        l->field[l->nfield][len] = '\0';
    }
    l->nfield++;
}

static void
ld_row(int ch, void *data)
{
    struct loader *l = data;
    int day;

    (void)ch;
    if (!l->header_done) {
        l->header_done = 1;
        l->bad += strcmp(l->field[0], "date") != 0 || strcmp(l->field[1], "is_working_day") != 0;
    } else if (l->nfield != 7 || cal_parse_date(l->field[0], &day) != 0 ||
               (strcmp(l->field[1], "0") != 0 && strcmp(l->field[1], "1") != 0)) {
        printf("# bad CSV row: %s,%s (%zu fields)\n", l->field[0], l->field[1], l->nfield);
        l->bad++;
    } else {
        cal_add_exception(l->cal, day, l->field[1][0] == '1');
        l->rows++;
    }
    l->nfield = 0;
}

/* Load the exceptions; 0 on success. */
static int
load_csv(struct cal *c)
{
    struct loader l = { .cal = c };
    struct csv_parser p;
    char chunk[4096];
    size_t n;
    int err = 0;
    FILE *f = fopen(CSV_PATH, "rb");

    if (f == NULL) {
        printf("# cannot open %s (run from the project root)\n", CSV_PATH);
        return -1;
    }
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
        fclose(f);
        return -1;
    }
    while (!err && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        err = csv_parse(&p, chunk, n, ld_field, ld_row, &l) != n;
    }
    err = err || csv_fini(&p, ld_field, ld_row, &l) != 0;
    if (err) {
        printf("# CSV error: %s\n", csv_strerror(csv_error(&p)));
    }
    csv_free(&p);
    fclose(f);
    CHECK(!err && l.bad == 0, "CSV parses with a valid header and rows");
    CHECK(l.rows == CSV_ROWS, "CSV has %d data rows (got %d)", CSV_ROWS, l.rows);
    return err || l.bad || l.rows != CSV_ROWS ? -1 : 0;
}

/* ---- helpers -------------------------------------------------------------- */

/* Day number of a literal date; a bad literal is a bug in this file. */
static int
D(const char *s)
{
    int day;

    if (cal_parse_date(s, &day) != 0) {
        printf("Bail out! bad date literal %s\n", s);
        exit(2);
    }
    return day;
}

/* Instant of a local date and time. */
static time_t
at(const char *date, int hh, int mm)
{
    return cal_instant(D(date), hh * 60 + mm);
}

static void
check_day(int got, const char *want, const char *what)
{
    char b[11];

    CHECK_STR(cal_format(got, b), want, "%s", what);
}

/* cal_due: the due instant must be on day `want` at the closing time. */
static void
check_due(const struct cal *c, time_t received, int value, enum cal_unit unit, int cutoff,
          const char *want, const char *what)
{
    time_t t = cal_due(c, received, value, unit, cutoff);
    char b[11];

    CHECK_STR(cal_format(cal_local_day(t), b), want, "%s: due day", what);
    CHECK(cal_local_minutes(t) == c->close_minutes, "%s: due at closing time (got %d min)", what,
          cal_local_minutes(t));
}

/* ---- days and dates ------------------------------------------------------- */

static void
test_days(void)
{
    int day = 12345, y, m, d, all_ok = 1;
    char b[11];

    CHECK(cal_day_from_ymd(1970, 1, 1) == 0, "1970-01-01 is day 0");
    CHECK(cal_day_from_ymd(1969, 12, 31) == -1, "1969-12-31 is day -1");
    CHECK(cal_day_from_ymd(2000, 3, 1) == 11017, "2000-03-01 is day 11017");
    CHECK(cal_day_from_ymd(2026, 1, 1) - cal_day_from_ymd(2025, 12, 31) == 1,
          "year boundary is one day");
    CHECK(cal_day_from_ymd(2025, 1, 1) + 365 == cal_day_from_ymd(2026, 1, 1),
          "2025 has 365 days");
    CHECK(cal_day_from_ymd(2028, 1, 1) - cal_day_from_ymd(2027, 1, 1) == 365 &&
          cal_day_from_ymd(2029, 1, 1) - cal_day_from_ymd(2028, 1, 1) == 366,
          "2027 has 365 days, 2028 has 366");

    cal_ymd(-1, &y, &m, &d);
    CHECK(y == 1969 && m == 12 && d == 31, "cal_ymd(-1) is 1969-12-31 (got %d-%d-%d)", y, m, d);
    cal_ymd(D("2024-02-29"), &y, &m, &d);
    CHECK(y == 2024 && m == 2 && d == 29, "cal_ymd of a leap day (got %d-%d-%d)", y, m, d);
    cal_ymd(D("2026-11-24"), NULL, &m, NULL);
    CHECK(m == 11, "cal_ymd with NULL outputs still gives the month (got %d)", m);

    /* round trips over the calendar's years and their edges */
    for (int t = cal_day_from_ymd(2024, 1, 1); t <= cal_day_from_ymd(2028, 12, 31); t++) {
        int back;

        cal_ymd(t, &y, &m, &d);
        cal_format(t, b);
        if (cal_day_from_ymd(y, m, d) != t || cal_parse_date(b, &back) != 0 || back != t) {
            all_ok = 0;
            printf("# round trip fails at day %d (%s)\n", t, b);
            break;
        }
    }
    CHECK(all_ok, "ymd/format/parse round-trip every day 2024-2028");

    CHECK_STR(cal_format(D("2026-01-05"), b), "2026-01-05", "format 2026-01-05");
    CHECK_STR(cal_format(0, b), "1970-01-01", "format day 0");
    CHECK_STR(cal_format(cal_day_from_ymd(10000, 1, 1), b), "", "format of year 10000 is empty");

    CHECK(cal_parse_date("2026-02-28", &day) == 0 && day == cal_day_from_ymd(2026, 2, 28),
          "parse 2026-02-28");
    CHECK(cal_parse_date("2024-02-29", &day) == 0, "parse leap day 2024-02-29");
    CHECK(cal_parse_date("2000-02-29", &day) == 0, "parse leap day 2000-02-29 (div by 400)");
    day = 12345;
    {
        static const char *const bad[] = {
            "2026-02-30", "2026-02-29", "2025-02-29", "1900-02-29", "2100-02-29",
            "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
            "0000-01-01", "2026-1-01", "2026-01-1", "26-01-01", "2026-01-01x",
            " 2026-01-01", "2026/01/01", "2026-01-01 ", "+026-01-01", "2026-0a-01",
            "20260101", "", "abcd-ef-gh", "2026--1-01",
        };

        for (size_t i = 0; i < NELEM(bad); i++) {
            CHECK(cal_parse_date(bad[i], &day) == -1, "reject \"%s\"", bad[i]);
        }
        CHECK(cal_parse_date(NULL, &day) == -1, "reject NULL");
    }
    CHECK(day == 12345, "a rejected date leaves *day untouched");

    CHECK(cal_weekday(0) == 4, "1970-01-01 was a Thursday");
    CHECK(cal_weekday(-1) == 3, "1969-12-31 was a Wednesday");
    CHECK(cal_weekday(D("1969-12-27")) == 6, "1969-12-27 was a Saturday");
    CHECK(cal_weekday(D("0001-01-01")) == 1, "0001-01-01 (proleptic) was a Monday");
    CHECK(cal_weekday(D("2000-02-29")) == 2, "2000-02-29 was a Tuesday");
    CHECK(cal_weekday(D("2025-12-31")) == 3, "2025-12-31 is a Wednesday");
    CHECK(cal_weekday(D("2026-01-10")) == 6, "2026-01-10 (make-up) is a Saturday");
    CHECK(cal_weekday(D("2026-02-17")) == 2, "Tet 2026-02-17 is a Tuesday");
    CHECK(cal_weekday(D("2026-04-26")) == 0, "Gio To 2026-04-26 is a Sunday");
    CHECK(cal_weekday(D("2026-11-24")) == 2, "Culture Day 2026-11-24 is a Tuesday");
    CHECK(cal_weekday(D("2027-05-01")) == 6, "2027-05-01 is a Saturday");
    CHECK(cal_weekday(D("2026-02-23")) == 1, "2026-02-23 is a Monday");
}

/* ---- local time ------------------------------------------------------------ */

static void
test_local_time(void)
{
    time_t t;
    struct tm tm;

    /* 23:30 local on 2026-03-02 is 16:30 UTC the same day */
    t = at("2026-03-02", 23, 30);
    gmtime_r(&t, &tm);
    CHECK(tm.tm_year == 126 && tm.tm_mon == 2 && tm.tm_mday == 2 && tm.tm_hour == 16 &&
          tm.tm_min == 30, "23:30 local is 16:30 UTC the same day (got %02d %02d:%02d)",
          tm.tm_mday, tm.tm_hour, tm.tm_min);
    check_day(cal_local_day(t), "2026-03-02", "23:30 local stays on the local day");
    CHECK(cal_local_minutes(t) == 23 * 60 + 30, "23:30 local is minute 1410 (got %d)",
          cal_local_minutes(t));

    /* 06:00 local on 2026-03-02 is 23:00 UTC on 2026-03-01 */
    t = at("2026-03-02", 6, 0);
    gmtime_r(&t, &tm);
    CHECK(tm.tm_mday == 1 && tm.tm_mon == 2 && tm.tm_hour == 23 && tm.tm_min == 0,
          "06:00 local is 23:00 UTC the previous day (got %02d %02d:%02d)", tm.tm_mday,
          tm.tm_hour, tm.tm_min);
    check_day(cal_local_day(t), "2026-03-02", "06:00 local counts on the local day");
    CHECK(cal_local_minutes(t) == 360, "06:00 local is minute 360 (got %d)",
          cal_local_minutes(t));

    /* from UTC: 16:59:59Z is the last second of the local day, 17:00Z the next */
    tm = (struct tm){ .tm_year = 126, .tm_mon = 2, .tm_mday = 2, .tm_hour = 16, .tm_min = 59,
                      .tm_sec = 59 };
    t = timegm(&tm);
    check_day(cal_local_day(t), "2026-03-02", "16:59:59Z is still 2026-03-02 local");
    CHECK(cal_local_minutes(t) == 1439, "16:59:59Z is local minute 1439 (got %d)",
          cal_local_minutes(t));
    check_day(cal_local_day(t + 1), "2026-03-03", "17:00:00Z is 2026-03-03 local");
    CHECK(cal_local_minutes(t + 1) == 0, "17:00:00Z is local midnight (got %d)",
          cal_local_minutes(t + 1));
    CHECK(cal_instant(D("2026-03-03"), 0) == t + 1, "cal_instant of local midnight");

    /* the database's UTC DATETIMEs as the pages print them in local time */
    {
        struct pool p = { 0 };
        const char *s;

        s = cal_utc_local(&p, "2026-12-31 17:30:05", "%H giờ %M phút, ngày %d/%m/%Y");
        CHECK_STR(s, "00 giờ 30 phút, ngày 01/01/2027",
                  "17:30Z on New Year's Eve is half past midnight local, in the next year");
        CHECK_STR(cal_utc_local(&p, "2026-03-02 08:15:00", "%d/%m/%Y %H:%M"), "02/03/2026 15:15",
                  "08:15Z is 15:15 local the same day");
        CHECK_STR(cal_utc_local(&p, "2024-02-28 20:00:00", "%Y-%m-%d"), "2024-02-29",
                  "20:00Z on 28 February of a leap year is the 29th local");
        CHECK_STR(cal_utc_local(&p, "2026-02-28 20:00:00.000000", "%Y-%m-%d"), "2026-03-01",
                  "with a fraction, and no 29 February in 2026");
        CHECK_STR(cal_utc_local(&p, "2026-03-02 16:59:59", "%H:%M:%S 100%%"), "23:59:59 100%",
                  "seconds, and %% a percent sign");
        CHECK(cal_utc_local(&p, NULL, "%Y") == NULL, "NULL stays NULL");
        CHECK(cal_utc_local(&p, "2026-03-02", "%Y") == NULL, "a date alone is refused");
        CHECK(cal_utc_local(&p, "2026-13-02 00:00:00", "%Y") == NULL, "month 13 is refused");
        CHECK(cal_utc_local(&p, "2026-03-02 24:00:00", "%Y") == NULL, "hour 24 is refused");
        CHECK(cal_parse_utc("1970-01-01 00:00:00", &t) == 0 && t == 0, "the epoch is 0");
        CHECK(cal_parse_utc("2038-01-19 03:14:08", &t) == 0 && (long long)t == 2147483648LL,
              "a second past 2038's 32-bit end is 2^31");
        CHECK(cal_parse_utc("2026-03-02 08:15:00x", &t) != 0, "trailing text is refused");
        pool_release(&p);
    }

    /* before the epoch: floor, not truncation */
    CHECK(cal_local_day(-1) == 0 && cal_local_minutes(-1) == 6 * 60 + 59,
          "t=-1 is 1970-01-01 06:59 local (got day %d min %d)", cal_local_day(-1),
          cal_local_minutes(-1));
    CHECK(cal_local_day(-7 * 3600 - 1) == -1 && cal_local_minutes(-7 * 3600 - 1) == 1439,
          "t=-25201 is 1969-12-31 23:59 local (got day %d min %d)",
          cal_local_day(-7 * 3600 - 1), cal_local_minutes(-7 * 3600 - 1));
    CHECK(cal_instant(0, 0) == -7 * 3600, "local 1970-01-01 00:00 is -25200");
    CHECK(cal_instant(D("2026-03-02"), 1440) == cal_instant(D("2026-03-03"), 0),
          "minutes past 24:00 roll into the next day");
}

/* ---- reporting periods ----------------------------------------------------- */

/* Every expected range below was read off a printed calendar: 2026 and 2027
 * are common years, 2028 is a leap year (February has 29 days), 2100 is not
 * (divisible by 100 but not by 400), 2000 is (divisible by 400).
 * check_range: a computed range [f, t] must be [from, to]. */
static void
check_range(int f, int t, const char *from, const char *to, const char *what)
{
    check_day(f, from, what);
    check_day(t, to, what);
}

static void
test_periods(void)
{
    /* the calendar month, quarter or year that contains a day */
    static const struct {
        const char *day;
        enum cal_period kind;
        const char *from, *to, *what;
    } of[] = {
        { "2026-03-31", CAL_PERIOD_MONTH, "2026-03-01", "2026-03-31", "month of 31/3" },
        { "2026-03-01", CAL_PERIOD_MONTH, "2026-03-01", "2026-03-31", "month of 1/3" },
        { "2026-12-31", CAL_PERIOD_MONTH, "2026-12-01", "2026-12-31", "month of 31/12" },
        { "2028-02-10", CAL_PERIOD_MONTH, "2028-02-01", "2028-02-29", "February 2028 has 29 days" },
        { "2100-02-10", CAL_PERIOD_MONTH, "2100-02-01", "2100-02-28", "February 2100 has 28 days" },
        { "2026-03-31", CAL_PERIOD_QUARTER, "2026-01-01", "2026-03-31", "Q1 of 31/3" },
        { "2026-04-01", CAL_PERIOD_QUARTER, "2026-04-01", "2026-06-30", "Q2 of 1/4" },
        { "2026-08-15", CAL_PERIOD_QUARTER, "2026-07-01", "2026-09-30", "Q3 of 15/8" },
        { "2026-12-31", CAL_PERIOD_QUARTER, "2026-10-01", "2026-12-31", "Q4 of 31/12" },
        { "2027-01-01", CAL_PERIOD_YEAR, "2027-01-01", "2027-12-31", "year of 1/1/2027" },
        { "2026-12-31", CAL_PERIOD_YEAR, "2026-01-01", "2026-12-31", "year of 31/12/2026" },
    };
    /* the period a report is compared with: the previous calendar month,
     * quarter, year or run of whole months; any other range: the range of the
     * same number of days just before it */
    static const struct {
        const char *from, *to, *pfrom, *pto, *what;
    } prev[] = {
        { "2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28", "March 2026 -> February" },
        { "2026-12-01", "2026-12-31", "2026-11-01", "2026-11-30", "December -> November" },
        { "2027-01-01", "2027-01-31", "2026-12-01", "2026-12-31", "January 2027 -> December 2026" },
        { "2026-05-01", "2026-05-31", "2026-04-01", "2026-04-30", "May (31) -> April (30)" },
        { "2026-07-01", "2026-07-31", "2026-06-01", "2026-06-30", "July -> June" },
        { "2026-08-01", "2026-08-31", "2026-07-01", "2026-07-31", "August -> July" },
        { "2028-03-01", "2028-03-31", "2028-02-01", "2028-02-29",
          "March 2028 -> February of 29 days" },
        { "2028-02-01", "2028-02-29", "2028-01-01", "2028-01-31", "February 2028 -> January" },
        { "2100-03-01", "2100-03-31", "2100-02-01", "2100-02-28",
          "March 2100 -> February of 28 days" },
        { "2000-03-01", "2000-03-31", "2000-02-01", "2000-02-29",
          "March 2000 -> February of 29 days" },
        { "2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31", "Q1 2026 -> Q4 2025" },
        { "2026-04-01", "2026-06-30", "2026-01-01", "2026-03-31", "Q2 -> Q1 (90 days)" },
        { "2026-10-01", "2026-12-31", "2026-07-01", "2026-09-30", "Q4 -> Q3" },
        { "2028-04-01", "2028-06-30", "2028-01-01", "2028-03-31", "Q2 2028 -> Q1 (91 days)" },
        { "2027-01-01", "2027-12-31", "2026-01-01", "2026-12-31", "2027 -> 2026" },
        { "2029-01-01", "2029-12-31", "2028-01-01", "2028-12-31", "2029 -> 2028 (366 days)" },
        { "2026-02-01", "2026-04-30", "2025-11-01", "2026-01-31",
          "three whole months -> the three before" },
        { "2026-03-10", "2026-03-20", "2026-02-27", "2026-03-09", "11 days -> 11 days before" },
        { "2026-03-15", "2026-03-15", "2026-03-14", "2026-03-14", "one day -> the day before" },
        { "2028-02-01", "2028-02-28", "2028-01-04", "2028-01-31",
          "1-28/2/2028 is not a whole month: 28 days before" },
        { "2100-03-01", "2100-03-30", "2100-01-30", "2100-02-28",
          "30 days before 1/3/2100 start on 30/1" },
        { "2026-01-01", "2026-03-30", "2025-10-04", "2025-12-31",
          "a quarter but its last day: 89 days before (28 + 30 + 31)" },
        { "2026-03-02", "2026-03-31", "2026-01-31", "2026-03-01",
          "a month but its first day: 30 days before" },
    };
    int f, t;

    for (size_t i = 0; i < NELEM(of); i++) {
        cal_period_of(D(of[i].day), of[i].kind, &f, &t);
        check_range(f, t, of[i].from, of[i].to, of[i].what);
    }
    for (size_t i = 0; i < NELEM(prev); i++) {
        cal_period_prev(D(prev[i].from), D(prev[i].to), &f, &t);
        check_range(f, t, prev[i].pfrom, prev[i].pto, prev[i].what);
    }

    /* the local day decides: 00:30 on 1/3 in Vietnam is still 28/2 in UTC,
     * 23:30 on 31/12 in Vietnam is 16:30 UTC the same day */
    cal_period_of(cal_local_day(at("2027-03-01", 0, 30)), CAL_PERIOD_MONTH, &f, &t);
    check_range(f, t, "2027-03-01", "2027-03-31", "00:30 local on 1/3/2027 is in March");
    cal_period_of(cal_local_day(at("2026-12-31", 23, 30)), CAL_PERIOD_YEAR, &f, &t);
    check_range(f, t, "2026-01-01", "2026-12-31", "23:30 local on 31/12/2026 is in 2026");
}

/* ---- the calendar structure ----------------------------------------------- */

static void
test_struct(void)
{
    struct cal c;
    int sat = D("2026-03-07"), sun = D("2026-03-08"), mon = D("2026-03-09");

    cal_init(&c);
    CHECK(c.weekend_mask == ((1u << 0) | (1u << 6)) && c.close_minutes == 1020 &&
          c.cutoff_minutes == 900 && c.nex == 0, "cal_init defaults");
    CHECK(!cal_is_working(&c, sat) && !cal_is_working(&c, sun) && cal_is_working(&c, mon),
          "base rule: Saturday and Sunday rest, Monday works");

    cal_add_exception(&c, mon, 0);
    cal_add_exception(&c, sat, 1);
    cal_add_exception(&c, D("2026-03-01"), 1);
    cal_add_exception(&c, mon, 1);           /* replaces */
    cal_add_exception(&c, mon, 0);           /* replaces again */
    CHECK(c.nex == 3, "duplicates replace, not add (nex %zu)", c.nex);
    CHECK(c.nex == 3 && c.ex[0].day == D("2026-03-01") && c.ex[1].day == sat &&
          c.ex[2].day == mon, "exceptions kept sorted");
    CHECK(!cal_is_working(&c, mon), "the last value for a day wins");
    CHECK(cal_is_working(&c, sat), "a Saturday exception makes it working");
    cal_add_exception(&c, sun, 7);
    CHECK(c.nex == 4 && c.ex[2].day == sun && c.ex[2].is_working == 1,
          "insert in the middle, is_working normalised to 1");

    for (int i = 0; i < 500; i++) {          /* force growth, reverse order */
        cal_add_exception(&c, D("2030-01-01") - i, i % 2);
    }
    {
        int sorted = 1;

        for (size_t i = 1; i < c.nex; i++) {
            sorted &= c.ex[i - 1].day < c.ex[i].day;
        }
        CHECK(c.nex == 504 && sorted, "504 exceptions, strictly increasing (nex %zu)", c.nex);
    }
    cal_free(&c);
    CHECK(c.ex == NULL && c.nex == 0, "cal_free empties the calendar");
    CHECK(cal_is_working(&c, mon), "after cal_free the weekday rule applies again");

    /* weekend mask: Sunday only */
    CHECK(cal_set_weekend(&c, 1u << 0) == 0, "set a Sunday-only weekend");
    CHECK(cal_is_working(&c, sat) && !cal_is_working(&c, sun), "Saturday now works");
    check_day(cal_next_working(&c, D("2026-03-06")), "2026-03-07",
              "next working after Friday is Saturday with a Sunday-only weekend");
    CHECK(cal_working_days_between(&c, D("2026-03-01"), D("2026-03-08")) == 6,
          "six working days per week with a Sunday-only weekend (got %d)",
          cal_working_days_between(&c, D("2026-03-01"), D("2026-03-08")));
    CHECK(cal_set_weekend(&c, 0x7f) == -1 && c.weekend_mask == (1u << 0),
          "an all-rest weekend is refused and changes nothing");
    c.weekend_mask = 0x7f;                   /* written directly: must not spin */
    check_day(cal_next_working(&c, D("2026-03-06")), "2026-03-09",
              "an all-rest mask falls back to Sat+Sun");
    cal_free(&c);
}

/* ---- the real calendar ---------------------------------------------------- */

static void
test_is_working(const struct cal *c)
{
    static const struct {
        const char *date;
        int working;
        const char *why;
    } days[] = {
        { "2025-12-31", 1, "Wednesday, not listed" },
        { "2026-01-01", 0, "Tet Duong lich" },
        { "2026-01-02", 0, "Friday swap_off" },
        { "2026-01-03", 0, "Saturday" },
        { "2026-01-04", 0, "Sunday" },
        { "2026-01-05", 1, "Monday" },
        { "2026-01-10", 1, "make-up Saturday" },
        { "2026-01-11", 0, "Sunday after a make-up Saturday" },
        { "2026-01-17", 0, "ordinary Saturday" },
        { "2026-02-13", 1, "Friday before Tet" },
        { "2026-02-16", 0, "Tet, giao thua" },
        { "2026-02-20", 0, "Tet, mung 4" },
        { "2026-02-23", 1, "first Monday after Tet" },
        { "2026-04-26", 0, "Gio To on a Sunday (not listed)" },
        { "2026-04-27", 0, "Gio To compensatory Monday" },
        { "2026-04-28", 1, "Tuesday after Gio To" },
        { "2026-04-30", 0, "30/4" },
        { "2026-05-01", 0, "1/5" },
        { "2026-08-22", 1, "make-up Saturday for Quoc khanh" },
        { "2026-08-31", 0, "Monday swap_off" },
        { "2026-09-02", 0, "Quoc khanh" },
        { "2026-11-23", 0, "Culture Day swap_off (unconfirmed)" },
        { "2026-11-24", 0, "Culture Day" },
        { "2026-11-28", 1, "make-up Saturday (unconfirmed)" },
        { "2025-04-26", 1, "make-up Saturday 2025" },
        { "2025-05-02", 0, "Friday swap_off 2025" },
        { "2027-05-03", 0, "1/5 compensatory Monday 2027" },
        { "2027-11-24", 0, "Culture Day 2027" },
    };

    for (size_t i = 0; i < NELEM(days); i++) {
        CHECK(cal_is_working(c, D(days[i].date)) == days[i].working, "%s %s: %s",
              days[i].date, days[i].working ? "works" : "rests", days[i].why);
    }
}

static void
test_walks(const struct cal *c)
{
    check_day(cal_next_working(c, D("2025-12-31")), "2026-01-05", "next after 2025-12-31");
    check_day(cal_prev_working(c, D("2026-01-05")), "2025-12-31", "prev before 2026-01-05");
    check_day(cal_next_working(c, D("2026-01-09")), "2026-01-10",
              "next after Fri 2026-01-09 is the make-up Saturday");
    check_day(cal_prev_working(c, D("2026-01-12")), "2026-01-10",
              "prev before Mon 2026-01-12 is the make-up Saturday");
    check_day(cal_next_working(c, D("2026-02-13")), "2026-02-23", "next after Tet Friday");
    check_day(cal_prev_working(c, D("2026-02-23")), "2026-02-13", "prev before Tet Monday");
    check_day(cal_next_working(c, D("2026-01-05")), "2026-01-06",
              "next of a working day is strictly after");

    check_day(cal_add_working_days(c, D("2025-12-31"), 1), "2026-01-05",
              "2025-12-31 +1 skips 1/1, swap_off 1/2 and the weekend");
    check_day(cal_add_working_days(c, D("2026-12-31"), 1), "2027-01-04",
              "2026-12-31 +1 skips 2027-01-01 and the weekend");
    check_day(cal_add_working_days(c, D("2024-12-31"), 1), "2025-01-02",
              "2024-12-31 +1 skips 2025-01-01");
    check_day(cal_add_working_days(c, D("2026-02-13"), 1), "2026-02-23", "Tet 2026: Fri +1");
    check_day(cal_add_working_days(c, D("2026-02-13"), 2), "2026-02-24", "Tet 2026: Fri +2");
    check_day(cal_add_working_days(c, D("2026-01-05"), 5), "2026-01-10",
              "Mon 2026-01-05 +5 lands on the make-up Saturday");
    check_day(cal_add_working_days(c, D("2026-01-05"), 6), "2026-01-12",
              "Mon 2026-01-05 +6 skips Sunday 01-11");
    check_day(cal_add_working_days(c, D("2026-08-21"), 1), "2026-08-22",
              "Fri 2026-08-21 +1 is the make-up Saturday");
    check_day(cal_add_working_days(c, D("2026-08-28"), 1), "2026-09-03",
              "Fri 2026-08-28 +1 skips 31/8 swap, 1/9 and 2/9");
    check_day(cal_add_working_days(c, D("2026-04-24"), 1), "2026-04-28",
              "Fri 2026-04-24 +1 skips the Gio To compensatory Monday");
    check_day(cal_add_working_days(c, D("2026-04-24"), 3), "2026-05-04",
              "Fri 2026-04-24 +3 skips 30/4 and 1/5");
    check_day(cal_add_working_days(c, D("2026-04-29"), 1), "2026-05-04", "Wed 2026-04-29 +1");
    check_day(cal_add_working_days(c, D("2025-04-25"), 1), "2025-04-26",
              "Fri 2025-04-25 +1 is the 2025 make-up Saturday");
    check_day(cal_add_working_days(c, D("2025-04-29"), 1), "2025-05-05",
              "Tue 2025-04-29 +1 skips 30/4, 1/5, swap 2/5, weekend");
    check_day(cal_add_working_days(c, D("2026-11-20"), 1), "2026-11-25",
              "Fri 2026-11-20 +1 skips 23/11 swap and 24/11 Culture Day");
    check_day(cal_add_working_days(c, D("2026-11-20"), 4), "2026-11-28",
              "Fri 2026-11-20 +4 is the make-up Saturday 28/11");
    check_day(cal_add_working_days(c, D("2027-11-23"), 1), "2027-11-25",
              "Tue 2027-11-23 +1 skips Culture Day 2027");

    check_day(cal_add_working_days(c, D("2026-01-10"), 0), "2026-01-10",
              "n=0 on a working (make-up) Saturday is the day itself");
    check_day(cal_add_working_days(c, D("2026-02-15"), 0), "2026-02-23",
              "n=0 on a Sunday before Tet is the next working day");
    check_day(cal_add_working_days(c, D("2026-02-23"), -1), "2026-02-13",
              "n=-1 mirrors n=1 across Tet");
    check_day(cal_add_working_days(c, D("2026-01-12"), -2), "2026-01-09",
              "n=-2 from Mon 2026-01-12 counts the make-up Saturday");
}

/* The slow definition: one day at a time. */
static int
naive_between(const struct cal *c, int a, int b)
{
    int n = 0, lo = a < b ? a : b, hi = a < b ? b : a;

    for (int d = lo + 1; d <= hi; d++) {
        n += cal_is_working(c, d);
    }
    return b < a ? -n : n;
}

static void
test_between(const struct cal *c)
{
    int a = D("2026-02-13"), b = D("2026-02-23"), agree = 1, inverse = 1;

    CHECK(cal_working_days_between(c, a, b) == 1, "Fri before Tet to Mon after: 1 (got %d)",
          cal_working_days_between(c, a, b));
    CHECK(cal_working_days_between(c, b, a) == -1, "reverse: -1 (got %d)",
          cal_working_days_between(c, b, a));
    CHECK(cal_working_days_between(c, a, a) == 0, "same day: 0");
    CHECK(cal_working_days_between(c, D("2026-02-14"), D("2026-02-22")) == 0,
          "the whole Tet break: 0 (got %d)",
          cal_working_days_between(c, D("2026-02-14"), D("2026-02-22")));
    CHECK(cal_working_days_between(c, D("2025-12-31"), D("2026-01-05")) == 1,
          "2025-12-31 to 2026-01-05: 1 (got %d)",
          cal_working_days_between(c, D("2025-12-31"), D("2026-01-05")));
    CHECK(cal_working_days_between(c, D("2026-01-05"), D("2026-01-12")) == 6,
          "Mon 01-05 to Mon 01-12 with the make-up Saturday: 6 (got %d)",
          cal_working_days_between(c, D("2026-01-05"), D("2026-01-12")));
    CHECK(cal_working_days_between(c, D("2026-11-20"), D("2026-11-30")) == 5,
          "Fri 11-20 to Mon 11-30 around Culture Day: 5 (got %d)",
          cal_working_days_between(c, D("2026-11-20"), D("2026-11-30")));
    /* 2026: 261 weekdays - 15 weekday days off + 3 make-up Saturdays */
    CHECK(cal_working_days_between(c, D("2025-12-31"), D("2026-12-31")) == 249,
          "2026 has 249 working days (got %d)",
          cal_working_days_between(c, D("2025-12-31"), D("2026-12-31")));
    CHECK(cal_working_days_between(c, D("2026-12-31"), D("2025-12-31")) == -249,
          "and -249 backwards");
    CHECK(naive_between(c, D("2025-12-31"), D("2026-12-31")) == 249,
          "the day-by-day count of 2026 agrees (got %d)",
          naive_between(c, D("2025-12-31"), D("2026-12-31")));

    /* the fast count against the slow one, all spans within 2024-12-01..2028-01-31
     * sampled with a stride, and add_working_days as its inverse */
    for (int x = D("2024-12-01"); x <= D("2028-01-31") && agree; x += 3) {
        for (int y = D("2024-12-01"); y <= D("2028-01-31"); y += 17) {
            if (cal_working_days_between(c, x, y) != naive_between(c, x, y)) {
                agree = 0;
                printf("# between(%d, %d) = %d, naive %d\n", x, y,
                       cal_working_days_between(c, x, y), naive_between(c, x, y));
                break;
            }
        }
    }
    CHECK(agree, "fast working_days_between equals the day-by-day count");
    for (int s = D("2025-01-01"); s <= D("2027-12-31") && inverse; s++) {
        for (int n = 1; n <= 40; n += 13) {
            int e = cal_add_working_days(c, s, n);

            if (cal_working_days_between(c, s, e) != n || !cal_is_working(c, e) ||
                cal_add_working_days(c, e, -n) != (cal_is_working(c, s) ? s :
                                                   cal_prev_working(c, s))) {
                inverse = 0;
                printf("# add/between disagree at day %d n %d\n", s, n);
                break;
            }
        }
    }
    CHECK(inverse, "between(s, add(s, n)) == n and add(add(s, n), -n) returns");
}

static void
test_due(struct cal *c)
{
    time_t t;

    /* working days, Tet and year boundaries */
    check_due(c, at("2026-02-13", 10, 0), 1, CAL_WORKING_DAYS, 1, "2026-02-23",
              "received Fri 2026-02-13 10:00, 1 working day");
    check_due(c, at("2025-12-31", 9, 0), 1, CAL_WORKING_DAYS, 1, "2026-01-05",
              "received 2025-12-31 09:00, 1 working day");
    check_due(c, at("2025-12-31", 9, 0), 5, CAL_WORKING_DAYS, 1, "2026-01-09",
              "received 2025-12-31 09:00, 5 working days");
    check_due(c, at("2026-01-05", 8, 0), 5, CAL_WORKING_DAYS, 1, "2026-01-10",
              "received Mon 2026-01-05, 5 working days ends on the make-up Saturday");
    check_due(c, at("2026-08-21", 8, 0), 1, CAL_WORKING_DAYS, 1, "2026-08-22",
              "received Fri 2026-08-21, 1 working day is the make-up Saturday");
    check_due(c, at("2026-04-24", 8, 0), 1, CAL_WORKING_DAYS, 1, "2026-04-28",
              "received Fri 2026-04-24, 1 working day skips Gio To compensatory");
    check_due(c, at("2026-04-29", 8, 0), 1, CAL_WORKING_DAYS, 1, "2026-05-04",
              "received Wed 2026-04-29, 1 working day skips 30/4-1/5");
    check_due(c, at("2026-11-20", 8, 0), 1, CAL_WORKING_DAYS, 1, "2026-11-25",
              "received Fri 2026-11-20, 1 working day skips 23-24/11");

    /* the cut-off */
    check_due(c, at("2026-03-02", 14, 59), 1, CAL_WORKING_DAYS, 1, "2026-03-03",
              "received Mon 14:59 with cut-off: counts from Monday");
    check_due(c, at("2026-03-02", 15, 0), 1, CAL_WORKING_DAYS, 1, "2026-03-04",
              "received Mon 15:00 with cut-off: counts from Tuesday");
    check_due(c, at("2026-03-02", 15, 0), 1, CAL_WORKING_DAYS, 0, "2026-03-03",
              "received Mon 15:00 without cut-off: counts from Monday");
    check_due(c, at("2026-03-02", 14, 0), 0, CAL_WORKING_DAYS, 1, "2026-03-02",
              "same-day procedure before the cut-off: today");
    check_due(c, at("2026-03-02", 15, 0), 0, CAL_WORKING_DAYS, 1, "2026-03-03",
              "same-day procedure at the cut-off: next working day");
    check_due(c, at("2026-02-13", 15, 30), 1, CAL_WORKING_DAYS, 1, "2026-02-24",
              "received Fri 2026-02-13 15:30 with cut-off: counts from 02-23");
    check_due(c, at("2026-03-01", 10, 0), 1, CAL_WORKING_DAYS, 1, "2026-03-03",
              "received Sun 2026-03-01: counts from Monday");
    check_due(c, at("2026-03-01", 10, 0), 1, CAL_WORKING_DAYS, 0, "2026-03-03",
              "received Sun 2026-03-01 without cut-off: counts from Monday too");
    check_due(c, at("2026-02-17", 10, 0), 0, CAL_WORKING_DAYS, 1, "2026-02-23",
              "same-day procedure received on Tet: next working day");
    check_due(c, at("2026-03-02", 6, 0), 1, CAL_WORKING_DAYS, 1, "2026-03-03",
              "received Mon 06:00 local (Sun 23:00 UTC) counts as Monday");
    check_due(c, at("2026-03-02", 16, 0), -3, CAL_WORKING_DAYS, 0, "2026-03-02",
              "a negative value counts as 0");
    c->cutoff_minutes = -1;
    check_due(c, at("2026-03-02", 16, 0), 1, CAL_WORKING_DAYS, 1, "2026-03-03",
              "cut-off disabled (-1): 16:00 still counts from Monday");
    c->cutoff_minutes = 16 * 60;
    check_due(c, at("2026-03-02", 15, 30), 1, CAL_WORKING_DAYS, 1, "2026-03-03",
              "cut-off moved to 16:00: 15:30 counts from Monday");
    c->cutoff_minutes = 15 * 60;
    c->close_minutes = 16 * 60 + 30;
    check_due(c, at("2026-03-02", 10, 0), 1, CAL_WORKING_DAYS, 1, "2026-03-03",
              "closing time 16:30 is the due time");
    c->close_minutes = 17 * 60;

    /* calendar days */
    check_due(c, at("2026-04-20", 9, 0), 10, CAL_CALENDAR_DAYS, 0, "2026-05-04",
              "Mon 2026-04-20 +10 calendar days = 30/4, moves past 1/5 and the weekend");
    check_due(c, at("2026-12-22", 9, 0), 10, CAL_CALENDAR_DAYS, 0, "2027-01-04",
              "2026-12-22 +10 calendar days = 2027-01-01, moves to Monday 01-04");
    check_due(c, at("2026-01-01", 9, 0), 9, CAL_CALENDAR_DAYS, 0, "2026-01-10",
              "2026-01-01 +9 calendar days = make-up Saturday, stays");
    check_due(c, at("2026-02-10", 9, 0), 5, CAL_CALENDAR_DAYS, 0, "2026-02-23",
              "2026-02-10 +5 calendar days = Sunday 02-15, moves past Tet");
    check_due(c, at("2026-11-17", 9, 0), 7, CAL_CALENDAR_DAYS, 0, "2026-11-25",
              "2026-11-17 +7 calendar days = Culture Day, moves to 11-25");
    check_due(c, at("2026-03-02", 9, 0), 3, CAL_CALENDAR_DAYS, 0, "2026-03-05",
              "2026-03-02 +3 calendar days on ordinary days");
    check_due(c, at("2026-03-01", 9, 0), 3, CAL_CALENDAR_DAYS, 0, "2026-03-04",
              "calendar days received on a Sunday run from the Sunday");
    check_due(c, at("2026-03-06", 15, 0), 3, CAL_CALENDAR_DAYS, 1, "2026-03-12",
              "calendar days after the cut-off on Friday run from Monday");
    check_due(c, at("2026-03-06", 14, 0), 3, CAL_CALENDAR_DAYS, 1, "2026-03-09",
              "calendar days before the cut-off on Friday: Mon 03-09");

    /* hours */
    t = at("2026-03-02", 9, 0);
    CHECK(cal_due(c, t, 8, CAL_HOURS, 1) == t + 8 * 3600, "8 hours on a working day: +8h");
    CHECK(cal_due(c, at("2026-03-02", 15, 30), 2, CAL_HOURS, 1) == at("2026-03-02", 17, 30),
          "hours ignore the cut-off");
    CHECK(cal_due(c, at("2026-02-13", 10, 0), 24, CAL_HOURS, 0) == at("2026-02-23", 10, 0),
          "24h from Fri before Tet ends on Sat: same time Mon 2026-02-23");
    CHECK(cal_due(c, at("2026-01-09", 10, 0), 24, CAL_HOURS, 0) == at("2026-01-10", 10, 0),
          "24h from Fri 2026-01-09 ends on the make-up Saturday: stays");
    CHECK(cal_due(c, at("2026-04-29", 20, 15), 5, CAL_HOURS, 0) == at("2026-05-04", 1, 15),
          "5h from Wed 20:15 ends 30/4 01:15: same time Mon 2026-05-04");
    CHECK(cal_due(c, at("2026-03-02", 9, 0), 0, (enum cal_unit)99, 0) == (time_t)-1,
          "an unknown unit gives -1");
    CHECK(cal_unit_parse("working_days") == CAL_WORKING_DAYS, "'working_days' counts working days");
    CHECK(cal_unit_parse("calendar_days") == CAL_CALENDAR_DAYS,
          "'calendar_days' counts calendar days");
    CHECK(cal_unit_parse("hours") == CAL_HOURS, "'hours' counts working hours");
    CHECK(cal_unit_parse("") == CAL_WORKING_DAYS && cal_unit_parse(NULL) == CAL_WORKING_DAYS,
          "an empty or missing unit counts working days");
}

int
main(void)
{
    struct cal c;

    test_days();
    test_local_time();
    test_periods();
    test_struct();

    cal_init(&c);
    if (load_csv(&c) != 0) {
        printf("Bail out! cannot load %s\n", CSV_PATH);
        cal_free(&c);
        return tap_done() | 1;
    }
    CHECK(c.nex == CSV_ROWS, "one exception per CSV row (got %zu)", c.nex);
    test_is_working(&c);
    test_walks(&c);
    test_between(&c);
    test_due(&c);
    cal_free(&c);
    return tap_done();
}
