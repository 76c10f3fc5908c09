/** An anonymous report about a recognisable family, so tests can prove where the data does and does not appear. */
export function intakeBody(socialSpaceId: string) {
  return {
    socialSpaceId,
    source: 'anonymous',
    report: 'Anrufer meldet: Leon Mustermann-Öztürk kommt seit Wochen ohne Frühstück zur Schule.',
    personal: {
      familyName: 'Mustermann-Öztürk',
      givenNames: ['Erika', 'Leon'],
      birthDates: ['2014-02-03'],
      address: 'Lindenallee 7, 14513 Teltow',
    },
  };
}

export function assessmentBody(overrides: Record<string, unknown> = {}) {
  return {
    professionals: [{ userId: 'demo-caseworker', function: 'ASD-Fachkraft' }, { function: 'Insoweit erfahrene Fachkraft (extern)' }],
    parentsInvolved: true,
    childInvolved: false,
    involvementNote: 'Leon war beim Hausbesuch in der Schule.',
    homeVisit: true,
    result: 'latent',
    dangerKinds: ['neglect'],
    childIndex: 0,
    childSex: 'male',
    existingHelp: [],
    newHelp: ['educational_assistance'],
    familyCourt: false,
    details: 'Hildegard Mustermann (Großmutter) berichtet von Schulden; Versorgung unzureichend.',
    expectedHelpDuration: 'P9M',
    ...overrides,
  };
}
