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

/** The answer's first word on retrying, for a reader who has a failing job right now. */
export function retryVerdict(retry: RetryPolicy): string {
  switch (retry) {
    case 'transient':
      return 'Yes, with backoff';
    case 'wait':
      return 'Not yet: wait for the limit';
    case 'reauth':
      return 'Only with a new token';
    case 'fix':
      return 'No: fix it first';
    case 'retry-once':
      return 'Once, then escalate';
  }
}

/** The concrete schedule behind each verdict; `undefined` where retrying is not the answer. */
export function retrySchedule(retry: RetryPolicy): string | undefined {
  switch (retry) {
    case 'transient':
      return 'after 1 s, 2 s, 4 s, 8 s and 16 s, each with random jitter; stop after 5 attempts and look again.';
    case 'wait':
      return 'resume when usage is back under the limit (a rolling 24-hour allocation frees up as calls age out, an hourly one at the top of the hour); check the figure before restarting.';
    case 'reauth':
      return 'get a new access token (refresh token, JWT or login), then replay the request once.';
    case 'fix':
      return undefined;
    case 'retry-once':
      return 'once after 5–10 s; if it fails again, escalate with the request ID and time.';
  }
}
