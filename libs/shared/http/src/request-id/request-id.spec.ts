import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps a caller-supplied token so one id follows a call across services', () => {
    expect(requestIdFrom('console-7f3a.1:2')).toBe('console-7f3a.1:2');
  });

  it('generates a UUID when the header is absent', () => {
    expect(requestIdFrom(undefined)).toMatch(UUID);
  });

  it.each([
    ['a value with spaces', 'a b'],
    ['a log-injection attempt', 'abc\ninjected'],
    ['markup', '<script>'],
    ['an empty value', ''],
    ['an over-long value', 'x'.repeat(129)],
  ])('replaces %s with a fresh UUID', (_case, header) => {
    expect(requestIdFrom(header)).toMatch(UUID);
  });

  it('uses the first value when the header is repeated', () => {
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });
});
