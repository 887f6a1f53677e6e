import { svg } from 'lit';

/**
 * A 5×5 mirrored identicon in one SVG path, coloured and shaped by an FNV-1a hash of `seed`:
 * computed on the device, so showing avatars costs no request and leaks nothing.
 */
export function identicon(seed: string) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x1000193);
  let path = '';
  for (let bit = 0; bit < 15; bit++) {
    const x = bit % 3;
    const y = (bit / 3) | 0;
    if ((hash >>> bit) & 1) path += `M${x} ${y}h1v1h-1zM${4 - x} ${y}h1v1h-1z`;
  }
  return svg`<svg class="avatar" part="avatar" viewBox="0 0 5 5" aria-hidden="true"><path fill="hsl(${(hash >>> 15) % 360} 50% 50%)" d=${path}></path></svg>`;
}
