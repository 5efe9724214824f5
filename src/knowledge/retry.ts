import type { RetryPolicy } from './schema';

/**
 * Whether repeating the same request later, unchanged, is expected to work. This follows the
 * labelling rule in ../shared/eval/README.md: limits that reset count as transient, session
 * expiry does not (it needs a new token), and "retry once then escalate" means it depends.
 */
export function defaultTransient(retry: RetryPolicy): boolean | null {
  switch (retry) {
    case 'transient':
    case 'wait':
      return true;
    case 'reauth':
    case 'fix':
      return false;
    case 'retry-once':
      return null;
  }
}

/** One-line advice for each policy; the answer builders add the entry's own details. */
export function retryAdvice(retry: RetryPolicy): string {
  switch (retry) {
    case 'transient':
      return 'Temporary: retry with exponential backoff and jitter (for example 1 s, 2 s, 4 s, 8 s, capped at 5 attempts).';
    case 'wait':
      return 'A limit or window is exhausted: wait for it to reset before retrying; retrying at once only burns more of it.';
    case 'reauth':
      return 'Get a new session or access token, then replay the request once. Retrying with the same token will fail again.';
    case 'fix':
      return 'Not temporary: retrying the same request will fail the same way. Fix the request, data or configuration first.';
    case 'retry-once':
      return 'It depends: retry once after a short pause; if it fails again, treat it as a real fault and escalate.';
  }
}
