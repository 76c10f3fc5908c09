/** German labels of the enumerations several areas show. */
export const ZONES = [
  { value: 'service', label: 'Leistungsbereich' },
  { value: 'unclear', label: 'Graubereich' },
  { value: 'endangerment', label: 'Gefährdungsbereich' },
];
export const zoneLabel = (zone: string | null) => ZONES.find((z) => z.value === zone)?.label ?? zone ?? '–';
