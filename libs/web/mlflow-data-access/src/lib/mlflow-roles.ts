import { Role, WRITER_ROLES } from '@model-inventory/contracts';

/** Who may change or remove the connection (the API enforces the same). */
export const MLFLOW_CONFIG_ROLES: readonly Role[] = [Role.Admin];
/** Who may test the connection and start a sync. */
export const MLFLOW_SYNC_ROLES: readonly Role[] = [Role.Admin, Role.Editor];
/** Who may add a synced version to the register. */
export const MLFLOW_IMPORT_ROLES: readonly Role[] = WRITER_ROLES;

export const hasRole = (roles: readonly Role[], role: Role | undefined): boolean => role !== undefined && roles.includes(role);
