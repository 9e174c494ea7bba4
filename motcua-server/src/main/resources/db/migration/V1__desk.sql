-- The one-stop desk's process state. Documents live in the content store; rows here only reference them by SHA-256.

-- A copy of the domain's office directory (ids are the directory's), so rows can reference offices.
create table office (
    id           text primary key,
    agency_code  text not null,
    level        text not null,
    parent_id    text references office (id),
    name_vi      text not null,
    name_en      text not null,
    valid_from   date,
    valid_until  date
);

create table app_user (
    username         text primary key,
    password_hash    text not null,
    display_name     text not null,
    office_id        text not null references office (id),
    enabled          boolean not null default true,
    failed_logins    integer not null default 0,
    locked_until     timestamptz
);

create table app_user_role (
    username  text not null references app_user (username) on delete cascade,
    role      text not null check (role in ('RECEPTION', 'SPECIALIST', 'LEADER', 'ARCHIVIST', 'ADMIN')),
    primary key (username, role)
);

-- One row per agency and day; `insert ... on conflict do update set n = n + 1 returning n` inside the reception
-- transaction hands out the next number under a row lock, so numbers are unique and in order, and a rolled-back reception
-- releases its number with the rollback.
create table daily_sequence (
    agency_code  text not null,
    day          date not null,
    n            integer not null,
    primary key (agency_code, day)
);

-- The domain's Dossier aggregate, one column per component so that it can be rebuilt exactly (its canonical constructor),
-- plus the applicant (personal data, kept by the server only) and the offices that ever held it (for office scoping).
create table dossier (
    id                    bigserial primary key,
    code                  text not null unique,
    procedure_code        text not null,
    procedure_version     integer not null,
    channel               text not null,
    receiving_office      text not null references office (id),
    current_office        text not null references office (id),
    forwarded_from        text[] not null,
    involved_offices      text[] not null,
    state                 text not null,
    received_at           timestamptz not null,
    due_at                timestamptz,
    total_working_nanos   bigint not null,
    step_index            integer not null,
    step_deadline         timestamptz,
    pause_since           timestamptz,
    pause_waiting_in      text,
    pause_remaining_nanos bigint,
    pause_step_remaining_nanos bigint,
    results               text[] not null,
    missing_components    text[] not null,
    version               integer not null,
    applicant_name        text not null,
    applicant_id_number   text not null,
    applicant_phone       text,
    applicant_address     text,
    applicant_email       text,
    updated_at            timestamptz not null
);
create index dossier_current_office_state on dossier (current_office, state, due_at);
create index dossier_involved on dossier using gin (involved_offices);

-- Immutable: one row per history entry of the aggregate (the control slip, Form 05).
create table dossier_history (
    dossier_id      bigint not null references dossier (id),
    sequence        integer not null,
    action          text not null,
    from_state      text,
    to_state        text not null,
    user_id         text not null,
    role            text not null,
    office_id       text not null,
    held_by         text not null,
    at              timestamptz not null,
    note            text not null,
    detail          text,
    step            text,
    step_deadline   timestamptz,
    verdict         text,
    due_at          timestamptz,
    clock_paused    boolean not null,
    primary key (dossier_id, sequence)
);

create table document (
    id               bigserial primary key,
    dossier_id       bigint not null references dossier (id),
    kind             text not null check (kind in ('COMPONENT', 'DRAFT', 'RESULT')),
    component        text,
    result_code      text,
    file_name        text not null,
    media_type       text not null,
    size_bytes       bigint not null,
    sha256           char(64) not null,
    signature_badge  text not null,
    signature_text   text not null,
    signed           boolean not null default false,
    metadata         jsonb not null default '{}',
    uploaded_by      text not null,
    uploaded_at      timestamptz not null
);
create index document_dossier on document (dossier_id);
create index document_sha on document (sha256);

create table audit_log (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    actor    text not null,
    action   text not null,
    target   text,
    detail   text
);

create table notification_outbox (
    id            bigserial primary key,
    created_at    timestamptz not null default now(),
    kind          text not null,
    dossier_code  text not null,
    office_id     text not null,
    payload       text not null,
    sent_at       timestamptz
);
create unique index notification_once on notification_outbox (kind, dossier_code, payload);
