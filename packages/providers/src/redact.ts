// Keys must never reach logs, errors or the browser. Every string that leaves an adapter passes here.

const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of every secret with a fixed mask: as written, URL-encoded, JSON-escaped,
 * and each long line of a multi-line key on its own.
 */
export function redactSecrets(text: string, secrets: string[]): string {
  let out = text;
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    // A PEM key may be quoted with escaped newlines in JSON error bodies.
    variants.add(JSON.stringify(secret).slice(1, -1));
    for (const line of secret.split('\n')) if (line.trim().length >= 16) variants.add(line.trim());
  }
  // Longest first, so a secret containing another is masked whole.
  for (const v of [...variants].sort((a, b) => b.length - a.length)) {
    out = out.split(v).join('[redacted]');
  }
  return out;
}

/** A copy of an error's message chain, redacted, safe to attach as a cause. */
export function redactedCause(error: unknown, secrets: string[]): Error | undefined {
  if (error === undefined || error === null) return undefined;
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      const code = (current as Error & { code?: unknown }).code;
      parts.push(`${current.name}: ${current.message}${typeof code === 'string' ? ` (${code})` : ''}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return new Error(redactSecrets(parts.join(' <- '), secrets));
}
