import { createHash } from 'node:crypto';
import { demoUserId } from './demo-user-id';
import { uuidV5 } from './uuid-v5';

/** RFC 9562 namespace for DNS names. */
const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

/** The same computation with Node's own SHA-1, to check the hand-written one against it. */
function referenceUuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('uuidV5', () => {
  it('gives the published id of www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('agrees with a SHA-1 from node:crypto for names of every padding length', () => {
    for (let length = 0; length < 140; length += 1) {
      const name = 'é'.repeat(length % 7) + 'x'.repeat(length);
      expect(uuidV5(name, DNS)).toBe(referenceUuidV5(name, DNS));
    }
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('name', 'not-a-uuid')).toThrow(RangeError);
  });
});

describe('demoUserId', () => {
  it('is stable, distinct per email and insensitive to case', () => {
    expect(demoUserId('pm@demo.local')).toBe(demoUserId(' PM@demo.local '));
    expect(demoUserId('pm@demo.local')).not.toBe(demoUserId('admin@demo.local'));
    expect(demoUserId('pm@demo.local')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });
});
