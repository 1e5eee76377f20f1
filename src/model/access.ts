/** What an API key may do: screen, read reference data, read the audit trail, review alerts and record dispositions (analysts), everything (admin). */
export const SCOPES = ['screen', 'read', 'audit', 'review', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
