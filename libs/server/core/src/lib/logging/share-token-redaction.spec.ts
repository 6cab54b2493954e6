import { withoutShareTokens } from './logging.module';

describe(withoutShareTokens.name, () => {
  it('logs the public share routes and the console page of a link without the token', () => {
    expect(withoutShareTokens('/api/public/shares/q3N0tLd5bT3abc_-x?limit=1')).toBe('/api/public/shares/[token]?limit=1');
    expect(withoutShareTokens('/api/public/shares/q3N0tLd5bT3abc_-x/export?format=csv')).toBe('/api/public/shares/[token]/export?format=csv');
    expect(withoutShareTokens('/share/q3N0tLd5bT3abc_-x')).toBe('/share/[token]');
  });

  it('leaves every other path as it is', () => {
    expect(withoutShareTokens('/api/shares/12')).toBe('/api/shares/12');
    expect(withoutShareTokens('/api/modelInventory?search=share')).toBe('/api/modelInventory?search=share');
  });
});
