import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@ministudio/api/src/config';
import { writeFileAtomic } from '@ministudio/files';
import { addUser, backup, restore } from './commands/admin';
import {
  DEFAULT_STUDIO_PORT,
  exportEditFile,
  exportEditFolder,
  exportEditZip,
  exportProject,
  importProject,
  storyboardPdf,
} from './commands/remote';
import { validate } from './commands/validate';
import { defaultDataDir } from './data-dir';
import { LoadError, loadProduction } from './load';
import { CliError, consoleOutput, INTERRUPTED, type Output } from './output';

// `ministudio <command>`: the studio's work from a terminal. Every command has --help; failures exit
// non-zero with the reason in plain words (and, with --json, as {"error": {code, message, details}}).

interface Command {
  usage: string;
  summary: string;
  help: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(
    args: { positionals: string[]; values: Record<string, string | boolean | undefined> },
    out: Output,
    signal: AbortSignal,
  ): Promise<number>;
}

const common = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const remote = { url: { type: 'string' } } as const;
const DEFAULT_URL = `http://127.0.0.1:${DEFAULT_STUDIO_PORT}`;

const COMMANDS: Record<string, Command> = {
  validate: {
    usage: 'ministudio validate FILE [--json]',
    summary: 'check a production file (.json) or script (.ts/.js): every problem with its path',
    help: `Checks a production against the studio's schema and its references (unknown characters,
environments, duplicate keys, missing images). FILE is a production .json file or a .ts/.js script
whose default export is defineProduction(...).

Options:
  --json     print {"ok", "file", "title", "scenes", "shots", "issues": [{"path", "message"}]}

Exit status: 0 when the production is valid, 1 when it has problems or cannot be read.`,
    options: {},
    async run({ positionals }, out) {
      return validate(requireFile(positionals, 'validate'), out);
    },
  },
  render: {
    usage: 'ministudio render FILE --out film.mp4 [--data DIR] [--shots KEY,KEY] [--provider ID] [--json]',
    summary: 'render a production headlessly and assemble the film',
    help: `Renders FILE (.json, .ts or .js) with the studio's own render engine, running in this process
on a data folder, then assembles the film (H.264 + AAC, soft subtitles, a chapter per scene).
Shots whose inputs did not change since the last run reuse their takes; Ctrl+C stops cleanly and the
next run resumes where it stopped.

Options:
  --out FILE         where the film goes (required unless --shots leaves shots without a take)
  --data DIR         the data folder (database and takes); default ${defaultDataDir()}
  --shots KEYS       render only these shots (comma-separated keys); the film is assembled when
                     every shot has a take
  --provider ID      render every shot with this provider ("local", "runway", "provider:model")
  --concurrency N    jobs at once (default 2)
  --json             print a summary: {"projectId", "out", "shots", "rendered", "reused", "resumed",
                     "seconds", "filmSeconds"}
  -q, --quiet        no progress lines`,
    options: {
      out: { type: 'string', short: 'o' },
      data: { type: 'string' },
      shots: { type: 'string' },
      provider: { type: 'string' },
      concurrency: { type: 'string' },
    },
    async run({ positionals, values }, out, signal) {
      const file = requireFile(positionals, 'render');
      const shots = typeof values.shots === 'string' ? splitList(values.shots) : null;
      if (!values.out && !shots) throw new CliError('Say where the film goes: --out film.mp4');
      const concurrency = values.concurrency === undefined ? 2 : Number(values.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
        throw new CliError(`--concurrency must be a whole number from 1 to 16, got "${values.concurrency}"`);
      }
      const doc = await loadProduction(file);
      // Loaded on demand: the render engine (database, providers, ffmpeg) is heavy for the other commands.
      const { render } = await import('./commands/render');
      const summary = await render(
        doc,
        {
          file,
          out: typeof values.out === 'string' ? values.out : '',
          dataDir: path.resolve(typeof values.data === 'string' ? values.data : defaultDataDir()),
          shots,
          provider: typeof values.provider === 'string' ? values.provider : null,
          concurrency,
          signal,
        },
        out,
      );
      out.result(
        summary.out
          ? `${summary.out}: ${summary.shots} shots, ${summary.filmSeconds?.toFixed(2) ?? '?'} s; ${summary.rendered} rendered, ${summary.reused} reused${summary.resumed ? `, ${summary.resumed} resumed` : ''} in ${summary.seconds} s`
          : `${summary.rendered} rendered, ${summary.reused} reused${summary.resumed ? `, ${summary.resumed} resumed` : ''} in ${summary.seconds} s`,
        summary,
      );
      return 0;
    },
  },
  import: {
    usage: `ministudio import FILE [--url ${DEFAULT_URL}] [--json]`,
    summary: 'import a production into a running studio as a new project',
    help: `Validates FILE (.json, .ts or .js) here, then sends it to the studio at --url
(POST /api/projects/import). Prints the new project's id and its address in the editor.

Options:
  --url URL   the studio (default ${DEFAULT_URL})
  --json      print {"id", "version", "url"}`,
    options: remote,
    async run({ positionals, values }, out) {
      const doc = await loadProduction(requireFile(positionals, 'import'));
      const url = studioUrl(values.url);
      const created = await importProject(url, doc);
      out.result(`imported "${doc.project.title}" as ${created.id}\n${url}/projects/${created.id}`, {
        ...created,
        url: `${url}/projects/${created.id}`,
      });
      return 0;
    },
  },
  export: {
    usage: `ministudio export ID [--out FILE] [--url ${DEFAULT_URL}]`,
    summary: 'export a project of a running studio as a production file',
    help: `Downloads project ID from the studio at --url (GET /api/projects/:id/export) as a production
document, images included. Without --out it is printed on stdout.

Options:
  --out FILE  write it here (written whole or not at all)
  --url URL   the studio (default ${DEFAULT_URL})`,
    options: { ...remote, out: { type: 'string', short: 'o' } },
    async run({ positionals, values }, out) {
      const id = requireId(positionals, 'export');
      const text = await exportProject(studioUrl(values.url), id);
      if (typeof values.out === 'string') {
        await writeAtomic(values.out, text);
        out.result(`wrote ${values.out}`, { id, out: values.out });
      } else {
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      }
      return 0;
    },
  },
  'export-edit': {
    usage: `ministudio export-edit ID --format otio|fcpxml|edl|mlt --out PATH [--media clips|none] [--zip] [--url ${DEFAULT_URL}]`,
    summary: 'export the cut of a running studio for other editing software',
    help: `Downloads the edit of project ID (chosen takes in order, scene markers, dialogue as subtitles)
from the studio at --url (GET /api/projects/:id/edit?format=…) in one of the interchange formats:
OpenTimelineIO (otio), Final Cut Pro XML (fcpxml), CMX 3600 EDL (edl) or MLT XML (mlt, Shotcut and
Kdenlive). By default PATH is a folder that receives the edit file, subtitles.srt and clips/ (named
by relative paths, so the folder opens on another machine; FCPXML names them by absolute file://
URLs of the folder, as Final Cut and Resolve want, so after moving it export again or relink).

Options:
  --format F     otio, fcpxml, edl or mlt
  --out PATH     the folder (or the file, with --zip or --media none)
  --zip          keep the studio's zip as it is instead of unpacking it
  --media M      clips (the default) or none: the edit file alone
  --url URL      the studio (default ${DEFAULT_URL})
  --json         print {"id", "format", "out", "files"}`,
    options: {
      ...remote,
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      media: { type: 'string' },
      zip: { type: 'boolean' },
    },
    async run({ positionals, values }, out) {
      const id = requireId(positionals, 'export-edit');
      const format = String(values.format ?? '');
      if (!['otio', 'fcpxml', 'edl', 'mlt'].includes(format)) {
        throw new CliError(`--format must be otio, fcpxml, edl or mlt${format ? `, not "${format}"` : ''}`);
      }
      const media = values.media === undefined ? 'clips' : String(values.media);
      if (media !== 'clips' && media !== 'none')
        throw new CliError(`--media must be clips or none, not "${media}"`);
      if (typeof values.out !== 'string') throw new CliError('Say where the edit goes: --out PATH');
      const url = studioUrl(values.url);
      let files: string[];
      if (media === 'none') {
        await writeAtomic(values.out, await exportEditFile(url, id, format));
        files = [path.basename(values.out)];
      } else if (values.zip) {
        await exportEditZip(url, id, format, path.resolve(values.out));
        files = [path.basename(values.out)];
      } else {
        files = await exportEditFolder(url, id, format, values.out);
      }
      out.result(`wrote ${values.out}${files.length > 1 ? `: ${files.join(', ')}` : ''}`, {
        id,
        format,
        out: values.out,
        files,
      });
      return 0;
    },
  },
  user: {
    usage: 'ministudio user add NAME (--owner | --role editor|viewer) [--data DIR]',
    summary: "make an account in a studio's data folder (the first must be an owner)",
    help: `Makes an account directly in the studio's data folder, running or not: how a team's first
owner is made before the studio may listen beyond loopback (HOST=0.0.0.0). Later accounts can be
made in the editor (Account → People) as well.

The password is read from MINISTUDIO_PASSWORD, else from stdin (never from the command line, which
shell history would keep): read -s PW; printf %s "$PW" | pnpm ministudio user add --owner ana

Options:
  --owner        the account is an owner (users, providers, everything)
  --role ROLE    owner, editor (edit and render) or viewer (watch, review, download)
  --data DIR     the studio's data folder (default: MINISTUDIO_DATA, else ./data)
  --json         print the account (never its password)`,
    options: { owner: { type: 'boolean' }, role: { type: 'string' }, data: { type: 'string' } },
    async run({ positionals, values }, out) {
      const [sub, name, ...extra] = positionals;
      if (sub !== 'add' || !name || extra.length) {
        throw new CliError(`Usage: ${COMMANDS.user!.usage}`, {}, 2);
      }
      const role = values.owner ? 'owner' : typeof values.role === 'string' ? values.role : '';
      if (!role) throw new CliError('Say the role: --owner, or --role editor|viewer', {}, 2);
      await addUser(
        { dataDir: studioDataDir(values.data), name, role: role as 'owner', env: process.env },
        out,
      );
      return 0;
    },
  },
  backup: {
    usage: 'ministudio backup DIR [--data DIR] [--json]',
    summary: 'back up a studio (running or not) into a folder; later backups copy only what is new',
    help: `Copies the studio's database with SQLite's online backup (a consistent snapshot while the
studio keeps working), then the media it refers to, by content hash: a second backup into the same
folder copies only new files. The manifest is written last, so an interrupted backup is never taken
for a finished one. Provider keys (providers.json) are not included.

Options:
  --data DIR   the studio's data folder (default: MINISTUDIO_DATA, else ./data)
  --json       print {"copiedMedia", "reusedMedia", "copiedBytes", "missingMedia", …}`,
    options: { data: { type: 'string' } },
    async run({ positionals, values }, out) {
      if (positionals.length !== 1) throw new CliError(`Usage: ${COMMANDS.backup!.usage}`, {}, 2);
      await backup({ dataDir: studioDataDir(values.data), target: path.resolve(positionals[0]!) }, out);
      return 0;
    },
  },
  restore: {
    usage: 'ministudio restore BACKUP --data DIR [--json]',
    summary: 'bring a backup back into an empty data folder',
    help: `Restores a folder made by \`ministudio backup\` into --data, which must not hold a studio yet.
Media are copied first and the database last, so a folder is a studio only once the restore is whole.
Then start the studio with MINISTUDIO_DATA=DIR.

Options:
  --data DIR   the (empty) data folder to restore into; required`,
    options: { data: { type: 'string' } },
    async run({ positionals, values }, out) {
      if (positionals.length !== 1) throw new CliError(`Usage: ${COMMANDS.restore!.usage}`, {}, 2);
      if (typeof values.data !== 'string') throw new CliError('Say where to restore to: --data DIR', {}, 2);
      await restore({ source: path.resolve(positionals[0]!), dataDir: path.resolve(values.data) }, out);
      return 0;
    },
  },
  storyboard: {
    usage: `ministudio storyboard ID --out storyboard.pdf [--url ${DEFAULT_URL}]`,
    summary: 'download the printable storyboard (PDF) of a project in a running studio',
    help: `Downloads the storyboard of project ID (GET /api/projects/:id/storyboard.pdf): each scene on its
own pages, each shot as a frame with its number, type, camera, duration, action, dialogue and narration.

Options:
  --out FILE  where the PDF goes
  --url URL   the studio (default ${DEFAULT_URL})`,
    options: { ...remote, out: { type: 'string', short: 'o' } },
    async run({ positionals, values }, out) {
      const id = requireId(positionals, 'storyboard');
      if (typeof values.out !== 'string') throw new CliError('Say where the PDF goes: --out storyboard.pdf');
      const bytes = await storyboardPdf(studioUrl(values.url), id);
      await writeAtomic(values.out, bytes);
      out.result(`wrote ${values.out} (${bytes.length} bytes)`, { id, out: values.out, bytes: bytes.length });
      return 0;
    },
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return `MiniStudio from the command line.

Usage: ministudio <command> [options]     (pnpm ministudio … / npx ministudio … in a checkout)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}
  ${'drift'.padEnd(width)}  measure drift between two clips, or of a project in a running studio (drift --help)

Run \`ministudio <command> --help\` for a command's options.`;
}

/** Runs one command line; resolves to the exit status. SIGINT aborts the command cleanly. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) process.stdout.write(`${commandHelp(topic)}\n`);
    else process.stdout.write(`${mainHelp()}\n`);
    return name ? 0 : 2;
  }
  if (name === 'drift') {
    // The drift review's own command line (packages/drift/src/cli.ts), options and exit statuses as they are.
    const { driftCommand } = await import('@ministudio/drift');
    return driftCommand(rest, {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    });
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${mainHelp()}\n`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...common, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')}\n\nUsage: ${command.usage}\n`,
    );
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    process.stdout.write(`${commandHelp(name)}\n`);
    return 0;
  }
  const json = values.json === true;
  const out = consoleOutput({ json, quiet: values.quiet === true });
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) {
      // A second Ctrl+C: the user does not want to wait for the clean stop.
      process.exit(130);
    }
    out.warn('\nstopping… (Ctrl+C again to quit at once)');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await command.run({ positionals: parsed.positionals, values }, out, controller.signal);
  } catch (error) {
    return fail(error, json, controller.signal.aborted);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  return `Usage: ${c.usage}\n\n${c.help}\n  -h, --help         this help`;
}

/** Prints an error in plain words (or as JSON) and gives the exit status: 130 after Ctrl+C, else 1. */
function fail(error: unknown, json: boolean, interrupted: boolean): number {
  if (interrupted) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { code: 'interrupted', message: INTERRUPTED, details: {} } }, null, 2)}\n`,
      );
    else process.stderr.write(`${INTERRUPTED}\n`);
    return 130;
  }
  if (error instanceof LoadError) {
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: 'invalid_production', message: error.message, details: { issues: error.issues } } }, null, 2)}\n`,
      );
    } else {
      process.stderr.write(`${error.message}${error.issues.length ? ':' : ''}\n`);
      for (const issue of error.issues) process.stderr.write(`  ${issue.path || '/'}: ${issue.message}\n`);
    }
    return 1;
  }
  if (error instanceof CliError) {
    const { code = 'failed', ...details } = error.details as { code?: string };
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { code, message: error.message, details } }, null, 2)}\n`,
      );
    else process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  // Not expected: a bug. Said with its stack so it can be reported.
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json)
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'internal', message: String((error as Error)?.message ?? error), details: {} } }, null, 2)}\n`,
    );
  process.stderr.write(`Unexpected error (a bug in ministudio): ${message}\n`);
  return 1;
}

function requireFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new CliError(`${command} takes one production file. Usage: ${COMMANDS[command]!.usage}`, {}, 2);
  }
  return positionals[0]!;
}

function requireId(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new CliError(`${command} takes one project id. Usage: ${COMMANDS[command]!.usage}`, {}, 2);
  }
  return positionals[0]!;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function studioUrl(value: string | boolean | undefined): string {
  const url = typeof value === 'string' ? value : DEFAULT_URL;
  try {
    const parsed = new URL(url);
    return parsed.href.replace(/\/+$/, '');
  } catch {
    throw new CliError(`--url must be the studio's address, like ${DEFAULT_URL}; got "${url}"`, {}, 2);
  }
}

/** The studio's own data folder, as the studio finds it (apps/api/src/config.ts). */
function studioDataDir(value: string | boolean | undefined): string {
  if (typeof value === 'string') return path.resolve(value);
  return path.resolve(process.env.MINISTUDIO_DATA ?? path.join(REPO_ROOT, 'data'));
}

function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomic(path.resolve(file), data);
}
