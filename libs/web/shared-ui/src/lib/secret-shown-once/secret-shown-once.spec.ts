import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SecretShownOnce } from './secret-shown-once';

@Component({
  imports: [SecretShownOnce],
  template: `
    <mi-secret-shown-once
      testId="token"
      label="API token"
      copyLabel="Copy token"
      purpose="Store it safely."
      [subject]="subject"
      [secret]="'mi_abc'"
    >
      <span secretHint>Send it as <code>Bearer</code></span>
    </mi-secret-shown-once>
  `,
})
class Host {
  subject = 'it';
}

describe('SecretShownOnce', () => {
  async function render(subject = 'it') {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.subject = subject;
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('warns that the secret is shown once, in an alert whose icon screen readers skip', async () => {
    const panel = await render();

    const warning = panel.querySelector('[data-testid="token-once-warning"]');
    expect(warning?.getAttribute('role')).toBe('alert');
    expect(warning?.querySelector('span')?.textContent).toBe('Copy it now: you will not see it again. Store it safely.');
    expect(warning?.querySelector('mat-icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('names the secret in the warning when asked to', async () => {
    const panel = await render('this link');

    expect(panel.querySelector('[data-testid="token-once-warning"] strong')?.textContent).toBe('you will not see this link again.');
  });

  it('shows the secret read-only with its label, hint and a copy button', async () => {
    const panel = await render();

    const field = panel.querySelector('[data-testid="created-token"]') as HTMLTextAreaElement;
    expect(field.value).toBe('mi_abc');
    expect(field.readOnly).toBe(true);
    expect(panel.querySelector('mat-label')?.textContent).toBe('API token');
    expect(panel.querySelector('mat-hint')?.innerHTML).toContain('Send it as <code>Bearer</code>');
    expect(panel.querySelector('[data-testid="copy-token"] button')?.textContent?.trim()).toBe('content_copy Copy token');
  });
});
