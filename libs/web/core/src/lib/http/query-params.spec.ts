import { toHttpParams } from './query-params';

describe(toHttpParams.name, () => {
  it('joins lists with commas and leaves out what is absent, null, empty or an empty list', () => {
    const params = toHttpParams({
      empty: '',
      flag: false,
      limit: 25,
      missing: undefined,
      none: [],
      nothing: null,
      status: ['Open', 'In Progress'],
    });

    expect(params.toString()).toBe('flag=false&limit=25&status=Open,In%20Progress');
  });
});
