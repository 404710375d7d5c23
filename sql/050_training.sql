-- 050 Training units: a province rehearses on real screens in a unit the
-- administrator marks as a training unit.  Its dossiers, ratings and cases
-- are worked as any other's, but left out of every figure, list and export of
-- a scope that is not itself a training unit, of every public page, of the
-- open data and Open311, and no message leaves for them.  The flag holds for
-- a unit and every unit under it (the administrator's pages keep a subtree
-- whole), so a scope is either wholly training or wholly real.
ALTER TABLE org_unit
    ADD COLUMN training TINYINT(1) NOT NULL DEFAULT 0 AFTER parent_signs;
