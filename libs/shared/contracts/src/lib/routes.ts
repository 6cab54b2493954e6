/** API paths relative to the `/api` prefix, shared by the server, the console and the tests. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  auth: 'auth',
  users: 'users',
  invitations: 'users/invitations',
  projects: 'projects',
  frameworks: 'frameworks',
  health: 'health',
  system: 'system',
  modelInventory: 'modelInventory',
  modelRisks: 'modelRisks',
  modelInventoryHistory: 'modelInventoryHistory',
  changeHistory: 'model-inventory-change-history',
  riskChangeHistory: 'model-risk-change-history',
  webhooks: 'webhooks',
  demoData: 'demo-data',
  apiTokens: 'api-tokens',
  auditEvents: 'audit-events',
  shares: 'shares',
  publicShares: 'public/shares',
  evidence: 'evidence',
  organization: 'organization',
  organizationSettings: 'organization/settings',
  mlflow: 'integrations/mlflow',
} as const;

/** Console routes, shared with the Playwright tests. */
export const WebRoutes = {
  login: 'login',
  signup: 'signup',
  acceptInvitation: 'accept-invitation',
  modelInventory: 'model-inventory',
  settings: 'settings',
  /** The public read-only page of a share link: `/share/<token>`, no sign-in. */
  share: 'share',
} as const;

export const ModelInventoryTabs = ['models', 'risks', 'evidence', 'mlflow'] as const;
export type ModelInventoryTab = (typeof ModelInventoryTabs)[number];
