import { Module } from '@nestjs/common';
import { DefinitionsService } from './definitions.service';

/** Versioned workflow definitions: the one place that provides DefinitionsService. */
@Module({
  providers: [DefinitionsService],
  exports: [DefinitionsService],
})
export class DefinitionsModule {}
