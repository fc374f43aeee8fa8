/** A failure said to the user in plain words; `details` go into --json output. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Where a command speaks: progress lines and warnings on stderr (so stdout stays clean for --json and
 * for pipes), the result on stdout.
 */
export interface Output {
  progress(line: string): void;
  warn(line: string): void;
  /** The command's answer: printed as text, or as one JSON document with --json. */
  result(text: string, json: unknown): void;
}

export function consoleOutput(options: { json: boolean; quiet: boolean }): Output {
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  return {
    progress(line) {
      if (!options.quiet) process.stderr.write(`${stamp()}  ${line}\n`);
    },
    warn(line) {
      process.stderr.write(`${line}\n`);
    },
    result(text, json) {
      process.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
    },
  };
}

export const INTERRUPTED =
  'Interrupted: nothing was lost. Finished takes are kept and the shots still rendering were put back in the queue; run the same command again to resume.';
