-- Optional, so messages can say "her recheck"; null when the clinic has not recorded it.
ALTER TABLE pet ADD COLUMN sex VARCHAR(6) CHECK (sex IN ('female', 'male'));
