import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe('canonicalJson', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
  });

  it('drops undefined members like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('requestFingerprint', () => {
  const fingerprint = requestFingerprint('POST', '/api/v1/contracts', { type: 'A', slaHours: 4 });

  it('is the same for the same request written with its keys in another order', () => {
    expect(requestFingerprint('post', '/api/v1/contracts', { slaHours: 4, type: 'A' })).toBe(
      fingerprint,
    );
  });

  it.each([
    ['another body', 'POST', '/api/v1/contracts', { type: 'A', slaHours: 5 }],
    ['another path', 'POST', '/api/v1/contracts?x=1', { type: 'A', slaHours: 4 }],
    ['another method', 'PUT', '/api/v1/contracts', { type: 'A', slaHours: 4 }],
  ])('differs for %s', (_case, method, url, body) => {
    expect(requestFingerprint(method, url, body)).not.toBe(fingerprint);
  });
});
