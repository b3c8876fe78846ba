import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { type Billet, type Intervention, type TechnicalReport } from '@mg/interventions-domain';
import {
  BilletRepository,
  InterventionRepository,
  ReportRepository,
} from '@mg/interventions-data-access';
import { DomainError, isDomainError } from '@mg/shared-kernel';
import { type TicketSummary, TicketsClient } from '@mg/shared-service-clients';
import { type Caller } from './caller';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** An object and the ticket it belongs to, as the caller sees that ticket. */
export interface OnTicket<T> {
  entity: T;
  ticket: TicketSummary;
}

/**
 * SPEC §5 object-level access: billets, interventions and reports are visible when their ticket
 * is, and the tickets service decides that, asked with the caller's own token. Anything the caller
 * may not see answers exactly like an unknown id (404), so its existence does not leak; a
 * malformed id is just as unknown.
 */
@Injectable()
export class VisibleObjects {
  constructor(
    private readonly tickets: TicketsClient,
    private readonly billets: BilletRepository,
    private readonly interventions: InterventionRepository,
    private readonly reports: ReportRepository,
  ) {}

  /** @throws DomainError NOT_FOUND, SERVICE_UNAVAILABLE (tickets unreachable) */
  ticket(caller: Caller, ticketId: string): Promise<TicketSummary> {
    return this.tickets.getTicket(ticketId, caller.authorization);
  }

  billet(caller: Caller, id: string): Promise<OnTicket<Billet>> {
    return this.onVisibleTicket(caller, 'billet', id, () => this.billets.findById(id));
  }

  intervention(caller: Caller, id: string): Promise<OnTicket<Intervention>> {
    return this.onVisibleTicket(caller, 'intervention', id, () => this.interventions.findById(id));
  }

  report(caller: Caller, id: string): Promise<OnTicket<TechnicalReport>> {
    return this.onVisibleTicket(caller, 'report', id, () => this.reports.findById(id));
  }

  private async onVisibleTicket<T extends { ticketId: string }>(
    caller: Caller,
    kind: string,
    id: string,
    find: () => Promise<T | null>,
  ): Promise<OnTicket<T>> {
    const notFound = new DomainError('NOT_FOUND', `No ${kind} has the id ${id}.`);
    if (!isUuid(id)) throw notFound;
    const entity = await find();
    if (!entity) throw notFound;
    try {
      return { entity, ticket: await this.ticket(caller, entity.ticketId) };
    } catch (error) {
      // The ticket's own 404 would name the ticket: answer about what was asked for.
      if (isDomainError(error) && error.code === 'NOT_FOUND') throw notFound;
      throw error;
    }
  }
}
