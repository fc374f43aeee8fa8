/** JSON columns are written by this server only; a parse failure means a bug, so it throws. */
export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
