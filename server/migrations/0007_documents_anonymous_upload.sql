-- A citizen may attach a file to a help-desk request without signing in (seed 004: the form is
-- public): such a document has no uploader. Every other use still records who uploaded it.
ALTER TABLE documents ALTER COLUMN uploaded_by DROP NOT NULL;
