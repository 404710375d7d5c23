/* test_stale.c — a statement kept by a worker still runs after a migration
 * dropped and made again the trigger of its table that CALLs a procedure, as
 * the case's search terms are kept (sql/230_search_terms.sql), beside another
 * trigger of the same event (feedback_open_added, sql/350_stat_due.sql).
 * MariaDB 10.11 answers every run, after the trigger is back, of a statement
 * that ran while it was missing with "table doesn't exist" (error 1146),
 * though the table is there; until the worker ended, every case filed would
 * fail.  The store prepares such a statement anew and runs it once more: the
 * row and what its trigger writes are both stored, outside a transaction and
 * within one. */
#include "store.h"

/* one string: the store keeps a statement by its SQL's address */
static const char *const filed = "INSERT INTO stale_case (x) VALUES (?)";

static void
trigger_make(void)
{
    static const char sql[] = "CREATE TRIGGER stale_case_filed AFTER INSERT ON stale_case"
                              " FOR EACH ROW CALL stale_term_add(NEW.id, NEW.x)";

    CHECK(db_script(st_db, sql, sizeof(sql) - 1) == DB_OK, "the trigger is made");
}

static void
trigger_drop(void)
{
    static const char sql[] = "DROP TRIGGER stale_case_filed";

    CHECK(db_script(st_db, sql, sizeof(sql) - 1) == DB_OK, "the trigger is dropped");
}

int
main(void)
{
    static const char setup[] =
        "DROP TABLE IF EXISTS stale_case; DROP TABLE IF EXISTS stale_term;"
        " DROP TABLE IF EXISTS stale_count; DROP PROCEDURE IF EXISTS stale_term_add;"
        " CREATE TABLE stale_case (id INT AUTO_INCREMENT PRIMARY KEY, x INT) ENGINE=InnoDB;"
        " CREATE TABLE stale_term (id INT PRIMARY KEY, x INT) ENGINE=InnoDB;"
        " CREATE TABLE stale_count (n INT NOT NULL) ENGINE=InnoDB;"
        " INSERT INTO stale_count VALUES (0);"
        " CREATE TRIGGER stale_case_counted AFTER INSERT ON stale_case"
        "     FOR EACH ROW UPDATE stale_count SET n = n + 1;"
        " CREATE PROCEDURE stale_term_add(IN c_id INT, IN c_x INT)"
        "     INSERT INTO stale_term (id, x) VALUES (c_id, c_x)";
    static const char teardown[] = "DROP TABLE stale_case; DROP TABLE stale_term;"
                                   " DROP TABLE stale_count;"
                                   " DROP PROCEDURE stale_term_add";

    st_open();
    CHECK(db_script(st_db, setup, sizeof(setup) - 1) == DB_OK, "the tables and procedure");
    trigger_make();
    CHECK(db_exec(st_db, filed, DB_ARGS(DV_I(1)), NULL, NULL) == DB_OK,
          "a case is filed (its statement now kept)");

    /* a migration drops the trigger and makes it again, the worker serving */
    trigger_drop();
    CHECK(db_exec(st_db, filed, DB_ARGS(DV_I(2)), NULL, NULL) == DB_OK,
          "a case filed while there is no trigger");
    trigger_make();
    CHECK(db_exec(st_db, filed, DB_ARGS(DV_I(3)), NULL, NULL) == DB_OK,
          "a case filed after the trigger was made again");
    CHECK(st_num("SELECT COUNT(*) FROM stale_term WHERE x = 3") == 1, "its trigger wrote its term");
    CHECK(db_exec(st_db, filed, DB_ARGS(DV_I(4)), NULL, NULL) == DB_OK &&
              st_num("SELECT COUNT(*) FROM stale_term WHERE x = 4") == 1,
          "and the next one, from the statement prepared anew");

    /* the same within a transaction: the run that failed changed nothing */
    trigger_drop();
    CHECK(db_exec(st_db, filed, DB_ARGS(DV_I(5)), NULL, NULL) == DB_OK, "a case without trigger");
    trigger_make();
    CHECK(db_begin(st_db) == DB_OK &&
              db_exec(st_db, filed, DB_ARGS(DV_I(6)), NULL, NULL) == DB_OK &&
              db_end(st_db, DB_OK) == DB_OK,
          "a transaction files a case after the trigger was made again, and commits");
    CHECK(db_take_conflict(st_db) == 0, "no conflict");
    CHECK(st_num("SELECT COUNT(*) FROM stale_case WHERE x = 6") == 1 &&
              st_num("SELECT COUNT(*) FROM stale_term WHERE x = 6") == 1,
          "the case is stored once, with its term");
    CHECK(st_num("SELECT COUNT(*) FROM stale_case") == 6 &&
              st_num("SELECT COUNT(*) FROM stale_term") == 4,
          "six cases, four terms (two filed without the trigger)");
    CHECK(st_num("SELECT n FROM stale_count") == 6, "the other trigger counted each once");

    /* a table that is truly missing is still an error */
    {
        static const char drop[] = "DROP TRIGGER stale_case_filed; DROP TABLE stale_term;";
        static const char remake[] = "CREATE TABLE stale_term (id INT PRIMARY KEY, x INT)";

        CHECK(db_script(st_db, drop, sizeof(drop) - 1) == DB_OK, "the term table is dropped");
        trigger_make();
        CHECK(db_exec(st_db, filed, DB_ARGS(DV_I(7)), NULL, NULL) == DB_ERR,
              "a case whose trigger writes to a table that is gone: an error, once retried");
        CHECK(st_num("SELECT COUNT(*) FROM stale_case WHERE x = 7") == 0, "nothing stored");
        CHECK(db_script(st_db, remake, sizeof(remake) - 1) == DB_OK, "the term table is back");
    }
    CHECK(db_script(st_db, teardown, sizeof(teardown) - 1) == DB_OK, "clean up");
    return st_close();
}
