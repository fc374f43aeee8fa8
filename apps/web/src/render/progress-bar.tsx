import { progressReading } from './progress-reading';

const ESTIMATE_NOTE =
  'The provider reports no progress: this is the studio’s estimate from the time elapsed.';

/**
 * A thin bar; the percentage is also its accessible value. An estimate is striped, reads "≈ 40%
 * (estimate)" to a screen reader and, with `caption`, says so beside the bar too.
 */
export function ProgressBar({
  value,
  label,
  estimated = false,
  caption = true,
}: {
  value: number;
  label: string;
  estimated?: boolean;
  caption?: boolean;
}) {
  const reading = progressReading(value, estimated);
  return (
    <span className="progress-line">
      <span
        className={`progress${estimated ? ' progress-estimated' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={reading.percent}
        aria-valuetext={reading.text}
        data-estimated={estimated}
        title={estimated ? ESTIMATE_NOTE : undefined}
      >
        <span className="progress-fill" style={{ width: `${reading.percent}%` }} />
      </span>
      {estimated && caption && (
        <span className="progress-caption" title={ESTIMATE_NOTE}>
          {reading.text}
        </span>
      )}
    </span>
  );
}
