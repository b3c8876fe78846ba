-- migrate:up
create table notes (id serial primary key, body text not null);

-- migrate:down
drop table notes;
