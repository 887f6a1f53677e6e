import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { renderBody } from '../../src/components/markdown.ts';

async function show(text: string): Promise<HTMLElement> {
  const el = await fixture<HTMLDivElement>(html`<div></div>`);
  render(renderBody(text), el);
  return el;
}

/** The rendered markup without Lit's marker comments, for compact assertions. */
async function markup(text: string): Promise<string> {
  return (await show(text)).innerHTML.replace(/<!--[^]*?-->/g, '');
}

/** Lit sets bound attributes after the static ones, hence href last. */
const A = (href: string) => `<a rel="nofollow ugc noopener" target="_blank" href="${href}">`;

describe('renderBody', () => {
  describe('paragraphs and line breaks', () => {
    it('splits paragraphs on blank lines and keeps single line breaks', async () => {
      expect(await markup('one\ntwo\n\nthree')).to.equal('<p>one<br>two</p><p>three</p>');
    });

    it('treats CRLF and lone CR like LF', async () => {
      expect(await markup('one\r\ntwo\r\n\r\nthree\rfour')).to.equal('<p>one<br>two</p><p>three<br>four</p>');
    });

    it('treats whitespace-only lines as blank and renders empty input as nothing', async () => {
      expect(await markup('a\n   \t\nb')).to.equal('<p>a</p><p>b</p>');
      expect(await markup('')).to.equal('');
      expect(await markup('\n\n  \n')).to.equal('');
    });
  });

  describe('emphasis and strong', () => {
    it('renders *em*, _em_ and **strong**', async () => {
      expect(await markup('*a* _b_ **c**')).to.equal('<p><em>a</em> <em>b</em> <strong>c</strong></p>');
    });

    it('nests emphasis inside strong', async () => {
      expect(await markup('**bold *and* more**')).to.equal('<p><strong>bold <em>and</em> more</strong></p>');
    });

    it('leaves unclosed emphasis as text', async () => {
      expect(await markup('*open and **never closed')).to.equal('<p>*open and **never closed</p>');
      expect(await markup('**a*')).to.equal('<p>*<em>a</em></p>');
    });

    it('needs the delimiters to touch the text', async () => {
      expect(await markup('2 * 3 * 4')).to.equal('<p>2 * 3 * 4</p>');
      expect(await markup('* not a list*')).to.equal('<ul><li>not a list*</li></ul>');
    });

    it('allows * inside words but not _', async () => {
      expect(await markup('un*believ*able')).to.equal('<p>un<em>believ</em>able</p>');
      expect(await markup('snake_case_name and __init__')).to.equal('<p>snake_case_name and <strong>init</strong></p>');
    });

    it('lets emphasis span a line break', async () => {
      expect(await markup('*a\nb*')).to.equal('<p><em>a<br>b</em></p>');
    });
  });

  describe('code', () => {
    it('renders inline code without parsing its content', async () => {
      expect(await markup('use `*x* [a](http://b.c) <b>`')).to.equal('<p>use <code>*x* [a](http://b.c) &lt;b&gt;</code></p>');
    });

    it('matches backtick runs of the same length', async () => {
      expect(await markup('``a ` b`` and `c`')).to.equal('<p><code>a ` b</code> and <code>c</code></p>');
      expect(await markup('a `` b ` c')).to.equal('<p>a `` b ` c</p>');
    });

    it('renders fenced code blocks verbatim, without the info string', async () => {
      const text = 'before\n```js\nconst a = *b*;\n\n> not a quote\n- not a list\n```\nafter';
      expect(await markup(text)).to.equal('<p>before</p><pre><code>const a = *b*;\n\n&gt; not a quote\n- not a list</code></pre><p>after</p>');
    });

    it('runs an unclosed fence to the end', async () => {
      expect(await markup('```\ncode\n\nmore')).to.equal('<pre><code>code\n\nmore</code></pre>');
    });
  });

  describe('links', () => {
    it('renders [text](url) with the safe attributes', async () => {
      expect(await markup('see [the *docs*](https://example.com/a?b=1#c)')).to.equal(
        `<p>see ${A('https://example.com/a?b=1#c')}the <em>docs</em></a></p>`,
      );
    });

    it('accepts http:, https: and mailto:', async () => {
      const el = await show('[a](http://x.test) [b](HTTPS://x.test) [c](mailto:me@x.test)');
      const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal(['http://x.test/', 'https://x.test/', 'mailto:me@x.test']);
    });

    it('renders relative and other URLs as plain text', async () => {
      for (const text of ['[a](/path)', '[a](page.html)', '[a](ftp://x.test)', '[a](javascript:x)']) {
        const el = await show(text);
        expect(el.querySelector('a'), text).to.equal(null);
        expect(el.textContent, text).to.equal(text);
      }
    });

    it('keeps one level of parentheses in the URL', async () => {
      expect(await markup('[Foo](https://w.test/Foo_(bar))')).to.equal(`<p>${A('https://w.test/Foo_(bar)')}Foo</a></p>`);
    });

    it('autolinks bare http(s) URLs and leaves trailing punctuation out', async () => {
      expect(await markup('Go to https://x.test/a_b. (or http://y.test/c)!')).to.equal(
        `<p>Go to ${A('https://x.test/a_b')}https://x.test/a_b</a>. (or ${A('http://y.test/c')}http://y.test/c</a>)!</p>`,
      );
    });

    it('keeps balanced parentheses in bare URLs', async () => {
      expect(await markup('https://w.test/Foo_(bar)')).to.equal(`<p>${A('https://w.test/Foo_(bar)')}https://w.test/Foo_(bar)</a></p>`);
    });

    it('does not autolink inside words, link text or code', async () => {
      expect(await markup('xhttp://x.test')).to.equal('<p>xhttp://x.test</p>');
      expect(await markup('[http://a.test](http://b.test)')).to.equal(`<p>${A('http://b.test/')}http://a.test</a></p>`);
      expect(await markup('`http://x.test`')).to.equal('<p><code>http://x.test</code></p>');
    });

    it('never reads `](` into a URL: of [a](b [c](d), the link is the second', async () => {
      expect(await markup('[a](https://x.test [b](https://y.test)')).to.equal(
        `<p>[a](${A('https://x.test/')}https://x.test</a> ${A('https://y.test/')}b</a></p>`,
      );
      expect(await markup('[a](x [b](https://y.test)')).to.equal(`<p>[a](x ${A('https://y.test/')}b</a></p>`);
    });

    it('links no host that browsers and Node parse differently', async () => {
      for (const text of ['[a](http://a*b.test)', '[a](http://a%20b.test)', 'http://a%20b.test']) {
        const el = await show(text);
        expect(el.querySelector('a'), text).to.equal(null);
        expect(el.textContent, text).to.equal(text);
      }
      // Chromium would take `x.test "title"` as a host: the link fails, its URL is found bare.
      expect(await markup('[a](http://x.test "title")')).to.equal(`<p>[a](${A('http://x.test/')}http://x.test</a> "title")</p>`);
    });

    it('autolinks inside emphasis', async () => {
      expect(await markup('*http://x.test*')).to.equal(`<p><em>${A('http://x.test/')}http://x.test</a></em></p>`);
    });
  });

  describe('block quotes', () => {
    it('renders a quote followed by the reply as quote then paragraph', async () => {
      expect(await markup('> you said\n> this\nand I reply')).to.equal('<blockquote><p>you said<br>this</p></blockquote><p>and I reply</p>');
    });

    it('lets a quote interrupt a paragraph', async () => {
      expect(await markup('As you said:\n> quoted')).to.equal('<p>As you said:</p><blockquote><p>quoted</p></blockquote>');
    });

    it('parses blocks inside quotes, nested quotes included', async () => {
      expect(await markup('> a\n>\n> > b\n> - c')).to.equal('<blockquote><p>a</p><blockquote><p>b</p></blockquote><ul><li>c</li></ul></blockquote>');
    });

    it('caps nesting, showing deeper markers as text', async () => {
      expect(await markup('>>>>>> deep')).to.equal(
        '<blockquote><blockquote><blockquote><blockquote><p>&gt;&gt; deep</p></blockquote></blockquote></blockquote></blockquote>',
      );
    });
  });

  describe('lists', () => {
    it('renders - and * items as one unordered list', async () => {
      expect(await markup('- a\n* **b**')).to.equal('<ul><li>a</li><li><strong>b</strong></li></ul>');
    });

    it('renders ordered lists', async () => {
      expect(await markup('1. one\n2. two\n10) ten')).to.equal('<ol><li>one</li><li>two</li><li>ten</li></ol>');
    });

    it('ends a list at a paragraph', async () => {
      expect(await markup('- a\n- b\n\nafter')).to.equal('<ul><li>a</li><li>b</li></ul><p>after</p>');
      expect(await markup('- a\nafter')).to.equal('<ul><li>a</li></ul><p>after</p>');
    });

    it('keeps blank lines between items and indented continuation lines', async () => {
      expect(await markup('- a\n  more\n\n- b')).to.equal('<ul><li>a<br>more</li><li>b</li></ul>');
    });

    it('lets a list interrupt a paragraph, but not a year at the start of a line', async () => {
      expect(await markup('Steps:\n1. do\n- this')).to.equal('<p>Steps:</p><ol><li>do</li></ol><ul><li>this</li></ul>');
      expect(await markup('Born in\n1984. Then')).to.equal('<p>Born in<br>1984. Then</p>');
    });
  });

  describe('everything else is text', () => {
    it('shows headings, tables and HTML literally', async () => {
      const text = '# h\n| a | b |\n<b onclick="x()">hi</b>';
      const el = await show(text);
      expect(el.textContent).to.equal(text.replace(/\n/g, ''));
      expect([...el.querySelectorAll('*')].map((e) => e.localName)).to.deep.equal(['p', 'br', 'br']);
    });

    it('turns an image into a link to it, never an img', async () => {
      expect(await markup('![cat](https://x.test/cat.png)')).to.equal(`<p>!${A('https://x.test/cat.png')}cat</a></p>`);
    });
  });

  describe('hostile shapes (bench/markdown.bench.ts times them) render what they say', () => {
    const k = 4_000;
    const anchors = (el: HTMLElement) => [...el.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);

    it('keeps [ × k, then ](aaaa…) as text, and links the last [ of ](https://…)', async () => {
      const relative = `${'['.repeat(k)}](${'a'.repeat(k)})`;
      const el = await show(relative);
      expect(el.querySelector('a')).to.equal(null);
      expect(el.textContent).to.equal(relative);
      const absolute = `${'['.repeat(k)}](https://x.test/${'a'.repeat(k)})`;
      expect(anchors(await show(absolute))).to.deep.equal([[`https://x.test/${'a'.repeat(k)}`, '['.repeat(k - 1)]]);
    });

    it('reads links that share one ) as text, but the last', async () => {
      const text = `${'[a](x'.repeat(k)}[b](https://x.test/)`;
      const el = await show(text);
      expect(anchors(el)).to.deep.equal([['https://x.test/', 'b']]);
      expect(el.textContent).to.equal(`${'[a](x'.repeat(k)}b`);
    });

    it('keeps unclosed links, brackets and parentheses as text', async () => {
      for (const unit of ['[a](', '[](', '](', '(', ')', '[', ']']) {
        const text = unit.repeat(k);
        const el = await show(text);
        expect(el.childElementCount, unit).to.equal(1);
        expect(el.textContent, unit).to.equal(text);
      }
    });

    it('pairs runs of * and _ into strong emphasis of one delimiter', async () => {
      for (const ch of ['*', '_']) {
        expect(await markup(ch.repeat(5 * k))).to.equal(`<p>${`<strong>${ch}</strong>`.repeat(k)}</p>`);
      }
      expect(await markup('*_'.repeat(3 * k))).to.equal(`<p>${'<em>_</em><em>*</em>'.repeat(k)}</p>`);
    });

    it('keeps unclosed emphasis and strong as text', async () => {
      for (const unit of ['*a ', '_a ', '**a ', '__a ', '*a **b _c __d ']) {
        const text = unit.repeat(k).trim();
        expect(await markup(text), unit).to.equal(`<p>${text}</p>`);
      }
    });

    it('matches backtick runs only by length, however many lengths there are', async () => {
      const growing = Array.from({ length: 200 }, (_, n) => '`'.repeat(n + 1)).join(' ');
      expect(await markup(growing)).to.equal(`<p>${growing}</p>`);
      expect(await markup(`${growing} ${'`'.repeat(200)}`)).to.equal(`<p>${growing.slice(0, -200)}<code> </code></p>`);
      expect(await markup(`a${'`'.repeat(k)}`)).to.equal(`<p>a${'`'.repeat(k)}</p>`);
    });

    it('keeps a bare URL that does not parse as text, and starts no other bare URL inside it', async () => {
      const text = 'http://['.repeat(k);
      expect(await markup(text)).to.equal(`<p>${text}</p>`);
      expect(await markup('http://a.b:http://c.test and http://d.test')).to.equal(
        `<p>http://a.b:http://c.test and ${A('http://d.test/')}http://d.test</a></p>`,
      );
    });

    it('leaves trailing punctuation out of a bare URL, however long', async () => {
      for (const ch of [')', '.', ']']) {
        const el = await show(`http://x.test/${ch.repeat(k)}`);
        expect(anchors(el), ch).to.deep.equal([['http://x.test/', 'http://x.test/']]);
        expect(el.textContent).to.equal(`http://x.test/${ch.repeat(k)}`);
      }
    });

    it('nests quotes four deep, on one line or many', async () => {
      const deep = '<blockquote>'.repeat(4);
      const end = '</blockquote>'.repeat(4);
      expect(await markup('> '.repeat(k))).to.equal(`${deep}<p>${'&gt; '.repeat(k - 4)}</p>${end}`);
      expect(await markup('> > > > > > a\n'.repeat(3))).to.equal(`${deep}<p>${'&gt; &gt; a<br>'.repeat(2)}&gt; &gt; a</p>${end}`);
    });

    it('renders many list items and fences', async () => {
      expect(await markup('- a\n'.repeat(k))).to.equal(`<ul>${'<li>a</li>'.repeat(k)}</ul>`);
      expect(await markup('```\n'.repeat(2 * k))).to.equal('<pre><code></code></pre>'.repeat(k));
    });
  });
});
