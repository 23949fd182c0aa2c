import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook request as a test receiver got it.
 * @example
 * const hit: WebhookHit = receiver.hits[0];
 */
export interface WebhookHit {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

/**
 * A local HTTP server standing in for a webhook receiver in tests: it records every request and
 * answers `status` after `delayMs` (both can change while it runs).
 * @example
 * const receiver = await startWebhookReceiver();
 * receiver.status = 500;
 * await receiver.close();
 */
export interface WebhookReceiver {
  url: string;
  hits: WebhookHit[];
  status: number;
  delayMs: number;
  close(): Promise<void>;
}

/**
 * Starts a webhook receiver on 127.0.0.1 and a free port (for tests).
 * @example
 * const receiver = await startWebhookReceiver();
 * createOutboxWorker(deps, { webhook: { url: receiver.url, secret, timeoutMs: 2000 } });
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    hits: [],
    status: 200,
    delayMs: 0,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // A body that is not JSON is recorded as it came; the test decides what that means.
      }
      receiver.hits.push({ headers: req.headers, body, json });
      const status = receiver.status;
      setTimeout(() => res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver is down'), receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/shuoshi`;
  return receiver;
}
