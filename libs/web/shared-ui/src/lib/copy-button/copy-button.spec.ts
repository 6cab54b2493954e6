import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { CopyButton } from './copy-button';

describe('CopyButton', () => {
  async function render(copies: boolean) {
    const copy = jest.fn().mockReturnValue(copies);
    TestBed.configureTestingModule({ providers: [{ provide: Clipboard, useValue: { copy } }] });
    const fixture = TestBed.createComponent(CopyButton);
    fixture.componentRef.setInput('text', 'mi_secret');
    fixture.componentRef.setInput('label', 'Copy token');
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector('button') as HTMLButtonElement;
    return { button, copy, fixture };
  }

  it('copies its text and then says so', async () => {
    const { button, copy, fixture } = await render(true);
    expect(button.textContent?.trim()).toBe('content_copy Copy token');

    button.click();
    await fixture.whenStable();

    expect(copy).toHaveBeenCalledWith('mi_secret');
    expect(button.textContent?.trim()).toBe('check Copied');
  });

  it('keeps offering to copy when the clipboard refuses', async () => {
    const { button, fixture } = await render(false);

    button.click();
    await fixture.whenStable();

    expect(button.textContent?.trim()).toBe('content_copy Copy token');
  });
});
