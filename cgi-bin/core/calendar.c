/* calendar.c — the working-day engine (see calendar.h for the rules). */
#include "calendar.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

#define SECS_PER_DAY 86400LL

/* ---- days ------------------------------------------------------------------ */

/* Howard Hinnant's days_from_civil: exact for the whole proleptic calendar. */
int
cal_day_from_ymd(int y, int m, int d)
{
    long long yy = (long long)y - (m <= 2);
    long long era = (yy >= 0 ? yy : yy - 399) / 400;
    long long yoe = yy - era * 400;
    long long doy = (153LL * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return (int)(era * 146097 + doe - 719468);
}

void
cal_ymd(int day, int *y, int *m, int *d)
{
    long long z = (long long)day + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    int yy = (int)(yoe + era * 400 + (mm <= 2));

    if (y) {
        *y = yy;
    }
    if (m) {
        *m = mm;
    }
    if (d) {
        *d = dd;
    }
}

static int
days_in_month(int y, int m)
{
    static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return m == 2 ? 28 + leap : len[m - 1];
}

/* Value of n ASCII digits, or -1 if any is not a digit. */
static int
digits(const char *s, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int
cal_parse_date(const char *s, int *day)
{
    int y, m, d;

    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
        return -1;
    }
    y = digits(s, 4);
    m = digits(s + 5, 2);
    d = digits(s + 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
        return -1;
    }
    *day = cal_day_from_ymd(y, m, d);
    return 0;
}

char *
cal_format(int day, char out[11])
{
    int y, m, d;

    cal_ymd(day, &y, &m, &d);
    if (y < 1 || y > 9999) {
        out[0] = '\0';
        return out;
    }
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return out;
}

int
cal_weekday(int day)
{
    return (day % 7 + 11) % 7;    /* day 0 was a Thursday (4) */
}

/* ---- reporting periods ----------------------------------------------------- */

/* Months are counted as y * 12 + (m - 1) so that "n months before" is a
 * subtraction; the inverse floors, for the years before year 1 too. */
static int
month_index(int day)
{
    int y, m;

    cal_ymd(day, &y, &m, NULL);
    return y * 12 + (m - 1);
}

static int
month_first_day(int index)
{
    int y = index >= 0 ? index / 12 : -((11 - index) / 12);

    return cal_day_from_ymd(y, index - y * 12 + 1, 1);
}

void
cal_period_of(int day, enum cal_period kind, int *from, int *to)
{
    int first = month_index(day), months = 1;
    int month0 = (first % 12 + 12) % 12;    /* 0 = January */

    if (kind == CAL_PERIOD_QUARTER) {
        first -= month0 % 3, months = 3;
    } else if (kind == CAL_PERIOD_YEAR) {
        first -= month0, months = 12;
    }
    *from = month_first_day(first);
    *to = month_first_day(first + months) - 1;
}

void
cal_period_prev(int from, int to, int *prev_from, int *prev_to)
{
    int a = month_index(from), b = month_index(to);

    *prev_to = from - 1;
    if (from == month_first_day(a) && to == month_first_day(b + 1) - 1) {
        *prev_from = month_first_day(a - (b - a + 1));
    } else {
        *prev_from = from - (to - from + 1);
    }
}

/* ---- local time ------------------------------------------------------------ */

/* Floor division: instants before 1970 still land on the right local day. */
static long long
floor_div(long long a, long long b)
{
    long long q = a / b;

    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int
cal_local_day(time_t t)
{
    return (int)floor_div((long long)t + CAL_UTC_OFFSET, SECS_PER_DAY);
}

int
cal_local_minutes(time_t t)
{
    long long local = (long long)t + CAL_UTC_OFFSET;

    return (int)((local - floor_div(local, SECS_PER_DAY) * SECS_PER_DAY) / 60);
}

time_t
cal_instant(int day, int minutes)
{
    return (time_t)((long long)day * SECS_PER_DAY + (long long)minutes * 60 - CAL_UTC_OFFSET);
}

int
cal_parse_utc(const char *utc, time_t *t)
{
    char date[11];
    int day, h, mi, se;

    if (utc == NULL || strlen(utc) < 19 || utc[10] != ' ' || utc[13] != ':' || utc[16] != ':' ||
        (utc[19] != '\0' && utc[19] != '.')) {
        return -1;
    }
    memcpy(date, utc, 10);
    date[10] = '\0';
    h = digits(utc + 11, 2);
    mi = digits(utc + 14, 2);
    se = digits(utc + 17, 2);
    if (cal_parse_date(date, &day) != 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 ||
        se > 59) {
        return -1;
    }
    *t = (time_t)((long long)day * SECS_PER_DAY + h * 3600 + mi * 60 + se);
    return 0;
}

void
cal_res_child_times(struct pool *p, struct dbres *r, size_t at_col, size_t order_col,
                    const char *fmt)
{
    for (size_t i = 0; i < r->nrows; i++) {
        char **at = &r->cell[i * r->ncols + at_col];
        char **order = &r->cell[i * r->ncols + order_col];

        if (*order) {
            *order = pool_printf(p, "%s %020lld", *at ? *at : "", util_num(*order));
            *at = cal_utc_local(p, *at, fmt);
        }
    }
}

char *
cal_utc_local(struct pool *p, const char *utc, const char *fmt)
{
    char out[256];
    size_t n = 0;
    time_t t;
    long long local;
    int day, y, m, d, secs;

    if (cal_parse_utc(utc, &t) != 0) {
        return NULL;
    }
    local = (long long)t + CAL_UTC_OFFSET;
    day = (int)floor_div(local, SECS_PER_DAY);
    secs = (int)(local - (long long)day * SECS_PER_DAY);
    cal_ymd(day, &y, &m, &d);
    /* each step writes at most 4 bytes: the formats are short literals */
    for (const char *f = fmt; *f && n + 5 < sizeof(out); f++) {
        int v;

        if (f[0] != '%' || f[1] == '\0') {
            out[n++] = *f;
            continue;
        }
        switch (*++f) {
        case 'Y': n += (size_t)snprintf(out + n, sizeof(out) - n, "%04d", y % 10000); continue;
        case 'm': v = m; break;
        case 'd': v = d; break;
        case 'H': v = secs / 3600; break;
        case 'M': v = secs / 60 % 60; break;
        case 'S': v = secs % 60; break;
        default:
            out[n++] = *f; /* %% and anything else: the character */
            continue;
        }
        out[n++] = (char)('0' + v / 10);
        out[n++] = (char)('0' + v % 10);
    }
    return pool_strndup(p, out, n);
}

/* ---- the calendar ---------------------------------------------------------- */

void
cal_init(struct cal *c)
{
    memset(c, 0, sizeof(*c));
    c->weekend_mask = CAL_WEEKEND_DEFAULT;
    c->close_minutes = CAL_CLOSE_DEFAULT;
    c->cutoff_minutes = CAL_CUTOFF_DEFAULT;
}

int
cal_set_weekend(struct cal *c, unsigned mask)
{
    if ((mask & 0x7f) == 0x7f) {
        return -1;
    }
    c->weekend_mask = mask & 0x7f;
    return 0;
}

/* The rest-day mask actually used: a mask written directly into the struct
 * that rests every day would make the day walks below spin forever. */
static unsigned
rest_mask(const struct cal *c)
{
    unsigned m = c->weekend_mask & 0x7f;

    return m == 0x7f ? CAL_WEEKEND_DEFAULT : m;
}

static int
rule_working(const struct cal *c, int day)
{
    return !(rest_mask(c) & (1u << cal_weekday(day)));
}

/* Index of the first exception with ex[i].day >= day (nex if none). */
static size_t
lower_bound(const struct cal *c, int day)
{
    size_t lo = 0, hi = c->nex;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (c->ex[mid].day < day) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

void
cal_add_exception(struct cal *c, int day, int is_working)
{
    size_t i = lower_bound(c, day);

    if (i < c->nex && c->ex[i].day == day) {
        c->ex[i].is_working = is_working != 0;
        return;
    }
    if (c->nex == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->ex = xrealloc(c->ex, c->cap * sizeof(*c->ex));
    }
    memmove(c->ex + i + 1, c->ex + i, (c->nex - i) * sizeof(*c->ex));
    c->ex[i].day = day;
    c->ex[i].is_working = is_working != 0;
    c->nex++;
}

void
cal_free(struct cal *c)
{
    free(c->ex);
    c->ex = NULL;
    c->nex = c->cap = 0;
}

enum cal_day_col { CD_DAY, CD_WORKING }; /* the columns of the SELECT below */

enum db_rc
cal_load(struct cal *c, struct db *db, struct pool *p)
{
    struct dbres r;
    struct cal fresh = *c;
    enum db_rc rc;

    rc = db_query(db, p,
                  "SELECT DATE_FORMAT(day, '%Y-%m-%d'), is_working FROM calendar_day"
                  " ORDER BY day",
                  DB_NOARGS, &r);
    if (rc != DB_OK) {
        return rc;
    }
    fresh.ex = NULL;
    fresh.nex = fresh.cap = 0;
    for (size_t i = 0; i < r.nrows; i++) {
        const char *ds = dbres_get(&r, i, CD_DAY), *ws = dbres_get(&r, i, CD_WORKING);
        long long w;
        int day;

        if (cal_parse_date(ds, &day) != 0 || ws == NULL || parse_int(ws, 0, 1, &w) != 0) {
            log_err("calendar_day row unreadable day=%s is_working=%s",
                    ds ? ds : "NULL", ws ? ws : "NULL");
            cal_free(&fresh);
            return DB_ERR;
        }
        cal_add_exception(&fresh, day, (int)w);
    }
    cal_free(c);
    *c = fresh;
    return DB_OK;
}

int
cal_is_working(const struct cal *c, int day)
{
    size_t i = lower_bound(c, day);

    if (i < c->nex && c->ex[i].day == day) {
        return c->ex[i].is_working;
    }
    return rule_working(c, day);
}

/* Both walks end: the rule leaves a working weekday in every week and the
 * exceptions are finite. */
int
cal_next_working(const struct cal *c, int day)
{
    do {
        day++;
    } while (!cal_is_working(c, day));
    return day;
}

int
cal_prev_working(const struct cal *c, int day)
{
    do {
        day--;
    } while (!cal_is_working(c, day));
    return day;
}

int
cal_add_working_days(const struct cal *c, int start_day, int n)
{
    int day = start_day;

    if (n == 0) {
        return cal_is_working(c, day) ? day : cal_next_working(c, day);
    }
    for (; n > 0; n--) {
        day = cal_next_working(c, day);
    }
    for (; n < 0; n++) {
        day = cal_prev_working(c, day);
    }
    return day;
}

/* Whole weeks by arithmetic, the rest by the rule, then each exception in
 * range corrects the count by where it disagrees with the rule: a report
 * over thousands of dossiers spanning years stays cheap. */
int
cal_working_days_between(const struct cal *c, int a, int b)
{
    long long n, count;
    unsigned rest = rest_mask(c);
    int per_week = 7 - __builtin_popcount(rest);
    size_t lo, hi;

    if (b < a) {
        return -cal_working_days_between(c, b, a);
    }
    n = (long long)b - a;
    count = n / 7 * per_week;
    for (long long d = (long long)a + n / 7 * 7 + 1; d <= b; d++) {
        count += rule_working(c, (int)d);
    }
    lo = a == INT_MAX ? c->nex : lower_bound(c, a + 1);
    hi = b == INT_MAX ? c->nex : lower_bound(c, b + 1);
    for (size_t i = lo; i < hi; i++) {
        int rule = rule_working(c, c->ex[i].day);

        count += c->ex[i].is_working - rule;
    }
    return (int)count;
}

/* ---- due dates ------------------------------------------------------------- */

time_t
cal_due(const struct cal *c, time_t received, int value, enum cal_unit unit, int use_cutoff)
{
    int rday = cal_local_day(received);
    int after_cutoff = use_cutoff && c->cutoff_minutes >= 0 &&
                       cal_local_minutes(received) >= c->cutoff_minutes;
    int start, due;

    if (value < 0) {
        value = 0;
    }
    switch (unit) {
    case CAL_WORKING_DAYS:
        start = (after_cutoff || !cal_is_working(c, rday)) ? cal_next_working(c, rday) : rday;
        due = cal_add_working_days(c, start, value);
        return cal_instant(due, c->close_minutes);
    case CAL_CALENDAR_DAYS:
        start = after_cutoff ? cal_next_working(c, rday) : rday;
        due = start + value;
        if (!cal_is_working(c, due)) {
            due = cal_next_working(c, due);
        }
        return cal_instant(due, c->close_minutes);
    case CAL_HOURS: {
        time_t end = received + (time_t)value * 3600;
        int eday = cal_local_day(end);

        if (cal_is_working(c, eday)) {
            return end;
        }
        return end + (time_t)(cal_next_working(c, eday) - eday) * SECS_PER_DAY;
    }
    }
    return (time_t)-1;
}

enum cal_unit
cal_unit_parse(const char *s)
{
    if (s && strcmp(s, "hours") == 0) {
        return CAL_HOURS;
    }
    if (s && strcmp(s, "calendar_days") == 0) {
        return CAL_CALENDAR_DAYS;
    }
    return CAL_WORKING_DAYS;
}
