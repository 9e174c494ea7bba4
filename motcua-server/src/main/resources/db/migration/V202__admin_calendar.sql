-- Administration (issue 7): the working calendar's local overrides, edited by administrators and applied without a
-- restart (LiveCalendar). Rows are the lines of the domain's CalendarOverrides text format; the counter hours are
-- CounterHours.parse text. Every change is also written to audit_log.
create table admin_calendar_entry (
    day        date primary key,
    kind       text,                 -- a Holiday.Kind name; null: a working day (e.g. the Saturday of a swap)
    name_key   text,
    changed_at timestamptz not null default now(),
    changed_by text not null
);

create table admin_setting (
    key        text primary key,
    value      text not null,
    changed_at timestamptz not null default now(),
    changed_by text not null
);
