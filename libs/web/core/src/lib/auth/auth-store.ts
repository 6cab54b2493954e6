import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { AcceptInvitationRequest, ChangePasswordRequest, LoginRequest, MeResponse, OrganizationResponse, RegisterRequest, Role } from '@model-inventory/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';
import { clearStoredToken, readStoredToken, writeStoredToken } from './token-storage';

@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly tokenState = signal<string | null>(readStoredToken());
  private readonly sessionState = signal<MeResponse | null>(null);
  private pendingRestore: Promise<boolean> | null = null;

  readonly token = this.tokenState.asReadonly();
  readonly user = computed(() => this.sessionState()?.user ?? null);
  readonly organization = computed(() => this.sessionState()?.organization ?? null);
  readonly isAuthenticated = computed(() => this.sessionState() !== null);
  readonly isAdmin = computed(() => this.user()?.role === Role.Admin);

  async login(request: LoginRequest): Promise<void> {
    const response = await firstValueFrom(this.api.login(request));
    this.saveToken(response.access_token, response.expires_in);
    try {
      this.sessionState.set(await firstValueFrom(this.api.me()));
    } catch (error) {
      this.clearSession();
      throw error;
    }
  }

  /** Joins the inviting organisation and signs in as the new user. */
  async acceptInvitation(request: AcceptInvitationRequest): Promise<void> {
    const response = await firstValueFrom(this.api.acceptInvitation(request));
    this.saveToken(response.access_token, response.expires_in);
    try {
      this.sessionState.set(await firstValueFrom(this.api.me()));
    } catch (error) {
      this.clearSession();
      throw error;
    }
  }

  async register(request: RegisterRequest): Promise<void> {
    const response = await firstValueFrom(this.api.register(request));
    this.saveToken(response.access_token, response.expires_in);
    this.sessionState.set({ organization: response.organization, user: response.user });
  }

  /**
   * Resolves true once the signed-in user and organisation are loaded. A rejected token ends the
   * session; other failures keep the token, so a brief outage does not sign the user out.
   */
  restoreSession(): Promise<boolean> {
    if (this.sessionState()) {
      return Promise.resolve(true);
    }
    if (!this.tokenState()) {
      return Promise.resolve(false);
    }
    this.pendingRestore ??= firstValueFrom(this.api.me())
      .then((me) => {
        this.sessionState.set(me);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.clearSession();
        }
        return false;
      })
      .finally(() => (this.pendingRestore = null));
    return this.pendingRestore;
  }

  /**
   * Ends the session on the server (its token stops working at once; the user's other sessions go on), then
   * forgets it here. The console signs out even when the server cannot be reached.
   */
  async logout(): Promise<void> {
    if (this.tokenState()) {
      await firstValueFrom(this.api.logout()).catch(() => undefined);
    }
    this.clearSession();
  }

  /** Changes the signed-in user's password; this session goes on, the user's other sessions end. */
  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.api.changePassword(request));
  }

  /** Shows the organisation as saved (after a rename, say) everywhere its name appears, the app bar included. */
  organizationSaved(organization: OrganizationResponse): void {
    this.sessionState.update((session) => (session ? { ...session, organization } : session));
  }

  clearSession(): void {
    clearStoredToken();
    this.tokenState.set(null);
    this.sessionState.set(null);
  }

  private saveToken(accessToken: string, expiresInSeconds: number): void {
    writeStoredToken(accessToken, expiresInSeconds);
    this.tokenState.set(accessToken);
  }
}
