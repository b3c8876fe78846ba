import { type ConsoleConfig } from '../console.config';

/** The services the console forwards to, each the sole owner of its part of the API. */
export const UPSTREAM_NAMES = ['identity', 'contracts', 'tickets', 'interventions'] as const;
export type UpstreamName = (typeof UPSTREAM_NAMES)[number];

export type UpstreamUrls = Record<UpstreamName, string>;

/** Base URLs without a trailing slash, so paths can be appended as they are. */
export function upstreamUrls(config: ConsoleConfig): UpstreamUrls {
  const base = (url: string) => url.replace(/\/+$/, '');
  return {
    identity: base(config.IDENTITY_URL),
    contracts: base(config.CONTRACTS_URL),
    tickets: base(config.TICKETS_URL),
    interventions: base(config.INTERVENTIONS_URL),
  };
}
