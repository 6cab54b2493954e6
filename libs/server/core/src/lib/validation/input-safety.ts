import { FieldError } from '@model-inventory/contracts';

/** Deeper than any request the API documents; deeper input is refused before anything recurses over it. */
export const MAX_INPUT_DEPTH = 32;

const NUL = '\u0000';
/** Half of a surrogate pair without its other half: not text, and what e-mail and URL validators throw on. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Structural problems no DTO rule can catch safely: nesting deep enough to exhaust the stack of the
 * recursive validators, NUL characters, which PostgreSQL refuses in text, and lone UTF-16 surrogates,
 * which are not text at all. One error per top-level
 * property of an object (a body field, a query parameter); `root` names the value itself when it is not
 * an object, e.g. a deeply nested array sent as the body, or a path parameter.
 */
export function inputSafetyErrors(value: unknown, root: string): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const problem = firstProblem(value, 0);
    return problem ? [{ field: root, message: `${root} ${problem}` }] : [];
  }
  return Object.entries(value).flatMap(([key, child]): FieldError[] => {
    if (key.includes(NUL)) return [{ field: root, message: `${root} has a property name that contains a NUL character` }];
    const problem = firstProblem(child, 1);
    return problem ? [{ field: key, message: `${key} ${problem}` }] : [];
  });
}

/** Iterative, so no input can exhaust the stack here either. */
function firstProblem(value: unknown, depth: number): string | null {
  const stack = [{ value, depth }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number };
    if (typeof item.value === 'string') {
      if (item.value.includes(NUL)) return 'must not contain NUL characters';
      if (LONE_SURROGATE.test(item.value)) return 'must be valid Unicode text (it holds half of a surrogate pair)';
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_INPUT_DEPTH) return `is nested more than ${MAX_INPUT_DEPTH} levels deep`;
    for (const [key, child] of Object.entries(item.value)) {
      if (key.includes(NUL)) return 'has a property name that contains a NUL character';
      stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return null;
}
