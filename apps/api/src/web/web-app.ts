import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from '@sro/config';

/** Top-level paths that are not API controllers but must never fall back to the web app. */
const NON_CONTROLLER_PATHS = ['docs', 'docs-json', 'admin', 'health'];

/** A static single-page app needs nothing inline; the identity provider is the only other origin it talks to. */
export function webContentSecurityPolicy(config: AppConfig): string {
  const issuer = config.auth.mode === 'oidc' && config.auth.issuerUrl ? ` ${new URL(config.auth.issuerUrl).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${issuer}`,
    `form-action 'self'${issuer}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Serves the built web app (dist/web) at `/`: its files, and index.html for browser navigations to
 * any path that is not an API route (client-side routing). API paths, /docs, /admin/queues and
 * /health are left alone, so an unknown API path stays a problem+json 404.
 * Returns false when no build is there (the API then runs without the web app).
 */
export function mountWebApp(app: NestExpressApplication, config: AppConfig, apiPaths: string[]): boolean {
  const dir = resolve(config.web.distDir);
  const indexFile = resolve(dir, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(`No web app build at ${dir}; run npm run build to serve it at /`);
    return false;
  }
  const reserved = new Set([...NON_CONTROLLER_PATHS, ...apiPaths.map((path) => path.split('/')[1]).filter(Boolean)]);
  const csp = webContentSecurityPolicy(config);
  const index = readFileSync(indexFile);
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders(res, path) {
      res.setHeader('Content-Security-Policy', csp);
      // Vite names assets by content hash: they never change; everything else is revalidated.
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reserved.has(req.path.split('/')[1] ?? '')) return next();
    files(req, res, () => {
      if (!(req.headers.accept ?? '').includes('text/html')) return next();
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(index);
    });
  });
  return true;
}
