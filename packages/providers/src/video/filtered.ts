/** Providers word safety refusals differently; these are the phrases they use (and nothing retries them). */
export function looksContentFiltered(text: string): boolean {
  return /safety|moderation|nsfw|content[ _-]?(policy|filter)|sensitive|flagged|blocked|prohibited|responsible ai/i.test(
    text,
  );
}
