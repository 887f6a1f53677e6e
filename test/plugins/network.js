// A web-test-runner plugin: an HTTP proxy on 127.0.0.1 in front of a real Chime server, so browser
// tests can cut the network the way readers meet it, for real, as fetch and EventSource see it.
//
//   executeServerCommand('proxy-start', { target })       → the proxy's URL (use it as endpoint=)
//   executeServerCommand('proxy-down', { url })           closes the listening socket (connections are
//                                                         refused) and cuts every open connection,
//                                                         event streams and requests in flight included
//   executeServerCommand('proxy-up', { url })             listens again, on the same port
//   executeServerCommand('proxy-hold-lists', { url })     GET /api/comments waits ...
//   executeServerCommand('proxy-hold-chunks', { url })    GET /chime-<name>-<hash>.js (the widget's chunks, from a
//                                                         server that serves them) waits too ...
//   executeServerCommand('proxy-release', { url })        ... until released
//   executeServerCommand('proxy-delay-posts', { url, ms }) POST /api/comments reaches the server ms late
//   executeServerCommand('proxy-drop-next-post-response', { url })
//                                                         the next POST /api/comments goes to the
//                                                         server, which answers in full; the proxy then
//                                                         cuts the reader's connection without a byte
//   executeServerCommand('proxy-stats', { url })          { posts, postsInFlight, dropped }: POSTs to
//                                                         /api/comments forwarded to the server;
//                                                         held: lists waiting for proxy-release
//   executeServerCommand('proxy-open', { url })           ['GET /api/events?thread=...', ...]: the
//                                                         requests whose answer is not over (held,
//                                                         in flight, event streams), until the
//                                                         reader or the server closes them
//   executeServerCommand('proxy-stop', { url })
//
// Every answer carries `Connection: close`, so the browser never reuses a connection: Chrome
// silently re-sends a request once when a reused connection dies without an answer, which would
// make "the answer was lost once" mean "lost twice or once, depending on the connection pool".
import { createServer, request as forward } from 'node:http';

class Proxy {
  sockets = new Set();
  held = null;
  holdChunks = false;
  postDelayMs = 0;
  dropNextPost = false;
  stats = { posts: 0, postsInFlight: 0, dropped: 0 };
  /** Requests whose answer is not over, as 'METHOD url'. */
  open = new Set();

  constructor(target) {
    this.target = new URL(target);
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(port = 0) {
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = this.server.address().port;
    return `http://127.0.0.1:${this.port}`;
  }

  async down() {
    if (!this.server.listening) return;
    const closed = new Promise((resolve) => this.server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async up() {
    if (!this.server.listening) await this.listen(this.port);
  }

  release() {
    for (const resume of this.held ?? []) resume();
    this.held = null;
    this.holdChunks = false;
  }

  async handle(request, response) {
    const { pathname } = new URL(request.url, 'http://proxy');
    const open = { request: `${request.method} ${request.url}` };
    this.open.add(open);
    response.on('close', () => this.open.delete(open));
    const isPost = request.method === 'POST' && pathname === '/api/comments';
    const isList = request.method === 'GET' && pathname === '/api/comments';
    const isChunk = request.method === 'GET' && /^\/chime-.+\.js$/.test(pathname);
    if ((isList || (isChunk && this.holdChunks)) && this.held) await new Promise((resume) => this.held.push(resume));
    if (isPost && this.postDelayMs) await new Promise((resume) => setTimeout(resume, this.postDelayMs));
    if (request.socket.destroyed) return;
    const drop = isPost && this.dropNextPost;
    if (drop) this.dropNextPost = false;
    if (isPost) {
      this.stats.posts++;
      this.stats.postsInFlight++;
    }
    let done = false;
    const finish = () => {
      if (isPost && !done) this.stats.postsInFlight--;
      done = true;
    };

    const upstream = forward(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: this.target.host, connection: 'close' },
        agent: false,
      },
      (answer) => {
        if (drop) {
          // The server stored the comment and answered; the reader never hears of it.
          answer.resume();
          answer.on('end', () => {
            this.stats.dropped++;
            request.socket.destroy();
            finish();
          });
          return;
        }
        const headers = { ...answer.headers, connection: 'close' };
        delete headers['keep-alive'];
        response.writeHead(answer.statusCode, answer.statusMessage, headers);
        response.flushHeaders(); // event streams: the headers now, the events as they come
        answer.pipe(response);
        answer.on('end', finish);
      },
    );
    upstream.on('error', () => {
      request.socket.destroy();
      finish();
    });
    // The reader went away (or the network went down): so does the request to the server.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
      finish();
    });
    request.pipe(upstream);
  }
}

export function networkPlugin() {
  const proxies = new Map();
  const proxy = (url) => {
    const found = proxies.get(url);
    if (!found) throw new Error(`no proxy at ${url}`);
    return found;
  };

  return {
    name: 'network',
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'proxy-start': {
          const started = new Proxy(payload.target);
          const url = await started.listen();
          proxies.set(url, started);
          return url;
        }
        case 'proxy-stop':
          proxy(payload.url).release();
          await proxy(payload.url).down();
          proxies.delete(payload.url);
          return true;
        case 'proxy-down':
          await proxy(payload.url).down();
          return true;
        case 'proxy-up':
          await proxy(payload.url).up();
          return true;
        case 'proxy-hold-lists':
          proxy(payload.url).held ??= [];
          return true;
        case 'proxy-hold-chunks':
          proxy(payload.url).held ??= [];
          proxy(payload.url).holdChunks = true;
          return true;
        case 'proxy-release':
          proxy(payload.url).release();
          return true;
        case 'proxy-delay-posts':
          proxy(payload.url).postDelayMs = payload.ms;
          return true;
        case 'proxy-drop-next-post-response':
          proxy(payload.url).dropNextPost = true;
          return true;
        case 'proxy-stats':
          return { ...proxy(payload.url).stats, held: proxy(payload.url).held?.length ?? 0 };
        case 'proxy-open':
          return [...proxy(payload.url).open].map((open) => open.request);
        default:
          return undefined;
      }
    },
    async serverStop() {
      for (const p of proxies.values()) {
        p.release();
        await p.down();
      }
      proxies.clear();
    },
  };
}
