import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem, toPointer } from '@sro/common';

/** Flattens class-validator errors into one problem per failed constraint, each with a JSON pointer. */
export function toFieldProblems(errors: ValidationError[], parent: Array<string | number> = []): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = [...parent, error.property];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      pointer: toPointer(path),
      message: constraint === 'whitelistValidation' ? `property ${error.property} is not allowed` : message,
    }));
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = toFieldProblems(errors);
      const fields = [...new Set(problems.map((p) => p.pointer))].join(', ');
      return DomainError.invalid(`The request is invalid: ${fields}`, problems);
    },
  });
}
