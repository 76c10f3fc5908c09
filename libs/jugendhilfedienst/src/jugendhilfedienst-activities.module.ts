import { Module } from '@nestjs/common';
import { CasesActivitiesModule, FieldCipher } from '@sro/cases';
import { DefinitionsModule } from '@sro/definitions';
import { JugendhilfedienstActivities } from './jugendhilfedienst.activities';
import { JugendhilfedienstCaseRepository } from './jugendhilfedienst-case.repository';
import { RetentionActivities } from './retention.activities';
import { RetentionRepository } from './retention.repository';

/**
 * What the Jugendhilfedienst and retention workflows need in the worker: their activities and the
 * repositories they write through. Needs no Temporal client, so the worker can import it;
 * {@link JugendhilfedienstModule} builds the API side on top of it.
 */
@Module({
  imports: [DefinitionsModule, CasesActivitiesModule],
  providers: [
    JugendhilfedienstActivities,
    JugendhilfedienstCaseRepository,
    RetentionActivities,
    RetentionRepository,
    // CasesModule needs the Temporal client (its ConsultationService), which the worker lacks; until
    // @sro/cases offers a module without it that exports FieldCipher, the stateless cipher is provided here.
    FieldCipher,
  ],
  exports: [JugendhilfedienstCaseRepository, RetentionRepository],
})
export class JugendhilfedienstActivitiesModule {}
