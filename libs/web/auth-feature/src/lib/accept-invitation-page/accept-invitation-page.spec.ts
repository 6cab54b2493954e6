import { tokenFromFragment } from './accept-invitation-page';

describe(tokenFromFragment.name, () => {
  it('reads the token from the link fragment, and nothing from a link without one', () => {
    expect(tokenFromFragment('token=abc-DEF_123')).toBe('abc-DEF_123');
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment(null)).toBeNull();
    expect(tokenFromFragment('token=')).toBeNull();
  });
});
