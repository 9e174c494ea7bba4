-- Satisfaction (issue 7): one rating per dossier, given by the citizen on the public lookup page or recorded by the
-- reception officer at the counter when the result is handed back. The primary key makes "once per dossier" hold under
-- concurrent votes. The office is the receiving office (where the result is returned), kept so reports need no join.
create table satisfaction_rating (
    dossier_id   bigint primary key references dossier (id),
    office       text not null references office (id),
    rating       text not null check (rating in ('SATISFIED', 'NEUTRAL', 'DISSATISFIED')),
    comment      text check (char_length(comment) <= 500),
    channel      text not null check (channel in ('ONLINE', 'COUNTER')),
    rated_at     timestamptz not null,
    recorded_by  text
);
create index satisfaction_rating_office_at on satisfaction_rating (office, rated_at);

-- Wrong check digits typed on the public page, per dossier and day (Vietnam time): a few tries, then locked until the
-- next day, so the last 4 digits cannot be guessed by trying all 10,000.
create table satisfaction_check_failure (
    dossier_id  bigint not null references dossier (id),
    day         date not null,
    failures    integer not null,
    primary key (dossier_id, day)
);
