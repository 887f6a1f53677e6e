import { waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { SeedData } from '../../src/core/types.js';
import type { ChimeComments } from '../../src/components/chime-comments.js';
import type { ChimeForm } from '../../src/components/chime-form.js';
import type { ChimeThread } from '../../src/components/chime-thread.js';
import type { CommentAdapter } from '../../src/core/adapter.js';
import { forgetAuthor } from '../../src/core/author.js';

export const SEED_URL = new URL('../fixtures/seed.json', import.meta.url).href;

/**
 * Every test starts with an empty offline cache and outbox, and a reader whose name this device
 * does not know: most tests reuse thread ids (`/t`) with a fresh memory adapter, and a saved copy
 * from the previous test would show first.
 */
beforeEach(async () => {
  forgetAuthor();
  await clearChimeDb();
});

/** Empties the widget's IndexedDB store and the saved threads' heads in localStorage: no saved threads, drafts or unsent comments. */
export async function clearChimeDb(): Promise<void> {
  for (const key of Object.keys(localStorage)) if (key.startsWith('chime:thread:') || key === 'chime:heads') localStorage.removeItem(key);
  const db = await openChimeDb();
  const clearing = db.transaction('keyval', 'readwrite');
  clearing.objectStore('keyval').clear();
  await new Promise((resolve) => (clearing.oncomplete = resolve));
  db.close();
}

/** The widget's IndexedDB database ('chime', store 'keyval'), opened from the test page. */
export async function openChimeDb(): Promise<IDBDatabase> {
  const request = indexedDB.open('chime');
  request.onupgradeneeded = () => request.result.createObjectStore('keyval');
  return new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A page of its own (an iframe on the test page), once it has loaded. */
export async function loadFrame(page: { src: string } | { srcdoc: string }): Promise<HTMLIFrameElement> {
  const frame = Object.assign(document.createElement('iframe'), page);
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}

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

/** What the live region of <chime-comments> says now, spaces collapsed. */
export function liveText(widget: ChimeComments): string {
  return shadow(widget).querySelector('[role=log]')!.textContent!.replace(/\s+/g, ' ').trim();
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
  // The form is loaded on demand: wait for it too, as a reader about to write would.
  await customElements.whenDefined('chime-form');
  await widget.updateComplete;
}

/** Types into the form the way a reader does: value, then an input event. */
export async function fill(form: ChimeForm, values: Partial<Record<'name' | 'website' | 'body', string>>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    typeInto(shadow(form).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!, value);
  }
  await form.updateComplete;
}

/** Replaces a field's text the way typing does: with an input event. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function submit(form: ChimeForm): void {
  shadow(form).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

/** A memory adapter holding one thread, `/t`, with the given comments. */
export function memoryWith(comments: SeedComment[], options: { editWindowMs?: number } = {}): MemoryAdapter {
  return new MemoryAdapter({ ...options, seed: { threads: { '/t': { comments } } } });
}

type SeedComment = SeedData['threads'][string]['comments'] extends Array<infer C> | undefined ? C : never;

/** The rendered comment with this id, wherever it is nested. */
export function commentById(widget: ChimeComments, id: string): HTMLLIElement | null {
  const thread = threadOf(widget);
  return thread ? (shadow(thread).getElementById(`comment-${id}`) as HTMLLIElement | null) : null;
}

/** A button of a comment by its visible text (its own buttons, not those of nested replies). */
export function buttonOf(comment: Element, text: string | RegExp): HTMLButtonElement | undefined {
  return [...comment.querySelectorAll<HTMLButtonElement>(':scope > article button, :scope > button')].find((b) =>
    typeof text === 'string' ? b.textContent!.trim() === text : text.test(b.textContent!),
  );
}

/** The reply form once it is open and rendered (after a Reply button was clicked). */
export async function replyForm(widget: ChimeComments): Promise<ChimeForm> {
  await waitUntil(() => shadow(widget).querySelector('chime-form[part=reply-form]'), 'no reply form');
  const form = shadow(widget).querySelector<ChimeForm>('chime-form[part=reply-form]')!;
  await form.updateComplete;
  return form;
}

/** The required methods of an adapter, passed through: spread it and replace what a test needs. */
export function delegate(adapter: CommentAdapter): CommentAdapter {
  return {
    list: (...a) => adapter.list(...a),
    getThread: (...a) => adapter.getThread(...a),
    post: (...a) => adapter.post(...a),
    edit: (...a) => adapter.edit(...a),
    remove: (...a) => adapter.remove(...a),
    counts: (...a) => adapter.counts(...a),
  };
}

/** Waits for the widget and then its thread to render what changed. */
export async function settled(widget: ChimeComments): Promise<void> {
  await widget.updateComplete;
  await threadOf(widget)?.updateComplete;
}
