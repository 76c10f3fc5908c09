import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from '@nestjs/common';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const logger = new Logger('Http');

/** Gives every request an id (kept from `x-request-id` when sane) and logs one line when it ends. */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  (req as Request & { id: string }).id = id;
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const user = (req as Request & { user?: { sub: string } }).user;
    // The route pattern, not the URL: query strings may carry search terms.
    logger.log({
      msg: 'request',
      requestId: id,
      method: req.method,
      route: (req.route?.path as string | undefined) ?? req.path,
      status: res.statusCode,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      user: user?.sub,
    });
  });
  next();
}
