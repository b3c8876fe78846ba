import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('differs on every call', () => {
    expect(uniqueName('tickets')).not.toBe(uniqueName('tickets'));
  });

  it('is a safe lowercase identifier', () => {
    expect(uniqueName('Ticket-Lifecycle.v2')).toMatch(/^ticket_lifecycle_v2_[0-9a-f]{8}$/);
  });
});
