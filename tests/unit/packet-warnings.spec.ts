import { packetWarnings, PacketContent, PersonalData } from '@sro/cases';

const personal: PersonalData = {
  familyName: 'Mustermann-Öztürk',
  givenNames: ['Erika', 'Leon'],
  birthDates: ['2014-02-03'],
  address: 'Lindenallee 7',
  familyMembers: [
    { relation: 'Großmutter', name: 'Hildegard Mustermann', birthDate: '1956-07-12', livesInHousehold: false },
    { relation: 'andere', relationOther: 'Pate', name: 'Jo' },
  ],
};
const content = (over: Partial<PacketContent> = {}): PacketContent => ({
  zone: 'unclear',
  will: 'Wir wollen, dass es wieder gut wird.',
  goals: [],
  resources: { person: [], surroundings: [], socialSpace: [] },
  questions: [],
  ...over,
});

describe('packet warnings (names and birth dates of the case in the free text)', () => {
  it('finds nothing in a pseudonymised text', () => {
    expect(packetWarnings(content(), personal)).toEqual([]);
  });

  it('finds a family member’s name in the will, once, as a whole word and regardless of case', () => {
    const warnings = packetWarnings(content({ will: 'Die Oma hildegard hilft, Hildegard ist oft da.' }), personal);
    expect(warnings).toEqual([{ pointer: '/will', kind: 'name', code: 'packet.name', message: expect.stringContaining('„Hildegard“') }]);
    expect(warnings[0].message).toContain('Großmutter');
  });

  it('reports the full family name once, not each of its parts', () => {
    const warnings = packetWarnings(content({ goals: ['x', 'Familie Mustermann-Öztürk stabilisieren'] }), personal);
    expect(warnings).toEqual([
      { pointer: '/goals/1', kind: 'name', code: 'packet.name', message: expect.stringContaining('„Mustermann-Öztürk“') },
    ]);
  });

  it('does not take a name inside another word (“Jo” in “Joggen”)', () => {
    expect(packetWarnings(content({ resources: { person: ['Joggen im Park'], surroundings: [], socialSpace: [] } }), personal)).toEqual([]);
    expect(packetWarnings(content({ resources: { person: [], surroundings: ['Pate Jo hilft'], socialSpace: [] } }), personal)).toEqual([
      { pointer: '/resources/surroundings/0', kind: 'name', code: 'packet.name', message: expect.stringContaining('Pate') },
    ]);
  });

  it('finds a birth date of the case in its ISO and German forms, also of a family member', () => {
    const warnings = packetWarnings(
      content({ will: 'Leon (geb. 3.2.2014)', questions: ['Oma, geboren am 12.07.1956, pflegebedürftig?'] }),
      personal,
    );
    expect(warnings.map((w) => [w.pointer, w.kind])).toEqual([
      ['/will', 'name'],
      ['/will', 'birth-date'],
      ['/questions/0', 'birth-date'],
    ]);
  });
});
