import { type Ticket, type TicketLifecycleState } from './ticket.types';

export const PROJECT_ID = '9c6f8e1a-2b3c-4d5e-8f70-112233445566';
export const OTHER_PROJECT_ID = '2f0c7d3b-6a1e-4b9f-8c2d-aabbccddeeff';
export const CONTRACT_ID = '5b7e2c1d-3f4a-4b6c-9d8e-0f1a2b3c4d5e';
export const DEVELOPER_ID = '4a1d0f5c-8f0e-4c8e-b2a4-7a6b1c2d3e4f';

export function aState(overrides: Partial<TicketLifecycleState> = {}): TicketLifecycleState {
  return {
    status: 'OPEN',
    billable: false,
    rejectionReason: null,
    assigneeId: null,
    validatedReportId: null,
    firstBilletAt: null,
    resolvedAt: null,
    closedAt: null,
    rejectedAt: null,
    ...overrides,
  };
}

export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ...aState(),
    id: 't0000000-0000-4000-8000-000000000001',
    number: 'MAINT-00001',
    projectId: PROJECT_ID,
    contractId: CONTRACT_ID,
    title: 'Card payment fails',
    description: 'Users cannot pay by card',
    severity: 'CRITICAL',
    origin: 'CLIENT',
    createdById: DEVELOPER_ID,
    createdAt: new Date('2026-03-01T10:00:00Z'),
    slaDeadline: new Date('2026-03-02T10:00:00Z'),
    resolutionDeadline: null,
    escalations: [],
    ...overrides,
  };
}
