-- Reports (issue 7 performance): the dossiers that can count in an office's period are chosen by receiving office,
-- reception date, last write and state. With the last two (and the id) in the index, that choice is an index-only scan instead of one
-- heap page per dossier the office ever received. It replaces the plain (office, received) index, which the archive's
-- name search also uses.
create index if not exists dossier_receiving_received_covering on dossier (receiving_office, received_at) include (updated_at, state, id);
drop index if exists dossier_receiving_received;
