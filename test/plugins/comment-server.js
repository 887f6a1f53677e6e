// A small comment endpoint speaking the reference server's HTTP protocol (GET/POST /comments), run
// in Node beside the test runner so tests can take it down and up for real, hold its answers, and
// lose a response through a proxy that cuts the connection after the server stored the comment.
import { createServer } from 'node:http';

function json(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(body));
}

async function readBody(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text);
}

export function commentServerPlugin() {
  const threads = new Map();
  const closed = new Set();
  const sockets = new Set();
  let posts = 0;
  let postDelayMs = 0;
  let heldLists = null;
  let dropResponses = 0;
  let server, proxy, port, proxyPort;

  const thread = (id) => threads.get(id) ?? threads.set(id, []).get(id);
  const meta = (id) => ({ id, closed: closed.has(id), count: thread(id).length });

  async function handle(request, response) {
    const url = new URL(request.url, 'http://localhost');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'GET, POST' });
      return response.end();
    }
    if (request.method === 'GET' && url.pathname === '/comments') {
      if (heldLists) await new Promise((resolve) => heldLists.push(resolve));
      const id = url.searchParams.get('thread');
      return json(response, 200, { thread: meta(id), comments: thread(id), nextCursor: null });
    }
    if (request.method === 'POST' && url.pathname === '/comments') {
      posts++;
      const input = await readBody(request);
      await new Promise((resolve) => setTimeout(resolve, postDelayMs));
      const comments = thread(input.threadId);
      const existing = comments.find((c) => c.id === input.id);
      if (existing) return json(response, 200, { comment: existing });
      if (closed.has(input.threadId)) return json(response, 403, { error: { code: 'closed', message: 'Comments are closed.' } });
      const comment = {
        id: input.id,
        threadId: input.threadId,
        parentId: input.parentId ?? null,
        number: comments.length + 1,
        author: { name: input.author.name, website: input.author.website ?? null },
        body: input.body,
        createdAt: new Date().toISOString(),
        status: 'published',
      };
      comments.push(comment);
      return json(response, 201, { comment, editToken: `token-${input.id}` });
    }
    json(response, 404, { error: { code: 'not-found', message: 'No such route.' } });
  }

  // Forwards to the server; with dropResponses, lets POSTs through and hangs up before the answer.
  function forward(request, response) {
    const upstream = fetch(`http://127.0.0.1:${port}${request.url}`, {
      method: request.method,
      headers: { 'content-type': 'application/json' },
      body: request.method === 'POST' ? request : undefined,
      duplex: 'half',
    });
    upstream.then(
      async (answer) => {
        const body = await answer.text();
        if (request.method === 'POST' && dropResponses > 0) {
          dropResponses--;
          return request.socket.destroy();
        }
        response.writeHead(answer.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' });
        response.end(body);
      },
      () => request.socket.destroy(),
    );
  }

  function listen(target, wanted = 0) {
    return new Promise((resolve) => target.listen(wanted, '127.0.0.1', () => resolve(target.address().port)));
  }

  function up() {
    if (server?.listening) return port;
    server = createServer((request, response) => void handle(request, response));
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return listen(server, port);
  }

  function down() {
    if (!server.listening) return;
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  }

  return {
    name: 'comment-server',
    async serverStart() {
      port = await up();
      proxy = createServer(forward);
      proxyPort = await listen(proxy);
    },
    async serverStop() {
      proxy.close();
      await down();
    },
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'comments-server':
          return { url: `http://127.0.0.1:${port}`, proxyUrl: `http://127.0.0.1:${proxyPort}` };
        case 'comments-server-down':
          await down();
          return true;
        case 'comments-server-up':
          await up();
          return true;
        case 'comments-stored':
          return { posts, stored: thread(payload.thread).filter((c) => !payload.id || c.id === payload.id).length };
        case 'comments-set':
          if (payload.closed !== undefined) payload.closed ? closed.add(payload.thread) : closed.delete(payload.thread);
          if (payload.postDelayMs !== undefined) postDelayMs = payload.postDelayMs;
          if (payload.dropResponses) dropResponses = payload.dropResponses;
          if (payload.holdLists) heldLists ??= [];
          if (payload.holdLists === false) {
            for (const release of heldLists ?? []) release();
            heldLists = null;
          }
          return true;
        default:
          return undefined;
      }
    },
  };
}
