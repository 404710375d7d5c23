/* test_db_map.c — unit tests of db_map_row (db.c): a result's cells mapped
 * into a struct by a declared table, as every store reads its rows. */
#include <string.h>

#include "db.h"
#include "tap.h"

struct row {
    long long id;
    const char *code;
    int count;
    int flag;
    const char *untouched;
};

static const struct dbmap map[] = {
    DBM(2, struct row, id, DBM_LL),
    DBM(0, struct row, code, DBM_STR),
    DBM(1, struct row, count, DBM_INT),
    DBM(3, struct row, flag, DBM_BOOL),
};

int
main(void)
{
    /* three rows of code, count, id, flag */
    char *cells[3][4] = {
        { "A01", "42", "9007199254740993", "1" },
        { NULL, "x7", NULL, "5" },
        { "", "-3", "12", "0" },
    };
    struct dbres res = { .nrows = 3, .ncols = 4, .cell = &cells[0][0] };
    struct row r;

    memset(&r, 0, sizeof(r));
    r.untouched = "kept";
    db_map_row(&res, 0, DB_MAP(map), &r);
    CHECK(r.id == 9007199254740993LL, "a long long keeps every digit");
    CHECK_STR(r.code, "A01", "a string is the cell");
    CHECK(r.code == cells[0][0], "a string points at the cell, not a copy");
    CHECK(r.count == 42, "an int");
    CHECK(r.flag == 1, "a flag 1");
    CHECK_STR(r.untouched, "kept", "a field the map does not name is left alone");

    db_map_row(&res, 1, DB_MAP(map), &r);
    CHECK(r.code == NULL, "SQL NULL is a NULL string");
    CHECK(r.id == 0, "SQL NULL is 0");
    CHECK(r.count == 0, "a cell that is not a number is 0");
    CHECK(r.flag == 1, "a flag is 1 for any number but 0");

    db_map_row(&res, 2, DB_MAP(map), &r);
    CHECK_STR(r.code, "", "an empty string stays empty, not NULL");
    CHECK(r.count == -3, "a negative int");
    CHECK(r.id == 12, "the row asked for");
    CHECK(r.flag == 0, "a flag 0");

    db_map_row(&res, 3, DB_MAP(map), &r);
    CHECK(r.code == NULL && r.id == 0 && r.flag == 0, "a row past the end reads as NULLs");
    return tap_done();
}
