import { TestBed } from '@angular/core/testing';
import { EmptyState } from './empty-state';

describe('EmptyState', () => {
  it('explains what will appear in the panel', async () => {
    const fixture = TestBed.createComponent(EmptyState);
    fixture.componentRef.setInput('icon', 'model_training');
    fixture.componentRef.setInput('heading', 'No models yet');
    fixture.componentRef.setInput('message', 'Registered models will be listed here.');
    await fixture.whenStable();

    const panel = fixture.nativeElement as HTMLElement;
    expect(panel.querySelector('h2')?.textContent).toBe('No models yet');
    expect(panel.textContent).toContain('Registered models will be listed here.');
    expect(panel.querySelector('mat-icon')?.textContent?.trim()).toBe('model_training');
  });
});
