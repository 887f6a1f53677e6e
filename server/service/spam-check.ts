import { pathToFileURL } from 'node:url';

export type Verdict = 'ok' | 'moderate' | 'spam';

/** What the owner's module is given besides the comment (docs/admin.md, "Your own check"). */
export interface CheckContext {
  /** The client's address (as CHIME_TRUST_PROXY lets the server see it), or null. */
  ip: string | null;
  /** No earlier comment of this author was published. */
  firstTime: boolean;
  /** http(s) links in the text. */
  links: number;
  /** Milliseconds from the form being shown to its being sent (null when the client did not say). */
  fillMs: number | null;
  /** What the built-in checks decided so far ('ok' or 'moderate'; a module is not asked about spam they found), and why. */
  verdict: Verdict;
  reason: string | null;
}

/** The comment the module is given: a copy, so nothing it does changes what is stored. */
export interface CheckComment {
  id: string;
  threadId: string;
  parentId: string | null;
  author: { name: string; website: string | null; email: string | null };
  body: string;
}

type CheckFunction = (comment: CheckComment, context: CheckContext) => unknown;

const VERDICTS = new Set<unknown>(['ok', 'moderate', 'spam']);

/**
 * The owner's own check (CHIME_SPAM_CHECK): a module exporting `check(comment, context)` that
 * answers 'ok', 'moderate' or 'spam', at once or as a promise. An answer that takes longer than
 * the timeout, a throw, or anything else counts as the failure policy (CHIME_SPAM_CHECK_FAILURE)
 * and is logged: a broken module never loses a comment, nor blocks posting.
 */
export class SpamCheck {
  private loading: Promise<CheckFunction> | null = null;

  constructor(
    private readonly path: string,
    private readonly timeoutMs: number,
    private readonly failure: Verdict,
  ) {}

  load(): Promise<CheckFunction> {
    this.loading ??= import(pathToFileURL(this.path).href).then(
      (module: { check?: unknown; default?: { check?: unknown } }) => {
        const check = module.check ?? module.default?.check;
        if (typeof check !== 'function') throw new Error(`CHIME_SPAM_CHECK: ${this.path} exports no check(comment, context) function`);
        return check as CheckFunction;
      },
      (err: Error) => {
        throw new Error(`CHIME_SPAM_CHECK: cannot load ${this.path}: ${err.message}`);
      },
    );
    return this.loading;
  }

  async run(comment: CheckComment, context: CheckContext): Promise<{ verdict: Verdict; reason: string }> {
    const { id, threadId, parentId, author, body } = comment;
    let timer: NodeJS.Timeout | undefined;
    try {
      const check = await this.load();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      // A copy: whatever the module does to it changes nothing stored.
      const copy = structuredClone({ id, threadId, parentId, author: { name: author.name, website: author.website, email: author.email }, body });
      const answer = await Promise.race([Promise.resolve().then(() => check(copy, { ...context })), timeout]);
      if (!VERDICTS.has(answer)) throw new Error(`answered ${JSON.stringify(answer)}, not 'ok', 'moderate' or 'spam'`);
      return { verdict: answer as Verdict, reason: `check module: ${answer as string}` };
    } catch (err) {
      console.error(`chime: spam check failed for comment ${id} (${(err as Error).message}); counted as '${this.failure}'`);
      return { verdict: this.failure, reason: `check module failed (${(err as Error).message})` };
    } finally {
      clearTimeout(timer);
    }
  }
}
