/* test_tx.c — a transaction that ends under the request is a conflict.  A
 * Galera node may roll a local transaction back for a replicated one (a
 * brute-force abort); the statement after that then runs outside any
 * transaction, and the rest of the request would commit piece by piece.
 * The same loss is made here on one server by a statement that commits
 * implicitly (CREATE TABLE): the store must report a conflict (the worker
 * runs the request again) at once, and at COMMIT, never success. */
#include "store.h"

int
main(void)
{
    enum db_rc rc;

    st_open();
    st_exec0("DROP TABLE IF EXISTS tx_probe");
    st_exec0("CREATE TABLE tx_probe (id INT PRIMARY KEY, v INT) ENGINE=InnoDB");

    /* an ordinary transaction */
    CHECK(db_begin(st_db) == DB_OK &&
              db_exec(st_db, "INSERT INTO tx_probe VALUES (1, 1)", DB_NOARGS, NULL, NULL) == DB_OK,
          "a transaction writes");
    CHECK(db_take_conflict(st_db) == 0, "no conflict so far");
    CHECK(db_commit(st_db) == DB_OK && st_num("SELECT v FROM tx_probe WHERE id = 1") == 1,
          "and commits");

    /* the transaction ends under it: the statement that ended it is refused */
    CHECK(db_begin(st_db) == DB_OK && db_exec(st_db, "UPDATE tx_probe SET v = 2 WHERE id = 1",
                                              DB_NOARGS, NULL, NULL) == DB_OK,
          "a second transaction writes");
    rc = db_exec(st_db, "CREATE TABLE IF NOT EXISTS tx_probe2 (id INT) ENGINE=InnoDB", DB_NOARGS,
                 NULL, NULL);
    CHECK(rc == DB_ERR && db_take_conflict(st_db) == 1,
          "a statement after which no transaction is open: a conflict, not success");
    db_rollback(st_db);

    /* …and the same found at COMMIT, when nothing ran after the loss */
    CHECK(db_begin(st_db) == DB_OK, "a third transaction");
    (void)db_exec(st_db, "CREATE TABLE IF NOT EXISTS tx_probe3 (id INT) ENGINE=InnoDB", DB_NOARGS,
                  NULL, NULL);
    (void)db_take_conflict(st_db);
    CHECK(db_end(st_db, DB_OK) == DB_ERR && db_take_conflict(st_db) == 1,
          "its COMMIT reports the conflict: the request runs again");

    /* the connection serves the next transaction as usual */
    CHECK(db_begin(st_db) == DB_OK &&
              db_exec(st_db, "UPDATE tx_probe SET v = 3 WHERE id = 1", DB_NOARGS, NULL, NULL) ==
                  DB_OK &&
              db_end(st_db, DB_OK) == DB_OK && st_num("SELECT v FROM tx_probe WHERE id = 1") == 3,
          "the next transaction commits");
    st_exec0("DROP TABLE tx_probe");
    st_exec0("DROP TABLE IF EXISTS tx_probe2");
    st_exec0("DROP TABLE IF EXISTS tx_probe3");
    return st_close();
}
