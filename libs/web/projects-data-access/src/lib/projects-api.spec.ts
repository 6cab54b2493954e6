import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProjectResponse, Role } from '@model-inventory/contracts';
import { ReferenceDataApi } from '@model-inventory/web-inventory-data-access';
import { signInAs } from '@model-inventory/web-core/testing';
import { firstValueFrom } from 'rxjs';
import { ProjectsApi } from './projects-api';
import { aProject } from './testing/project-fixtures';

describe(ProjectsApi.name, () => {
  let backend: HttpTestingController;
  let api: ProjectsApi;
  let referenceData: ReferenceDataApi;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    await signInAs(Role.Editor);
    api = TestBed.inject(ProjectsApi);
    referenceData = TestBed.inject(ReferenceDataApi);
  });

  afterEach(() => backend.verify());

  /** The Models tab's project list, as the filter and the model form read it. */
  async function projectFilter(items: ProjectResponse[]): Promise<string[]> {
    const projects = firstValueFrom(referenceData.projects());
    backend.expectOne('/api/projects?limit=500').flush({ items, limit: 500, offset: 0, total: items.length });
    return (await projects).map((project) => project.name);
  }

  it('makes the Models tab fetch the projects again after one is created, so its filter offers the new one', async () => {
    expect(await projectFilter([aProject({ id: 1, name: 'Fraud detection' })])).toEqual(['Fraud detection']);
    const created = firstValueFrom(api.create({ frameworks: [1], name: 'Credit scoring' }));
    backend.expectOne({ method: 'POST', url: '/api/projects' }).flush(aProject({ id: 2, name: 'Credit scoring' }), { status: 201, statusText: 'Created' });
    await created;

    expect(await projectFilter([aProject({ id: 2, name: 'Credit scoring' }), aProject({ id: 1, name: 'Fraud detection' })])).toEqual(['Credit scoring', 'Fraud detection']);
  });

  it('makes the Models tab forget a deleted project', async () => {
    expect(await projectFilter([aProject({ id: 1, name: 'Fraud detection' })])).toEqual(['Fraud detection']);
    const removed = firstValueFrom(api.remove(1));
    backend.expectOne({ method: 'DELETE', url: '/api/projects/1' }).flush(null, { status: 204, statusText: 'No Content' });
    await removed;

    expect(await projectFilter([])).toEqual([]);
  });

  it('counts the models linked to a project from the model list\'s total', async () => {
    const count = firstValueFrom(api.modelCount(4));
    backend.expectOne('/api/modelInventory?limit=1&offset=0&project_id=4').flush({ items: [], limit: 1, offset: 0, total: 17 });

    expect(await count).toBe(17);
  });
});
