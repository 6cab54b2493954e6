import { ValidationFailedError } from '../errors/domain-errors';
import { PositiveIntPipe } from './id-param';

describe(PositiveIntPipe.name, () => {
  const sut = new PositiveIntPipe('id');

  it('accepts positive integers', () => {
    expect(sut.transform('42')).toBe(42);
  });

  it.each(['abc', '0', '-1', '1.5', '1e3', '99999999999', ''])('rejects %p with a 400 naming the parameter', (value) => {
    expect(() => sut.transform(value)).toThrow(ValidationFailedError);
    try {
      sut.transform(value);
    } catch (error) {
      expect((error as ValidationFailedError).errors[0].field).toBe('id');
    }
  });
});
