import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeAudioMono, encodeWavPcm16, mixSpeech } from '@ministudio/media';
import { SPEECH_SAMPLE_RATE } from '@ministudio/renderer';
import type { JobIO } from '../io/job-io';
import type { PlacedLine, SpeechOutput } from './payloads';

/** Breathing room before the first line, between lines, and after the last (for shots that follow speech). */
export const SPEECH_LEAD_SECONDS = 0.3;
export const SPEECH_GAP_SECONDS = 0.35;
export const SPEECH_TAIL_SECONDS = 0.5;

/** Lines one after another: pure timing, from the spoken durations. */
export function placeSpeech(lines: { character: string | null; text: string; durationSeconds: number }[]): {
  placed: PlacedLine[];
  endSeconds: number;
} {
  const placed: PlacedLine[] = [];
  let at = SPEECH_LEAD_SECONDS;
  for (const line of lines) {
    placed.push({
      character: line.character,
      text: line.text,
      startSeconds: at,
      durationSeconds: line.durationSeconds,
    });
    at += line.durationSeconds + SPEECH_GAP_SECONDS;
  }
  return { placed, endSeconds: placed.length ? at - SPEECH_GAP_SECONDS : 0 };
}

/** The length of a shot that follows its speech: the placed lines and a tail, on whole frames, at least 1 s. */
export function speechShotSeconds(speechEndSeconds: number, fps: number): number {
  return Math.max(1, Math.ceil((speechEndSeconds + SPEECH_TAIL_SECONDS) * fps) / fps);
}

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
