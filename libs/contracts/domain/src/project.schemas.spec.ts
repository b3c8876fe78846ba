import { createProjectSchema, updateProjectSchema } from './project.schemas';

const member = '4a1d0f5c-8f0e-4c8e-b2a4-7a6b1c2d3e4f';

describe('project bodies', () => {
  it('accepts a name alone, or with a client and members', () => {
    expect(createProjectSchema.safeParse({ name: 'Application E-Commerce' }).success).toBe(true);
    expect(
      createProjectSchema.safeParse({ name: 'Shop', client: 'ACME', memberIds: [member] }).success,
    ).toBe(true);
  });

  it('trims the name and refuses a blank one', () => {
    expect(createProjectSchema.parse({ name: '  Shop ' }).name).toBe('Shop');
    expect(createProjectSchema.safeParse({ name: '   ' }).success).toBe(false);
  });

  it('refuses member ids that are not uuids, and duplicates', () => {
    expect(createProjectSchema.safeParse({ name: 'Shop', memberIds: ['jean'] }).success).toBe(
      false,
    );
    expect(
      createProjectSchema.safeParse({ name: 'Shop', memberIds: [member, member] }).success,
    ).toBe(false);
  });

  it.each([['id'], ['active'], ['createdAt']])('refuses the server-owned field %s', (field) => {
    expect(createProjectSchema.safeParse({ name: 'Shop', [field]: 'x' }).success).toBe(false);
    expect(updateProjectSchema.safeParse({ [field]: 'x' }).success).toBe(false);
  });

  it('lets an update clear the client', () => {
    expect(updateProjectSchema.parse({ client: null })).toEqual({ client: null });
  });
});
