-- A visit a practice system recorded as history (an import, a backlog): kept, but nothing is followed up from it.
ALTER TABLE visit ADD COLUMN imported BOOLEAN NOT NULL DEFAULT FALSE;
