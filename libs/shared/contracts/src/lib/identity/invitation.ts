import { Role } from './role';

/** How long an invitation link can be used, from when it is issued. */
export const INVITATION_TTL_DAYS = 7;

/** The console page that accepts an invitation; the token travels in the fragment, never to a server log. */
export const ACCEPT_INVITATION_PATH = '/accept-invitation';

export interface CreateInvitationRequest {
  email: string;
  role: Role;
}

/** A pending invitation as Admins list it; the token is never shown again after it is issued. */
export interface InvitationResponse {
  id: number;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
}

/** The one answer that carries the token: the link to hand to the invitee, once. */
export interface IssuedInvitationResponse extends InvitationResponse {
  token: string;
  /** `/accept-invitation#token=…`, relative to the console's address. */
  accept_path: string;
}

/** What the accept page shows before the invitee chooses a name and password. */
export interface InvitationPreviewResponse {
  email: string;
  role: Role;
  organization_name: string;
  expires_at: string;
}

export interface InvitationTokenRequest {
  token: string;
}

export interface AcceptInvitationRequest extends InvitationTokenRequest {
  name: string;
  password: string;
}
