import { PROVIDER_SETTINGS } from '@ministudio/providers';

/** What to set for a provider: "GEMINI_API_KEY", or "A and B, or A and C" when there are alternatives. */
export function settingsToSet(provider: string): string {
  const alternatives = PROVIDER_SETTINGS[provider]?.required ?? [];
  if (alternatives.length === 0) return `the settings of "${provider}"`;
  return alternatives.map((names) => names.join(' and ')).join(', or ');
}
