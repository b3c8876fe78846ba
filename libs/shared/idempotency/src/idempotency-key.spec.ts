import { DomainError } from '@mg/shared-kernel';
import { idempotencyKeyOf } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it('is undefined without the header', () => {
    expect(idempotencyKeyOf({})).toBeUndefined();
  });

  it.each(['a', 'x'.repeat(255), '7f1d3c2e-4b5a-4c6d-8e9f-0a1b2c3d4e5f', '~!@#$%^&*()_+{}'])(
    'accepts %p',
    (key) => {
      expect(idempotencyKeyOf({ 'idempotency-key': key })).toBe(key);
    },
  );

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(256)],
    ['with a space', 'a b'],
    ['with a control character', 'a\tb'],
    ['not ASCII', 'clé'],
    ['repeated', ['a', 'b']],
  ])('refuses a key that is %s with VALIDATION_FAILED', (_case, value) => {
    const attempt = () => idempotencyKeyOf({ 'idempotency-key': value });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
