-- MigrationIndexIT: a migration the database has not seen, as after an upgrade.
CREATE TABLE newer_build_marker (id INT PRIMARY KEY);
