import { GetBilletUseCase } from './get-billet/get-billet.use-case';
import { GetInterventionUseCase } from './get-intervention/get-intervention.use-case';
import { GetReportUseCase } from './get-report/get-report.use-case';
import { IssueBilletUseCase } from './issue-billet/issue-billet.use-case';
import { auditProjectScopeProvider } from './list-audit-entries/audit-project-scope';
import { ListBilletsUseCase } from './list-billets/list-billets.use-case';
import { ListInterventionsUseCase } from './list-interventions/list-interventions.use-case';
import { ListReportsUseCase } from './list-reports/list-reports.use-case';
import { RecordInterventionUseCase } from './record-intervention/record-intervention.use-case';
import { SubmitReportUseCase } from './submit-report/submit-report.use-case';
import { ValidateReportUseCase } from './validate-report/validate-report.use-case';
import { VisibleObjects } from './visible-objects';

/** Every use case of the service, one folder each, registered as providers. */
export const USE_CASES = [
  VisibleObjects,
  IssueBilletUseCase,
  ListBilletsUseCase,
  GetBilletUseCase,
  RecordInterventionUseCase,
  ListInterventionsUseCase,
  GetInterventionUseCase,
  SubmitReportUseCase,
  ListReportsUseCase,
  GetReportUseCase,
  ValidateReportUseCase,
  auditProjectScopeProvider,
];
