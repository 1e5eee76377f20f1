import http from 'node:http';

/** What the clients saw, answer by answer class. */
export interface LoadTally {
  /** 200 answers, each with its screeningId. */
  ok: number;
  /** 503 answers that are problem+json with a Retry-After header. */
  unavailable: number;
  /** 503 answers missing the problem+json type or Retry-After (a contract breach). */
  badUnavailable: number;
  /** A connection reset or closed under a request (never acceptable while the process lives). */
  resets: number;
  /** Connections refused (the process is not listening: shut down or dead). */
  refused: number;
  /** No answer within the client's patience (a hang). */
  timeouts: number;
  /** Any other status, by status code. */
  other: Record<string, number>;
  /** The problem details of the 503s, counted (tells a database bound from the request timer). */
  unavailableDetails: Record<string, number>;
  okIds: string[];
}

export interface LoadRun {
  tally: LoadTally;
  /**
   * Resolves with the time (Date.now()) a 200 first answered a request sent at or after `since`; rejects if none
   * came within `withinMs`, or as soon as `giveUp()` says there is no point waiting (the service died).
   */
  waitForOk(since: number, withinMs: number, giveUp?: () => boolean): Promise<number>;
  /** Stops sending; resolves when every client's last request has ended. */
  stop(): Promise<LoadTally>;
}

export interface LoadOptions {
  /** Concurrent clients, each with its own keep-alive connection. */
  connections: number;
  /** A request unanswered this long counts as a timeout (a hang), far beyond any bound of the service. */
  patienceMs?: number;
  /** After a refused connection, a client waits this long before trying again. */
  refusedPauseMs?: number;
  /** Run label, put into each request's reference. */
  label: string;
}

const NAMES = ['Pak Yong Sik', 'Ткачук Сергей', 'Natalya Titova', 'Kim Chol Nam', 'Margaret Thornbury-Wells', 'OOO LocoTech-Signal'];

/** Closed-loop load on POST /v1/screen: each client sends its next request when the last one is answered. */
export function startLoad(baseUrl: string, options: LoadOptions): LoadRun {
  const url = new URL('/v1/screen', baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const patienceMs = options.patienceMs ?? 60_000;
  const tally: LoadTally = {
    ok: 0,
    unavailable: 0,
    badUnavailable: 0,
    resets: 0,
    refused: 0,
    timeouts: 0,
    other: {},
    unavailableDetails: {},
    okIds: [],
  };
  // Send and arrival time of each 200, in order of arrival.
  const okTimes: { sentAt: number; at: number }[] = [];
  let running = true;
  let sequence = 0;

  const once = (): Promise<'refused' | 'answered'> =>
    new Promise((resolve) => {
      sequence += 1;
      const body = JSON.stringify({ name: NAMES[sequence % NAMES.length], reference: `${options.label}-${sequence}` });
      const sentAt = Date.now();
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', () => {
            tally.resets += 1;
            resolve('answered');
          });
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode === 200) {
              const { screeningId } = JSON.parse(text) as { screeningId: string };
              tally.ok += 1;
              tally.okIds.push(screeningId);
              okTimes.push({ sentAt, at: Date.now() });
            } else if (res.statusCode === 503) {
              const problem = String(res.headers['content-type'] ?? '').startsWith('application/problem+json');
              if (problem && res.headers['retry-after'] !== undefined) tally.unavailable += 1;
              else tally.badUnavailable += 1;
              const detail = problem ? String((JSON.parse(text) as { detail?: unknown }).detail) : text.slice(0, 80);
              tally.unavailableDetails[detail] = (tally.unavailableDetails[detail] ?? 0) + 1;
            } else {
              const key = String(res.statusCode);
              tally.other[key] = (tally.other[key] ?? 0) + 1;
            }
            resolve('answered');
          });
        },
      );
      req.setTimeout(patienceMs, () => {
        tally.timeouts += 1;
        req.destroy(new Error('client patience exhausted'));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.message === 'client patience exhausted') resolve('answered');
        else if (error.code === 'ECONNREFUSED') {
          tally.refused += 1;
          resolve('refused');
        } else {
          tally.resets += 1;
          resolve('answered');
        }
      });
      req.end(body);
    });

  const client = async () => {
    while (running) {
      if ((await once()) === 'refused') await new Promise((r) => setTimeout(r, options.refusedPauseMs ?? 100));
    }
  };
  const clients = Array.from({ length: options.connections }, client);

  return {
    tally,
    async waitForOk(since, withinMs, giveUp) {
      const deadline = Date.now() + withinMs;
      let from = 0;
      for (;;) {
        for (; from < okTimes.length; from++) {
          const { sentAt, at } = okTimes[from]!;
          if (sentAt >= since) return at;
        }
        if (Date.now() > deadline || giveUp?.()) throw new Error(`no 200 within ${withinMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      running = false;
      await Promise.all(clients);
      agent.destroy();
      return tally;
    },
  };
}
