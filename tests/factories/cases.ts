/** A case with recognisable personal data, so tests can prove where it does and does not appear. */
export function caseBody(socialSpaceId: string) {
  return {
    socialSpaceId,
    zone: 'unclear',
    personal: {
      familyName: 'Mustermann-Öztürk',
      givenNames: ['Erika', 'Leon'],
      birthDates: ['2014-02-03'],
      address: 'Lindenallee 7, 14513 Teltow',
      familyMembers: [{ relation: 'Großmutter', name: 'Hildegard Mustermann' }],
    },
    will: 'Wir wollen, dass Leon wieder gern zur Schule geht.',
    goals: ['Regelmäßiger Schulbesuch'],
    resources: { person: ['Leon spielt Fußball'], surroundings: ['Großmutter wohnt nebenan'], socialSpace: ['Jugendclub am Markt'] },
    confided: [{ text: 'Vertraulich: Der Vater hat Schulden bei der Nachbarin.' }],
  };
}

/** Strings that must never reach an adviser, a workflow history or a queue without consent. */
export const PERSONAL_STRINGS = ['Mustermann', 'Erika', 'Leon', '2014-02-03', 'Lindenallee', 'Hildegard', 'Schulden'];
