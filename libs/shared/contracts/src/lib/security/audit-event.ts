/** What the security audit log records. */
export const AUDIT_ACTIONS = [
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.renamed',
  'user.role_changed',
  'user.password_reset',
  'user.removed',
  'user.invited',
  'user.invitation_accepted',
  'user.invitation_revoked',
  'api_token.created',
  'api_token.revoked',
  'webhook.created',
  'webhook.changed',
  'webhook.removed',
  'webhook.tested',
  'integration.changed',
  'share.created',
  'share.changed',
  'share.revoked',
  'demo_data.cleared',
  'evidence.purged',
  'organization.settings_changed',
  'organization.renamed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventResponse {
  id: number;
  action: AuditAction;
  occurred_at: string;
  /** Null for a failed sign-in with an unknown e-mail, or for the system. */
  actor_user_id: number | null;
  actor_name: string | null;
  /** The e-mail the actor used (for a failed sign-in: the e-mail that was tried). */
  actor_email: string | null;
  ip: string | null;
  user_agent: string | null;
  /** What was acted on, e.g. `user` / `12`, `webhook` / `3`. */
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
}

export interface AuditEventListQuery {
  limit?: number;
  offset?: number;
  action?: AuditAction[];
  actor_user_id?: number;
  actor_email?: string;
  /** ISO date-time, inclusive. */
  from?: string;
  /** ISO date-time, exclusive. */
  to?: string;
}
