import {
  EVENT_TYPES,
  eventEnvelopeSchema,
  eventTypeFromSubject,
  subjectFor,
} from './event-envelope';

const envelope = {
  id: '0b8f3f0e-3c55-4c1b-9a54-2f8f1b1f6a01',
  type: 'ticket.created',
  version: 1,
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: '4a1d0f5c-8f0e-4c8e-b2a4-7a6b1c2d3e4f', role: 'CLIENT' },
  projectId: '9c6f8e1a-2b3c-4d5e-8f70-112233445566',
  ticketId: '1e2d3c4b-5a69-4788-9a0b-cdef01234567',
  data: { number: 'MAINT-00001' },
};

describe('event envelope (SPEC §8)', () => {
  it('accepts a well-formed envelope, and "system" as the actor', () => {
    expect(eventEnvelopeSchema.safeParse(envelope).success).toBe(true);
    expect(eventEnvelopeSchema.safeParse({ ...envelope, actor: 'system' }).success).toBe(true);
  });

  it('accepts an envelope without a ticket, such as a contract event', () => {
    const { ticketId: _ticketId, ...contractEvent } = envelope;
    expect(
      eventEnvelopeSchema.safeParse({ ...contractEvent, type: 'contract.expiring' }).success,
    ).toBe(true);
  });

  it('accepts an offset timestamp', () => {
    const parsed = eventEnvelopeSchema.safeParse({
      ...envelope,
      occurredAt: '2026-03-01T12:00:00+02:00',
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'ticket.deleted' }],
    ['a version below 1', { version: 0 }],
    ['a fractional version', { version: 1.5 }],
    ['a non-uuid id', { id: 'evt-1' }],
    ['a non-ISO time', { occurredAt: '01/03/2026' }],
    ['an unknown role', { actor: { id: envelope.actor.id, role: 'ROOT' } }],
    ['another actor string', { actor: 'admin' }],
    ['data that is not an object', { data: 'x' }],
    ['a missing project', { projectId: undefined }],
  ])('refuses %s', (_label, patch) => {
    expect(eventEnvelopeSchema.safeParse({ ...envelope, ...patch }).success).toBe(false);
  });

  it('publishes every type under maintenance.<type>', () => {
    expect(subjectFor('sla.breached')).toBe('maintenance.sla.breached');
    for (const type of EVENT_TYPES) {
      expect(eventTypeFromSubject(subjectFor(type))).toBe(type);
    }
    expect(eventTypeFromSubject('maintenance.ticket.deleted')).toBeNull();
    expect(eventTypeFromSubject('other.ticket.created')).toBeNull();
  });

  it('lists exactly the SPEC §8 types', () => {
    expect(EVENT_TYPES).toHaveLength(17);
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });
});
