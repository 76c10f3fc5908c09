import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import { AppConfig, loadConfig } from '@sro/config';
import { createJsonLogger, createValidationPipe, limitJsonDepth, requestContext, sendProblem, toProblem, traceRequest } from '@sro/http';
import { ApiModule } from './api.module';
import { MetricsService } from './metrics/metrics.service';
import { mountQueueBoard } from './queue-board';
import { openApiDocument } from './openapi';
import { mountWebApp } from './web/web-app';

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  // API answers carry personal data: no browser or proxy may keep them. The web app's files set their own.
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Body-parser failures (malformed JSON, too large) happen before Nest routes; answer them here. */
function bodyParserErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const { body, headers } = toProblem(error);
  sendProblem(res, body, headers);
}

/** Builds the API application exactly as `main.ts` runs it; e2e tests use the same function. */
export async function createApiApp(config: AppConfig = loadConfig()): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    logger: createJsonLogger(config.logLevel),
  });
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // First: every later middleware, the request's log line and its workflow starts run inside its span.
  app.use(traceRequest);
  app.use(requestContext);
  app.use(app.get(MetricsService).middleware);
  app.use(securityHeaders);
  app.use(
    express.json({
      limit: config.api.bodyLimit,
      type: ['application/json', 'application/*+json'],
      strict: true,
      verify: limitJsonDepth(config.api.jsonMaxDepth),
    }),
  );
  app.use(bodyParserErrors);
  mountQueueBoard(app);
  app.useGlobalPipes(createValidationPipe());
  if (config.api.corsOrigins.length > 0) {
    app.enableCors({ origin: config.api.corsOrigins, allowedHeaders: ['authorization', 'content-type', 'x-namespace', 'x-purpose'] });
  }
  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  mountWebApp(app, config, Object.keys(document.paths));
  app.enableShutdownHooks();
  return app;
}
