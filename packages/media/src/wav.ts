/** 16-bit PCM mono WAV bytes from float samples (-1..1). */
export function encodeWavPcm16(samples: Float32Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.max(-1, Math.min(1, samples[i]!));
    out.writeInt16LE(Math.round(v * 32767), 44 + i * 2);
  }
  return out;
}

export interface WavInfo {
  /** 1 = integer PCM, 3 = float, 0xfffe = extensible (PCM in practice). */
  formatTag: number;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  dataOffset: number;
  dataBytes: number;
  durationSeconds: number;
}

/**
 * Reads a PCM WAV's format and exact duration from its chunks. A data size that overruns the file
 * (a writer that never patched its header) is cut to the bytes actually present.
 */
export function readWavInfo(bytes: Uint8Array): WavInfo {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (
    view.length < 12 ||
    view.toString('ascii', 0, 4) !== 'RIFF' ||
    view.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new Error('not a RIFF/WAVE file');
  }
  let offset = 12;
  let format: { formatTag: number; channels: number; sampleRate: number; bitsPerSample: number } | null =
    null;
  while (offset + 8 <= view.length) {
    const id = view.toString('ascii', offset, offset + 4);
    const size = view.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > view.length) throw new Error('WAV fmt chunk is cut short');
      format = {
        formatTag: view.readUInt16LE(body),
        channels: view.readUInt16LE(body + 2),
        sampleRate: view.readUInt32LE(body + 4),
        bitsPerSample: view.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk before its fmt chunk');
      if (format.sampleRate === 0 || format.channels === 0 || format.bitsPerSample === 0) {
        throw new Error('WAV format fields are zero');
      }
      const dataBytes = Math.min(size, view.length - body);
      const frameBytes = format.channels * (format.bitsPerSample / 8);
      return {
        ...format,
        dataOffset: body,
        dataBytes,
        durationSeconds: Math.floor(dataBytes / frameBytes) / format.sampleRate,
      };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

/** Mono float samples from a 16-bit PCM WAV (channels averaged), or null for any other encoding. */
export function decodePcm16Wav(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } | null {
  let info: WavInfo;
  try {
    info = readWavInfo(bytes);
  } catch {
    return null;
  }
  if (info.bitsPerSample !== 16 || (info.formatTag !== 1 && info.formatTag !== 0xfffe)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = Math.floor(info.dataBytes / (2 * info.channels));
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let ch = 0; ch < info.channels; ch++)
      sum += view.getInt16(info.dataOffset + (i * info.channels + ch) * 2, true);
    samples[i] = sum / info.channels / 32768;
  }
  return { samples, sampleRate: info.sampleRate };
}
