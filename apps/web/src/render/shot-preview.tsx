import type { TakeView } from '@ministudio/domain';
import { proxyUrl } from '../api/render-endpoints';
import { WaveformCanvas } from './waveform-canvas';

/** The chosen take to look at: the scrubbing proxy, its filmstrip and its sound. */
export function ShotPreview({ shotId, take }: { shotId: string; take: TakeView }) {
  return (
    <div className="shot-preview">
      {/* biome-ignore lint/a11y/useMediaCaption: the server serves no WebVTT file for a shot; its lines are in the inspector */}
      <video
        className="preview-video"
        aria-label={`Take ${take.number} preview`}
        // The proxy URL is the same for every take; the take id makes a new take load.
        src={proxyUrl(shotId, take.id)}
        poster={take.urls.poster ?? undefined}
        controls
        preload="metadata"
        playsInline
      />
      {take.urls.filmstrip && (
        <img
          className="filmstrip"
          src={take.urls.filmstrip}
          alt={`Filmstrip of take ${take.number}`}
          width={1280}
          height={90}
        />
      )}
      {take.urls.waveform && (
        <WaveformCanvas url={take.urls.waveform} label={`Sound of take ${take.number}`} />
      )}
    </div>
  );
}
