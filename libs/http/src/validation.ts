import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem, toPointer } from '@sro/common';
import { failingIndices, germanProblem } from './german-validation';

/** Flattens class-validator errors into one problem per failed constraint: JSON pointer, code, params, German message. */
export function toFieldProblems(errors: ValidationError[], parent: Array<string | number> = []): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = [...parent, error.property];
    const own = Object.entries(error.constraints ?? {}).flatMap(([constraint, message]) => {
      // A rule applied to each element is named at the elements that broke it.
      const indices = failingIndices(error, constraint);
      return indices.length
        ? indices.map((index) => germanProblem(error, constraint, message, toPointer([...path, index])))
        : [germanProblem(error, constraint, message, toPointer(path))];
    });
    return [...own, ...toFieldProblems(error.children ?? [], path)];
  });
}

/** The one validation pipe of the API: whitelist, reject unknown fields, every problem listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    // The target (the DTO instance) lets the German messages read each rule's values; it never leaves the server.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const problems = toFieldProblems(errors);
      const count = new Set(problems.map((p) => p.pointer)).size;
      return DomainError.invalid(
        count === 1 ? 'Eine Angabe ist unvollständig oder fehlerhaft.' : `${count} Angaben sind unvollständig oder fehlerhaft.`,
        problems,
      );
    },
  });
}
