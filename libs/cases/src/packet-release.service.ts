import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@sro/common';
import { CaseHistoryRepository } from './case-history.repository';
import { PersonalData } from './case.types';
import { ConsultationPacket, ConsultationService, PacketContent } from './consultation.service';
import { FieldCipher } from './field-cipher';
import { PacketReleaseRecord, PacketReleaseRepository } from './packet-release.repository';

/** A hint that the free text of a packet may name the family: a name or birth date of the case found in it. */
export interface PacketWarning {
  /** Where in the packet (JSON pointer: `/will`, `/goals/0`, `/resources/person/1`, `/questions/0`). */
  pointer: string;
  kind: 'name' | 'birth-date';
  /** Stable code of the hint, for clients that word it themselves. */
  code: 'packet.name' | 'packet.birth-date';
  message: string;
}

/** The released version advisers see, and whether an edit has changed the case since. */
export interface PacketReleaseState {
  id: string;
  releasedAt: Date;
  releasedBy: string;
  /** The case file's version the released packet was built from. */
  caseVersion: number;
  /** An edit changed what the packet shows: release again so the advisers see it. */
  stale: boolean;
  staleSince: Date | null;
  staleFields: string[];
}

/** What the caseworker sees before releasing: the packet exactly as advisers would see it, with warnings. */
export interface PacketPreview {
  packet: ConsultationPacket;
  warnings: PacketWarning[];
  /** The version advisers see now; null before the first release. */
  release: PacketReleaseState | null;
}

/** Releasing the Fallteam packet: the caseworker previews it and releases it; advisers see only the released version. */
@Injectable()
export class PacketReleaseService {
  constructor(
    private readonly consultations: ConsultationService,
    private readonly releases: PacketReleaseRepository,
    private readonly history: CaseHistoryRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async preview(user: Principal, consultationId: string): Promise<PacketPreview> {
    const { file, content, packet } = await this.consultations.currentPacket(user, consultationId, 'read');
    const release = await this.releases.latest(consultationId);
    return {
      packet,
      warnings: packetWarnings(
        content,
        this.cipher.open<PersonalData>(file.personalEnc, { table: 'case_file', column: 'personal_enc', rowId: file.id }),
      ),
      release: release ? state(release) : null,
    };
  }

  /** Stores the packet as it is now as the version advisers see; the case's history records the release. */
  async release(user: Principal, consultationId: string): Promise<PacketPreview> {
    const { file, content, packet } = await this.consultations.currentPacket(user, consultationId, 'write');
    const id = randomUUID();
    const release = await this.releases.insert({
      id,
      consultationId,
      caseVersion: file.version,
      packetEnc: this.cipher.seal(content, { table: 'consultation_packet_release', column: 'packet_enc', rowId: id }),
      releasedBy: user.sub,
    });
    await this.history.insert({ caseId: file.id, version: file.version, action: 'packet-release', actorId: user.sub });
    return {
      packet,
      warnings: packetWarnings(
        content,
        this.cipher.open<PersonalData>(file.personalEnc, { table: 'case_file', column: 'personal_enc', rowId: file.id }),
      ),
      release: state(release),
    };
  }
}

function state(r: PacketReleaseRecord): PacketReleaseState {
  return {
    id: r.id,
    releasedAt: r.releasedAt,
    releasedBy: r.releasedBy,
    caseVersion: r.caseVersion,
    stale: r.staleSince !== null,
    staleSince: r.staleSince,
    staleFields: r.staleFields,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word (letters and digits of any script around it end the match). */
const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'iu');

/** The ways a birth date is typed in German texts: 2014-02-03, 03.02.2014, 3.2.2014. */
function dateForms(date: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return [];
  const [, y, mo, d] = m;
  return [...new Set([`${y}-${mo}-${d}`, `${d}.${mo}.${y}`, `${Number(d)}.${Number(mo)}.${y}`])];
}

/**
 * Simple matching of the case's own names and birth dates (opened in memory only) against the free
 * text of the packet: each name part of two letters or more as a whole word, each date in its usual forms.
 */
export function packetWarnings(content: PacketContent, personal: PersonalData): PacketWarning[] {
  const names = new Map<string, string>();
  const addName = (full: string, label: string) => {
    for (const part of [full, ...full.split(/[\s\-–]+/)])
      if (part.trim().length >= 2 && !names.has(part.trim())) names.set(part.trim(), label);
  };
  addName(personal.familyName, 'Familienname');
  for (const n of personal.givenNames) addName(n, 'Vorname');
  for (const m of personal.familyMembers ?? [])
    addName(m.name, `Familienmitglied (${m.relation === 'andere' ? (m.relationOther ?? m.relation) : m.relation})`);
  const dates = [...personal.birthDates, ...(personal.familyMembers ?? []).flatMap((m) => (m.birthDate ? [m.birthDate] : []))];
  const texts: Array<[string, string]> = [
    ['/will', content.will],
    ...content.goals.map((g, i): [string, string] => [`/goals/${i}`, g]),
    ...(['person', 'surroundings', 'socialSpace'] as const).flatMap((k) =>
      content.resources[k].map((r, i): [string, string] => [`/resources/${k}/${i}`, r]),
    ),
    ...content.questions.map((q, i): [string, string] => [`/questions/${i}`, q]),
  ];
  const warnings: PacketWarning[] = [];
  for (const [pointer, text] of texts) {
    const found = new Set<string>();
    for (const [name, label] of names) {
      // A part of a name already reported (the full name) is not reported again.
      if ([...found].some((f) => f.toLowerCase().includes(name.toLowerCase()))) continue;
      if (word(name).test(text)) {
        found.add(name);
        warnings.push({
          pointer,
          kind: 'name',
          code: 'packet.name',
          message: `Der Text enthält „${name}“, einen Namen aus der Fallakte (${label}). Bitte pseudonymisieren Sie ihn vor der Freigabe.`,
        });
      }
    }
    for (const date of dates)
      for (const form of dateForms(date))
        if (text.includes(form))
          warnings.push({
            pointer,
            kind: 'birth-date',
            code: 'packet.birth-date',
            message: `Der Text enthält das Geburtsdatum ${form} aus der Fallakte. Bitte nennen Sie stattdessen das Alter oder lassen Sie es weg.`,
          });
  }
  return warnings;
}
