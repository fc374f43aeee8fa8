export interface SniffedMedia {
  mime: string;
  ext: string;
}

/** Identifies a media container from its first bytes, so an HTML error page is never taken for a video. */
export function sniffMedia(head: Uint8Array): SniffedMedia | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(4, 8) === 'ftyp') {
    return ascii(8, 10) === 'qt'
      ? { mime: 'video/quicktime', ext: 'mov' }
      : { mime: 'video/mp4', ext: 'mp4' };
  }
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return { mime: 'video/webm', ext: 'webm' };
  }
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE')
    return { mime: 'audio/wav', ext: 'wav' };
  if (head.length >= 3 && ascii(0, 3) === 'ID3') return { mime: 'audio/mpeg', ext: 'mp3' };
  if (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)
    return { mime: 'audio/mpeg', ext: 'mp3' };
  if (head.length >= 4 && ascii(0, 4) === 'OggS') return { mime: 'audio/ogg', ext: 'ogg' };
  if (head.length >= 4 && ascii(0, 4) === 'fLaC') return { mime: 'audio/flac', ext: 'flac' };
  if (head.length >= 12 && ascii(4, 8) === 'ftyp') return { mime: 'audio/mp4', ext: 'm4a' };
  return null;
}
