import type { Lang } from '../i18n/lang';
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

interface PolicyText {
  /** One-line advice; the answer builders add the entry's own details. */
  readonly advice: string;
  /** The answer's first word on retrying, for a reader who has a failing job right now. */
  readonly verdict: string;
  /** The concrete schedule behind the verdict; undefined where retrying is not the answer. In
   * English it completes a sentence that begins "Retry " (the answer prints "Retry ${schedule}"). */
  readonly schedule: string | undefined;
}

const POLICY_TEXT: Readonly<Record<Lang, Readonly<Record<RetryPolicy, PolicyText>>>> = {
  en: {
    transient: {
      advice:
        'Temporary: retry with exponential backoff and jitter (for example 1 s, 2 s, 4 s, 8 s, capped at 5 attempts).',
      verdict: 'Yes, with backoff',
      schedule: 'after 1 s, 2 s, 4 s, 8 s and 16 s, each with random jitter; stop after 5 attempts and look again.',
    },
    wait: {
      advice:
        'A limit or window is exhausted: wait for it to reset before retrying; retrying at once only burns more of it.',
      verdict: 'Not yet: wait for the limit',
      schedule:
        'when usage is back under the limit (a rolling 24-hour allocation frees up as calls age out, an hourly one at the top of the hour); check the figure before restarting.',
    },
    reauth: {
      advice:
        'Get a new session or access token, then replay the request once. Retrying with the same token will fail again.',
      verdict: 'Only with a new token',
      schedule: 'with a new access token (from the refresh token, a JWT or a login), replaying the request once.',
    },
    fix: {
      advice:
        'Not temporary: retrying the same request will fail the same way. Fix the request, data or configuration first.',
      verdict: 'No: fix it first',
      schedule: undefined,
    },
    'retry-once': {
      advice: 'It depends: retry once after a short pause; if it fails again, treat it as a real fault and escalate.',
      verdict: 'Once, then escalate',
      schedule: 'once after 5–10 s; if it fails again, escalate with the request ID and time.',
    },
  },
  ja: {
    transient: {
      advice:
        '一時的なエラーです。指数バックオフとジッターを付けて再試行してください (例: 1 秒、2 秒、4 秒、8 秒、最大 5 回)。',
      verdict: 'はい (バックオフを付けて)',
      schedule:
        '1 秒、2 秒、4 秒、8 秒、16 秒後に、それぞれランダムなジッターを付けて再試行します。5 回で止めて原因を見直します。',
    },
    wait: {
      advice:
        '制限または時間枠を使い切っています。リセットを待ってから再試行してください。すぐに再試行すると残りをさらに消費するだけです。',
      verdict: 'まだです (制限の回復を待つ)',
      schedule:
        '使用量が制限を下回ってから再開します (24 時間のローリング割り当ては呼び出しが古くなるにつれて空き、1 時間単位の制限は毎時 0 分に戻ります)。再開前に数値を確認してください。',
    },
    reauth: {
      advice:
        '新しいセッションまたはアクセストークンを取得してから、リクエストを 1 回だけ再実行してください。同じトークンで再試行しても再び失敗します。',
      verdict: '新しいトークンでのみ',
      schedule:
        '新しいアクセストークン (更新トークン、JWT、ログインのいずれか) を取得してから、リクエストを 1 回再実行します。',
    },
    fix: {
      advice:
        '一時的なエラーではありません。同じリクエストを再試行しても同じように失敗します。先にリクエスト、データ、設定を修正してください。',
      verdict: 'いいえ (先に修正)',
      schedule: undefined,
    },
    'retry-once': {
      advice:
        '状況によります。少し待ってから 1 回だけ再試行し、再び失敗したら実際の障害として扱い、エスカレーションしてください。',
      verdict: '1 回だけ、その後エスカレーション',
      schedule: '5〜10 秒後に 1 回。再び失敗したら、リクエスト ID と日時を添えてエスカレーションします。',
    },
  },
};

/** One-line advice for each policy; the answer builders add the entry's own details. */
export function retryAdvice(retry: RetryPolicy, lang: Lang = 'en'): string {
  return POLICY_TEXT[lang][retry].advice;
}

/** The answer's first word on retrying, for a reader who has a failing job right now. */
export function retryVerdict(retry: RetryPolicy, lang: Lang = 'en'): string {
  return POLICY_TEXT[lang][retry].verdict;
}

/** The concrete schedule behind each verdict; `undefined` where retrying is not the answer. */
export function retrySchedule(retry: RetryPolicy, lang: Lang = 'en'): string | undefined {
  return POLICY_TEXT[lang][retry].schedule;
}
