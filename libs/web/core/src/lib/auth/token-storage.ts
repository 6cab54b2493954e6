const STORAGE_KEY = 'model-inventory.session';

interface StoredToken {
  accessToken: string;
  expiresAt: number;
}

export function readStoredToken(now = Date.now()): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredToken | null;
    return stored && typeof stored.accessToken === 'string' && stored.expiresAt > now ? stored.accessToken : null;
  } catch {
    return null;
  }
}

export function writeStoredToken(accessToken: string, expiresInSeconds: number): void {
  const stored: StoredToken = { accessToken, expiresAt: Date.now() + expiresInSeconds * 1000 };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
}

export function clearStoredToken(): void {
  localStorage.removeItem(STORAGE_KEY);
}
