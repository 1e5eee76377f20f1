import type { RequestHandler } from 'express';
import { MethodNotAllowedError } from './errors';

/** Terminal handler for a known path: any method not served above it is a 405 with `Allow`. */
export function allowOnly(...methods: string[]): RequestHandler {
  const allow = methods.includes('GET') && !methods.includes('HEAD') ? [...methods, 'HEAD'] : methods;
  return (req) => {
    throw new MethodNotAllowedError(req.method, req.path, allow);
  };
}
