// While a trim runs, the clips after the trimmed one slide with it (a ripple), drawn without React: the
// trimmed clip is marked and the track carries the offset as a CSS variable, which a sibling rule in
// styles/timeline.css turns into a transform of every later clip. Nothing re-renders per pointer move;
// the release commits one command and the new layout takes over.

const TRIMMING = 'trimming';

export function showRipple(track: HTMLElement, clip: HTMLElement, offsetPx: number): void {
  if (!(TRIMMING in clip.dataset)) clip.dataset[TRIMMING] = '';
  track.style.setProperty('--ripple-offset', `${offsetPx}px`);
}

export function clearRipple(track: HTMLElement): void {
  track.style.removeProperty('--ripple-offset');
  for (const el of track.querySelectorAll<HTMLElement>('[data-trimming]')) delete el.dataset[TRIMMING];
}
