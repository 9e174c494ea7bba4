-- Two-step (external) signatures waiting for the leader's device, shared by every server instance and kept across
-- restarts. The handle is a bearer secret: only its SHA-256 is stored. The state is the signature module's opaque,
-- versioned encoding of the prepared PDF; the other columns bind the handle to the draft and the leader who prepared it.
create table external_signature (
    handle_sha256    bytea primary key,
    dossier_id       bigint not null references dossier (id) on delete cascade,
    dossier_version  integer not null,
    draft_sha256     bytea not null,
    username         text not null,
    expires_at       timestamptz not null,
    state            bytea not null,
    created_at       timestamptz not null default now()
);
create index external_signature_expires on external_signature (expires_at);
create index external_signature_username on external_signature (username);
