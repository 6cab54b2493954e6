/** One failing input field, as reported in a validation problem. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every error the API returns is an RFC 9457 problem document (`application/problem+json`).
 * `errors` is present only for validation failures: one entry per failing field.
 */
export interface ApiProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
