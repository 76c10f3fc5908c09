import { Injectable } from '@nestjs/common';
import { DefinitionsService, PinnedDefinition } from '@sro/definitions';
import { addDuration } from '@sro/workflows/shared/duration';

/** The retention rule that decides a case's deletion date, as its published definition states it. */
export interface CaseRetentionRule {
  /** `fallteam-consultation` for a case file of the Fallteam, `jugendhilfedienst-case` for one with that process. */
  definitionKey: 'fallteam-consultation' | 'jugendhilfedienst-case';
  definitionVersion: number;
  /** The deletion date is the closure plus this period (ISO-8601 duration). */
  afterClosure: string;
  /** For a Fallteam case closed without help: closure plus this period; null where the definition knows no such rule. */
  afterClosureWithoutHelp: string | null;
}

/**
 * Deletion by policy: a case's deletion date is derived from its definition's retention rule at
 * closure and never typed. An open case has none, so no retention run can take it.
 */
@Injectable()
export class CaseRetentionPolicy {
  constructor(private readonly definitions: DefinitionsService) {}

  /** The rule that applies to the case (a Jugendhilfedienst case has its workflow). */
  async ruleFor(file: { workflowId: string | null }): Promise<CaseRetentionRule> {
    if (file.workflowId) {
      const { version, spec } = await this.definitions.published('jugendhilfedienst-case');
      return {
        definitionKey: 'jugendhilfedienst-case',
        definitionVersion: version,
        afterClosure: spec.retentionAfterClosure,
        afterClosureWithoutHelp: null,
      };
    }
    return fallteamRetentionRule(await this.definitions.published('fallteam-consultation'));
  }

  /** The deletion date (`YYYY-MM-DD`, UTC like the Jugendhilfedienst workflow's) of a case closed at `closedAt`. */
  deletionDate(rule: CaseRetentionRule, closedAt: Date, withHelp: boolean): string {
    const period = !withHelp && rule.afterClosureWithoutHelp ? rule.afterClosureWithoutHelp : rule.afterClosure;
    return addDuration(closedAt, period).toISOString().slice(0, 10);
  }
}

/** The retention rule of a Fallteam case file, from the published consultation definition. */
export function fallteamRetentionRule({ version, spec }: PinnedDefinition<'fallteam-consultation'>): CaseRetentionRule {
  return {
    definitionKey: 'fallteam-consultation',
    definitionVersion: version,
    afterClosure: spec.retentionAfterClosure,
    afterClosureWithoutHelp: spec.retentionAfterClosureWithoutHelp,
  };
}
