import { AddProjectMemberUseCase } from './add-project-member/add-project-member.use-case';
import { CreateContractUseCase } from './create-contract/create-contract.use-case';
import { CreateProjectUseCase } from './create-project/create-project.use-case';
import { GetContractUseCase } from './get-contract/get-contract.use-case';
import { GetProjectUseCase } from './get-project/get-project.use-case';
import { auditProjectScopeProvider } from './list-audit-entries/audit-project-scope';
import { ListContractsUseCase } from './list-contracts/list-contracts.use-case';
import { ListProjectsUseCase } from './list-projects/list-projects.use-case';
import { RemoveProjectMemberUseCase } from './remove-project-member/remove-project-member.use-case';
import { SeedDemoDataUseCase } from './seed-demo-data/seed-demo-data.use-case';
import { UpdateContractUseCase } from './update-contract/update-contract.use-case';
import { UpdateProjectUseCase } from './update-project/update-project.use-case';

/** Every use case of the service, one folder each, registered as providers. */
export const USE_CASES = [
  CreateProjectUseCase,
  ListProjectsUseCase,
  GetProjectUseCase,
  UpdateProjectUseCase,
  AddProjectMemberUseCase,
  RemoveProjectMemberUseCase,
  CreateContractUseCase,
  ListContractsUseCase,
  GetContractUseCase,
  UpdateContractUseCase,
  auditProjectScopeProvider,
  SeedDemoDataUseCase,
];
