import { createStore, type StoreApi } from 'zustand/vanilla';
import { playheadStore } from '../timeline/timeline-stores';
import {
  advance,
  type FilmShot,
  filmSeconds,
  frameStep,
  locate,
  type Marks,
  NO_MARKS,
  playFrom,
  setMark,
  shuttle,
} from './film-clock';

// The player's transport, imperative: it owns two stacked <video> elements and a requestAnimationFrame clock,
// and writes the film time to the project's playhead store. React renders only what changes at a shot's
// pace (which shot, play state, marks); the per-frame time goes to the playhead store alone.
//
// Gapless cuts: the video under the visible one already holds the next shot's take, loaded and paused at its
// first frame; at the cut the two swap (visibility, no new load), so the next picture is there at once.
// While a take plays forward it is the clock (picture and sound stay together); a shot without a take, a
// reverse shuttle, or a take still buffering runs on the animation-frame clock.
//
// A card has sound too: the shot's speech preview (its lines mixed where a render will place them) plays in
// one of two hidden <audio> elements, following the frame clock (seeked to the offset when playback starts
// mid-shot, paused, sped up and slowed with it, stopped at the cut). The other one holds the next card's
// speech, loaded ahead like the next take.

export interface PlayerUi {
  /** Signed speed: 0 paused, 1 play, 2 and 4 fast forward, negative backward. */
  rate: number;
  marks: Marks;
  /** The shot on screen, -1 for an empty film. */
  index: number;
  /** Whether a take (not a storyboard card) is on screen. */
  showingVideo: boolean;
}

/** A take ends this close to its cut (under half a frame at 24 fps) counts as at the cut. */
const END_EPSILON = 0.02;
/** While a take plays, the clock follows it; off by more than this (a seek, a stall) the video is moved. */
const SYNC_TOLERANCE = 0.25;
/** How many shots ahead the player looks for the next card's speech to load. */
const SPEECH_LOOKAHEAD_SHOTS = 4;
/** How close to a cut (seconds) the player sets a timer for it. */
const CUT_LOOKAHEAD = 0.4;

export class PlayerEngine {
  readonly ui: StoreApi<PlayerUi> = createStore<PlayerUi>()(() => ({
    rate: 0,
    marks: NO_MARKS,
    index: -1,
    showingVideo: false,
  }));
  private shots: FilmShot[] = [];
  private fps = 24;
  private total = 0;
  private t = 0;
  private videos: HTMLVideoElement[] = [];
  private active = 0;
  private speech: HTMLAudioElement[] = [];
  private activeSpeech = 0;
  private frame = 0;
  private cutTimer: ReturnType<typeof setTimeout> | undefined;
  private lastNow = 0;
  /** The last time this engine wrote, so its own writes are told from a scrub of the timeline. */
  private written = Number.NaN;
  private unsubscribe: () => void = () => {};

  constructor(private readonly projectId: string) {
    this.t = playheadStore(projectId).getState().seconds;
  }

  /** Takes the videos and follows the playhead (a scrub of the timeline seeks); undone by detach. */
  attach(videos: HTMLVideoElement[], speech: HTMLAudioElement[] = []): void {
    this.videos = videos;
    this.speech = speech;
    this.unsubscribe();
    this.unsubscribe = playheadStore(this.projectId).subscribe((s) => {
      if (s.seconds !== this.written) this.seek(s.seconds, false);
    });
    this.seek(playheadStore(this.projectId).getState().seconds, false);
  }

  /** Stops playback and lets go of the videos and the playhead; attach again to resume (StrictMode does). */
  detach(): void {
    this.ui.setState({ rate: 0 });
    cancelAnimationFrame(this.frame);
    clearTimeout(this.cutTimer);
    this.unsubscribe();
    this.unsubscribe = () => {};
    for (const v of this.videos) v.pause();
    for (const a of this.speech) a.pause();
  }

  setFilm(shots: FilmShot[], fps: number): void {
    this.shots = shots;
    this.fps = fps;
    this.total = filmSeconds(shots);
    if (this.t > this.total) this.t = this.total;
    this.show(this.ui.getState().rate !== 0, true);
  }

  get seconds(): number {
    return this.t;
  }

  get totalSeconds(): number {
    return this.total;
  }

  togglePlay(): void {
    this.setRate(this.ui.getState().rate === 0 ? 1 : 0);
  }

  shuttle(key: 'j' | 'k' | 'l'): void {
    this.setRate(shuttle(this.ui.getState().rate, key));
  }

  setRate(rate: number): void {
    const was = this.ui.getState().rate;
    if (rate !== 0 && was === 0) this.t = playFrom(this.t, this.ui.getState().marks, this.total);
    this.ui.setState({ rate });
    cancelAnimationFrame(this.frame);
    clearTimeout(this.cutTimer);
    if (rate !== 0 && this.total > 0) {
      this.lastNow = performance.now();
      this.frame = requestAnimationFrame(this.tick);
    }
    this.show(rate !== 0, true);
    this.publish();
  }

  step(frames: number): void {
    this.seek(frameStep(this.t, this.fps, frames, this.total), true);
  }

  seek(t: number, publish: boolean): void {
    this.t = Math.min(Math.max(0, t), this.total);
    this.show(this.ui.getState().rate !== 0, true);
    if (publish) this.publish();
  }

  mark(which: 'in' | 'out'): void {
    this.ui.setState({ marks: setMark(this.ui.getState().marks, which, this.t) });
  }

  clearMarks(): void {
    this.ui.setState({ marks: NO_MARKS });
  }

  private publish(): void {
    this.written = this.t;
    playheadStore(this.projectId).getState().setSeconds(this.t);
  }

  private readonly tick = (now: number) => {
    const { rate, marks } = this.ui.getState();
    if (rate === 0) return;
    const dt = Math.min(0.25, (now - this.lastNow) / 1000);
    this.lastNow = now;
    const at = locate(this.shots, this.t);
    const shot = at ? this.shots[at.index]! : null;
    const video = this.videos[this.active];
    let clock = this.t;
    // A take playing forward is the clock; otherwise the frame clock moves time on.
    if (shot?.videoUrl && rate > 0 && video && !video.paused && !video.seeking && video.readyState >= 2) {
      const end = video.ended || video.currentTime >= shot.seconds - END_EPSILON;
      clock = end ? shot.start + shot.seconds : shot.start + video.currentTime;
      // A take shorter than its shot holds its last frame while the frame clock runs on to the cut.
      if (video.ended && clock <= this.t) clock = this.t + dt * rate;
    } else {
      clock = this.t + dt * rate;
    }
    // Loop and stop handling in one place: the move since the last tick, in the shuttle's direction.
    const moved = advance(this.t, Math.abs(clock - this.t), rate > 0 ? 1 : -1, marks, this.total);
    const looped = !moved.stop && (rate > 0 ? moved.t < this.t : moved.t > this.t);
    this.t = moved.t;
    this.show(!moved.stop, looped);
    this.publish();
    if (moved.stop) {
      this.ui.setState({ rate: 0 });
      this.show(false, false);
      return;
    }
    this.frame = requestAnimationFrame(this.tick);
    this.scheduleCut(rate);
  };

  /**
   * Animation frames come late on a busy machine (and not at all in a background tab), so the cut itself
   * gets a timer: the swap happens when the shot ends, not at whichever frame comes after.
   */
  private scheduleCut(rate: number): void {
    clearTimeout(this.cutTimer);
    if (rate <= 0) return;
    const at = locate(this.shots, this.t);
    if (!at) return;
    const remaining = (this.shots[at.index]!.seconds - at.offset) / rate;
    if (remaining > CUT_LOOKAHEAD) return;
    this.cutTimer = setTimeout(
      () => {
        cancelAnimationFrame(this.frame);
        this.tick(performance.now());
      },
      Math.max(4, remaining * 1000 - 4),
    );
  }

  /** Puts the picture at `this.t` on screen: the right take at the right place, or the card. */
  private show(playing: boolean, jumped: boolean): void {
    const at = locate(this.shots, this.t);
    const rate = this.ui.getState().rate;
    if (!at) {
      this.ui.setState({ index: -1, showingVideo: false });
      for (const v of this.videos) v.pause();
      for (const a of this.speech) a.pause();
      return;
    }
    const shot = this.shots[at.index]!;
    const [a, b] = [this.videos[this.active], this.videos[1 - this.active]];
    if (!a || !b) {
      this.ui.setState({ index: at.index, showingVideo: false });
      return;
    }
    const enteredShot = this.ui.getState().index !== at.index;
    this.showSpeech(shot, at.index, at.offset, playing && rate > 0, jumped || enteredShot);
    if (shot.videoUrl) {
      let video = a;
      if (srcOf(a) !== shot.videoUrl && srcOf(b) === shot.videoUrl) {
        // The preloaded take: swap, no new load.
        this.active = 1 - this.active;
        video = b;
      } else if (srcOf(a) !== shot.videoUrl) {
        load(a, shot.videoUrl);
      }
      const other = this.videos[1 - this.active]!;
      const forward = playing && rate > 0;
      if (jumped || enteredShot || !forward || Math.abs(video.currentTime - at.offset) > SYNC_TOLERANCE) {
        if (!(forward && enteredShot && at.offset < SYNC_TOLERANCE && video.currentTime < SYNC_TOLERANCE))
          video.currentTime = at.offset;
      }
      video.playbackRate = Math.max(1, Math.abs(rate));
      video.muted = false;
      // play() rejects when a pause or a new load interrupts it, which the engine itself does at every
      // seek and cut: expected, and the next tick plays again.
      if (forward && video.paused) void video.play().catch(() => {});
      if (!forward && !video.paused) video.pause();
      video.style.visibility = 'visible';
      video.style.zIndex = '1';
      other.style.visibility = 'hidden';
      other.style.zIndex = '0';
      other.muted = true;
      if (!other.paused) other.pause();
      this.preload(other, at.index);
    } else {
      for (const v of this.videos) {
        if (!v.paused) v.pause();
        v.style.visibility = 'hidden';
      }
      this.preload(b, at.index);
    }
    if (enteredShot || this.ui.getState().showingVideo !== Boolean(shot.videoUrl))
      this.ui.setState({ index: at.index, showingVideo: Boolean(shot.videoUrl) });
  }

  /**
   * The card's sound: the shot's speech at `offset` in one audio element, playing while the film plays
   * forward; the other element (and this one, once the shot has a take) paused, with the next card's speech
   * loaded at its start. Reverse shuttle is silent, as scrubbing a card back is.
   */
  private showSpeech(shot: FilmShot, index: number, offset: number, forward: boolean, jumped: boolean): void {
    if (this.speech.length < 2) return;
    const url = shot.videoUrl ? null : shot.speechUrl;
    let audio = this.speech[this.activeSpeech]!;
    if (url && srcOf(audio) !== url) {
      const other = this.speech[1 - this.activeSpeech]!;
      if (srcOf(other) === url) {
        this.activeSpeech = 1 - this.activeSpeech;
        audio = other;
      } else load(audio, url);
    }
    const idle = this.speech[1 - this.activeSpeech]!;
    if (!idle.paused) idle.pause();
    if (!url) {
      if (!audio.paused) audio.pause();
      this.preloadSpeech(audio, index);
      return;
    }
    // Past the last line the track has ended: silence until the cut, nothing to seek.
    const ended = Number.isFinite(audio.duration) && offset >= audio.duration - END_EPSILON;
    if (!ended && (jumped || !forward || Math.abs(audio.currentTime - offset) > SYNC_TOLERANCE))
      audio.currentTime = offset;
    audio.playbackRate = Math.max(0.25, Math.abs(this.ui.getState().rate) || 1);
    // As with the takes, play() interrupted by a pause or a load rejects; the next tick plays again.
    if (forward && !ended && audio.paused) void audio.play().catch(() => {});
    if ((!forward || ended) && !audio.paused) audio.pause();
    this.preloadSpeech(idle, index);
  }

  /**
   * Loads the speech of the next card that has any (a few shots ahead, not just the next one) into the
   * idle audio element, so it is fetched (and, the first time, spoken by the studio) well before its cut
   * rather than at it.
   */
  private preloadSpeech(audio: HTMLAudioElement, index: number): void {
    const next = this.shots
      .slice(index + 1, index + 1 + SPEECH_LOOKAHEAD_SHOTS)
      .find((s) => !s.videoUrl && s.speechUrl);
    if (!next?.speechUrl) return;
    if (srcOf(audio) !== next.speechUrl) load(audio, next.speechUrl);
    else if (audio.paused && audio.currentTime !== 0 && !audio.seeking) audio.currentTime = 0;
  }

  /** Loads the next shot's take (if it has one) into the hidden video, at its first frame. */
  private preload(video: HTMLVideoElement, index: number): void {
    const next = this.shots[index + 1];
    if (!next?.videoUrl) return;
    if (srcOf(video) !== next.videoUrl) load(video, next.videoUrl);
    else if (video.paused && video.currentTime !== 0 && !video.seeking) video.currentTime = 0;
  }
}

const srcOf = (v: HTMLMediaElement) => v.dataset.src ?? '';

function load(v: HTMLMediaElement, url: string): void {
  v.dataset.src = url;
  v.src = url;
  v.preload = 'auto';
  v.load();
}
