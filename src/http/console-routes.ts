import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import helmet from 'helmet';
import { PROJECT_ROOT } from '../config';
import { HttpError } from '../shared/errors';

/** Where `npm run build:console` writes the analyst console (scripts/build-console.mjs). */
export const CONSOLE_DIRECTORY = path.join(PROJECT_ROOT, 'dist', 'console');

// The console is its own bundle: no inline script, no other origin. Inline styles stay allowed because Cytoscape.js
// adds a one-line <style> for its container.
const consoleSecurityPolicy = helmet.contentSecurityPolicy({
  useDefaults: true,
  directives: {
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
  },
});

/**
 * GET /console: the analyst console, a static page and its bundle, served from `directory`. Mounted as middleware,
 * not as API routes: it is no operation of the API (the OpenAPI document does not list it). Before the console is
 * built, /console answers a 404 problem saying how to build it.
 */
export function consoleRoutes(directory: string = CONSOLE_DIRECTORY): Router {
  const router = Router();
  let built = false;
  const requireBuilt: RequestHandler = (_req, _res, next) => {
    built ||= fs.existsSync(path.join(directory, 'index.html'));
    if (!built) throw new HttpError(404, 'console-not-built', 'Console not built', 'the analyst console is not built: run `npm run build:console` (or `npm run build`)');
    next();
  };
  router.use(
    '/console',
    consoleSecurityPolicy,
    requireBuilt,
    express.static(directory, {
      index: 'index.html',
      redirect: true,
      dotfiles: 'ignore',
      // File names carry no hash: the browser revalidates (ETag) so a new build is picked up at once.
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
