-- Reception writes a new dossier's history and documents first and the dossier row itself last, under its final code:
-- the day's number is taken as late as possible because receptions of one office queue on its row lock until they commit
-- (see ReceptionService). Before, the row was inserted under a provisional code and updated, which wrote every index
-- of the dossier table twice and left a dead tuple behind each reception. The two foreign keys to the dossier are
-- therefore checked at commit; they are still checked.
alter table dossier_history alter constraint dossier_history_dossier_id_fkey deferrable initially deferred;
alter table document alter constraint document_dossier_id_fkey deferrable initially deferred;
