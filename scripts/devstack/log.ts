/** Launcher messages go to stderr so that commands like `npm run -s token` print only their result. */
export function say(message: string): void {
  process.stderr.write(`[sro] ${message}\n`);
}
