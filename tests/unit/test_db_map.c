/* test_db_map.c — unit tests of db_map_row (db.c): a result's cells mapped
 * into a struct by a declared table, as every store reads its rows; and of
 * dbres_children: the child rows a statement joined to its parent row. */
#include <string.h>

#include "db.h"
#include "tap.h"
#include "util.h"

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

    {
        /* a parent (one column) joined to its events: name, body, then the
         * order key; the two of one time come higher id first, so that
         * only the key's id can put them right */
        char *joined[4][4] = {
            { "HS-1", "c", "bon", "20260302081500.000000 00000000000000000012" },
            { "HS-1", "a", "mot", "20260302080000.000000 00000000000000000007" },
            { "HS-1", "b", "ba", "20260302081500.000000 00000000000000000003" },
            { "HS-1", "d", "hai", "20260302080500.000000 00000000000000000002" },
        };
        char *alone[1][4] = { { "HS-2", NULL, NULL, NULL } };
        struct dbres parent = { .nrows = 4, .ncols = 4, .cell = &joined[0][0] };
        struct dbres none = { .nrows = 1, .ncols = 4, .cell = &alone[0][0] };
        struct dbres ev;
        struct pool pool = { 0 };

        dbres_children(&pool, &parent, 1, 2, 3, 3, &ev);
        CHECK(ev.nrows == 4 && ev.ncols == 3, "a child a row, with the columns asked for");
        CHECK_STR(dbres_get(&ev, 0, 1), "mot", "the oldest first");
        CHECK_STR(dbres_get(&ev, 1, 1), "hai", "then by time");
        CHECK_STR(dbres_get(&ev, 2, 1), "ba", "two of one time: the lower id first");
        CHECK_STR(dbres_get(&ev, 3, 1), "bon", "and the higher one after");
        CHECK_STR(dbres_get(&ev, 3, 0), "c", "a child's columns stay together");
        CHECK(dbres_get(&ev, 0, 2) == NULL && dbres_get(&ev, 3, 2) == NULL,
              "the columns past the children's are NULL");
        dbres_children(&pool, &none, 1, 2, 3, 3, &ev);
        CHECK(ev.nrows == 0, "a parent without children (its one row of NULLs): none");
        pool_release(&pool);
    }
    return tap_done();
}
