import type { Encoding } from '../service/page-cache.ts';

/** What to send a client that says Accept-Encoding: brotli, then gzip, else the plain bytes. */
export function negotiate(accept: string | undefined): Encoding {
  const accepted = new Set<string>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    if (!params.some((p) => /^q=0(\.0*)?$/.test(p))) accepted.add(name);
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : 'identity';
}
