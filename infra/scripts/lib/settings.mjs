// Where the infrastructure is, from the same variables the apps and tests read. Defaults are the
// local topology of SPEC §3.
export function infraSettings(env = process.env) {
  return {
    postgres: {
      host: env.PGHOST || '127.0.0.1',
      port: Number(env.PGPORT || 5432),
      user: env.PGUSER || 'postgres',
      password: env.PGPASSWORD || undefined,
    },
    nats: { url: env.NATS_URL || 'nats://127.0.0.1:4222' },
    temporal: {
      // Without TEMPORAL_ADDRESS a local dev server is used (started if needed) on these ports.
      address: env.TEMPORAL_ADDRESS || `127.0.0.1:${env.TEMPORAL_DEV_PORT || 7233}`,
      external: Boolean(env.TEMPORAL_ADDRESS),
      devPort: Number(env.TEMPORAL_DEV_PORT || 7233),
      uiPort: Number(env.TEMPORAL_UI_PORT || 8233),
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      uiUrl: env.TEMPORAL_UI_URL || `http://localhost:${env.TEMPORAL_UI_PORT || 8233}`,
    },
  };
}

/** A postgres:// URL for one database; a socket directory as PGHOST becomes `?host=`. */
export function databaseUrl({ host, port, user, password }, database) {
  const credentials =
    encodeURIComponent(user) + (password ? `:${encodeURIComponent(password)}` : '');
  return host.startsWith('/')
    ? `postgres://${credentials}@localhost:${port}/${database}?host=${encodeURIComponent(host)}`
    : `postgres://${credentials}@${host.includes(':') ? `[${host}]` : host}:${port}/${database}`;
}

/** The variables every app, test and tool should see so they all talk to the same servers. */
export function infraEnv(settings) {
  const { postgres, nats, temporal } = settings;
  return {
    PGHOST: postgres.host,
    PGPORT: String(postgres.port),
    PGUSER: postgres.user,
    ...(postgres.password ? { PGPASSWORD: postgres.password } : {}),
    NATS_URL: nats.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    TEMPORAL_UI_URL: temporal.uiUrl,
  };
}

/** `host:port` → { host, port }, accepting `nats://user:pass@host:port` URLs too. */
export function hostPort(address, defaultPort) {
  const first = address.split(',')[0].trim();
  const url = new URL(first.includes('://') ? first : `tcp://${first}`);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || defaultPort) };
}
