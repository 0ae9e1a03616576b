-- From PetSnapshot.sex: lets a message say "her recheck". Null when not recorded.
ALTER TABLE pet ADD COLUMN sex VARCHAR(6);
