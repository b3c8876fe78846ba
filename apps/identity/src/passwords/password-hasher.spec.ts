import * as argon2 from '@node-rs/argon2';
import { PasswordHasher } from './password-hasher';

jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof argon2>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});

const hasher = new PasswordHasher();

beforeEach(() => {
  jest.mocked(argon2.verify).mockClear();
});

describe('PasswordHasher', () => {
  it('hashes with argon2id, never keeping the password itself', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('correct horse battery');
    await expect(hasher.verify(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'wrong horse battery')).resolves.toBe(false);
  });

  it('does a full verification even when there is no user, and still answers false', async () => {
    await hasher.onModuleInit();
    await expect(hasher.verify(undefined, 'not-a-real-password-only-for-timing')).resolves.toBe(
      false,
    );
    expect(argon2.verify).toHaveBeenCalledTimes(1);
  });

  it('answers false, not an error, for a stored hash it cannot read', async () => {
    await expect(hasher.verify('not-a-phc-string', 'anything')).resolves.toBe(false);
  });
});
