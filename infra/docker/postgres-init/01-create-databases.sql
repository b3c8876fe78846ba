-- One database per service (SPEC §3). Runs once, when the postgres volume is first initialised;
-- each service applies its own migrations at start-up. Temporal creates its own databases.
CREATE DATABASE mg_identity;
CREATE DATABASE mg_contracts;
CREATE DATABASE mg_tickets;
CREATE DATABASE mg_interventions;
