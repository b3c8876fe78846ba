import { type Project } from '@mg/contracts-domain';
import { type ContractsDatabaseClient } from './database-client';
import { type Prisma } from './generated/prisma/client';
import { afterPosition, type ListPosition } from './list-position';

const projectColumns = {
  id: true,
  name: true,
  client: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { userId: true }, orderBy: [{ addedAt: 'asc' }, { userId: 'asc' }] },
} as const satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectColumns }>;

const toProject = ({ members, ...project }: ProjectRow): Project => ({
  ...project,
  memberIds: members.map((member) => member.userId),
});

export interface NewProject {
  name: string;
  client: string | null;
  memberIds: readonly string[];
}

export interface ProjectChanges {
  name?: string;
  client?: string | null;
  /** Replaces the whole member list. */
  memberIds?: readonly string[];
}

export interface ProjectListQuery {
  /** Rows to return; the repository reads one more to tell whether another page follows. */
  limit: number;
  after?: ListPosition;
  /** Only projects this user is a member of (non-admin callers). */
  memberId?: string;
}

/** The only code that reads and writes projects and their members; it speaks domain types. */
export class ProjectRepository {
  constructor(private readonly db: ContractsDatabaseClient) {}

  async findById(id: string): Promise<Project | null> {
    const row = await this.db.project.findUnique({ where: { id }, select: projectColumns });
    return row ? toProject(row) : null;
  }

  /**
   * Locks the project's row until the transaction ends, so concurrent changes to one project
   * (its members, its contracts) are applied one after the other. Null when it does not exist.
   */
  async findByIdForUpdate(id: string): Promise<Project | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM projects WHERE id = ${id}::uuid FOR UPDATE`;
    return locked.length > 0 ? this.findById(id) : null;
  }

  /** Up to `limit + 1` projects in (createdAt, id) order, after `after`. */
  async list({ limit, after, memberId }: ProjectListQuery): Promise<Project[]> {
    const rows = await this.db.project.findMany({
      select: projectColumns,
      where: {
        AND: [
          after ? afterPosition(after) : {},
          memberId ? { members: { some: { userId: memberId } } } : {},
        ],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
    });
    return rows.map(toProject);
  }

  /** The ids of every project a user is a member of (what their audit view is limited to). */
  async findIdsByMember(userId: string): Promise<string[]> {
    const rows = await this.db.projectMember.findMany({
      where: { userId },
      select: { projectId: true },
      orderBy: { projectId: 'asc' },
    });
    return rows.map((row) => row.projectId);
  }

  async create({ memberIds, ...project }: NewProject): Promise<Project> {
    const row = await this.db.project.create({
      data: { ...project, members: { create: memberIds.map((userId) => ({ userId })) } },
      select: projectColumns,
    });
    return toProject(row);
  }

  /** @returns the updated project; the caller has checked that it exists. */
  async update(id: string, { memberIds, ...changes }: ProjectChanges): Promise<Project> {
    if (memberIds !== undefined) {
      // Members who stay keep their original `added_at`.
      await this.db.projectMember.deleteMany({
        where: { projectId: id, userId: { notIn: [...memberIds] } },
      });
      await this.db.projectMember.createMany({
        data: memberIds.map((userId) => ({ projectId: id, userId })),
        skipDuplicates: true,
      });
    }
    const row = await this.db.project.update({
      where: { id },
      // Touch updated_at even when only the members changed.
      data: { ...changes, updatedAt: new Date() },
      select: projectColumns,
    });
    return toProject(row);
  }

  /** @returns false when the user already was a member. */
  async addMember(projectId: string, userId: string): Promise<boolean> {
    const { count } = await this.db.projectMember.createMany({
      data: [{ projectId, userId }],
      skipDuplicates: true,
    });
    if (count > 0) await this.touch(projectId);
    return count > 0;
  }

  /** @returns false when the user was not a member. */
  async removeMember(projectId: string, userId: string): Promise<boolean> {
    const { count } = await this.db.projectMember.deleteMany({ where: { projectId, userId } });
    if (count > 0) await this.touch(projectId);
    return count > 0;
  }

  private async touch(projectId: string): Promise<void> {
    await this.db.project.update({ where: { id: projectId }, data: { updatedAt: new Date() } });
  }

  /** The project named `name`, oldest first, or null: how the demo data stays seeded once. */
  async findByName(name: string): Promise<Project | null> {
    const row = await this.db.project.findFirst({
      where: { name },
      select: projectColumns,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return row ? toProject(row) : null;
  }
}
