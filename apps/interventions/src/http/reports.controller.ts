import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '@mg/shared-audit';
import { RequirePermission } from '@mg/shared-auth';
import { type Page } from '@mg/shared-kernel';
import { type Caller } from '../use-cases/caller';
import { GetReportUseCase } from '../use-cases/get-report/get-report.use-case';
import { ListReportsUseCase } from '../use-cases/list-reports/list-reports.use-case';
import { SubmitReportUseCase } from '../use-cases/submit-report/submit-report.use-case';
import { ValidateReportUseCase } from '../use-cases/validate-report/validate-report.use-case';
import {
  ListReportsQueryDto,
  ReportPageResponseDto,
  type ReportResponse,
  ReportResponseDto,
  SubmitReportDto,
  toReportResponse,
  ValidateReportDto,
} from './reports.dtos';
import { RequestCaller } from './request-caller.decorator';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly submitReport: SubmitReportUseCase,
    private readonly listReports: ListReportsUseCase,
    private readonly getReport: GetReportUseCase,
    private readonly validateReport: ValidateReportUseCase,
  ) {}

  @RequirePermission('reports:write')
  @Audited({ action: 'report.submit', entityType: 'TechnicalReport' })
  @Post()
  @ApiCreatedResponse({ type: ReportResponseDto })
  @ApiNotFoundResponse({ description: 'No intervention of the caller’s tickets has this id (R17)' })
  @ApiConflictResponse({
    description: 'REPORT_ALREADY_SUBMITTED: one report per intervention (R17)',
  })
  async submit(
    @RequestCaller() caller: Caller,
    @Body() body: SubmitReportDto,
  ): Promise<ReportResponse> {
    return toReportResponse(await this.submitReport.execute(caller, body));
  }

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: ReportPageResponseDto, description: 'The reports of one ticket' })
  @ApiNotFoundResponse({ description: 'No ticket of the caller’s projects has this ticketId' })
  async list(
    @RequestCaller() caller: Caller,
    @Query() query: ListReportsQueryDto,
  ): Promise<Page<ReportResponse>> {
    const page = await this.listReports.execute(caller, query);
    return { items: page.items.map(toReportResponse), nextCursor: page.nextCursor };
  }

  @RequirePermission('read')
  @Get(':id')
  @ApiOkResponse({ type: ReportResponseDto })
  @ApiNotFoundResponse({ description: 'No report of the caller’s tickets has this id' })
  async get(@RequestCaller() caller: Caller, @Param('id') id: string): Promise<ReportResponse> {
    return toReportResponse(await this.getReport.execute(caller, id));
  }

  @RequirePermission('reports:validate')
  @Audited({ action: 'report.validate', entityType: 'TechnicalReport', entityIdParam: 'id' })
  @Post(':id/validate')
  @HttpCode(200)
  @ApiOkResponse({
    type: ReportResponseDto,
    description: 'Validated; the ticket is RESOLVED (R18)',
  })
  @ApiForbiddenResponse({ description: 'SELF_VALIDATION: the author may not validate (R18)' })
  @ApiConflictResponse({ description: 'INVALID_TRANSITION: already validated (R18)' })
  async validate(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Body() _body: ValidateReportDto,
  ): Promise<ReportResponse> {
    return toReportResponse(await this.validateReport.execute(caller, id));
  }
}
