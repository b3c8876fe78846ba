import { randomUUID } from 'node:crypto';
import { type EventActor, type EventEnvelope } from '@mg/shared-kernel';
import { type WarrantyContract } from '@mg/contracts-domain';

/** Bumped when the shape of `data` changes (SPEC §8 envelope `version`). */
export const CONTRACT_EVENT_VERSION = 1;

/** A contract as events carry it: dates as strings, exactly what the API shows minus R3. */
export const contractEventData = (contract: WarrantyContract) => ({
  ...contract,
  createdAt: contract.createdAt.toISOString(),
  updatedAt: contract.updatedAt.toISOString(),
});

const CONTRACT_FIELDS = [
  'type',
  'startDate',
  'endDate',
  'slaHours',
  'resolutionHours',
  'coverage',
  'exclusions',
] as const;

export function contractCreated(
  contract: WarrantyContract,
  actor: EventActor,
  now: Date,
): EventEnvelope {
  return envelope('contract.created', contract, actor, now, {
    contract: contractEventData(contract),
  });
}

/** `changedFields` lets a consumer (the expiry timers) ignore updates that do not concern it. */
export function contractUpdated(
  before: WarrantyContract,
  after: WarrantyContract,
  actor: EventActor,
  now: Date,
): EventEnvelope {
  const changedFields = CONTRACT_FIELDS.filter((field) => before[field] !== after[field]);
  return envelope('contract.updated', after, actor, now, {
    contract: contractEventData(after),
    changedFields,
  });
}

function envelope(
  type: 'contract.created' | 'contract.updated',
  contract: WarrantyContract,
  actor: EventActor,
  now: Date,
  data: Record<string, unknown>,
): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: CONTRACT_EVENT_VERSION,
    occurredAt: now.toISOString(),
    actor,
    projectId: contract.projectId,
    data,
  };
}
