/**
 * Resolves with the first SIGINT or SIGTERM, so that the caller can shut down cleanly. A second
 * one while it does ends the process at once with exit code 1.
 */
export function untilSignal(): Promise<NodeJS.Signals> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      for (const name of signals) process.off(name, first);
      // A build (a PDF print) can take seconds; an impatient second Ctrl-C should not wait.
      for (const name of signals) process.once(name, () => process.exit(1));
      resolve(signal);
    };
    for (const name of signals) process.on(name, first);
  });
}
