-- Archive search (issue 7): folded Vietnamese text, trigram and full-text indexes on the desk's own tables, so the
-- embedded default needs no second search server. Columns derived from what the desk already writes are generated or
-- filled by triggers, so every dossier and document write keeps them current without the writers knowing about search.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- Vietnamese folding: NFC first (unaccent's rules are for precomposed letters), đ/Đ → d, no diacritics, lower case.
-- IMMUTABLE (with the dictionary named explicitly) so that generated columns and indexes may use it.
create function motcua_fold(t text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, translate(normalize(t, NFC), 'đĐ', 'dD'))) $$;

-- Full text over folded words: the 'simple' configuration (no stemming: Vietnamese words are syllables) after unaccent.
-- ts_headline with it highlights the original, accented text while matching folded queries.
create text search configuration motcua_folded (copy = simple);
alter text search configuration motcua_folded
    alter mapping for asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart
    with unaccent, simple;

-- The on-time verdict of the domain (vn.motcua.domain.dossier.Verdict.judge): late after the due instant, early on a
-- day (Vietnam time) before the due day, otherwise on time. ArchiveSearchTest checks it against the Java rule.
create function motcua_verdict(done timestamptz, due timestamptz) returns text
    language sql immutable strict parallel safe
    as $$ select case when done > due then 'LATE'
                      when (done at time zone 'Asia/Ho_Chi_Minh')::date < (due at time zone 'Asia/Ho_Chi_Minh')::date
                          then 'EARLY'
                      else 'ON_TIME' end $$;

alter table dossier
    add column applicant_name_folded text generated always as (motcua_fold(applicant_name)) stored,
    add column resolved_at timestamptz,
    add column resolved_verdict text;

create index dossier_name_trgm on dossier using gin (applicant_name_folded gin_trgm_ops);
create index dossier_code_trgm on dossier using gin (code gin_trgm_ops);
create index dossier_id_number on dossier (applicant_id_number);
create index dossier_receiving_received on dossier (receiving_office, received_at);
create index dossier_received on dossier (received_at);
create index dossier_resolved on dossier (resolved_at);

-- Resolved = the first result signed (as the domain's Reports count it), judged against the due date then in force.
create function motcua_dossier_resolved() returns trigger language plpgsql as $$
begin
    if new.action = 'SIGN_RESULT' and new.due_at is not null then
        update dossier set resolved_at = new.at, resolved_verdict = motcua_verdict(new.at, new.due_at)
        where id = new.dossier_id and resolved_at is null;
    end if;
    return null;
end $$;
create trigger dossier_history_resolved after insert on dossier_history
    for each row execute function motcua_dossier_resolved();

update dossier d set resolved_at = h.at, resolved_verdict = motcua_verdict(h.at, h.due_at)
from (select distinct on (dossier_id) dossier_id, at, due_at from dossier_history
      where action = 'SIGN_RESULT' and due_at is not null order by dossier_id, sequence) h
where d.id = h.dossier_id;

-- Document fields for search. Filled from the extracted header fields (metadata keys number, symbol, type, signer, text)
-- and the signature badge unless a writer sets them itself; empty until extraction and signature checks are wired.
alter table document
    add column doc_number text,
    add column doc_symbol text,
    add column doc_type text,
    add column signer text,
    add column signature_verdict text,
    add column extracted_text text,
    add column doc_symbol_folded text generated always as (motcua_fold(doc_symbol)) stored,
    add column doc_type_folded text generated always as (motcua_fold(doc_type)) stored,
    add column signer_folded text generated always as (motcua_fold(signer)) stored,
    add column text_tsv tsvector
        generated always as (to_tsvector('public.motcua_folded'::regconfig, coalesce(extracted_text, ''))) stored;

create function motcua_document_fields() returns trigger language plpgsql as $$
begin
    new.doc_number := coalesce(new.doc_number, nullif(new.metadata ->> 'number', ''));
    new.doc_symbol := coalesce(new.doc_symbol, nullif(new.metadata ->> 'symbol', ''));
    new.doc_type := coalesce(new.doc_type, nullif(new.metadata ->> 'type', ''));
    new.signer := coalesce(new.signer, nullif(new.metadata ->> 'signer', ''));
    new.extracted_text := coalesce(new.extracted_text, nullif(new.metadata ->> 'text', ''));
    new.signature_verdict := coalesce(new.signature_verdict, new.signature_badge);
    return new;
end $$;
create trigger document_fields before insert or update on document
    for each row execute function motcua_document_fields();
update document set signature_verdict = signature_badge;

create index document_number on document (doc_number);
create index document_symbol on document (doc_symbol_folded);
create index document_type on document (doc_type_folded);
create index document_signer_trgm on document using gin (signer_folded gin_trgm_ops);
create index document_text on document using gin (text_tsv);
