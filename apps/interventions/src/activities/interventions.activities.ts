import { type Provider } from '@nestjs/common';
import { type InterventionsActivities } from '@mg/ticket-lifecycle-workflow';
import { IssueBilletActivity } from './issue-billet.activity';
import { RecordInterventionActivity } from './record-intervention.activity';
import { SubmitReportActivity } from './submit-report.activity';
import { ValidateReportActivity } from './validate-report.activity';

/** Inject with `@Inject(INTERVENTIONS_ACTIVITIES)`: what the activity worker registers. */
export const INTERVENTIONS_ACTIVITIES = Symbol('INTERVENTIONS_ACTIVITIES');

/**
 * The interventions service's share of the ticket lifecycle, by the names the workflow calls
 * (and the Web UI shows). Each is a provider of its own so Nest gives it the database. The
 * activity worker makes their domain refusals final: retrying cannot change the answer.
 */
export const INTERVENTIONS_ACTIVITY_PROVIDERS: Provider[] = [
  IssueBilletActivity,
  RecordInterventionActivity,
  SubmitReportActivity,
  ValidateReportActivity,
  {
    provide: INTERVENTIONS_ACTIVITIES,
    inject: [
      IssueBilletActivity,
      RecordInterventionActivity,
      SubmitReportActivity,
      ValidateReportActivity,
    ],
    useFactory: (
      issue: IssueBilletActivity,
      record: RecordInterventionActivity,
      submit: SubmitReportActivity,
      validate: ValidateReportActivity,
    ): InterventionsActivities => ({
      issueBillet: (input) => issue.execute(input),
      recordIntervention: (input) => record.execute(input),
      submitReport: (input) => submit.execute(input),
      validateReport: (input) => validate.execute(input),
    }),
  },
];
