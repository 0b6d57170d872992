DROP INDEX IF EXISTS members_email_key;
