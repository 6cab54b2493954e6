import { aModel } from '@model-inventory/web-inventory-data-access';
import { printDocument } from './print-view';

describe('printDocument', () => {
  it('prints the rows shown, in the visible columns, with their values escaped', () => {
    const html = printDocument({
      columns: ['provider', 'model', 'security_assessment', 'projects'],
      models: [aModel({ model: '<script>alert(1)</script>', projects: [11], provider: 'Acme & Co' })],
      names: { frameworks: new Map(), projects: new Map([[11, 'Support bot']]) },
      subtitle: 'Models 1–1 of 1',
      title: 'Acme — Model register',
    });
    const doc = new DOMParser().parseFromString(html, 'text/html');

    expect([...doc.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Provider', 'Model', 'Assessment', 'Projects']);
    expect([...doc.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Acme & Co',
      '<script>alert(1)</script>',
      'Yes',
      'Support bot',
    ]);
    expect(doc.querySelector('script')).toBeNull();
  });
});
