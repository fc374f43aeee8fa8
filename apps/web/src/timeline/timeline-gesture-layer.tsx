import { useGesture } from './timeline-stores';

/**
 * What a pointer gesture shows while it runs: the dragged clips as ghosts following the pointer (a
 * transform, nothing written) and where they will land, the trimmed clip's new end with what it snapped
 * to, or the marquee. The only part of the track that re-renders during a gesture.
 */
export function TimelineGestureLayer({ projectId }: { projectId: string }) {
  const gesture = useGesture(projectId);
  if (!gesture) return null;
  if (gesture.kind === 'marquee') {
    const left = Math.min(gesture.x0, gesture.x1);
    return (
      <div className="timeline-gestures" aria-hidden="true">
        <div className="timeline-marquee" style={{ left, width: Math.abs(gesture.x1 - gesture.x0) }} />
      </div>
    );
  }
  if (gesture.kind === 'move') {
    return (
      <div className="timeline-gestures" aria-hidden="true">
        {gesture.ghosts.map((g) => (
          <div
            key={g.number}
            className="timeline-ghost"
            style={{ left: g.x, width: g.width, transform: `translateX(${gesture.dx}px)` }}
          >
            {g.number}
          </div>
        ))}
        {/* After the ghosts, so where they land shows even under them. */}
        {gesture.marker !== null && (
          <div className="timeline-insert-marker" style={{ left: gesture.marker }} />
        )}
      </div>
    );
  }
  return (
    <div className="timeline-gestures" aria-hidden="true">
      <div className="timeline-trim-ghost" style={{ left: gesture.x, width: gesture.width }} />
      <div className={`timeline-snap-line snap-${gesture.snap.kind}`} style={{ left: gesture.snap.x }}>
        <span className="timeline-snap-label">{gesture.snap.label}</span>
      </div>
    </div>
  );
}
