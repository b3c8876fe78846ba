import { DomainError, type CalendarDate } from '@mg/shared-kernel';
import { type ContractType, type WarrantyContract } from '@mg/contracts-domain';
import {
  contractColumns,
  type ContractTermsColumns,
  toContract,
  toContractColumns,
  toDateColumn,
} from './contract-rows';
import { type ContractsDatabaseClient } from './database-client';
import { EXCLUSION_VIOLATION, sqlStateOf } from './database-errors';
import { type Prisma } from './generated/prisma/client';
import { afterPosition, type ListPosition } from './list-position';

export interface NewContract extends ContractTermsColumns {
  projectId: string;
}

export interface ContractListQuery {
  /** Rows to return; the repository reads one more to tell whether another page follows. */
  limit: number;
  after?: ListPosition;
  projectId?: string;
  type?: ContractType;
  /** Only contracts active (true) or not active (false) on `today`. */
  active?: { value: boolean; today: CalendarDate };
  /** Only contracts of projects this user is a member of (non-admin callers). */
  memberId?: string;
}

/** The only code that reads and writes warranty contracts; it speaks domain types. */
export class ContractRepository {
  constructor(private readonly db: ContractsDatabaseClient) {}

  async findById(id: string): Promise<WarrantyContract | null> {
    const row = await this.db.warrantyContract.findUnique({
      where: { id },
      select: contractColumns,
    });
    return row ? toContract(row) : null;
  }

  /** Locks the contract's row until the transaction ends, so concurrent updates queue up. */
  async findByIdForUpdate(id: string): Promise<WarrantyContract | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM warranty_contracts WHERE id = ${id}::uuid FOR UPDATE`;
    return locked.length > 0 ? this.findById(id) : null;
  }

  /** Every contract of one project: what a new or changed contract is checked against (R2). */
  async findByProject(projectId: string): Promise<WarrantyContract[]> {
    const rows = await this.db.warrantyContract.findMany({
      where: { projectId },
      select: contractColumns,
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toContract);
  }

  /** Up to `limit + 1` contracts in (createdAt, id) order, after `after`. */
  async list(query: ContractListQuery): Promise<WarrantyContract[]> {
    const rows = await this.db.warrantyContract.findMany({
      select: contractColumns,
      where: {
        AND: [
          query.after ? afterPosition(query.after) : {},
          query.projectId ? { projectId: query.projectId } : {},
          query.type ? { type: query.type } : {},
          query.active ? activeFilter(query.active.value, query.active.today) : {},
          query.memberId ? { project: { members: { some: { userId: query.memberId } } } } : {},
        ],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
    });
    return rows.map(toContract);
  }

  /** @throws DomainError CONTRACT_OVERLAP when the database's R2 constraint refuses it. */
  async create({ projectId, ...terms }: NewContract): Promise<WarrantyContract> {
    return refusingOverlap(async () =>
      toContract(
        await this.db.warrantyContract.create({
          data: { projectId, ...toContractColumns(terms) },
          select: contractColumns,
        }),
      ),
    );
  }

  /** @throws DomainError CONTRACT_OVERLAP when the database's R2 constraint refuses it. */
  async update(id: string, terms: ContractTermsColumns): Promise<WarrantyContract> {
    return refusingOverlap(async () =>
      toContract(
        await this.db.warrantyContract.update({
          where: { id },
          data: toContractColumns(terms),
          select: contractColumns,
        }),
      ),
    );
  }
}

function activeFilter(active: boolean, today: CalendarDate): Prisma.WarrantyContractWhereInput {
  const day = toDateColumn(today);
  return active
    ? { startDate: { lte: day }, endDate: { gte: day } }
    : { OR: [{ startDate: { gt: day } }, { endDate: { lt: day } }] };
}

/**
 * The use cases check R2 first and name the conflicting contract; this is the guarantee when two
 * requests race past that check: the exclusion constraint lets only one of them commit.
 */
async function refusingOverlap<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlStateOf(error) === EXCLUSION_VIOLATION) {
      throw new DomainError(
        'CONTRACT_OVERLAP',
        'Another contract of the same type on this project already covers some of these days.',
      );
    }
    throw error;
  }
}
