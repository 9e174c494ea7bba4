-- Administration (issue 7): the administrators' changes to the office directory and the procedure catalogue, applied on
-- top of the shipped data files without a restart (LiveCatalogue). Nothing is ever deleted: an office closes
-- (valid_until), a procedure version retires (valid_until); dossiers keep the code and version they were received under.
-- Every change is also written to audit_log.

-- An office created by an administrator, or a shipped office as edited (same id: this row replaces the shipped line).
create table admin_office (
    seq          bigserial not null unique,      -- creation order (a parent is always created before its children)
    id           text primary key,
    agency_code  text not null,
    level        text not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    parent_id    text,
    name_vi      text not null,
    name_en      text not null,
    valid_from   date,
    valid_until  date,
    changed_at   timestamptz not null default now(),
    changed_by   text not null,
    check (valid_until is null or valid_from is null or valid_until >= valid_from)
);

-- A procedure version added by an administrator (new version, import), or a shipped version whose validity was ended
-- (same code and version: this row replaces the shipped one). definition is the version in the catalogue's JSON
-- exchange format (CatalogueJson, schema motcua-catalogue/1), every field.
create table admin_procedure_version (
    seq             bigserial not null unique,   -- codes new to the catalogue keep the order they were added in
    procedure_code  text not null,
    version         integer not null check (version >= 1),
    definition      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null,
    primary key (procedure_code, version)
);
