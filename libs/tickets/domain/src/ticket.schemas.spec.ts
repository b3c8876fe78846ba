import {
  closeTicketSchema,
  createTicketSchema,
  listTicketsQuerySchema,
  ticketReasonSchema,
  ticketStatsQuerySchema,
} from './ticket.schemas';
import { CONTRACT_ID, PROJECT_ID } from './ticket.fixtures';

const valid = {
  projectId: PROJECT_ID,
  contractId: CONTRACT_ID,
  title: 'Card payment fails',
  description: 'Users cannot pay by card',
  severity: 'CRITICAL',
  origin: 'CLIENT',
};

const pathsOf = (value: unknown) =>
  (createTicketSchema.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('create ticket body', () => {
  it('accepts a ticket with or without a contract', () => {
    expect(createTicketSchema.safeParse(valid).success).toBe(true);
    const { contractId: _contractId, ...withoutContract } = valid;
    expect(createTicketSchema.safeParse(withoutContract).success).toBe(true);
  });

  it('requires a title of 1 to 200 characters', () => {
    expect(pathsOf({ ...valid, title: '  ' })).toEqual(['title']);
    expect(pathsOf({ ...valid, title: 'x'.repeat(201) })).toEqual(['title']);
    expect(pathsOf({ ...valid, title: 'x'.repeat(200) })).toEqual([]);
  });

  it('requires a description of 1 to 10000 characters', () => {
    expect(pathsOf({ ...valid, description: '' })).toEqual(['description']);
    expect(pathsOf({ ...valid, description: 'x'.repeat(10_001) })).toEqual(['description']);
  });

  it('knows only the SPEC severities and origins', () => {
    expect(pathsOf({ ...valid, severity: 'CRITIQUE', origin: 'INTERNE' }).sort()).toEqual([
      'origin',
      'severity',
    ]);
  });

  it('refuses ids that are not uuids', () => {
    expect(pathsOf({ ...valid, projectId: '1', contractId: 'abc' }).sort()).toEqual([
      'contractId',
      'projectId',
    ]);
  });

  it.each([['number'], ['status'], ['billable'], ['processable'], ['assigneeId']])(
    'refuses the server-owned field %s',
    (field) => {
      expect(createTicketSchema.safeParse({ ...valid, [field]: 'x' }).success).toBe(false);
    },
  );
});

describe('reject / reopen body', () => {
  it('requires a reason of 1 to 2000 characters, trimmed', () => {
    expect(ticketReasonSchema.parse({ reason: ' Duplicate ' })).toEqual({ reason: 'Duplicate' });
    expect(ticketReasonSchema.safeParse({ reason: ' ' }).success).toBe(false);
    expect(ticketReasonSchema.safeParse({ reason: 'x'.repeat(2001) }).success).toBe(false);
    expect(ticketReasonSchema.safeParse({}).success).toBe(false);
    expect(ticketReasonSchema.safeParse({ reason: 'ok', extra: 1 }).success).toBe(false);
  });
});

describe('list tickets query', () => {
  it('turns billable into a boolean and applies the page defaults', () => {
    expect(listTicketsQuerySchema.parse({ billable: 'false', status: 'OPEN' })).toEqual({
      billable: false,
      status: 'OPEN',
      limit: 20,
    });
  });

  it('refuses unknown parameters and values', () => {
    expect(listTicketsQuerySchema.safeParse({ owner: 'me' }).success).toBe(false);
    expect(listTicketsQuerySchema.safeParse({ severity: 'BLOCKER' }).success).toBe(false);
    expect(listTicketsQuerySchema.safeParse({ billable: 'yes' }).success).toBe(false);
    expect(listTicketsQuerySchema.safeParse({ projectId: 'not-a-uuid' }).success).toBe(false);
  });
});

describe('close body and stats query', () => {
  it('accepts an empty close body, or none, and nothing else', () => {
    expect(closeTicketSchema.safeParse({}).success).toBe(true);
    expect(closeTicketSchema.safeParse(undefined).success).toBe(true);
    expect(closeTicketSchema.safeParse({ reason: 'done' }).success).toBe(false);
  });

  it('requires the project of the stats', () => {
    expect(ticketStatsQuerySchema.safeParse({}).success).toBe(false);
    expect(ticketStatsQuerySchema.safeParse({ projectId: PROJECT_ID }).success).toBe(true);
  });
});
