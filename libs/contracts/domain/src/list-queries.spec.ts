import { listContractsQuerySchema } from './list-queries';

describe('GET /contracts query', () => {
  it('reads the filters and the page parameters from query-string text', () => {
    expect(
      listContractsQuerySchema.parse({
        projectId: '9c6f8e1a-2b3c-4d5e-8f70-112233445566',
        type: 'EVOLUTIVE',
        active: 'false',
        limit: '5',
      }),
    ).toEqual({
      projectId: '9c6f8e1a-2b3c-4d5e-8f70-112233445566',
      type: 'EVOLUTIVE',
      active: false,
      limit: 5,
    });
  });

  it.each([{ active: 'yes' }, { type: 'PREVENTIVE' }, { projectId: 'p1' }, { colour: 'red' }])(
    'refuses %p',
    (query) => {
      expect(listContractsQuerySchema.safeParse(query).success).toBe(false);
    },
  );
});
