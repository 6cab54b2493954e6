// @ts-check
// Words for generated data: realistic model names, and the tricky ones every registry meets sooner or later.

export const DOMAINS = [
  'credit',
  'fraud',
  'churn',
  'pricing',
  'demand',
  'marketing',
  'claims',
  'underwriting',
  'aml',
  'kyc',
  'collections',
  'recommendation',
  'search',
  'support',
  'forecasting',
  'inventory',
  'logistics',
  'attrition',
  'cyber',
  'document',
];
export const TASKS = [
  'pd',
  'lgd',
  'scoring',
  'detection',
  'propensity',
  'forecast',
  'segmentation',
  'classifier',
  'regressor',
  'ranker',
  'embeddings',
  'ner',
  'summarizer',
  'anomaly',
  'uplift',
];
export const ALGORITHMS = [
  'xgb',
  'lgbm',
  'gbm',
  'logreg',
  'rf',
  'bert',
  'llm',
  'cnn',
  'lstm',
  'glm',
  'catboost',
  'tabnet',
];
export const REGIONS = [
  'eu',
  'us',
  'uk',
  'apac',
  'latam',
  'v2',
  'v3',
  'retail',
  'sme',
  'corp',
];
export const TEAMS = [
  'risk-ds',
  'growth-ml',
  'ops-analytics',
  'platform-ml',
  'finance-ds',
  'trust-safety',
];
export const USERS = [
  'alice@example.com',
  'bob@example.com',
  'chen@example.com',
  'dana@example.com',
  'eve@example.com',
];
export const ADJECTIVES = [
  'bold',
  'calm',
  'eager',
  'gentle',
  'lucky',
  'quiet',
  'rare',
  'sharp',
  'wise',
  'zesty',
];
export const ANIMALS = [
  'owl',
  'fox',
  'yak',
  'eel',
  'ram',
  'cat',
  'bee',
  'ant',
  'elk',
  'gnu',
];
export const PROMPTS = [
  'summarize-ticket',
  'classify-intent',
  'extract-entities',
  'draft-reply',
];

/**
 * Names that break naive clients: quotes of both kinds (filters never unescape them), LIKE wildcards, spaces,
 * a backslash and non-ASCII letters. One in ten generated models takes the next one of these.
 */
export const TRICKY_NAMES = [
  "o'brien-model",
  'say "hello" model',
  '100%-coverage',
  'under_score_model',
  'model with spaces',
  'modèle-é',
  'both\'quote"kinds',
  'back\\slash-model',
  '模型-中文',
  'Ünïcödé Straße',
  'percent%_mix',
  'UPPER-lower-Model',
];
