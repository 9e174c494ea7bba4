-- Administration (issue 7): the trust list for signature verification. Administrators upload CA certificates; the
-- signature library reads the current rows (trust anchors). Removal keeps the row (removed_at) for the audit trail.
create table admin_trust_anchor (
    id          bigserial primary key,
    sha256      char(64) not null,
    subject     text not null,
    issuer      text not null,
    not_before  timestamptz not null,
    not_after   timestamptz not null,
    der         bytea not null,
    added_at    timestamptz not null default now(),
    added_by    text not null,
    removed_at  timestamptz,
    removed_by  text
);
create unique index admin_trust_anchor_current on admin_trust_anchor (sha256) where removed_at is null;
