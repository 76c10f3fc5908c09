import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, germanDate, Principal } from '@sro/common';
import { todayInBerlin } from './case-input.rules';
import { ReminderService } from '@sro/reminders';
import { CaseFollowUp, CaseFollowUpRepository } from './case-follow-up.repository';
import { caseClosedError } from './case-access.service';
import { CaseService } from './case.service';

/** The reminders of one follow-up live under this key prefix (`/me/follow-ups` folds them into one line). */
const reminderPrefix = (caseId: string, id: string) => `case-follow-up/${caseId}/${id}`;

/**
 * A caseworker's own follow-ups (Wiedervorlagen) on a case: a date and a text. The text is sealed in
 * PostgreSQL; the reminder that brings it back carries only the pseudonym, the date and the link.
 */
@Injectable()
export class CaseFollowUpService {
  constructor(
    private readonly followUps: CaseFollowUpRepository,
    private readonly cases: CaseService,
    private readonly reminders: ReminderService,
  ) {}

  async add(user: Principal, caseId: string, input: { dueOn: string; text: string }): Promise<CaseFollowUp> {
    const file = await this.cases.visibleCase(user, caseId);
    if (file.closedAt) throw caseClosedError();
    notInThePast(input.dueOn, 'Die Wiedervorlage kann nicht angelegt werden.');
    const id = randomUUID();
    const followUp = await this.followUps.insert({ id, caseId, userId: user.sub, dueOn: input.dueOn, text: input.text.trim() });
    try {
      await this.scheduleReminder(user.sub, file.pseudonym, caseId, id, input.dueOn, 'due');
    } catch (error) {
      // A follow-up that would never come back is not kept.
      await this.followUps.remove(id);
      throw error;
    }
    return followUp;
  }

  /**
   * Moves one's own open follow-up to another date (today or later): its reminder goes and a new one
   * comes for the new date (the old one may have been sent already, and its text names the old date).
   */
  async moveDue(user: Principal, caseId: string, id: string, dueOn: string): Promise<CaseFollowUp> {
    const file = await this.cases.visibleCase(user, caseId);
    if (file.closedAt) throw caseClosedError();
    const found = await this.followUps.find(caseId, id);
    if (!found) throw DomainError.notFound('Die Wiedervorlage');
    if (found.userId !== user.sub)
      throw new DomainError(ErrorCode.Forbidden, 'Das Datum einer Wiedervorlage ändert nur, wer sie gesetzt hat; nichts wurde geändert.');
    if (found.doneAt) throw DomainError.conflict('Die Wiedervorlage ist bereits erledigt; nichts wurde geändert.');
    notInThePast(dueOn, 'Die Wiedervorlage kann nicht verschoben werden.');
    const moved = await this.followUps.moveDue(id, dueOn);
    if (!moved) throw DomainError.conflict('Die Wiedervorlage ist bereits erledigt; nichts wurde geändert.');
    await this.reminders.cancel(reminderPrefix(caseId, id), { prefix: true });
    try {
      // A new key per move: a key once used (and cancelled or sent) is never scheduled again.
      await this.scheduleReminder(user.sub, file.pseudonym, caseId, id, dueOn, `due-${dueOn}-${randomUUID().slice(0, 8)}`);
    } catch (error) {
      // Without a reminder for the new date, the old date stands with its reminder.
      await this.followUps.moveDue(id, found.dueOn);
      await this.scheduleReminder(user.sub, file.pseudonym, caseId, id, found.dueOn, `due-${found.dueOn}-${randomUUID().slice(0, 8)}`);
      throw error;
    }
    return moved;
  }

  private scheduleReminder(userId: string, pseudonym: string, caseId: string, id: string, dueOn: string, name: string) {
    return this.reminders.schedule({
      key: `${reminderPrefix(caseId, id)}/${name}`,
      dueAt: `${dueOn}T00:00:00.000Z`,
      recipients: [{ type: 'user', id: userId }],
      template: 'follow-up-due',
      context: { subjectTitle: `Fall ${pseudonym}`, dueAt: `${dueOn}T00:00:00.000Z`, link: `/faelle/${caseId}` },
    });
  }

  async list(user: Principal, caseId: string): Promise<{ items: CaseFollowUp[] }> {
    await this.cases.visibleCase(user, caseId);
    return { items: await this.followUps.ofCase(caseId) };
  }

  /** Marks a follow-up done and cancels its reminder; a second time is a conflict. */
  async done(user: Principal, caseId: string, id: string): Promise<CaseFollowUp> {
    await this.cases.visibleCase(user, caseId);
    const found = await this.followUps.find(caseId, id);
    if (!found) throw DomainError.notFound('Die Wiedervorlage');
    const done = await this.followUps.markDone(id, user.sub);
    if (!done) throw new DomainError(ErrorCode.Conflict, 'Die Wiedervorlage ist bereits erledigt; nichts wurde geändert.');
    await this.reminders.cancel(reminderPrefix(caseId, id), { prefix: true });
    return done;
  }
}

/** A follow-up comes back today or later. */
function notInThePast(dueOn: string, message: string): void {
  const today = todayInBerlin();
  if (dueOn < today)
    throw DomainError.invalid(message, [
      {
        pointer: '/dueOn',
        code: 'date.min',
        params: { min: today },
        message: `Eine Wiedervorlage darf nicht in der Vergangenheit liegen (frühestens am ${germanDate(today)}).`,
      },
    ]);
}
