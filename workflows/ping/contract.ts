/** The contract of ping, a round trip through an activity. */

export interface PingInput {
  message: string;
}

export interface PingOutput {
  reply: string;
}
