import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '@mg/shared-auth';
import { Audited } from '@mg/shared-audit';
import { type Page } from '@mg/shared-kernel';
import { AddProjectMemberUseCase } from '../use-cases/add-project-member/add-project-member.use-case';
import { type Caller } from '../use-cases/caller';
import { CreateProjectUseCase } from '../use-cases/create-project/create-project.use-case';
import { GetProjectUseCase } from '../use-cases/get-project/get-project.use-case';
import { ListProjectsUseCase } from '../use-cases/list-projects/list-projects.use-case';
import { RemoveProjectMemberUseCase } from '../use-cases/remove-project-member/remove-project-member.use-case';
import { UpdateProjectUseCase } from '../use-cases/update-project/update-project.use-case';
import {
  CreateProjectDto,
  ListProjectsQueryDto,
  ProjectPageResponseDto,
  type ProjectResponse,
  ProjectResponseDto,
  toProjectResponse,
  UpdateProjectDto,
} from './projects.dtos';
import { RequestCaller } from './request-caller.decorator';

const UNKNOWN_MEMBER = 'VALIDATION_FAILED: a member id is not an active user (path memberIds.<i>)';
const IDENTITY_DOWN = 'SERVICE_UNAVAILABLE: identity cannot check the members now';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly listProjects: ListProjectsUseCase,
    private readonly getProject: GetProjectUseCase,
    private readonly createProject: CreateProjectUseCase,
    private readonly updateProject: UpdateProjectUseCase,
    private readonly addMember: AddProjectMemberUseCase,
    private readonly removeMember: RemoveProjectMemberUseCase,
  ) {}

  @RequirePermission('read')
  @Get()
  @ApiOkResponse({ type: ProjectPageResponseDto, description: 'Projects the caller belongs to' })
  async list(
    @CurrentUser() viewer: AuthenticatedUser,
    @Query() query: ListProjectsQueryDto,
  ): Promise<Page<ProjectResponse>> {
    const page = await this.listProjects.execute(viewer, query);
    return { items: page.items.map(toProjectResponse), nextCursor: page.nextCursor };
  }

  @RequirePermission('projects:write')
  @Audited({ action: 'project.create', entityType: 'Project' })
  @Post()
  @ApiCreatedResponse({ type: ProjectResponseDto })
  @ApiBadRequestResponse({ description: UNKNOWN_MEMBER })
  @ApiServiceUnavailableResponse({ description: IDENTITY_DOWN })
  async create(
    @RequestCaller() caller: Caller,
    @Body() body: CreateProjectDto,
  ): Promise<ProjectResponse> {
    return toProjectResponse(await this.createProject.execute(caller, body));
  }

  @RequirePermission('read')
  @Get(':id')
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiNotFoundResponse({ description: 'No project the caller belongs to has this id' })
  async get(
    @CurrentUser() viewer: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<ProjectResponse> {
    return toProjectResponse(await this.getProject.execute(viewer, id));
  }

  @RequirePermission('projects:write')
  @Audited({
    action: 'project.update',
    entityType: 'Project',
    entityIdParam: 'id',
    projectIdFrom: { param: 'id' },
  })
  @Patch(':id')
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiBadRequestResponse({ description: UNKNOWN_MEMBER })
  @ApiNotFoundResponse({ description: 'No project the caller belongs to has this id' })
  async update(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectResponse> {
    return toProjectResponse(await this.updateProject.execute(caller, id, body));
  }

  @RequirePermission('projects:write')
  @Audited({
    action: 'project.add-member',
    entityType: 'Project',
    entityIdParam: 'id',
    projectIdFrom: { param: 'id' },
  })
  @Put(':id/members/:userId')
  @ApiOkResponse({ type: ProjectResponseDto, description: 'The project; unchanged if a member' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: userId is not an active user' })
  @ApiServiceUnavailableResponse({ description: IDENTITY_DOWN })
  async putMember(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<ProjectResponse> {
    return toProjectResponse(await this.addMember.execute(caller, id, userId));
  }

  @RequirePermission('projects:write')
  @Audited({
    action: 'project.remove-member',
    entityType: 'Project',
    entityIdParam: 'id',
    projectIdFrom: { param: 'id' },
  })
  @Delete(':id/members/:userId')
  @ApiOkResponse({
    type: ProjectResponseDto,
    description: 'The project; unchanged if not a member',
  })
  async deleteMember(
    @RequestCaller() caller: Caller,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<ProjectResponse> {
    return toProjectResponse(await this.removeMember.execute(caller, id, userId));
  }
}
