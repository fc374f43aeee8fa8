import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type JobContext,
  ProviderError,
  type SpeechProvider,
  type SpeechRequest,
  type SpeechResult,
  type VoiceInfo,
} from '@ministudio/domain';
import { writeAtomically } from '@ministudio/files';
import { readWavInfo } from '@ministudio/media';
import {
  espeakArgs,
  espeakHasVoice,
  isSafeVoiceId,
  parseEspeakVariants,
  parseEspeakVoices,
} from './espeak-args';

export interface EspeakOptions {
  /** The espeak-ng binary; null reads ESPEAK_PATH, else `espeak-ng` on the PATH. */
  binary: string | null;
}

function run(
  binary: string,
  args: string[],
  stdin: string | null,
  signal: AbortSignal | null,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: signal ?? undefined });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') reject(new ProviderError('cancelled', 'The job was cancelled.'));
      else if (error.code === 'ENOENT') {
        reject(
          new ProviderError(
            'provider_unavailable',
            'espeak-ng is not installed (set ESPEAK_PATH to its binary).',
          ),
        );
      } else reject(new ProviderError('internal', `espeak-ng could not start: ${error.message}`));
    });
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else if (signal?.aborted) reject(new ProviderError('cancelled', 'The job was cancelled.'));
      else
        reject(
          new ProviderError(
            'provider_rejected_input',
            `espeak-ng failed: ${stderr.trim().slice(0, 300) || `exit ${code}`}`,
          ),
        );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin ?? '');
  });
}

/** Local speech with espeak-ng: offline, fast, and exact about how long each line lasts. */
export function createEspeakSpeechProvider(options: EspeakOptions = { binary: null }): SpeechProvider {
  const binary = options.binary ?? process.env.ESPEAK_PATH ?? 'espeak-ng';
  let available: boolean | null = null;
  const listVoices = async (): Promise<VoiceInfo[]> =>
    parseEspeakVoices(await run(binary, ['--voices'], null, null));
  return {
    id: 'espeak',
    label: 'eSpeak NG (local)',
    configured() {
      available ??= spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
      return available;
    },
    listVoices,
    async hasVoice(voiceId: string): Promise<boolean> {
      if (!isSafeVoiceId(voiceId)) return false;
      const [voices, variants] = await Promise.all([
        listVoices(),
        run(binary, ['--voices=variant'], null, null).then(parseEspeakVariants),
      ]);
      return espeakHasVoice(voiceId, voices, variants);
    },
    async synthesize(request: SpeechRequest, context: JobContext): Promise<SpeechResult> {
      const text = request.text.trim();
      if (!text) throw new ProviderError('provider_rejected_input', 'There is no text to speak.');
      if (!isSafeVoiceId(request.voice.voiceId)) {
        throw new ProviderError(
          'provider_rejected_input',
          `"${request.voice.voiceId}" is not an espeak-ng voice id.`,
        );
      }
      const { voiceId, rate, pitch } = request.voice;
      // Named by content, so the same line in the same voice is the same file.
      const hash = createHash('sha256')
        .update(JSON.stringify([voiceId, rate, pitch, text]))
        .digest('hex')
        .slice(0, 20);
      const target = path.join(context.workDir, `espeak-${hash}.wav`);
      try {
        const info = await writeAtomically(target, async (temp) => {
          await run(binary, espeakArgs(request.voice, temp), text, context.signal);
          return readWavInfo(await readFile(temp));
        });
        context.onProgress(1);
        return { path: target, mime: 'audio/wav', durationSeconds: info.durationSeconds, alignment: null };
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        throw new ProviderError(
          'internal',
          `espeak-ng wrote an unreadable file: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}
