export * from './tickets-database';
export * from './tickets-transactions';
export * from './database-client';
export * from './list-position';
export * from './ticket-rows';
export * from './ticket-history-rows';
export * from './ticket.repository';
