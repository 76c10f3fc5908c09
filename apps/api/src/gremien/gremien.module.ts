import { Module } from '@nestjs/common';
import { GremienModule } from '@sro/gremien';
import { CommitteesController, MeetingsController, MeetingTasksController, ProviderNetworksController } from './gremien.controller';

/** The HTTP side of the committees, meetings, minutes and Trägerverbünde. */
@Module({
  imports: [GremienModule],
  controllers: [CommitteesController, MeetingsController, MeetingTasksController, ProviderNetworksController],
})
export class GremienApiModule {}
