import { Module } from '@nestjs/common';
import { DefinitionRepository } from './definition.repository';
import { DefinitionsService } from './definitions.service';

/** Versioned workflow definitions: the one place that provides DefinitionsService and its repository. */
@Module({
  providers: [DefinitionRepository, DefinitionsService],
  exports: [DefinitionsService],
})
export class DefinitionsModule {}
