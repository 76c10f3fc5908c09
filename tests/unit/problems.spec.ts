import { randomUUID } from 'node:crypto';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
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
    // Nest's own English texts are not shown: the status decides the German detail.
    expect(toProblem(new NotFoundException('Cannot GET /x')).body).toMatchObject({
      detail: 'Diese Adresse gibt es nicht.',
      title: 'Nicht gefunden',
      code: 'not-found',
    });
    expect(toProblem(new BadRequestException(['a', 'b'])).body.detail).toBe('Die Anfrage ist fehlerhaft.');
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

  it('words every rule in German with a stable code and the rule’s values; a DTO’s own message is kept', async () => {
    const pipe = createValidationPipe();
    const error = (await pipe
      .transform(
        {
          title: 'x'.repeat(81),
          kind: 'abteilung',
          socialSpaceId: 'nope',
          tags: [],
          startsOn: '2027-13-45',
          reason: 'ab',
          extra: 1,
          phases: [{ key: 'p', days: 0 }],
        },
        { type: 'body', metatype: Form },
      )
      .catch((e: unknown) => e)) as DomainError;
    const byPointer = Object.fromEntries(error.problems.map((p) => [p.pointer, p]));
    expect(error.message).toBe('8 Angaben sind unvollständig oder fehlerhaft.');
    expect(byPointer['/title']).toEqual({ pointer: '/title', code: 'length.max', params: { max: 80 }, message: 'Höchstens 80 Zeichen.' });
    expect(byPointer['/kind']).toEqual({
      pointer: '/kind',
      code: 'enum',
      params: { allowed: ['asd_team', 'regional_team'] },
      message: 'Bitte einen der vorgesehenen Werte wählen: asd_team, regional_team.',
    });
    expect(byPointer['/socialSpaceId']).toMatchObject({ code: 'format.uuid', message: expect.stringMatching(/^Bitte einen Eintrag/) });
    expect(byPointer['/tags']).toMatchObject({ code: 'array.min', params: { min: 1 }, message: 'Bitte mindestens einen Eintrag angeben.' });
    expect(byPointer['/startsOn']).toMatchObject({ code: 'format.date', message: 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).' });
    expect(byPointer['/reason']).toMatchObject({ code: 'format', message: 'Bitte nennen Sie den Grund in ein paar Worten.' });
    expect(byPointer['/extra']).toMatchObject({ code: 'unknown-field', message: 'Dieses Feld ist hier nicht vorgesehen.' });
    expect(byPointer['/phases/0/days']).toMatchObject({
      code: 'number.min',
      params: { min: 1 },
      message: 'Der Wert muss mindestens 1 sein.',
    });
    for (const problem of error.problems) expect(problem.message).not.toMatch(/\b(must|should|property|each value)\b/);
  });

  it('asks for a choice, without the raw values, when nothing was chosen from a list', async () => {
    const pipe = createValidationPipe();
    const error = (await pipe
      .transform(
        { title: 'x', kind: '', socialSpaceId: randomUUID(), tags: ['a'], startsOn: '2027-01-01', reason: 'Grund genug', phases: [] },
        {
          type: 'body',
          metatype: Form,
        },
      )
      .catch((e: unknown) => e)) as DomainError;
    expect(error.problems.find((p) => p.pointer === '/kind')).toEqual({
      pointer: '/kind',
      code: 'enum',
      params: { allowed: ['asd_team', 'regional_team'] },
      message: 'Bitte eine Auswahl treffen.',
    });
  });
});

class Form {
  @MaxLength(80) title: string;
  @IsIn(['asd_team', 'regional_team']) kind: string;
  @IsUUID() socialSpaceId: string;
  @IsArray() @ArrayMinSize(1) tags: string[];
  @IsDateString({ strict: true }) startsOn: string;
  @Matches(/\S{3,}/, { message: 'Bitte nennen Sie den Grund in ein paar Worten.' }) reason: string;
  @ValidateNested({ each: true }) @Type(() => Phase) phases: Phase[];
}
