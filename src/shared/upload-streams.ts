import { Transform, type Readable, type Writable } from 'node:stream';
import type { Hash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import type { ErrorRequestHandler } from 'express';
import { HttpError } from './errors';

export class UploadAbortedError extends HttpError {
  constructor() {
    super(400, 'request-aborted', 'Request aborted', 'the client aborted the upload before its end');
  }
}

/**
 * Pipes `source` into `target`, failing `target` when `source` fails or closes before its end. Unlike
 * `stream.pipeline`, never destroys `source`: the request stays answerable. Returns the function that detaches them.
 */
export function feed(source: Readable, target: Writable): () => void {
  const onError = (error: Error) => target.destroy(error);
  const onClose = () => {
    if (!source.readableEnded) target.destroy(new UploadAbortedError());
  };
  source.on('error', onError);
  source.on('close', onClose);
  source.pipe(target);
  return () => {
    source.off('error', onError);
    source.off('close', onClose);
    source.unpipe(target);
  };
}

/** The body as the client meant it: gunzipped when sent with Content-Encoding: gzip, and hashed as it passes. */
export function decodedBody(body: Readable, options: { gzip: boolean; hash: Hash }): Readable {
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      options.hash.update(chunk);
      done(null, chunk);
    },
  });
  if (!options.gzip) {
    feed(body, hashing);
    return hashing;
  }
  const gunzip = createGunzip();
  feed(body, gunzip);
  gunzip.on('error', (error) => hashing.destroy(new HttpError(400, 'malformed-gzip', 'Malformed gzip body', `the body is not valid gzip: ${error.message}`)));
  gunzip.pipe(hashing);
  return hashing;
}

/** Reads a stream to its end, dropping the data. */
export async function drain(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // Only the hash computed on the way matters.
  }
}

/**
 * An upload refused before its body was read (415, a bad query, a missing key) is read to its end first: Node stops
 * reading a request once its response is sent, and a client still sending a large file would never see the answer.
 */
export const drainRefusedUpload: ErrorRequestHandler = (error, req, _res, next) => {
  if (req.readableEnded) {
    next(error);
    return;
  }
  req.resume();
  finished(req).then(
    () => next(error),
    () => next(error),
  );
};
