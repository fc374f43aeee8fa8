import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeAudioMono, encodeWavPcm16, mixSpeech } from '@ministudio/media';
import { SPEECH_SAMPLE_RATE } from '@ministudio/renderer';
import type { JobIO } from '../io/job-io';
import type { PlacedLine, SpeechOutput } from './payloads';

// Placing the lines is pure timing, shared with the pre-queue check and the editor: it lives in the domain.
export { placeSpeech, SPEECH_TAIL_SECONDS, speechShotSeconds } from '@ministudio/domain';

/** One mono WAV with every line at its place: the track that is fitted to the picture. */
export async function writeSpeechTrack(
  io: JobIO,
  speech: SpeechOutput[],
  placed: PlacedLine[],
  endSeconds: number,
): Promise<string> {
  const clips = [];
  for (const [i, line] of placed.entries()) {
    const samples = await decodeAudioMono(await io.fetch(speech[i]!.assetId), SPEECH_SAMPLE_RATE);
    clips.push({ samples, startSeconds: line.startSeconds });
  }
  const track = mixSpeech(clips, SPEECH_SAMPLE_RATE, endSeconds);
  const file = path.join(io.workDir, 'speech-track.wav');
  await writeFile(file, encodeWavPcm16(track, SPEECH_SAMPLE_RATE));
  return file;
}
