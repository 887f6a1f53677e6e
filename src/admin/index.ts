// The console's bundle (dist/chime-admin.js): the blog owner's elements, which readers never
// download. Built on its own (vite.admin.config.ts), so nothing of it can reach chime.js.
import { ChimeAdminBlocks } from './admin-blocks.js';
import { ChimeAdminComments } from './admin-comments.js';
import { ChimeAdminSettings } from './admin-settings.js';
import { ChimeAdminSignin } from './admin-signin.js';
import { ChimeAdminThreads } from './admin-threads.js';
import { ChimeAdminTransfer } from './admin-transfer.js';
import { ChimeAdmin } from './chime-admin.js';

export { ChimeAdmin, ChimeAdminBlocks, ChimeAdminComments, ChimeAdminSettings, ChimeAdminSignin, ChimeAdminThreads, ChimeAdminTransfer };

const elements: Record<string, CustomElementConstructor> = {
  'chime-admin': ChimeAdmin,
  'chime-admin-signin': ChimeAdminSignin,
  'chime-admin-comments': ChimeAdminComments,
  'chime-admin-threads': ChimeAdminThreads,
  'chime-admin-blocks': ChimeAdminBlocks,
  'chime-admin-settings': ChimeAdminSettings,
  'chime-admin-transfer': ChimeAdminTransfer,
};
for (const [name, element] of Object.entries(elements)) if (!customElements.get(name)) customElements.define(name, element);

declare global {
  interface HTMLElementTagNameMap {
    'chime-admin': ChimeAdmin;
    'chime-admin-signin': ChimeAdminSignin;
    'chime-admin-comments': ChimeAdminComments;
    'chime-admin-threads': ChimeAdminThreads;
    'chime-admin-blocks': ChimeAdminBlocks;
    'chime-admin-settings': ChimeAdminSettings;
    'chime-admin-transfer': ChimeAdminTransfer;
  }
}
