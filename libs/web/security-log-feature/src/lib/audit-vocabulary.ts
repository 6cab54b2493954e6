import { AUDIT_ACTIONS, AuditAction, AuditEventResponse } from '@model-inventory/contracts';

/** What each recorded action is called on the page and in the action filter. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'auth.login_failed': 'Sign-in failed',
  'auth.login_succeeded': 'Signed in',
  'auth.logout': 'Signed out',
  'auth.password_changed': 'Password changed',
  'demo_data.cleared': 'Demo data cleared',
  'evidence.purged': 'Deleted evidence purged',
  'integration.changed': 'Integration settings changed',
  'organization.settings_changed': 'Organisation settings changed',
  'organization.renamed': 'Organisation renamed',
  'share.changed': 'Share link changed',
  'share.created': 'Share link created',
  'share.revoked': 'Share link revoked',
  'user.created': 'User added',
  'user.password_reset': 'Password reset by an Admin',
  'user.removed': 'User removed',
  'user.invited': 'User invited',
  'user.invitation_accepted': 'Invitation accepted',
  'user.invitation_revoked': 'Invitation revoked',
  'user.renamed': 'User renamed',
  'user.role_changed': 'Role changed',
  'webhook.changed': 'Webhook changed',
  'webhook.created': 'Webhook created',
  'webhook.removed': 'Webhook removed',
  'webhook.tested': 'Webhook test delivery sent',
};

export const AUDIT_ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ action, label: AUDIT_ACTION_LABELS[action] }));

/** Actions that record a refusal rather than something done. */
const FAILURES: readonly AuditAction[] = ['auth.login_failed'];

export type AuditOutcome = 'Succeeded' | 'Failed';

export function outcomeOf(event: AuditEventResponse): AuditOutcome {
  return FAILURES.includes(event.action) ? 'Failed' : 'Succeeded';
}

/** `user #12`, `webhook #3`, or empty when the event acts on nothing in particular. */
export function targetOf(event: AuditEventResponse): string {
  if (!event.target_type) return '';
  return event.target_id ? `${event.target_type.replace(/_/g, ' ')} #${event.target_id}` : event.target_type.replace(/_/g, ' ');
}
