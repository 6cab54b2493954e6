import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { firstValueFrom } from 'rxjs';
import { confirmAction } from './confirm-dialog';

@Component({ template: '' })
class Host {}

describe('ConfirmDialog', () => {
  async function ask() {
    const fixture = TestBed.createComponent(Host);
    const answer = firstValueFrom(
      confirmAction(TestBed.inject(MatDialog), {
        confirmLabel: 'Delete model',
        destructive: true,
        message: 'GPT-4o will be removed from the register.',
        title: 'Delete this model?',
      }),
    );
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    return { answer, dialog };
  }

  it('asks the question and answers true when the user confirms', async () => {
    const { answer, dialog } = await ask();

    expect(await dialog.getTitleText()).toContain('Delete this model?');
    expect(await dialog.getContentText()).toContain('GPT-4o will be removed');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete model' }))).click();
    expect(await answer).toBe(true);
  });

  it('answers false when the user cancels', async () => {
    const { answer, dialog } = await ask();

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    expect(await answer).toBe(false);
  });
});
