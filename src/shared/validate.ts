import type { z, ZodError } from 'zod';
import { ValidationError, type FieldProblem } from './errors';

/** Converts zod issues into `{ path, message }` entries; paths use dots (`items.3.name`). */
export function zodProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** Parses `input` with `schema` or throws a 400 problem naming every bad field (`where`: query, body, path). */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = zodProblems(result.error).map((e) => ({ ...e, path: e.path === '(root)' ? where : `${where}.${e.path}` }));
    throw new ValidationError(`invalid ${where}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
  }
  return result.data;
}
