import type { SpecByKey } from './spec.types';

/**
 * Version 1 of each definition, taken from the seed documents: the six phases of social-space
 * development (seed 000) with the Sozialraumanalyse guideline questions (seed 002), the Fallteam
 * standards, the two-yearly interviews with four target perspectives and the three-party
 * agreements (seed 004), and the Jugendhilfedienst standard.
 */
export const SEED_SPECS: SpecByKey = {
  'sozialraum-development': {
    phases: [
      {
        key: 'identify',
        title: 'Sozialraum identifizieren',
        duration: 'P2M',
        reminderOffsets: ['P14D', 'P3D'],
        escalationRole: 'coordinator',
        deliverables: [
          { key: 'boundaries', title: 'Abgrenzung und Beschreibung des Sozialraums, seine Kommunen', type: 'boundaries', required: true },
        ],
      },
      {
        key: 'analyse',
        title: 'Sozialraum analysieren (Sozialraumanalyse)',
        duration: 'P4M',
        reminderOffsets: ['P14D', 'P3D'],
        escalationRole: 'coordinator',
        deliverables: [
          {
            key: 'analysis',
            title: 'Sozialraumanalyse: Antworten auf die Leitfragen, Bezug zum Sozialraumprofil',
            type: 'analysis',
            required: true,
          },
        ],
      },
      {
        key: 'visions',
        title: 'Visionen entwickeln – partizipative Veranstaltungen',
        duration: 'P3M',
        reminderOffsets: ['P14D', 'P3D'],
        escalationRole: 'coordinator',
        deliverables: [
          { key: 'events', title: 'Beteiligungsveranstaltungen', type: 'events', required: true, constraints: { minItems: 1 } },
        ],
      },
      {
        key: 'goals',
        title: 'Ziele festlegen und priorisieren',
        duration: 'P2M',
        reminderOffsets: ['P14D', 'P3D'],
        escalationRole: 'coordinator',
        deliverables: [{ key: 'goals', title: 'Priorisierte Ziele', type: 'goals', required: true, constraints: { minItems: 1 } }],
      },
      {
        key: 'measures',
        title: 'Maßnahmen entwickeln und konkret planen',
        duration: 'P2M',
        reminderOffsets: ['P14D', 'P3D'],
        escalationRole: 'coordinator',
        deliverables: [{ key: 'measures', title: 'Maßnahmenplanung', type: 'measures', required: true, constraints: { minItems: 1 } }],
      },
      {
        key: 'implementation',
        title: 'Umsetzung der Maßnahmen sichern',
        duration: 'P12M',
        reminderOffsets: ['P1M', 'P7D'],
        escalationRole: 'coordinator',
        deliverables: [{ key: 'monitoring', title: 'Umsetzungsmonitoring und Sozialraumkonferenzen', type: 'monitoring', required: true }],
      },
    ],
    analysisQuestions: [
      { key: 'infrastructure', text: 'Welche soziale Infrastruktur prägt die Stadtteile?' },
      { key: 'population', text: 'Wie gestaltet sich die Bevölkerungsstruktur der Stadtteile?' },
      { key: 'problems', text: 'Sind bestimmte Problemlagen in den Stadtteilen von besonderer Bedeutung?' },
      { key: 'leisure_infrastructure', text: 'Wie gestaltet sich die soziale Infrastruktur für Kinder und Jugendliche in ihrer Freizeit?' },
      { key: 'cooperation', text: 'Bestehen Kooperationsmöglichkeiten mit anderen Trägern, Diensten und Einrichtungen?' },
      {
        key: 'meeting_places',
        text: 'Welche Orte im Stadtteil werden von Kindern/Jugendlichen in ihrer Freizeit aufgesucht, welche fungieren als Treffpunkte?',
      },
      { key: 'meeting_activities', text: 'Was geschieht an den Treffpunkten?' },
      { key: 'needs', text: 'Welche Bedürfnisse haben Kinder und Jugendliche?' },
    ],
    conferenceInterval: 'P3M',
    conferenceReminderOffsets: ['P14D', 'P2D'],
    measureReviewInterval: 'P3M',
    // Seed 000 (Schwerte): "5.000 € Sozialraumbudget, gedeckt über den bestehenden Haushaltsansatz".
    annualBudgetCents: 500_000,
  },

  'fallteam-consultation': {
    steps: [
      {
        key: 'scheduling',
        title: 'Fall ins Fallteam einbringen und terminieren',
        duration: 'P14D',
        reminderOffsets: ['P3D'],
        escalationRole: 'coordinator',
        deliverables: [],
      },
      { key: 'session', title: 'Beratung im erweiterten Fallteam', duration: 'P21D', reminderOffsets: ['P7D', 'P1D'], deliverables: [] },
      {
        key: 'outcome',
        title: 'Ergebnis dokumentieren',
        duration: 'P7D',
        reminderOffsets: ['P2D'],
        escalationRole: 'coordinator',
        deliverables: [
          {
            key: 'participants',
            title: 'Teilnehmende (mindestens zwei Fachkräfte)',
            type: 'list',
            required: true,
            constraints: { minItems: 2 },
          },
          { key: 'recommendations', title: 'Empfehlungen (beratend)', type: 'list', required: false },
          { key: 'decision', title: 'Entscheidung des Jugendamts', type: 'text', required: true },
          { key: 'help_setting', title: 'Hilfesetting unter Nutzung sozialräumlicher Ressourcen', type: 'text', required: true },
        ],
      },
    ],
    minProfessionals: 2,
    accessWindow: 'P14D',
    followUpAfter: 'P6M',
    followUpReminderOffsets: ['P14D', 'P1D'],
    pseudonymisePacket: true,
    consentPurposes: ['fallteam', 'help-planning', 'exchange-with-provider', 'exchange-with-school', 'exchange-with-health-service'],
  },

  'partner-interview-cycle': {
    cycleInterval: 'P2Y',
    steps: [
      {
        key: 'plan',
        title: 'Interview planen (Termin, Interviewer:in)',
        duration: 'P3M',
        reminderOffsets: ['P14D'],
        escalationRole: 'coordinator',
        deliverables: [],
      },
      {
        key: 'conduct',
        title: 'Interview führen und Antworten erfassen',
        duration: 'P6M',
        reminderOffsets: ['P1M', 'P7D'],
        escalationRole: 'coordinator',
        deliverables: [{ key: 'answers', title: 'Antworten zum Fragebogen', type: 'list', required: true }],
      },
    ],
    questionnaire: {
      version: '2026-1',
      sections: [
        {
          key: 'children_youth',
          title: 'Zielperspektive Kinder und Jugendliche',
          perspective: 'children_youth',
          questions: [
            {
              key: 'cy_reach',
              text: 'Wie gut erreichen die Angebote im Sozialraum Kinder und Jugendliche?',
              type: 'scale',
              required: true,
            },
            { key: 'cy_participation', text: 'Werden Kinder und Jugendliche an der Planung beteiligt?', type: 'yes_no', required: true },
            { key: 'cy_comment', text: 'Was sollte sich für Kinder und Jugendliche ändern?', type: 'free_text', required: false },
          ],
        },
        {
          key: 'parents',
          title: 'Zielperspektive Eltern',
          perspective: 'parents',
          questions: [
            { key: 'pa_access', text: 'Wie leicht finden Eltern Zugang zu Beratung und Unterstützung?', type: 'scale', required: true },
            {
              key: 'pa_family_centre',
              text: 'Wird das Familienzentrum von Eltern genutzt?',
              type: 'single_choice',
              required: true,
              options: ['häufig', 'gelegentlich', 'selten', 'nicht vorhanden'],
            },
          ],
        },
        {
          key: 'professionals',
          title: 'Zielperspektive Fachkräfte',
          perspective: 'professionals',
          questions: [
            { key: 'pr_fallteam', text: 'Wie bewerten Sie die Zusammenarbeit im erweiterten Fallteam?', type: 'scale', required: true },
            {
              key: 'pr_cooperation_forms',
              text: 'Welche Formen der Kooperation nutzen Sie?',
              type: 'multiple_choice',
              required: true,
              options: ['Fallteam', 'Sozialraumkonferenz', 'Regionalteam', 'Familienzentrum', 'Runder Tisch'],
            },
            { key: 'pr_comment', text: 'Anregungen zur Weiterentwicklung des Fachkonzepts', type: 'free_text', required: false },
          ],
        },
        {
          key: 'community',
          title: 'Zielperspektive Gemeinwesen',
          perspective: 'community',
          questions: [
            {
              key: 'co_network',
              text: 'Wie gut ist der Sozialraum vernetzt (Vereine, Schulen, Kitas, Kommune)?',
              type: 'scale',
              required: true,
            },
            {
              key: 'co_budget_use',
              text: 'Wurde das Sozialraumbudget für Initiativen von Bürgerinnen und Bürgern genutzt?',
              type: 'yes_no',
              required: true,
            },
          ],
        },
      ],
    },
  },

  'cooperation-agreement': {
    approvalStages: [
      {
        key: 'parties',
        title: 'Zustimmung der Vertragsparteien',
        mode: 'parallel',
        parties: [
          { key: 'municipality', title: 'Stadt/Gemeinde', kind: 'municipality', whenPresent: true },
          { key: 'provider', title: 'Freier Träger', kind: 'free_provider', whenPresent: true },
          { key: 'landkreis', title: 'Landkreis', kind: 'landkreis', whenPresent: true },
        ],
        quorum: 3,
        optional: false,
        committee: false,
        duration: 'P30D',
        reminderOffsets: ['P7D', 'P2D'],
        escalationRole: 'coordinator',
      },
      {
        key: 'committee',
        title: 'Beschluss des Jugendhilfeausschusses',
        mode: 'sequential',
        parties: [{ key: 'jha', title: 'Jugendhilfeausschuss', kind: 'youth_welfare_committee', whenPresent: false }],
        quorum: 1,
        optional: true,
        committee: true,
        duration: 'P3M',
        reminderOffsets: ['P14D'],
        escalationRole: 'coordinator',
      },
    ],
    renewalLeadTime: 'P3M',
    renewalReminderOffsets: ['P3M', 'P1M'],
    revisionRestarts: 'all',
  },

  'jugendhilfedienst-case': {
    steps: [
      { key: 'intake', title: 'Eingang und Erfassung', duration: 'P1D', reminderOffsets: [], deliverables: [] },
      {
        key: 'classification',
        title: 'Einordnung (Leistungs-, Grau- oder Gefährdungsbereich)',
        duration: 'P3D',
        reminderOffsets: ['P1D'],
        escalationRole: 'admin',
        deliverables: [],
      },
      {
        key: 'risk_assessment',
        title: 'Gefährdungseinschätzung nach § 8a SGB VIII',
        duration: 'P1D',
        reminderOffsets: ['PT12H', 'PT4H'],
        escalationRole: 'admin',
        deliverables: [
          { key: 'assessment', title: 'Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte', type: 'text', required: true },
        ],
      },
      {
        key: 'fallteam',
        title: 'Beratung im erweiterten Fallteam',
        duration: 'P1M',
        reminderOffsets: ['P7D'],
        escalationRole: 'admin',
        deliverables: [],
      },
      {
        key: 'help_plan',
        title: 'Hilfeplan (§ 36 SGB VIII)',
        duration: 'P1M',
        reminderOffsets: ['P7D'],
        escalationRole: 'admin',
        deliverables: [],
      },
      { key: 'closure', title: 'Abschluss', duration: 'P14D', reminderOffsets: ['P3D'], deliverables: [] },
    ],
    riskAssessmentMinProfessionals: 2,
    fallteamThreshold: 'P6M',
    helpPlanReviewInterval: 'P6M',
    helpPlanReviewReminderOffsets: ['P14D', 'P2D'],
    preventiveShareTarget: 0.1,
    retentionAfterClosure: 'P5Y',
  },
};
