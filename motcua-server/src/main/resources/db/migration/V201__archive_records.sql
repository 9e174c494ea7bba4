-- Archiving (issue 7, DOMAIN.md §10): a finished dossier filed in the archive gets a file record with the procedure's
-- retention period, access level and disposal date. Filing happens whatever path archives the dossier (the ARCHIVE
-- history entry), so the record can never be missing; archived dossiers and their documents are read-only.

-- The catalogue's retention per procedure version, written at start-up from the procedure catalogue (ArchiveFiling).
create table archive_retention (
    procedure_code     text not null,
    procedure_version  integer not null,
    retention_years    integer,          -- null: permanent
    title_vi           text not null,
    primary key (procedure_code, procedure_version)
);

create table archive_record (
    dossier_id       bigint primary key references dossier (id),
    file_code        text not null unique,
    title            text not null,
    retention_years  integer,            -- null: permanent
    access_level     text not null default 'INTERNAL' check (access_level in ('PUBLIC', 'INTERNAL', 'RESTRICTED')),
    language         text not null default 'vi',
    start_date       date not null,
    end_date         date not null,
    keywords         text,
    document_count   integer not null,
    page_count       integer,
    paper_file_code  text,
    notes            text,
    filed_at         timestamptz not null,
    filed_by         text not null,
    disposal_date    date,               -- null: kept permanently
    disposed_at      timestamptz,
    disposed_by      text,
    disposal_note    text
);
create index archive_record_disposal on archive_record (disposal_date) where disposed_at is null;

create function motcua_archive_file() returns trigger language plpgsql as $$
declare
    d dossier%rowtype;
    r archive_retention%rowtype;
    filed date := (new.at at time zone 'Asia/Ho_Chi_Minh')::date;
begin
    if new.action <> 'ARCHIVE' then
        return null;
    end if;
    select * into d from dossier where id = new.dossier_id;
    select * into r from archive_retention where procedure_code = d.procedure_code and procedure_version = d.procedure_version;
    insert into archive_record (dossier_id, file_code, title, retention_years, start_date, end_date, document_count,
                                filed_at, filed_by, disposal_date)
    values (d.id, d.code, coalesce(r.title_vi, d.procedure_code) || ' — ' || d.code,
            r.retention_years, (d.received_at at time zone 'Asia/Ho_Chi_Minh')::date, filed,
            (select count(*) from document x where x.dossier_id = d.id), new.at, new.user_id,
            case when r.retention_years is null then null else (filed + make_interval(years => r.retention_years))::date end);
    return null;
end $$;
create trigger dossier_history_archive after insert on dossier_history
    for each row execute function motcua_archive_file();

-- Read-only once archived: the aggregate's row and its documents may no longer change.
create function motcua_archived_read_only() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'dossier' then
        if old.state = 'ARCHIVED' then
            raise exception 'dossier % is archived and read-only', old.code using errcode = 'P0001';
        end if;
        return new;
    end if;
    if exists (select 1 from dossier where id = coalesce(new.dossier_id, old.dossier_id) and state = 'ARCHIVED') then
        raise exception 'documents of an archived dossier are read-only' using errcode = 'P0001';
    end if;
    return coalesce(new, old);
end $$;
create trigger dossier_archived_read_only before update or delete on dossier
    for each row execute function motcua_archived_read_only();
create trigger document_archived_read_only before insert or update or delete on document
    for each row execute function motcua_archived_read_only();
