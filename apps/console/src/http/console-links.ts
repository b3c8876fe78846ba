import { type UpstreamUrls } from '../upstreams/upstreams';

/** DI token for the `ConsoleLinks` the index page shows. */
export const CONSOLE_LINKS = Symbol('CONSOLE_LINKS');

export interface ConsoleLinks {
  upstreams: UpstreamUrls;
  temporalUiUrl: string;
}
