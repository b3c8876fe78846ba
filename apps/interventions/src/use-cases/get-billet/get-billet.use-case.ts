import { Injectable } from '@nestjs/common';
import { type Billet } from '@mg/interventions-domain';
import { type Caller } from '../caller';
import { VisibleObjects } from '../visible-objects';

@Injectable()
export class GetBilletUseCase {
  constructor(private readonly visible: VisibleObjects) {}

  /** @throws DomainError NOT_FOUND when it does not exist or its ticket is not the caller's */
  async execute(caller: Caller, id: string): Promise<Billet> {
    return (await this.visible.billet(caller, id)).entity;
  }
}
