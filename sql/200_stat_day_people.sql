-- 200 The dashboard's ranking of counters and officers from an index alone:
-- the period's ratings of every counter (or officer) were found by the
-- period index and each row read from the table (11 ms for three years at a
-- million dossiers); this index carries the three sums the ranking adds up.
ALTER TABLE stat_day ADD KEY ix_stat_day_people (scope, day, scope_id, ratings, r3, r1);
