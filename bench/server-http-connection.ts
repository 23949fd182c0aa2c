// One keep-alive HTTP/1.1 connection of the load generator, over a plain socket: a request is one
// write, an answer is read by its Content-Length and parsed as JSON. node:http's client costs the
// benchmark's own process about 0.3-0.6 ms of CPU an event, on the two cores the server and
// PostgreSQL share; pgbench's clients cost next to nothing, so the load generator should too.
import { connect, type Socket } from 'node:net';

/** A JSON answer. */
export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * A connection that sends one request at a time (like a pgbench client on its connection).
 * @example
 * const connection = await openHttpConnection('http://127.0.0.1:3000');
 * const { status, body } = await connection.post('/api/cases/c1/events', '{"type":"claim","version":4}', token);
 */
export interface HttpConnection {
  post(path: string, json: string, token: string): Promise<JsonResponse>;
  close(): void;
}

const HEAD_END = Buffer.from('\r\n\r\n');

interface Pending {
  resolve: (response: JsonResponse) => void;
  reject: (error: Error) => void;
}

/** Reads one answer's status and Content-Length from its head, or says why it cannot. */
function parseHead(head: string): { status: number; length: number } {
  const status = Number(head.slice(9, 12));
  const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (!Number.isInteger(status) || status < 100) throw new Error(`not an HTTP/1.1 answer: ${JSON.stringify(head.slice(0, 80))}`);
  if (!match) throw new Error(`an answer without Content-Length (chunked answers are not read by the benchmark's client): ${JSON.stringify(head.slice(0, 200))}`);
  return { status, length: Number(match[1]) };
}

/**
 * Opens a keep-alive connection to the server (loopback, no TLS).
 * @example
 * const connection = await openHttpConnection(server.baseUrl);
 */
export async function openHttpConnection(baseUrl: string): Promise<HttpConnection> {
  const url = new URL(baseUrl);
  const socket: Socket = await new Promise((resolve, reject) => {
    const opened = connect({ host: url.hostname, port: Number(url.port), noDelay: true }, () => resolve(opened));
    opened.once('error', reject);
  });
  const host = `${url.hostname}:${url.port}`;
  let pending: Pending | undefined;
  let buffered: Buffer = Buffer.alloc(0);
  let expected: { status: number; length: number; bodyAt: number } | undefined;

  const fail = (error: Error) => {
    const waiting = pending;
    pending = undefined;
    waiting?.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the server closed the connection')));
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    try {
      if (!expected) {
        const end = buffered.indexOf(HEAD_END);
        if (end < 0) return;
        expected = { ...parseHead(buffered.toString('latin1', 0, end)), bodyAt: end + HEAD_END.length };
      }
      if (buffered.length < expected.bodyAt + expected.length) return;
      const text = buffered.toString('utf8', expected.bodyAt, expected.bodyAt + expected.length);
      const status = expected.status;
      buffered = buffered.subarray(expected.bodyAt + expected.length);
      expected = undefined;
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // keep the text: the caller reports it
      }
      const waiting = pending;
      pending = undefined;
      waiting?.resolve({ status, body });
    } catch (error) {
      socket.destroy();
      fail(error as Error);
    }
  });

  return {
    post(path, json, token) {
      if (pending) return Promise.reject(new Error('one request at a time on a connection'));
      const length = Buffer.byteLength(json);
      const request = `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nAuthorization: Bearer ${token}\r\n\r\n${json}`;
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(request);
      });
    },
    close() {
      socket.destroy();
    },
  };
}
