import { Injectable } from '@nestjs/common';
import { type TechnicalReport } from '@mg/interventions-domain';
import { type Caller } from '../caller';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class GetReportUseCase {
  constructor(private readonly visible: VisibleObjects) {}

  /** @throws DomainError NOT_FOUND when it does not exist or its ticket is not the caller's */
  async execute(caller: Caller, id: string): Promise<TechnicalReport> {
    return (await this.visible.report(caller, id)).entity;
  }
}
