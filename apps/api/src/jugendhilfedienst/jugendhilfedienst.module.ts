import { Module } from '@nestjs/common';
import { JugendhilfedienstModule } from '@sro/jugendhilfedienst';
import { JugendhilfedienstController } from './jugendhilfedienst.controller';
import { RetentionController } from './retention.controller';
import { StatisticsController } from './statistics.controller';
import { TimeEntriesController } from './time-entries.controller';

/** HTTP endpoints of the Jugendhilfedienst process, retention, § 8a statistics and staff time. */
@Module({
  imports: [JugendhilfedienstModule],
  controllers: [JugendhilfedienstController, RetentionController, StatisticsController, TimeEntriesController],
})
export class JugendhilfedienstApiModule {}
