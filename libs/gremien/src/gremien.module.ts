import { Module } from '@nestjs/common';
import { InterviewActivitiesModule } from '@sro/interviews';
import { ReferenceDataModule } from '@sro/reference-data';
import { RemindersModule } from '@sro/reminders';
import { SozialraumModule } from '@sro/sozialraum';
import { GremienRepository } from './gremien.repository';
import { GremienService } from './gremien.service';
import { ProviderNetworkRepository } from './provider-network.repository';
import { ProviderNetworkService } from './provider-network.service';

/** Committees, meetings and minutes, and the Trägerverbünde (API side: the budget view needs the social-space module). */
@Module({
  imports: [ReferenceDataModule, RemindersModule, InterviewActivitiesModule, SozialraumModule],
  providers: [GremienRepository, GremienService, ProviderNetworkRepository, ProviderNetworkService],
  exports: [GremienService, ProviderNetworkService],
})
export class GremienModule {}
