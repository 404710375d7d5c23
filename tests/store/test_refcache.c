/* test_refcache.c — a process's copy of the procedures, units and counters a
 * dossier's page shows (refcache.h), on a real database: 200 units read one
 * by one come back with their own names, and again from the copy after it
 * has grown; a row renamed in SQL moves legal_generation.ref_gen (migration
 * 310's triggers, for each of the four tables), the copy keeps the old name
 * until it is given the new number and reads the new name after; an id
 * without a row, or 0, gives none. */
#include "refcache.h"
#include "store.h"

static unsigned long long
ref_gen(void)
{
    return strtoull(st_str("SELECT ref_gen FROM legal_generation WHERE id = ?", DV_I(1)), NULL, 10);
}

/* the name the copy gives for (k, id), "-" when none, "!" on an error */
static const char *
name_of(struct ref_cache *c, enum ref_kind k, long long id)
{
    char **cells;

    if (ref_cache_get(c, st_db, &st.pool, k, id, &cells) != DB_OK) {
        return "!";
    }
    return cells ? cells[0] : "-";
}

int
main(void)
{
    struct ref_cache c = { 0 };
    long long parent, unit[200], counter, proc;
    unsigned long long g0, g1;
    int ok;
    char **cells;

    st_open();
    parent = st_unit(0, "T.REF.0", "Ủy ban nhân dân tỉnh (kiểm thử bản sao)", "province");
    for (int i = 0; i < 200; i++) {
        unit[i] = st_unit(parent, pool_printf(&st.pool, "T.REF.%d", i + 1),
                          pool_printf(&st.pool, "Đơn vị kiểm thử %d", i + 1), "centre");
    }
    counter = st_counter(unit[0], "Q07", "Quầy 07 – Đất đai", 7);
    proc =
        st_procedure("T.REF.F", "9.000310", "Cấp giấy phép xây dựng (kiểm thử bản sao)", unit[0]);

    g0 = ref_gen();
    ref_cache_sync(&c, g0);
    ok = 1;
    for (int i = 0; i < 200; i++) {
        ok &= strcmp(name_of(&c, REF_UNIT, unit[i]),
                     pool_printf(&st.pool, "Đơn vị kiểm thử %d", i + 1)) == 0;
    }
    CHECK(ok, "200 units read one by one: each its own name");
    ok = 1;
    for (int i = 199; i >= 0; i--) {
        ok &= strcmp(name_of(&c, REF_UNIT, unit[i]),
                     pool_printf(&st.pool, "Đơn vị kiểm thử %d", i + 1)) == 0;
    }
    CHECK(ok, "and again, from the copy grown to hold them");

    CHECK(ref_cache_get(&c, st_db, &st.pool, REF_PROCEDURE, proc, &cells) == DB_OK && cells &&
              strcmp(cells[RP_NAME], "Cấp giấy phép xây dựng (kiểm thử bản sao)") == 0 &&
              strcmp(cells[RP_NATIONAL_CODE], "9.000310") == 0 &&
              strcmp(cells[RP_TIME_VALUE], "10") == 0 &&
              strcmp(cells[RP_TIME_UNIT], "working_days") == 0 &&
              strcmp(cells[RP_FIELD], "Xây dựng (kiểm thử)") == 0,
          "a procedure: its name, national code, time, unit of time and field");
    CHECK_STR(name_of(&c, REF_COUNTER, counter), "Quầy 07 – Đất đai", "a counter: its name");
    CHECK_STR(name_of(&c, REF_UNIT, 0), "-", "id 0: no row");
    CHECK_STR(name_of(&c, REF_UNIT, 999999999), "-", "an id without a row: none");

    /* an operator renames a unit in SQL */
    st_exec("UPDATE org_unit SET name = 'Đơn vị đã đổi tên' WHERE id = ?", DV_I(unit[41]));
    g1 = ref_gen();
    CHECK(g1 != g0, "a unit renamed moves the number");
    ref_cache_sync(&c, g0);
    CHECK_STR(name_of(&c, REF_UNIT, unit[41]), "Đơn vị kiểm thử 42",
              "at the old number the copy keeps the old name (no read)");
    ref_cache_sync(&c, g1);
    CHECK_STR(name_of(&c, REF_UNIT, unit[41]), "Đơn vị đã đổi tên", "at the new one, the new name");
    CHECK_STR(name_of(&c, REF_UNIT, unit[42]), "Đơn vị kiểm thử 43", "and the others as they are");

    st_exec("UPDATE counter SET name = 'Quầy 07' WHERE id = ?", DV_I(counter));
    CHECK(ref_gen() != g1, "a counter renamed moves the number");
    g1 = ref_gen();
    st_exec("UPDATE procedure_tthc SET fee = '100.000 đồng' WHERE id = ?", DV_I(proc));
    CHECK(ref_gen() != g1, "a procedure's fee changed moves the number");
    g1 = ref_gen();
    st_exec0("UPDATE field SET name = 'Xây dựng' WHERE code = 'T.REF.F'");
    CHECK(ref_gen() != g1, "a field renamed moves the number");
    ref_cache_sync(&c, ref_gen());
    CHECK(ref_cache_get(&c, st_db, &st.pool, REF_PROCEDURE, proc, &cells) == DB_OK && cells &&
              strcmp(cells[RP_FEE], "100.000 đồng") == 0 &&
              strcmp(cells[RP_FIELD], "Xây dựng") == 0,
          "then the procedure's new fee and field's new name");
    CHECK_STR(name_of(&c, REF_COUNTER, counter), "Quầy 07", "and the counter's new name");
    ref_cache_free(&c);
    return st_close();
}
