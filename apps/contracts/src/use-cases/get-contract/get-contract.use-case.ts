import { Injectable } from '@nestjs/common';
import { type ContractView, type Viewer } from '@mg/contracts-domain';
import { ContractRepository, ProjectRepository } from '@mg/contracts-data-access';
import { BusinessClock } from '../../time/business-clock';
import { visibleContract } from '../visible-objects';

@Injectable()
export class GetContractUseCase {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly contracts: ContractRepository,
    private readonly clock: BusinessClock,
  ) {}

  /** @throws DomainError NOT_FOUND for an unknown contract or one of another project */
  async execute(viewer: Viewer, id: string): Promise<ContractView> {
    const contract = await visibleContract(
      { projects: this.projects, contracts: this.contracts },
      viewer,
      id,
    );
    return this.clock.present(contract);
  }
}
