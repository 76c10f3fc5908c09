/** Who the retention acts as in the audit log. */
export const RETENTION_ACTOR = 'system:retention';
export const RETENTION_PURPOSE = 'Löschfrist abgelaufen (§ 84 SGB X, Art. 17 DSGVO)';
