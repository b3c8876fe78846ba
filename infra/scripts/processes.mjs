// The processes `npm start` runs (SPEC §3). Add a process here and start, readiness polling,
// the URL box and database creation pick it up.
//   entry     the built file to run with node
//   port      its HTTP port (passed as PORT)
//   ready     polled until it answers 200
//   database  created by prepare-infra and passed as DATABASE_URL
//   urlEnv    variable through which the console finds this service
//   openApi   whether it serves an OpenAPI page at /api/docs
//   services  receives every other process's `urlEnv`

/** @typedef {{ name: string, entry: string, port: number, ready: string, database?: string, urlEnv?: string, openApi?: boolean, services?: boolean }} AppProcess */

/** @type {AppProcess[]} */
export const processes = [
  {
    name: 'identity',
    entry: 'apps/identity/dist/main.js',
    port: 3001,
    ready: 'http://127.0.0.1:3001/ready',
    database: 'mg_identity',
    urlEnv: 'IDENTITY_URL',
    openApi: true,
  },
  {
    name: 'contracts',
    entry: 'apps/contracts/dist/main.js',
    port: 3002,
    ready: 'http://127.0.0.1:3002/ready',
    database: 'mg_contracts',
    urlEnv: 'CONTRACTS_URL',
    openApi: true,
  },
  {
    name: 'tickets',
    entry: 'apps/tickets/dist/main.js',
    port: 3003,
    ready: 'http://127.0.0.1:3003/ready',
    database: 'mg_tickets',
    urlEnv: 'TICKETS_URL',
    openApi: true,
  },
  {
    name: 'interventions',
    entry: 'apps/interventions/dist/main.js',
    port: 3004,
    ready: 'http://127.0.0.1:3004/ready',
    database: 'mg_interventions',
    urlEnv: 'INTERVENTIONS_URL',
    openApi: true,
  },
  {
    name: 'workflow-worker',
    entry: 'apps/workflow-worker/dist/main.js',
    port: 3005,
    ready: 'http://127.0.0.1:3005/ready',
  },
  {
    name: 'console',
    entry: 'apps/console/dist/main.js',
    port: 3000,
    ready: 'http://127.0.0.1:3000/ready',
    services: true,
  },
];

/** The databases the services own, created by prepare-infra. */
export const databases = processes.flatMap((p) => (p.database ? [p.database] : []));

/** The demo accounts seeded in development mode (SPEC §10). */
export const demoUsers = [
  ['admin@demo.local', 'ADMIN'],
  ['pm@demo.local', 'PROJECT_MANAGER'],
  ['jean.dupont@demo.local', 'DEVELOPER'],
  ['support@demo.local', 'SUPPORT'],
  ['client@demo.local', 'CLIENT'],
];
export const demoPassword = 'demo-password';
