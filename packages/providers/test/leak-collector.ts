// Everything adapters produced in a test file, so one assertion can prove no key leaked.

export const KEYS = {
  gemini: 'AIzaFAKE-gemini-3c9f1e7a5b2d48c0',
  runway: 'key_FAKE_runway_9b8e7d6c5a4f3e2d1c0b',
  luma: 'luma-FAKE-5e4d3c2b1a0f9e8d7c6b',
  replicate: 'r8_FAKE_replicate_0a1b2c3d4e5f6a7b',
  fal: 'fal-FAKE-id:fal-FAKE-secret-77aa88bb99cc',
  openai: 'sk-FAKE-openai-1f2e3d4c5b6a79880',
  elevenlabs: 'xi-FAKE-elevenlabs-aa11bb22cc33dd44',
  googleAccessToken: 'ya29.FAKE-google-access-token-5566778899',
};

export const collected = { lines: [] as string[], extraSecrets: [] as string[] };

export function record(text: string): void {
  collected.lines.push(text);
}

/** Records an error's message, its whole cause chain and its serialised form. */
export function recordError(error: unknown): void {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      record(`${current.name}: ${current.message}\n${current.stack ?? ''}\n${JSON.stringify(current)}`);
      current = current.cause;
    } else {
      record(String(current));
      current = undefined;
    }
  }
}

export function leakedSecrets(): string[] {
  const secrets = [
    ...Object.values(KEYS),
    ...collected.extraSecrets.flatMap((s) => s.split('\n').filter((l) => l.length > 20)),
  ];
  const all = collected.lines.join('\n');
  return secrets.filter((s) => all.includes(s));
}
