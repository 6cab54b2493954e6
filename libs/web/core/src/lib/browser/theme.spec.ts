import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { ThemeStore } from './theme';

describe('ThemeStore', () => {
  beforeEach(() => localStorage.clear());

  it('follows the system until the user picks a scheme, and remembers the pick in this browser', () => {
    const root = TestBed.inject(DOCUMENT).documentElement;
    const theme = TestBed.inject(ThemeStore);
    expect(theme.choice()).toBe('system');
    expect(root.classList.contains('mi-theme-dark')).toBe(false);

    expect(theme.cycle()).toBe('light');
    expect(theme.cycle()).toBe('dark');
    expect(root.classList.contains('mi-theme-dark')).toBe(true);
    expect(root.classList.contains('mi-theme-light')).toBe(false);
    expect(localStorage.getItem('model-inventory.theme')).toBe('dark');

    expect(theme.cycle()).toBe('system');
    expect(root.classList.contains('mi-theme-dark')).toBe(false);
    expect(localStorage.getItem('model-inventory.theme')).toBeNull();
  });
});
