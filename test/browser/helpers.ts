import { waitUntil } from '@open-wc/testing';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { ChimeForm } from '../../src/components/chime-form.js';
import type { ChimeThread } from '../../src/components/chime-thread.js';

export const SEED_URL = new URL('../fixtures/seed.json', import.meta.url).href;

/** The shadow root of an element, failing loudly instead of returning null. */
export function shadow(element: Element | null | undefined): ShadowRoot {
  if (!element?.shadowRoot) throw new Error(`${element?.localName ?? 'element'} has no shadow root`);
  return element.shadowRoot;
}

export function threadOf(widget: ChimeComments): ChimeThread | null {
  return shadow(widget).querySelector('chime-thread');
}

export function formOf(widget: ChimeComments): ChimeForm | null {
  return shadow(widget).querySelector('chime-form');
}

export function headingText(widget: ChimeComments): string | undefined {
  return shadow(widget).querySelector('h2')?.textContent?.trim();
}

export function renderedComments(widget: ChimeComments): HTMLLIElement[] {
  const thread = threadOf(widget);
  return thread ? [...shadow(thread).querySelectorAll<HTMLLIElement>('li.comment')] : [];
}

/** Waits until the widget has loaded a thread (its heading shows). */
export async function loaded(widget: ChimeComments): Promise<void> {
  await waitUntil(() => headingText(widget), 'the thread never loaded', { timeout: 5000 });
  await widget.updateComplete;
}

/** Types into the form the way a reader does: value, then an input event. */
export async function fill(form: ChimeForm, values: Partial<Record<'name' | 'website' | 'body', string>>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = shadow(form).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
}

export function submit(form: ChimeForm): void {
  shadow(form).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}
