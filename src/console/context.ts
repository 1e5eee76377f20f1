import type { ApiClient } from './api/client';
import type { Citation, Scope, Source, WhoAmI } from './api/types';

/** What every view is given: the API client, who is calling, and the shared pieces of the page. */
export interface ConsoleContext {
  api: ApiClient;
  caller: WhoAmI;
  /** True when the caller's key has the scope (or admin), or the service runs open. */
  allows(scope: Scope): boolean;
  /** Opens the cited paragraph in the paragraph dialog; focus returns to `opener` when it closes. */
  openParagraph(citation: Citation, opener: HTMLElement): void;
  /** The sources (investigation, resolutions, list files), fetched once per page load. */
  sources(): Promise<Source[]>;
}
