/** What an API key may do: screen, read reference data, read the audit trail, everything (admin). */
export const SCOPES = ['screen', 'read', 'audit', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
