import { BadRequestException, NotFoundException } from '@nestjs/common';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DomainError, ErrorCode, toPointer } from '@sro/common';
import { createValidationPipe, toProblem } from '@sro/http';

class Phase {
  @IsString() key: string;
  @IsInt() @Min(1) days: number;
}
class Spec {
  @IsString() title: string;
  @ValidateNested({ each: true }) @Type(() => Phase) phases: Phase[];
}

describe('problem documents', () => {
  it('maps domain error codes to statuses', () => {
    expect(toProblem(DomainError.notFound('Case')).body.status).toBe(404);
    expect(toProblem(DomainError.conflict('twice')).body.status).toBe(409);
    expect(toProblem(new DomainError(ErrorCode.Forbidden, 'no')).body.status).toBe(403);
    const unavailable = toProblem(new DomainError(ErrorCode.Unavailable, 'later'));
    expect(unavailable.body.status).toBe(503);
    expect(unavailable.headers['Retry-After']).toBeDefined();
  });

  it('maps body-parser failures and HTTP exceptions', () => {
    expect(toProblem({ type: 'entity.parse.failed' }).body.status).toBe(400);
    expect(toProblem({ type: 'entity.too.large', limit: 10 }).body.status).toBe(413);
    expect(toProblem(new NotFoundException('Cannot GET /x')).body.detail).toBe('Cannot GET /x');
    expect(toProblem(new BadRequestException(['a', 'b'])).body.detail).toBe('a; b');
  });

  it('treats lost database connections as 503 with Retry-After, and hides everything else behind a plain 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toProblem(refused).body.status).toBe(503);
    const internal = toProblem(new Error('secret internals at /app/src/x.ts:12'));
    expect(internal.body.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toContain('internals');
  });

  it('escapes JSON pointer segments', () => {
    expect(toPointer(['phases', 2, 'a/b~c'])).toBe('/phases/2/a~1b~0c');
  });

  it('lists every invalid and every unknown field with a pointer', async () => {
    const pipe = createValidationPipe();
    const error = await pipe
      .transform(
        {
          title: 3,
          extra: true,
          phases: [
            { key: 'p1', days: 1 },
            { key: 'p2', days: 0 },
          ],
        },
        { type: 'body', metatype: Spec },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const pointers = (error as DomainError).problems.map((p) => p.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/title', '/extra', '/phases/1/days']));
    expect(pointers).not.toContain('/phases/0/days');
  });
});
