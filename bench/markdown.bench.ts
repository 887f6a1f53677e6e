// Comment bodies shaped to make a Markdown parser slow, in Chromium, at 10, 20, 50 and 100 KB.
// Run with `npm run bench:markdown`; it prints figures and asserts nothing about time. Linear
// parsing shows as a time that grows about 10× from 10 KB to 100 KB (×100 would be quadratic).
// Rendering thousands of elements costs the DOM more than the parse: 20,000 Lit elements made
// without the parser take about as long as "run of *" at 100 KB.
import { render } from 'lit';
import { renderBody } from '../src/components/markdown.js';

const SIZES = [10_000, 20_000, 50_000, 100_000];

/** `unit` repeated to about n characters. */
const fill = (unit: string, n: number) => unit.repeat(Math.max(1, Math.round(n / unit.length)));

/** Backtick runs of length 1, 2, 3... up to about n characters in all. */
function growingTicks(n: number): string {
  let out = '';
  for (let k = 1; out.length < n; k++) out += '`'.repeat(k) + ' ';
  return out;
}

/** What a long but ordinary comment looks like: the 100 KB preview of a draft. */
const PROSE =
  'Thanks for the *detailed* write-up. I tried the `--force` flag and it **did** work, see [the docs](https://example.com/docs/a_(b)).\n' +
  '> You said this was fixed in 2.1\nIt was not, at least not on https://example.org/issue/42.\n\n' +
  '- first point with _emphasis_\n- second point\n1. one\n2. two\n\n```\nconst a = b * c;\n```\n\n';

const SHAPES: Record<string, (n: number) => string> = {
  'ordinary comments (a long preview)': (n) => fill(PROSE, n),
  '[ × n/2, then ](aaaa…)': (n) => `${'['.repeat(n / 2)}](${'a'.repeat(n / 2)})`,
  '[ × n/2, then ](https://x.test/aaaa…)': (n) => `${'['.repeat(n / 2)}](https://x.test/${'a'.repeat(n / 2)})`,
  'links sharing one )': (n) => `${fill('[a](http://[', n)})`,
  'unclosed links [a](': (n) => fill('[a](', n),
  'brackets and parentheses ([]()': (n) => fill('[](', n),
  'closing brackets ](': (n) => fill('](', n),
  'opening parentheses (': (n) => fill('(', n),
  'run of *': (n) => fill('*', n),
  'run of _': (n) => fill('_', n),
  'run of `': (n) => fill('`', n),
  'unclosed emphasis *a': (n) => fill('*a ', n),
  'unclosed strong **a': (n) => fill('**a ', n),
  'unclosed underscores _a': (n) => fill('_a ', n),
  'alternating *_': (n) => fill('*_', n),
  'nesting openers *a **b _c __d': (n) => fill('*a **b _c __d ', n),
  'backtick runs of growing length': growingTicks,
  'failing bare URLs http://[': (n) => fill('http://[', n),
  'bare URL, then ) × n': (n) => `http://x.test/${fill(')', n)}`,
  'bare URL, then . × n': (n) => `http://x.test/${fill('.', n)}`,
  'many bare URLs': (n) => fill('http://a.test ', n),
  'nested quotes on one line > > >': (n) => fill('> ', n),
  'nested quotes, many lines': (n) => fill('> > > > > > a\n', n),
  'many list items': (n) => fill('- a\n', n),
  'many fences': (n) => fill('```\n', n),
  'mixed punctuation': (n) => fill('*_`[](h>\n-', n),
  'spaces, then a word': (n) => `${fill(' ', n)}x`,
};

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Parse alone: the best of 5 samples, each parsing again and again for 5 ms at least (timers are coarse). */
async function parseTime(text: string): Promise<number> {
  let fastest = Infinity;
  for (let sample = 0; sample < 5; sample++) {
    const t0 = performance.now();
    let runs = 0;
    let now: number;
    do {
      renderBody(text);
      runs++;
    } while ((now = performance.now()) - t0 < 5);
    fastest = Math.min(fastest, (now - t0) / runs);
    await nextFrame(); // lets the garbage of a sample go outside the figures
  }
  return fastest;
}

/** Parse, render to the DOM and lay out, as a reader waits for it: the best of 3. */
async function renderTime(text: string): Promise<number> {
  let fastest = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    const host = document.body.appendChild(document.createElement('div'));
    const t0 = performance.now();
    render(renderBody(text), host);
    host.getBoundingClientRect();
    fastest = Math.min(fastest, performance.now() - t0);
    host.remove();
    await nextFrame();
  }
  return fastest;
}

const cell = (value: string, width: number) => value.padStart(width);

describe('Markdown: hostile shapes at 10, 20, 50 and 100 KB', function () {
  this.timeout(600_000);

  it('prints parse (and parse + render) time per shape and size', async () => {
    await renderTime(fill(PROSE, 10_000)); // warm up the JIT outside the figures
    console.log(`parse ms (parse + render ms) at ${SIZES.map((n) => `${n / 1000} KB`).join(', ')}; last column: 100 KB ÷ 10 KB`);
    for (const [name, make] of Object.entries(SHAPES)) {
      const row: string[] = [];
      const times: [number, number][] = [];
      for (const size of SIZES) {
        const text = make(size);
        const [parse, total] = [await parseTime(text), await renderTime(text)];
        row.push(cell(`${parse.toFixed(parse < 1 ? 2 : 1)} (${total.toFixed(1)})`, 18));
        times.push([parse, total]);
      }
      const growth = (k: 0 | 1) => (times[3][k] / times[0][k]).toFixed(1);
      console.log(`${name.padEnd(40)}${row.join('')}  ×${growth(0)} (×${growth(1)})`);
    }
  });
});
