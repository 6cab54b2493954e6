export enum ModelStatus {
  APPROVED = 'Approved',
  RESTRICTED = 'Restricted',
  PENDING = 'Pending',
  BLOCKED = 'Blocked',
}

export enum ModelRiskCategory {
  PERFORMANCE = 'Performance',
  BIAS = 'Bias & Fairness',
  SECURITY = 'Security',
  DATA_QUALITY = 'Data Quality',
  COMPLIANCE = 'Compliance',
}

export enum ModelRiskLevel {
  LOW = 'Low',
  MEDIUM = 'Medium',
  HIGH = 'High',
  CRITICAL = 'Critical',
}

export enum ModelRiskStatus {
  OPEN = 'Open',
  IN_PROGRESS = 'In Progress',
  RESOLVED = 'Resolved',
  ACCEPTED = 'Accepted',
}
