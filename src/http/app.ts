import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppContext } from '../context';
import { errorHandler, notFoundHandler } from './problem-json';
import { opsRoutes } from './routes/ops-routes';
import { referenceRoutes } from './routes/reference-routes';
import { screeningRoutes } from './routes/screening-routes';

// A client-supplied request id is echoed only when it is short and plain, so it cannot inject into logs.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The express application: thin routes over the services in `context`. Does not listen. */
export function createApp(context: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      // Swagger UI at /docs needs inline styles and its own scripts.
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger: context.log,
      autoLogging: context.config.LOG_REQUESTS,
      genReqId: (req, res) => {
        const header = req.headers['x-request-id'];
        const id = typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
    }),
  );
  app.use(express.json({ limit: '1mb' }));
  app.use(opsRoutes(context));
  app.use(screeningRoutes(context));
  app.use(referenceRoutes(context.reference));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
