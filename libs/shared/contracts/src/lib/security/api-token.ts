import { Role } from '../identity/role';

/** Every API token starts with this, so secret scanners and people can recognise one. */
export const API_TOKEN_PREFIX = 'mi_';

export interface CreateApiTokenRequest {
  name: string;
  /** At most the creator's role; default: the creator's role. The token never does more than its user may. */
  role?: Role;
  /** ISO date-time in the future; absent: the token does not expire. */
  expires_at?: string | null;
}

export interface ApiTokenResponse {
  id: number;
  name: string;
  role: Role;
  /** The first characters of the token, to recognise it (`mi_AbCd1234`). */
  prefix: string;
  user_id: number;
  user_name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Returned once, at creation: the token itself is never shown again (only its hash is stored). */
export interface CreatedApiTokenResponse extends ApiTokenResponse {
  token: string;
}
