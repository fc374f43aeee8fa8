// Which names this studio answers to, and which pages may change it. Pure, so the rules are tested
// without a server.
//
// Why: a page on another site can reach a studio on 127.0.0.1 by DNS rebinding (its own name, re-pointed
// at 127.0.0.1, arrives with `Host: evil.example`), and any page can send a form POST (multipart needs no
// CORS preflight). Checking the Host name stops the first; checking a write's Origin stops the second.

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];
const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1', 'localhost'];

export interface HostPolicy {
  /** Lower-case host names (no port) requests may carry. */
  names: ReadonlySet<string>;
}

export interface HostPolicyInput {
  /** MINISTUDIO_PUBLIC_URL: the address people open the studio at, e.g. https://studio.example.com. */
  publicUrl: URL | null;
  /** MINISTUDIO_ALLOWED_HOSTS: further names, e.g. the service name workers use inside a compose network. */
  extraHosts: readonly string[];
}

export function hostPolicy(input: HostPolicyInput): HostPolicy {
  const names = new Set(LOOPBACK_NAMES);
  if (input.publicUrl) names.add(input.publicUrl.hostname.toLowerCase());
  for (const host of input.extraHosts) names.add(host.trim().toLowerCase());
  names.delete('');
  return { names };
}

/** The name part of a Host header: `Example.com:5170` → `example.com`, `[::1]:5170` → `[::1]`. */
export function hostName(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.split(':')[0] ?? '';
}

export function isAllowedHost(hostHeader: string | undefined, policy: HostPolicy): boolean {
  return hostHeader !== undefined && policy.names.has(hostName(hostHeader));
}

/**
 * May a browser request with these headers change anything? Requests with no Origin (curl, the CLI,
 * workers, same-origin GETs some browsers send bare) carry no ambient page and pass; a page's request must
 * come from a name the studio answers to. `Origin: null` (sandboxed frames, file://) is refused.
 */
export function isAllowedWriteOrigin(
  origin: string | undefined,
  fetchSite: string | undefined,
  policy: HostPolicy,
): boolean {
  if (fetchSite === 'cross-site') return false;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    policy.names.has(url.host ? hostName(url.host) : '')
  );
}

export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK_ADDRESSES.includes(host.toLowerCase());
}

/** Parses MINISTUDIO_PUBLIC_URL; a clear error for anything but an http(s) origin. */
export function parsePublicUrl(value: string | undefined): URL | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`MINISTUDIO_PUBLIC_URL must be a URL such as https://studio.example.com, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`MINISTUDIO_PUBLIC_URL must start with http:// or https://, got "${text}"`);
  }
  return url;
}
