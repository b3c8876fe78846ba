import {
  listBilletsQuerySchema,
  listInterventionsQuerySchema,
  listReportsQuerySchema,
} from './list-queries';

const ID = '1e2d3c4b-5a69-4788-9a0b-cdef01234567';

describe('list queries', () => {
  it.each([
    ['billets', listBilletsQuerySchema, 'ticketId'],
    ['interventions', listInterventionsQuerySchema, 'billetId'],
    ['reports', listReportsQuerySchema, 'ticketId'],
  ] as const)('%s: need their parent, default limit 20, coerce limit', (_name, schema, parent) => {
    expect(schema.parse({ [parent]: ID })).toEqual({ [parent]: ID, limit: 20 });
    expect(schema.parse({ [parent]: ID, limit: '5', cursor: 'abc' })).toEqual({
      [parent]: ID,
      limit: 5,
      cursor: 'abc',
    });
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ [parent]: 'not-a-uuid' }).success).toBe(false);
    expect(schema.safeParse({ [parent]: ID, limit: 0 }).success).toBe(false);
    expect(schema.safeParse({ [parent]: ID, other: 'x' }).success).toBe(false);
  });
});
