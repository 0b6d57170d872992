BEGIN;
CREATE UNIQUE INDEX CONCURRENTLY shipments_tracking_code_key ON shipments (tracking_code);
COMMIT;
