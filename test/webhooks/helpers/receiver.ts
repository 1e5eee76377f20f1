import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How the receiver answers one request: a status, never (the sender times out), or a dropped connection. */
export type Answer = number | 'hang' | 'reset';

export interface ReceivedRequest {
  headers: { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };
  contentType: string | undefined;
  body: string;
  answer: Answer;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  /** The answers to give, in order, before answering `fallback` to everything else. */
  plan(answers: readonly Answer[], fallback?: Answer): void;
  close(): Promise<void>;
}

/** A webhook endpoint on 127.0.0.1 (port 0) that records every request and answers as planned. */
export async function startReceiver(path = '/hook'): Promise<Receiver> {
  let planned: Answer[] = [];
  let fallback: Answer = 204;
  const received: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = planned.shift() ?? fallback;
      const header = (name: string) => String(req.headers[name] ?? '');
      received.push({
        headers: { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') },
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
        answer,
      });
      if (req.url !== path) res.writeHead(404).end('no such hook');
      else if (answer === 'hang') hanging.add(res);
      else if (answer === 'reset') req.socket.destroy();
      else res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 300 ? `planned failure ${answer}` : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    plan(answers, otherwise = 204) {
      planned = [...answers];
      fallback = otherwise;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `check` until it returns true; the jest timeout bounds the wait (no assertion on time). */
export async function waitUntil(check: () => Promise<boolean> | boolean, pollMs = 25): Promise<void> {
  while (!(await check())) await sleep(pollMs);
}
