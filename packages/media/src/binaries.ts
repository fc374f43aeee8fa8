import ffmpeg from 'fluent-ffmpeg';

/** Debian's binaries unless FFMPEG_PATH / FFPROBE_PATH say otherwise (read on every call so tests can override). */
export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH || 'ffmpeg';
}

export function ffprobePath(): string {
  return process.env.FFPROBE_PATH || 'ffprobe';
}

/** A fluent-ffmpeg command bound to the configured ffmpeg (ffprobe runs only through probe.ts). */
export function newCommand(): ffmpeg.FfmpegCommand {
  const command = ffmpeg({ stdoutLines: 200 });
  command.setFfmpegPath(ffmpegPath());
  return command;
}
