/** German words for the Fallteam's states and roles. */
export const CONSULTATION_PHASES: Record<string, string> = {
  requested: 'angefragt',
  scheduled: 'terminiert',
  outcome_recorded: 'Ergebnis dokumentiert',
  closed: 'abgeschlossen',
  cancelled: 'abgesagt',
};

export const PARTICIPANT_ROLES = [
  { value: 'professional', label: 'Fachkraft des Jugendamts' },
  { value: 'adviser', label: 'Externe Beratung (eingeladen)' },
  { value: 'family', label: 'Familienmitglied (gezählt, nicht namentlich)' },
  { value: 'other', label: 'Andere Person (Benutzerkennung)' },
];

export const STEP_STATUS: Record<string, string> = { pending: 'ausstehend', active: 'offen', completed: 'erledigt' };
