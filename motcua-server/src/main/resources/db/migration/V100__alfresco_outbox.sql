-- Alfresco mode (motcua.store=alfresco). The tables exist in every mode; only the Alfresco mode writes them.

-- Every write to Alfresco is one row here. op_key makes queueing idempotent (the same operation is queued once, whoever
-- queues it, however often); rows are kept after completion as the record of what was mirrored.
create table alfresco_outbox (
    id               bigserial primary key,
    op_key           text not null unique,
    kind             text not null check (kind in ('SYNC_DOSSIER', 'UPLOAD_DOCUMENT')),
    dossier_id       bigint not null references dossier (id),
    document_id      bigint references document (id),
    created_at       timestamptz not null default now(),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    done_at          timestamptz
);
create index alfresco_outbox_pending on alfresco_outbox (dossier_id, id) where done_at is null;

-- Each office's site as provisioned: the site id and its three folders' node ids.
create table alfresco_site (
    office_id          text primary key references office (id),
    site_id            text not null,
    reception_folder   text not null,
    processing_folder  text not null,
    archive_folder     text not null,
    provisioned_at     timestamptz not null default now()
);

-- The Alfresco node of each dossier folder and of each uploaded document.
create table alfresco_dossier_node (
    dossier_id      bigint primary key references dossier (id),
    node_id         text not null,
    parent_id       text not null,
    synced_version  integer not null
);

create table alfresco_document_node (
    document_id  bigint primary key references document (id),
    node_id      text not null,
    sha256       char(64) not null
);
create index alfresco_document_node_sha on alfresco_document_node (sha256);

-- Repository events already applied (at-least-once delivery: a redelivered event id is ignored).
create table alfresco_event (
    event_id     text primary key,
    node_id      text not null,
    received_at  timestamptz not null default now()
);
