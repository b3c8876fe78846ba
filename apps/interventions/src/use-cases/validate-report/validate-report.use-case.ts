import { Injectable } from '@nestjs/common';
import { assertMayValidate, type TechnicalReport } from '@mg/interventions-domain';
import { ReportRepository } from '@mg/interventions-data-access';
import { TicketLifecycleClient, validateReportUpdate } from '@mg/ticket-lifecycle-workflow';
import { actorOf, type Caller } from '../caller';
import { storedOrFail } from '../stored';
import { byCaller, lifecycleInputOf, updateIdOf } from '../ticket-lifecycle';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class ValidateReportUseCase {
  constructor(
    private readonly visible: VisibleObjects,
    private readonly lifecycle: TicketLifecycleClient,
    private readonly reports: ReportRepository,
  ) {}

  /**
   * R18: a project manager or admin other than the author, once. The ticket's workflow checks
   * it again, has this service store the validation and resolves the ticket in the same step.
   * @throws DomainError NOT_FOUND, FORBIDDEN, SELF_VALIDATION, INVALID_TRANSITION
   */
  async execute(caller: Caller, reportId: string): Promise<TechnicalReport> {
    const { entity: report, ticket } = await this.visible.report(caller, reportId);
    assertMayValidate({ actor: actorOf(caller), report });
    await this.lifecycle.update(
      lifecycleInputOf(ticket),
      validateReportUpdate,
      { ...byCaller(caller), reportId },
      { updateId: updateIdOf(caller, `POST /reports/${reportId}/validate`) },
    );
    return storedOrFail('report', reportId, await this.reports.findById(reportId));
  }
}
