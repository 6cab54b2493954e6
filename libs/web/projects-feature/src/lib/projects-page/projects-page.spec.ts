import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatRowHarness, MatTableHarness } from '@angular/material/table/testing';
import { ProjectResponse, Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { aProject, FRAMEWORKS } from '@model-inventory/web-projects-data-access';
import { ProjectsPage } from './projects-page';

const SUPPORT = aProject({ frameworks: [1, 2], id: 1, name: 'Customer support assistant' });
const FRAUD = aProject({ description: null, frameworks: [], id: 2, name: 'Fraud detection' });

describe(ProjectsPage.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ProjectsPage>;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function answerList(items: ProjectResponse[], counts: Record<number, number>, frameworks = true): Promise<void> {
    await fixture.whenStable();
    backend.expectOne('/api/projects?limit=500&offset=0').flush({ items, limit: 500, offset: 0, total: items.length });
    if (frameworks) backend.expectOne('/api/frameworks').flush(FRAMEWORKS);
    await fixture.whenStable();
    for (const project of items) {
      backend
        .expectOne(`/api/modelInventory?limit=1&offset=0&project_id=${project.id}`)
        .flush({ items: [], limit: 1, offset: 0, total: counts[project.id] ?? 0 });
    }
    await fixture.whenStable();
  }

  async function open(role: Role, items: ProjectResponse[] = [FRAUD, SUPPORT], counts: Record<number, number> = { 1: 3, 2: 0 }): Promise<void> {
    await signInAs(role);
    fixture = TestBed.createComponent(ProjectsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    fixture.detectChanges();
    await answerList(items, counts);
  }

  async function rows(): Promise<Record<string, string>[]> {
    const table = await loader.getHarness(MatTableHarness);
    return Promise.all((await table.getRows()).map((row: MatRowHarness) => row.getCellTextByColumnName()));
  }

  it('lists the projects by name with their description, linked frameworks and number of models', async () => {
    await open(Role.Editor);

    expect(await rows()).toEqual([
      expect.objectContaining({ description: 'Answers customer e-mails', frameworks: 'EU AI Act, ISO/IEC 42001', models: '3', name: 'Customer support assistant' }),
      expect.objectContaining({ description: 'None', frameworks: 'None', models: '0', name: 'Fraud detection' }),
    ]);
  });

  it('lets an Auditor read the projects without any way to change them', async () => {
    await open(Role.Auditor);

    expect(Object.keys((await rows())[0])).not.toContain('actions');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Create project/ }))).toHaveLength(0);
  });

  it('creates a project with linked frameworks and lists it', async () => {
    await open(Role.Editor, [], {});
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No projects yet');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Create project/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await ((await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name' }))).getControl(MatInputHarness)) as MatInputHarness).setValue('  Credit scoring ');
    const frameworks = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=project-frameworks]' }));
    await frameworks.open();
    await frameworks.clickOptions({ text: 'NIST AI RMF' });
    await frameworks.clickOptions({ text: 'EU AI Act' });
    await frameworks.close();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create project' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/projects' });
    expect(request.request.body).toEqual({ description: null, frameworks: [1, 3], name: 'Credit scoring' });
    const created = aProject({ description: null, frameworks: [1, 3], id: 9, name: 'Credit scoring' });
    request.flush(created, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    await answerList([created], { 9: 0 });

    expect(await rows()).toEqual([expect.objectContaining({ frameworks: 'EU AI Act, NIST AI RMF', models: '0', name: 'Credit scoring' })]);
    expect(await (await overlay.getHarness(MatSnackBarHarness)).getMessage()).toBe('Project "Credit scoring" was created.');
  });

  it('shows a missing name before sending and the API\'s refusal of a duplicate name', async () => {
    await open(Role.Editor, [], {});
    await (await loader.getHarness(MatButtonHarness.with({ text: /Create project/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create project' }))).click();
    const nameField = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name' }));
    expect(await nameField.getTextErrors()).toEqual(['Name is required.']);
    backend.expectNone('/api/projects');

    await ((await nameField.getControl(MatInputHarness)) as MatInputHarness).setValue('Fraud detection');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create project' }))).click();
    backend
      .expectOne({ method: 'POST', url: '/api/projects' })
      .flush({ detail: 'A project with this name already exists.', status: 409, title: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(await dialog.getText()).toContain('A project with this name already exists.');
  });

  it('renames a project, changes its description and its frameworks', async () => {
    await open(Role.Reviewer);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Edit Customer support assistant"]' }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Edit project "Customer support assistant"');
    await ((await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name' }))).getControl(MatInputHarness)) as MatInputHarness).setValue('Support assistant');
    await ((await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Description' }))).getControl(MatInputHarness)) as MatInputHarness).setValue('');
    const frameworks = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=project-frameworks]' }));
    await frameworks.open();
    await frameworks.clickOptions({ text: 'ISO/IEC 42001' });
    await frameworks.close();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save project' }))).click();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/projects/1' });
    expect(request.request.body).toEqual({ description: null, frameworks: [1], name: 'Support assistant' });
    request.flush({ ...SUPPORT, description: null, frameworks: [1], name: 'Support assistant' });
    await fixture.whenStable();
    await answerList([{ ...SUPPORT, description: null, frameworks: [1], name: 'Support assistant' }], { 1: 3 });

    expect(await rows()).toEqual([expect.objectContaining({ description: 'None', frameworks: 'EU AI Act', name: 'Support assistant' })]);
  });

  it('warns how many models lose the link before deleting a used project', async () => {
    await open(Role.Admin);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete Customer support assistant"]' }))).click();
    const confirm = await overlay.getHarness(MatDialogHarness);
    expect(await confirm.getText()).toContain('3 models are linked to it and will lose the link');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Delete project' }))).click();

    backend.expectOne({ method: 'DELETE', url: '/api/projects/1' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    await answerList([FRAUD], { 2: 0 });

    expect((await rows()).map((row) => row['name'])).toEqual(['Fraud detection']);
  });

  it('says an unused project has no models before deleting it', async () => {
    await open(Role.Editor);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete Fraud detection"]' }))).click();
    const confirm = await overlay.getHarness(MatDialogHarness);
    expect(await confirm.getText()).toContain('No model is linked to it.');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();

    backend.expectNone({ method: 'DELETE' });
  });
});
