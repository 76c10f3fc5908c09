import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { TokenVerifier } from '@sro/auth';
import { DomainError, ErrorCode, Role } from '@sro/common';
import { ReminderQueue } from '@sro/reminders';
import { problem, sendProblem, toProblem } from '@sro/http';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'sro_admin_token';

function tokenOf(req: Request): string | undefined {
  const bearer = req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const cookie = req
    .header('cookie')
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === COOKIE);
  return cookie?.[1];
}

/**
 * The BullMQ dashboard for admins. A browser cannot send a bearer header to a page, so a valid
 * admin token given once as `Authorization` is kept in an HttpOnly, Secure, same-site cookie for the board (browsers send
 * Secure cookies to http://localhost too, so local use keeps working). The board is read-only:
 * retrying, promoting or deleting jobs would change reminders past the audit log, so every request
 * other than GET/HEAD is a 405 problem (the reconciler and the workflows own the jobs).
 */
export function mountQueueBoard(app: NestExpressApplication): void {
  const verifier = app.get(TokenVerifier);
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(app.get(ReminderQueue).queue, { readOnlyMode: true })], serverAdapter: board });
  app.use(QUEUE_BOARD_PATH, async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(res, problem(405, 'method-not-allowed', 'Das Warteschlangen-Dashboard ist schreibgeschützt.'), { Allow: 'GET, HEAD' });
      return;
    }
    try {
      const token = tokenOf(req);
      if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'Bitte melden Sie sich an (es fehlt ein Zugangstoken).');
      const user = await verifier.verify(token);
      if (!user.roles.includes(Role.Admin))
        throw new DomainError(ErrorCode.Forbidden, 'Die Übersicht der Warteschlangen ist nur für die Administration.');
      if (req.header('authorization')) {
        res.setHeader('Set-Cookie', `${COOKIE}=${token}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=3600; Secure`);
      }
      next();
    } catch (error) {
      const { body, headers } = toProblem(error);
      sendProblem(res, body, headers);
    }
  });
  app.use(QUEUE_BOARD_PATH, board.getRouter());
}
