/** The contract of case-retention: started daily by a Temporal Schedule; ids and counts only. */

export interface CaseRetentionInput {
  /** Cases per batch (tests lower it). */
  batchSize?: number;
}

export interface CaseRetentionResult {
  /** The day (`YYYY-MM-DD`) whose deletion dates have passed. */
  asOf: string;
  anonymised: number;
  /** Expired but under legal hold: kept. */
  onHold: number;
}
