-- A timeline entry about the household rather than one task (a move, a consent change, a visit recorded as
-- history that plans nothing) has no task.
ALTER TABLE task_event ALTER COLUMN task_id DROP NOT NULL;

-- The local date and time a step names ("10:00, two days before"), in the zone it was timed in: when the
-- household moves, the task keeps this local time in the new zone. Null when the step names no local time.
ALTER TABLE followup_task ADD COLUMN local_due TIMESTAMP;
-- Fits a household grieving the pet it is about (a sympathy card, a bereavement call).
ALTER TABLE followup_task ADD COLUMN fits_bereavement BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE followup_task SET fits_bereavement = TRUE WHERE priority = 'SYMPATHY';

-- A visit recorded as history (an import, a backlog): kept, never planned from.
ALTER TABLE visit ADD COLUMN imported BOOLEAN NOT NULL DEFAULT FALSE;
