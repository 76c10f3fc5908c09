import { diffWords } from '../../apps/web/src/agreements/wordDiff';
import { describePointer, keyOf, showValue } from '../../apps/web/src/admin/specLabels';

describe('web: the approver’s word diff', () => {
  it('marks removed and inserted words and gives the texts back when joined', () => {
    const before = 'Die Stadt und der Träger betreiben das Zentrum. Finanzierung folgt.';
    const after = 'Die Stadt und der Träger betreiben das Zentrum. Finanzierung: Stadt 40 %, Landkreis 60 %.';
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(parts.find((p) => p.kind === 'removed')?.text).toContain('folgt.');
    expect(parts.find((p) => p.kind === 'added')?.text).toContain('Landkreis 60 %.');
  });

  it('finds nothing to mark in an unchanged text', () => {
    expect(diffWords('gleich bleibt gleich', 'gleich bleibt gleich')).toEqual([{ kind: 'same', text: 'gleich bleibt gleich' }]);
  });
});

describe('web: the definition editor names places and values in German', () => {
  const spec = {
    phases: [
      {
        key: 'identify',
        title: 'Sozialraum identifizieren',
        reminderOffsets: ['P14D', 'P2D'],
        deliverables: [{ key: 'b', title: 'Grenzen' }],
      },
    ],
  };

  it('describes a problem’s pointer in words, never as a pointer', () => {
    expect(describePointer(spec, '/phases/0/duration')).toBe('Phase 1 „Sozialraum identifizieren“ › Dauer');
    expect(describePointer(spec, '/phases/0/deliverables/0/required')).toBe(
      'Phase 1 „Sozialraum identifizieren“ › Nachweis 1 „Grenzen“ › Pflicht',
    );
    expect(describePointer(spec, '/phases/0/reminderOffsets/1')).toBe(
      'Phase 1 „Sozialraum identifizieren“ › Erinnerungen vor Fälligkeit, Eintrag 2',
    );
  });

  it('derives keys from titles and shows durations, roles and flags in German', () => {
    expect(keyOf('Protokoll der Werkstatt – Über uns')).toBe('protokoll-der-werkstatt-ueber-uns');
    expect(showValue('duration', 'P4M')).toBe('4 Monate');
    expect(showValue('reminderOffsets', ['P14D', 'P2D'])).toBe('14 Tage, 2 Tage');
    expect(showValue('escalationRole', 'coordinator')).toBe('Koordination');
    expect(showValue('required', true)).toBe('ja');
  });
});
