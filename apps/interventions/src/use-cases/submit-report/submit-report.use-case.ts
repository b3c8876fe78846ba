import { Injectable } from '@nestjs/common';
import {
  assertNoReportYet,
  type SubmitReportInput,
  type TechnicalReport,
} from '@mg/interventions-domain';
import { ReportRepository } from '@mg/interventions-data-access';
import { submitReportUpdate, TicketLifecycleClient } from '@mg/ticket-lifecycle-workflow';
import { type Caller } from '../caller';
import { storedOrFail } from '../stored';
import { byCaller, lifecycleInputOf, updateIdOf } from '../ticket-lifecycle';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class SubmitReportUseCase {
  constructor(
    private readonly visible: VisibleObjects,
    private readonly lifecycle: TicketLifecycleClient,
    private readonly reports: ReportRepository,
  ) {}

  /**
   * R17: the report needs a visible intervention, and only one per intervention: checked here
   * against the database, then by the ticket's workflow, and held by the database's unique
   * constraint when two submissions race.
   * @throws DomainError NOT_FOUND, REPORT_ALREADY_SUBMITTED, INVALID_TRANSITION
   */
  async execute(caller: Caller, input: SubmitReportInput): Promise<TechnicalReport> {
    const { ticket } = await this.visible.intervention(caller, input.interventionId);
    assertNoReportYet(await this.reports.findByIntervention(input.interventionId));
    const submitted = await this.lifecycle.update(
      lifecycleInputOf(ticket),
      submitReportUpdate,
      { ...byCaller(caller), ...input },
      { updateId: updateIdOf(caller, 'POST /reports') },
    );
    return storedOrFail(
      'report',
      submitted.reportId,
      await this.reports.findById(submitted.reportId),
    );
  }
}
