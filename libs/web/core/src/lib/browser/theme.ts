import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';

/** `system` follows the operating system's light or dark setting; the others pin one. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'model-inventory.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The console's colour scheme: the system's by default, or the one the user picked (kept in this browser). */
@Injectable({ providedIn: 'root' })
export class ThemeStore {
  private readonly root = inject(DOCUMENT).documentElement;
  readonly choice = signal<ThemeChoice>(readChoice());

  constructor() {
    this.apply(this.choice());
  }

  /** System → light → dark → system. */
  cycle(): ThemeChoice {
    const next = CHOICES[(CHOICES.indexOf(this.choice()) + 1) % CHOICES.length];
    this.set(next);
    return next;
  }

  set(choice: ThemeChoice): void {
    this.choice.set(choice);
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // storage may be unavailable (private mode): the choice then lasts for this page only
    }
    this.apply(choice);
  }

  private apply(choice: ThemeChoice): void {
    // styles.scss: `color-scheme: light dark` by default, pinned by these classes; Material's tokens use light-dark().
    this.root.classList.toggle('mi-theme-light', choice === 'light');
    this.root.classList.toggle('mi-theme-dark', choice === 'dark');
  }
}

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}
