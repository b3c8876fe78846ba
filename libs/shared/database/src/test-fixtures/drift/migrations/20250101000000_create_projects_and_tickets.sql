-- migrate:up
create type ticket_status as enum ('OPEN', 'IN_PROGRESS', 'CLOSED');

create table projects (
  id uuid primary key,
  name varchar(120) not null,
  created_at timestamptz(3) not null default now()
);

create table tickets (
  id uuid primary key default gen_random_uuid(),
  number integer not null unique,
  project_id uuid not null references projects (id) on delete cascade,
  title text not null,
  status ticket_status not null default 'OPEN',
  sla_hours numeric(6, 2) not null,
  billable boolean not null,
  closed_at timestamp(3),
  labels text[],
  details jsonb,
  unique (project_id, title)
);

create index tickets_project_id_status_idx on tickets (project_id, status);

-- Not expressible in schema.prisma, so the drift check leaves it alone.
create index tickets_open_idx on tickets (project_id) where status = 'OPEN';

-- migrate:down
drop table tickets;
drop table projects;
drop type ticket_status;
