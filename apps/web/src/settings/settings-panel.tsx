import {
  ANIMATIC_TEXT,
  type AnimaticText,
  ASPECT_RATIOS,
  type AspectRatio,
  FIT_MODES,
  type FitMode,
  NAMED_STYLES,
  ProjectSettings,
  SIZE_FOR_ASPECT,
} from '@ministudio/domain';
import { useId, useRef, useState } from 'react';
import { useProject } from '../api/hooks';
import { SelectField } from '../common/select-field';
import { TextField } from '../common/text-field';
import { useModalFocus } from '../common/use-modal-focus';
import { ProviderSelect } from '../render/provider-select';
import '../styles/settings.css';
import { VoiceFields } from '../voices/voice-fields';
import { currentSizeValue, fpsOptions, sizeOptions } from './frame-options';
import { SettingsChangeNotices } from './stale-warning';
import { useSettingsChange } from './use-settings-change';

const CUSTOM_STYLE = '__custom__';
const FIT_LABELS: Record<FitMode, string> = {
  letterbox: 'Letterbox (keep the whole picture)',
  crop: 'Crop (fill the frame)',
};
export const ANIMATIC_TEXT_LABELS: Record<AnimaticText, string> = {
  none: 'Nothing (subtitles come with the film)',
  dialogue: 'Dialogue',
  'dialogue-and-action': 'Dialogue and action',
};
const styleLabel = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Everything PATCH /api/projects/:id accepts, in a side panel; Escape closes it. */
export function SettingsPanel({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const project = useProject(projectId).data;
  const change = useSettingsChange(projectId);
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [customStyle, setCustomStyle] = useState(false);
  // Escape first takes back a change waiting for Apply, then closes.
  const onKeyDown = useModalFocus(panel, 'input, select, textarea', () =>
    change.pending ? change.cancel() : onClose(),
  );
  if (!project) return null;

  const { propose } = change;
  const named = (NAMED_STYLES as readonly string[]).includes(project.style) && !customStyle;
  const aspect = project.aspectRatio as AspectRatio;

  return (
    <div className="settings-backdrop">
      <div
        ref={panel}
        className="settings-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="settings-header">
          <h2 id={titleId}>Project settings</h2>
          <button type="button" className="settings-close" aria-label="Close settings" onClick={onClose}>
            ×
          </button>
        </header>

        <SettingsChangeNotices change={change} />

        <section className="settings-section" aria-label="Film">
          <TextField
            label="Title"
            value={project.title}
            schema={ProjectSettings.properties.title}
            multiline={false}
            onCommit={(title) => change.applyNow({ title }, 'Rename project')}
          />
          <div className="field-row">
            <SelectField
              label="Style"
              value={named ? project.style : CUSTOM_STYLE}
              options={[
                ...NAMED_STYLES.map((s) => ({ value: s, label: styleLabel(s) })),
                { value: CUSTOM_STYLE, label: 'Custom…' },
              ]}
              onChange={(style) => {
                // Custom opens a text box; the style changes when something is typed there.
                setCustomStyle(style === CUSTOM_STYLE);
                if (style !== CUSTOM_STYLE) propose({ style }, 'Change style');
              }}
            />
            {!named && (
              <TextField
                label="Custom style"
                value={(NAMED_STYLES as readonly string[]).includes(project.style) ? '' : project.style}
                placeholder="e.g. hand-drawn watercolour"
                schema={ProjectSettings.properties.style}
                multiline={false}
                onCommit={(style) => propose({ style }, 'Change style')}
              />
            )}
          </div>
          <TextField
            label="Negative prompt"
            value={project.negativePrompt}
            schema={ProjectSettings.properties.negativePrompt}
            multiline
            rows={2}
            placeholder="What no shot should show, e.g. text, watermarks"
            onCommit={(negativePrompt) => propose({ negativePrompt }, 'Change negative prompt')}
          />
        </section>

        <section className="settings-section" aria-label="Frame">
          <h3>Frame</h3>
          <div className="field-row">
            <SelectField
              label="Aspect ratio"
              value={aspect}
              options={ASPECT_RATIOS.map((a) => ({ value: a, label: a }))}
              onChange={(next) =>
                propose({ aspectRatio: next, ...SIZE_FOR_ASPECT[next] }, 'Change aspect ratio')
              }
            />
            <SelectField
              label="Size"
              value={currentSizeValue(project)}
              options={sizeOptions(aspect, project)}
              onChange={(value) => {
                const size = sizeOptions(aspect, project).find((o) => o.value === value)!;
                propose({ width: size.width, height: size.height }, 'Change frame size');
              }}
            />
            <SelectField
              label="Frame rate"
              value={String(project.fps)}
              options={fpsOptions(project.fps)}
              onChange={(fps) => propose({ fps: Number(fps) }, 'Change frame rate')}
            />
          </div>
          <SelectField
            label="Fit mode"
            value={project.fitMode}
            options={FIT_MODES.map((m) => ({ value: m, label: FIT_LABELS[m] }))}
            onChange={(fitMode) => propose({ fitMode }, 'Change fit mode')}
          />
          <SelectField
            label="Text on the animatic"
            value={project.animaticText}
            options={ANIMATIC_TEXT.map((m) => ({ value: m, label: ANIMATIC_TEXT_LABELS[m] }))}
            onChange={(animaticText) => propose({ animaticText }, 'Change text on the animatic')}
          />
        </section>

        <section className="settings-section" aria-label="Providers">
          <h3>Providers</h3>
          <ProviderSelect
            label="Default video provider"
            value={project.defaultProvider}
            defaultLabel={null}
            onChange={(defaultProvider) => propose({ defaultProvider }, 'Change default provider')}
          />
          <VoiceFields
            legend="Narration voice"
            voice={project.narrationVoice}
            onChange={(narrationVoice, label) => propose({ narrationVoice }, `${label} (narration)`)}
          />
        </section>
      </div>
    </div>
  );
}

/** Tab from the last control goes to the first and back: the panel is modal, the page behind waits. */
