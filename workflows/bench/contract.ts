/** The contract of bench-echo, the raw baseline of `npm run bench` (no data at all); test-only, see ../testing.ts. */
import { defineSignal, defineUpdate } from '@temporalio/workflow';

export const benchEchoUpdate = defineUpdate<number, [number]>('echo');
export const benchEchoFinish = defineSignal('finish');
