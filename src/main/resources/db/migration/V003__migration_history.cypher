// The migration history itself: one node per applied version (see database.Migrations).
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE;
