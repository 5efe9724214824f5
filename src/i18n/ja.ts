import type { Messages } from './en';

/**
 * Every sentence the bot says, in Japanese. The type is the English catalogue's, so a missing key
 * is a compile error. Slack formats `*bold*` only with a space or ASCII punctuation on both
 * sides, so bold text here always has spaces around it (test/i18n checks it). Codes, limit names,
 * Salesforce's own message texts and quoted Setup labels stay as Salesforce writes them; Setup
 * paths are given with the Japanese UI label and the English one in parentheses.
 */
export const ja: Messages = {
  common: {
    cancel: 'キャンセル',
    save: '保存',
    done: '閉じる',
    somethingWentWrong: 'こちら側で問題が発生し、処理を完了できませんでした。少し待ってからもう一度お試しください。',
    notAllowed: 'この操作を許可されたユーザーの一覧に含まれていません。このアプリの管理者に依頼してください。',
    notChannelMember: 'チャンネルの設定を変更できるのは、そのチャンネルのメンバーだけです。',
    storageTrouble:
      ':warning: 現在データベースを利用できないため、この貼り付けは保存されていません。復旧するまで下のボタンが動作しないことがあります。',
    number: (n: number) => n.toLocaleString('ja-JP'),
    interval: (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} 分` : `${seconds} 秒`),
  },

  chat: {
    secretWarning: (kinds: string) =>
      `:warning: このメッセージには認証情報と思われるもの (${kinds}) が含まれています。メッセージを削除してから、その認証情報を無効化・再発行してください。このチャンネルの誰かがすでにコピーしている可能性があります。私はそれを繰り返したり保存したりしません。`,
    secretKinds: {
      password: 'パスワード',
      'client-secret': 'クライアントシークレット',
      'security-token': 'セキュリティトークン',
      'refresh-token': '更新トークン',
      'access-token': 'アクセストークン',
      'session-id': 'セッション ID',
      'authorization-header': 'Authorization ヘッダー',
      jwt: 'JWT',
      'private-key': '秘密鍵',
      'slack-token': 'Slack トークン',
    },
    cooldownPointer: (link: string, code: string) =>
      `少し前にここで回答したものと同じエラーです (\`${code}\`): ${link} 。チャンネルを静かに保つため、回答全体は繰り返しません。`,
    cooldownPointerToPaste: (link: string, code: string) =>
      `少し前にここに貼り付けられたものと同じエラーです (\`${code}\`): ${link} 。回答はそのメッセージのスレッドにあります。チャンネルを静かに保つため、繰り返しません。`,
    notAnError:
      'このメッセージからは Salesforce API のエラーを認識できませんでした。エラーであれば、レスポンスボディ全体、SOAP フォールト、またはスタックトレースを (認証情報を伏せて) 貼り付けてください。もう一度確認します。',
    mentionHelp:
      'スレッドで私をメンションすると、そのスレッドの最初のメッセージを診断します。私が参加しているチャンネルにエラーを貼り付けるか、任意のメッセージでメッセージショートカット *Diagnose this error* (エラーを診断) を使ってください。 `/sflimits` で連携中の組織の制限を確認できます。',
    postedToThread: 'スレッドに診断を投稿しました。',
    notInChannel:
      '私はそのチャンネルのメンバーではありません。 `/invite @Salesforce API Assistant` で招待してから、もう一度お試しください。',
    credentialInMessage:
      ':warning: このメッセージには認証情報が含まれています。投稿者にメッセージの削除と、認証情報の無効化・再発行を依頼してください。',
    pasteExpired:
      'この回答は古いため、このボタンは使えません。メッセージでもう一度 *Diagnose this error* (エラーを診断) を実行してください。',
    feedbackThanks: (vote: 'up' | 'down') =>
      vote === 'up'
        ? 'ありがとうございます。この回答が役に立ったことを記録しました。'
        : 'ありがとうございます。この回答が役に立たなかったことを記録しました。 *Salesforce サポートにエスカレーション* を使うと、サポートが必要とする情報を一度にまとめられます。',
    threadParentUnavailable:
      '現在、このスレッドの最初のメッセージを読み取れません (Slack はアプリが履歴を読める頻度を制限しています)。そのメッセージで *Diagnose this error* (エラーを診断) ショートカット (⋮ → Diagnose this error) を使うか、ここにエラーを貼り付けて私をメンションしてください。',
  },

  answer: {
    httpStatus: (status: number) => `(HTTP ${status})`,
    saysHeading: '*この貼り付けの内容*',
    fields: (list: string) => `*項目:* ${list}`,
    object: (name: string) => `*オブジェクト:* ${name}`,
    record: (id: string) => `*レコード:* ${id}`,
    queryAt: (where: string) => `*クエリ内の位置:* ${where}`,
    queryRowColumn: (row: number, column: number) => `${row} 行目 ${column} 列目`,
    queryToken: (token: string) => `\`${token}\` の箇所`,
    apexTrigger: (trigger: string, event: string | undefined) =>
      `*トリガー:* \`${trigger}\`${event === undefined ? '' : ` (${event})`}`,
    apexFrame: (frame: string) => `*行:* \`${frame}\``,
    innerCause: (code: string, message: string | undefined) =>
      `*内部の原因:* \`${code}\`${message === undefined ? '' : ` — ${message}`}`,
    wrappedIn: (code: string) => `*報告元のエラー:* \`${code}\``,
    apiUsageHeader: (used: string, max: string, percent: string) =>
      `*Sforce-Limit-Info:* 1 日の API リクエスト ${max} 件中 ${used} 件を使用 (${percent} %)`,
    failedRows: (n: number) => `*失敗した行:* ${n} 件`,
    toDoHeading: '*対処方法*',
    retry: (verdict: string, detail: string) => `*再試行:* ${verdict}。${detail}`,
    retryOwn: (advice: string) => `*再試行:* ${advice}`,
    retrySchedule: (schedule: string) => `再試行のタイミング: ${schedule}`,
    meaningHeading: '*エラーの意味*',
    undocumented: '_Salesforce はこのコードについてこれ以上説明していません。_',
    causesHeading: '*考えられる原因*',
    fixesHeading: '*解決につながる対処すべて*',
    limitHeading: '*制限*',
    docsHeading: '*ドキュメント (英語)*',
    othersHeading: 'この貼り付けに含まれる他のエラー:',
    alternativesHeading: '*その他の候補*',
    request: (request: string) => `リクエスト: ${request}`,
    apiVersion: (version: string) => `API v${version}`,
    requestIds: (ids: string) => `リクエスト ID: ${ids}`,
    bulkJobs: (ids: string) => `Bulk ジョブ/バッチ: ${ids}`,
    org: (id: string) => `組織 ${id}`,
    instance: (name: string) => `インスタンス ${name}`,
    clientTool: (name: string) => `経由: ${name}`,
    moreDetail: '詳細を表示',
    lessDetail: '閉じる',
    escalate: 'Salesforce サポートにエスカレーション',
    escalateAnyway: 'エスカレーションする (先に修正を求められます)',
    escalateSecondary:
      'エスカレーションについて: このエラーの原因はリクエスト、データ、設定、または認証情報にあるため、Salesforce サポートからはまずその修正を求められます。上の対処が当てはまらない場合や、対処してもエラーが続く場合にエスカレーションしてください。',
    postInThread: 'スレッドに投稿',
    checkLimits: '組織の制限を確認',
    helpful: '👍 役に立った',
    notHelpful: '👎 役に立たなかった',
    fallback: (code: string, title: string, more: number, said: string | undefined, retry: string) =>
      `${code}: ${title}${more > 0 ? ` (ほか ${more} 件)` : ''}。${said === undefined ? '' : `「${said}」`} 再試行: ${retry}`,
  },

  cli: {
    notRecognised: (confidence: string) => `Salesforce API のエラーは認識されませんでした (確信度 ${confidence})。`,
    closest: (code: string, confidence: string) => `しきい値未満で最も近い候補: ${code} (${confidence})`,
    withheld: (code: string) =>
      `${code} が含まれていますが、エラーが起きたという報告ではなく説明の文章と判断したため、チャンネルでは返信しません。ボットをメンションするか *Diagnose this error* (エラーを診断) を使うと説明を表示します。`,
    retry: (text: string) => `再試行: ${text}`,
    retrySchedule: (verdict: string, schedule: string) => `再試行: ${verdict}。タイミング: ${schedule}`,
    retryVerdict: (verdict: string, advice: string) => `再試行: ${verdict}。${advice}`,
    whatToDo: '対処方法:',
    seenVia: (surface: string) => `経路: ${surface} · `,
    confidence: (value: string) => `確信度 ${value}`,
    meaning: (text: string) => `意味: ${text}`,
    limit: (text: string) => `制限: ${text}`,
    causes: '考えられる原因:',
    fixes: '解決につながる対処すべて:',
    documentation: 'ドキュメント (英語):',
    others: (list: string) => `この貼り付けに含まれる他のエラー: ${list}`,
    context: 'コンテキスト:',
    secrets: (count: number, kinds: string) =>
      `認証情報が見つかったため伏せました: ${count} 件 (${kinds})。貼り付けられた認証情報は漏えいしたものとして、無効化・再発行してください。`,
    said: (message: string) => `Salesforce のメッセージ: "${message}"`,
    fields: (list: string) => `項目: ${list}`,
    object: (name: string) => `オブジェクト: ${name}`,
    record: (id: string) => `レコード: ${id}`,
    failedRows: (n: number) => `失敗した行: ${n} 件`,
    queryAt: (where: string) => `クエリ内の位置: ${where}`,
    rowColumn: (row: number, column: number) => `${row} 行目 ${column} 列目`,
    token: (token: string) => `${token} の箇所`,
    trigger: (name: string, event: string | undefined) =>
      `トリガー: ${name}${event === undefined ? '' : ` (${event})`}`,
    line: (frame: string) => `行: ${frame}`,
    innerCause: (code: string, message: string | undefined) =>
      `内部の原因: ${code}${message === undefined ? '' : ` — ${message}`}`,
    reportedInside: (code: string) => `報告元のエラー: ${code}`,
    limitInfo: (used: number, max: number, percent: string) =>
      `Sforce-Limit-Info: 1 日の API リクエスト ${max} 件中 ${used} 件を使用 (${percent} %)`,
    apiFamily: (name: string) => `API の種類: ${name}`,
    httpStatus: (status: number) => `HTTP ステータス: ${status}`,
    request: (request: string) => `リクエスト: ${request}`,
    apiVersion: (version: string) => `API バージョン: ${version}`,
    orgId: (id: string) => `組織 ID: ${id}`,
    username: (name: string) => `ユーザー名: ${name}`,
    instance: (name: string) => `インスタンス: ${name}`,
    timestamps: (list: string) => `日時: ${list}`,
    requestIds: (list: string) => `リクエスト/エラー ID: ${list}`,
    bulkJobs: (list: string) => `Bulk ジョブ/バッチ ID: ${list}`,
    clientTool: (name: string) => `クライアントツール: ${name}`,
  },

  liveLimits: {
    pending: (org: string) =>
      `:hourglass_flowing_sand: どの制限かを判断するため、 \`${org}\` の現在の制限を確認しています…`,
    atLimit: (key: string, percent: string, used: string, max: string, reset: string) =>
      `:bar_chart: *${key}* は ${percent} % です (${max} 中 ${used}): ${reset}`,
    reset: {
      'rolling-24h':
        '24 時間のローリング割り当てです。呼び出しが古くなるにつれて空きが出るので、今すぐ再試行しても再び失敗するだけです。',
      hourly: '1 時間単位の割り当てです。毎時 0 分に空きます。',
      monthly: '月単位の権利です。翌月の初めにリセットされます。',
      concurrent: '同時実行の制限です。実行中のリクエストが終わるにつれて空きます。',
      storage: 'ストレージが一杯です。データを削除するかストレージを追加購入するまで、再試行しても解決しません。',
    },
    concurrency: (percent: string, used: string, max: string) =>
      `:bar_chart: 1 日の使用量は ${percent} % (DailyApiRequests ${max} 中 ${used}) なので、これは長時間実行リクエストの同時実行制限 (20 秒以上かかるリクエストの同時実行数) です。バックオフして再試行し、時間のかかる呼び出しの並列数を減らしてください。`,
    below: (key: string, percent: string, used: string, max: string) =>
      `:bar_chart: *${key}* は現在 ${percent} % です (${max} 中 ${used})。/limits の数値はエラーから数分遅れることがあります。`,
    refused: (org: string) =>
      `:bar_chart: \`${org}\` の制限の確認さえ REQUEST_LIMIT_EXCEEDED で拒否されました。組織の 1 日の API 割り当てを今まさに使い切っています。呼び出しが 24 時間のローリング期間から外れるにつれて空きます。使用しているユーザーは 設定 → システムの概要 (System Overview) で確認できます。`,
    failed: (org: string) => `現在 \`${org}\` の制限を読み取れませんでした。 \`/sflimits\` で確認できます。`,
    noOrg:
      'どの制限でしょうか。メッセージ全体で判断できます。"TotalRequests Limit exceeded" は 24 時間のローリング割り当てです (呼び出しが古くなるまで待ちます)。"ConcurrentRequests" や "ConcurrentPerOrgLongTxn" は、20 秒以上かかるリクエストの同時実行数の上限です (バックオフして再試行します)。Connect API は 1 時間あたりのユーザー単位の制限を名指しします。メッセージがない場合は、 設定 → システムの概要 (System Overview) で DailyApiRequests を確認してください。100 % 近くなら割り当ての超過です。',
  },

  limits: {
    noOrgLinked: 'このアプリには Salesforce 組織が連携されていません。',
    noOrgLinkedFix:
      '管理者が SF_INSTANCE_URL と SF_ACCESS_TOKEN、または OAuth のいずれかの方式 (JWT ベアラーを推奨) で連携できます。README を参照してください。',
    noOrgForButton: 'このアプリには Salesforce 組織が連携されていないため、制限を読み取れません。',
    snapshotGone: 'そのスナップショットはもうありません。もう一度 /sflimits を実行してください。',
    checking: (org: string) => `:hourglass_flowing_sand: \`${org}\` の制限を確認しています…`,
    titleCompact: (org: string) =>
      `*\`${org}\` の制限* — API 連携に関係するもの (すべてのキーは \`/sflimits ${org} all\`)`,
    titleAll: (org: string) => `*\`${org}\` のすべての制限*`,
    titleFilter: (org: string, filter: string) => `*\`${org}\` の制限 ("${filter}" に一致)*`,
    cachedAgo: (seconds: number) => ` (${seconds} 秒前にキャッシュ)`,
    snapshotLag: (stamp: string, age: string) =>
      `スナップショット ${stamp}${age}。Salesforce はこれらの数値を非同期に更新するため、最大 5 分ほど遅れることがあります。`,
    headerFigure: (used: string, limit: string, percent: string) =>
      `*直近 24 時間の API リクエスト (Sforce-Limit-Info ヘッダー):* ${used} / ${limit}${percent}。この数値はすべての API レスポンスに付いてくるため、 \`DailyApiRequests\` より新しい値です。`,
    noMatch: 'そのフィルターに一致する制限名はありません。',
    noLimits: 'Salesforce から制限が返されませんでした。',
    notInApi:
      'API では確認できないもの: 月単位の API 権利 ( *設定 → 組織情報 (Company Information)* の "API Request Limit per Month") と、アプリケーションごとの内訳 ( *設定 → システムの概要 (System Overview) → API 使用状況* 、またはレポート「過去7日間のAPI使用状況」("API Usage Last 7 Days"))。',
    share: 'チャンネルで共有',
    rowNotAvailable: (name: string) => `${name} この組織では使用できません (Max 0)`,
    rowUnlimited: (name: string) => `${name} 無制限`,
    rowOver: (name: string, over: string, used: string, max: string, percent: string) =>
      `${name} *${over} 超過* : ${max} 中 ${used} を使用 (${percent}%)`,
    rowUsed: (name: string, used: string, max: string, percent: string, left: string) =>
      `${name} ${used} / ${max} 使用 (${percent}%) · 残り ${left}`,
    fallback: (org: string, worst: string | undefined) => `${org} の制限${worst === undefined ? '' : `: ${worst}`}`,
  },

  limitsProblem: {
    unknownOrg: (org: string) => `"${org}" という名前の組織は設定されていません。`,
    unknownOrgFix: (orgs: string) => `設定されている組織: ${orgs}。使い方: /sflimits [org] [filter|all] [refresh]`,
    unexpected: '制限の確認が予期せず失敗しました。',
    unexpectedFix: '少し待ってからもう一度お試しください。失敗が続く場合は、管理者がボットのログを確認できます。',
    timeout: 'Salesforce から時間内に応答がありませんでした。',
    timeoutFix:
      '少し待ってから `/sflimits refresh` で再試行し、組織のインスタンスの状態を https://status.salesforce.com で確認してください。',
    network: 'ボットから組織に接続できませんでした。',
    networkFix:
      'ボットの設定にある組織の URL (SF_INSTANCE_URL / SF_LOGIN_URL)、DNS、ボットと Salesforce の間のプロキシを確認してください。',
    serverError: (status: number) => `再試行しても Salesforce は HTTP ${status} を返しました。`,
    serverErrorFix:
      'Salesforce 側の問題で、通常は一時的なものです。数分後にもう一度試し、https://status.salesforce.com を確認してください。',
    httpError: (status: number) => `Salesforce は HTTP ${status} を返しました。`,
    httpErrorFix: 'ボットの設定にある組織の URL と SF_API_VERSION を確認してください。',
    authFailed: (code: string | undefined, title: string | undefined) =>
      `組織にログインできませんでした${code ? ` (${code}${title ? `: ${title}` : ''})` : ''}。`,
    authFix: 'ボットの設定にある組織の認証情報 (SF_* 変数) を確認してください。',
    noPermission: (codeAndTitle: string) => `Salesforce が制限の表示を拒否しました (${codeAndTitle})。`,
    noPermissionFix:
      '連携ユーザーには「API の有効化」("API Enabled") と「設定・定義を参照する」("View Setup and Configuration") の権限が必要です (ストレージの制限には「ユーザーの管理」("Manage Users") も必要です)。権限セットで付与してから、もう一度お試しください。',
    requestLimit: (title: string) => `Salesforce が呼び出しを拒否しました: REQUEST_LIMIT_EXCEEDED${title}。`,
    requestLimitFix:
      '組織の API 割り当て (または同時実行の制限) を使い切っているため、/limits さえ拒否されます。使用量が期間外になるのを待ってください。使用しているユーザーは 設定 → システムの概要 (System Overview) で確認できます。',
    invalidSession: 'セッションが無効で、新しいセッションでも解決しませんでした (INVALID_SESSION_ID)。',
    invalidSessionFix:
      '設定されたアクセストークンが期限切れか取り消されています。組織の認証情報 (SF_ACCESS_TOKEN、または OAuth の設定) を更新してください。',
    notFound: 'Salesforce によると、limits リソースが存在しません (NOT_FOUND)。',
    notFoundFix: 'SF_API_VERSION を確認してください。組織がそのバージョンにまだ対応していない可能性があります。',
    refused: (codeAndTitle: string | undefined) =>
      `Salesforce が呼び出しを拒否しました${codeAndTitle === undefined ? '' : `: ${codeAndTitle}`}。`,
    refusedFix: '時間をおいて再試行してください。続く場合は、エラーコードを添えてエスカレーションしてください。',
    refreshLimited: (seconds: number) =>
      `組織の API 割り当てを守るため、 \`refresh\` は 1 人 ${seconds} 秒に 1 回までです。キャッシュ済みのスナップショットを表示しています。`,
  },

  watch: {
    levels: {
      projected: '期限内に使い切る見込み',
      warning: '警告レベル',
      critical: '危険レベル',
      exhausted: '上限到達',
    },
    worseState: {
      projected: '期限内に使い切る見込み',
      warning: '警告レベル',
      critical: '危険レベル',
      exhausted: '上限到達',
    },
    usage: (used: string, max: string, left: string) => `${max} 中 ${used} を使用、残り ${left}`,
    opened: (limit: string, org: string, percent: string, level: string) =>
      `${org} の ${limit} が ${percent} です: ${level}。`,
    openedHeadline: (limit: string, org: string, percent: string, level: string, usage: string) =>
      `\`${org}\` の *${limit}* が *${percent}* です: ${level} (${usage})。`,
    projected: (limit: string, org: string, inAbout: string) =>
      `${org} の ${limit} は ${inAbout}で使い切る見込みです。`,
    projectedHeadline: (limit: string, org: string, percent: string, inAbout: string, usage: string) =>
      `\`${org}\` の *${limit}* は *${percent}* で、 ${inAbout}で使い切る見込みです (${usage})。`,
    projection: (limit: string, inAbout: string, when: string) =>
      `このペースでは ${limit} は ${inAbout}、${when} ごろに使い切ります。`,
    confidenceLevels: { low: '低', medium: '中', high: '高' },
    confidence: (confidence: string, samples: number, span: string) =>
      `確度: ${confidence} (${span}の ${samples} 件のスナップショットから)。24 時間のローリング期間から外れていく呼び出しは考慮しないため、早めに予測します。`,
    worse: (limit: string, state: string, percent: string) => `悪化: ${limit} は ${state} になりました (${percent})。`,
    backUnder: (limit: string, percent: string) =>
      `${limit} は ${percent} でしきい値を下回りました。次の確認でも下回っていれば解決とします。`,
    backUnderHeadline: (limit: string, org: string, text: string, usage: string) =>
      `\`${org}\` の *${limit}* : ${text} (${usage})`,
    resolved: (limit: string, org: string, percent: string, peak: string) =>
      `解決: ${org} の ${limit} は ${percent} でしきい値を下回りました (最悪時: ${peak})。`,
    acknowledged: (user: string, when: string) => `<@${user}> が ${when} に確認しました。`,
    snoozed: (user: string, until: string) =>
      `<@${user}> が ${until} までスヌーズしました。それまでスレッドへの返信はしません。`,
    muted: (user: string) =>
      `<@${user}> がこのチャンネルでミュートしました。App Home で誰かがミュートを解除するまで、ここではこの制限のアラートを出しません。`,
    footer: (interval: string, warn: number, critical: number, snapshot: string) =>
      `${interval}ごとに確認 · しきい値 ${warn} % と ${critical} % · Salesforce の数値は 5 分ほど遅れることがあります。スナップショット ${snapshot}。`,
    gone: 'このアラートはもうデータベースにないため、ボタンで変更できません。',
    acknowledge: '確認済みにする',
    snooze: 'スヌーズ',
    snooze1h: '1 時間スヌーズ',
    snooze4h: '4 時間スヌーズ',
    snoozeTomorrow: '明日 08:00 までスヌーズ',
    mute: 'この制限をミュート',
    muteConfirmTitle: 'この制限をミュートしますか?',
    muteConfirm: (limit: string, org: string) =>
      `App Home で誰かがミュートを解除するまで、このチャンネルでは ${org} の ${limit} のアラートを出しません。`,
    muteConfirmButton: 'ミュート',
    who: '誰が使っていますか?',
    lessThanAMinute: '1 分以内',
    aboutMinutes: (m: number) => `約 ${m} 分`,
    aboutHours: (h: number) => `約 ${h} 時間`,
    aboutHoursMinutes: (h: number, m: number) => `約 ${h} 時間 ${m} 分`,
    aboutDays: (d: number) => `約 ${d} 日`,
    spanMinutes: (m: number) => `${m} 分間`,
    spanHours: (h: number, m: number) => (m === 0 ? `${h} 時間` : `${h} 時間 ${m} 分間`),
  },

  trend: {
    usage: '使い方: `/sflimits trend [org] [limit] [24h|7d]` 例: `/sflimits trend DailyApiRequests 7d`',
    working: (limit: string, org: string) => `:hourglass_flowing_sand: ${org} の ${limit} の推移を描いています…`,
    tooFew: (limit: string, org: string, count: number) =>
      `${org} の ${limit} の推移を描くには、まだ履歴が足りません (その期間のスナップショットは ${count} 件)。スナップショットは /sflimits のたびに、また制限の監視が有効なら間隔ごとに保存されます。`,
    unknownLimit: (limit: string, org: string) =>
      `${org} の保存済みスナップショットに ${limit} という制限はありません。DailyApiRequests を試すか、 /sflimits ${org} all ですべての名前を確認してください。`,
    posted: (limit: string) => `このチャンネルに ${limit} の推移を投稿しました。`,
    notInChannel:
      'ここにはグラフを投稿できません。先にこのチャンネルに私を招待 (/invite) してから、もう一度お試しください。',
    uploadFailed: (reason: string) => `Slack がグラフのアップロードを拒否しました (${reason})。`,
    comment: (limit: string, org: string, window: string, note: string) =>
      `${org} の ${limit} の推移 (直近 ${window}): ${note}`,
    noProjection: '予測なし (増加していないか、履歴が少なすぎます)',
    projection: (inAbout: string, when: string, confidence: string) =>
      `このペースでは ${inAbout}、${when} ごろに使い切ります (確度 ${confidence})`,
    unknownOrg: (org: string) => `"${org}" という名前の組織は設定されていません。`,
  },

  who: {
    title: (org: string) => `${org} の API 使用量上位`,
    yesterday: (date: string) => `昨日 (${date} UTC)`,
    day: (date: string) => `${date} UTC`,
    window: (when: string, source: string) =>
      `${when}、${source} より。1 日の制限に数えられる呼び出し (COUNTS_AGAINST_API_LIMIT) だけを集計しています。`,
    line: (rank: number, app: string, user: string, calls: string, share: string) =>
      `${rank}. ${app} · ${user}: ${calls} 回 (${share})`,
    own: 'このボット',
    totals: (counted: string, rows: string) =>
      `ログ ${rows} 行のうち、数えられた呼び出しは ${counted} 回です。Composite リクエストは親のみが記録されます。888 で始まるアプリケーション ID は Salesforce 自身のものです。`,
    none: 'そのログには、制限に数えられる呼び出しがありません。',
    fallbackNone: (title: string, when: string) => `${title}、${when}: なし`,
    fallbackTop: (title: string, when: string, app: string, user: string, calls: string) =>
      `${title}、${when}: ${app} · ${user}、${calls} 回`,
    noAccess: (org: string, code: string) =>
      `${org} で誰が API を使ったかを読み取れません${code}。連携ユーザーは ApiTotalUsageEventLog オブジェクトも EventLogFile も読み取れません。`,
    noAccessFix:
      '連携ユーザーに「イベントログファイルの参照」("View Event Log Files") 権限を (「API の有効化」("API Enabled") とともに) 付与してください。Enterprise、Unlimited、Performance Edition には 1 日単位の ApiTotalUsage ログが無料で含まれます。イベントモニタリングでは ApiTotalUsageEventLog オブジェクトも使えます。',
    noFile: (org: string) => `${org} にはまだ 1 日単位の ApiTotalUsage ログファイルがありません。`,
    noFileFix:
      'Salesforce は前日 (UTC) の分を翌日に作成します。 設定 → イベントモニタリングの設定 (Event Monitoring Settings) でイベントログファイルの生成が有効か確認してください。それまでは 設定 → システムの概要 (System Overview) で API の合計を確認できます。',
    failed: (org: string, reason: string) => `${org} の API 使用状況ログを読み取れませんでした: ${reason}。`,
    failedFix: '数分後にもう一度お試しください。',
    working: (org: string) => `:hourglass_flowing_sand: ${org} で昨日 API を使ったユーザーを調べています…`,
    sources: {
      'ApiTotalUsageEventLog object': 'ApiTotalUsageEventLog オブジェクト (イベントモニタリング)',
      'ApiTotalUsage event log': 'ApiTotalUsage イベントログ',
    },
  },

  settings: {
    channelModeSaved: (channel: string, mode: string, bots: boolean, language: string) =>
      `<#${channel}> の設定: モード *${mode}* 、${bots ? '他のボットのエラーにも回答' : '他のボットは無視'}、言語 *${language}* 。`,
    channelModeExplained:
      ' *auto* : 貼り付けられたエラーすべてに回答します。 *mentions* : メンションされたときだけ回答します。 *off* : 何も言いません (ショートカットは使えます)。',
    languageExplained:
      ' *language* : `auto` は各ユーザーの Slack の言語で回答します (日本語で書かれた貼り付けには日本語)。 `en` または `ja` は、このチャンネルの全員にその言語で回答します。',
    usage:
      '使い方: `/sfassist mode auto|mentions|off`、 `/sfassist bots on|off`、 `/sfassist language auto|en|ja`、 `/sfassist status`、 `/sfassist reload` (管理者)、 `/sfassist help`',
    reloaded: (entries: number, files: number) =>
      `ナレッジベースを再読み込みしました: ${files} ファイル、${entries} 件のエントリ。`,
    reloadFailed: (problem: string) =>
      `ナレッジベースは再読み込みされず、現在のものを引き続き使います。問題: ${problem}`,
    languageNames: { auto: 'auto (自動)', en: 'English (英語)', ja: '日本語' },
    modalTitle: 'チャンネルの設定',
    channel: 'チャンネル',
    modeQuestion: '貼り付けられたエラーにいつ回答しますか?',
    modeLabels: {
      auto: 'auto: 貼り付けられたエラーすべてに回答',
      mentions: 'mentions: メンションされたときだけ',
      off: 'off: 何も言わない',
    },
    bots: 'ボット',
    botsOption: '他のボットが投稿したエラーにも回答する',
    languageQuestion: 'このチャンネルでの回答の言語',
    languageLabels: {
      auto: 'auto: 各ユーザーの Slack の言語',
      en: '全員に English (英語)',
      ja: '全員に日本語',
    },
    pickChannel: 'チャンネルを選んでください。',
    pickMode: 'モードを選んでください。',
    myLanguageSaved: (language: string) =>
      `保存しました: 今後は ${language} でお話しします (言語が設定されたチャンネルでの回答は、チャンネルの設定に従います)。`,
  },

  home: {
    title: 'Salesforce API Assistant',
    intro:
      '私が参加しているチャンネルに貼り付けられた Salesforce API のエラーを説明します。エラーの意味、考えられる原因、対処方法、再試行すべきかどうか、公式ドキュメントをお伝えします。普段の会話には反応しません。',
    howTo: [
      '*使い方*',
      '• 私が参加しているチャンネルにエラー (REST のボディ、SOAP フォールト、Bulk ジョブのエラー、OAuth のエラー、Apex の例外、CLI の出力、スタックトレース) を貼り付けると、スレッドで回答します。',
      '• 古いメッセージやスレッドの返信を含む任意のメッセージで、 *⋯ → Diagnose this error* (エラーを診断) を使うと、あなただけに回答します。',
      '• スレッドで私をメンションすると、その最初のメッセージを診断します。「API の使用状況はどこで見られますか?」のような質問にも答えます。',
      '• `/sflimits [org] [filter|all] [refresh]` で連携中の組織の現在の制限を表示します。 `/sflimits trend` でグラフを、 `/sflimits who` で昨日の API 使用量上位を表示します。',
      '• `/sfassist mode auto|mentions|off` でチャンネルでの回答の頻度を、 `/sfassist language auto|en|ja` で言語を設定します。',
      '• *Salesforce サポートにエスカレーション* で、サポートが求める情報を過不足なく集め、完全なケースとして引き渡します。',
    ].join('\n'),
    channelSettings: 'チャンネルの設定',
    escalate: 'Salesforce サポートにエスカレーション',
    refresh: '更新',
    myLanguage: '私の言語',
    myLanguageLabels: {
      auto: 'Slack の言語に従う',
      en: 'English (英語)',
      ja: '日本語',
    },
    languageNow: (language: string) =>
      ` *私の言語* : ${language}。言語が設定されたチャンネルでの回答は、チャンネルの設定に従います。`,
    knowledge: (entries: number, families: string) => ` *ナレッジベース* : ${entries} 件\n${families}`,
    noOrg:
      ' *連携中の組織* : 設定されていません。 `/sflimits` を使うには `SF_INSTANCE_URL` と `SF_ACCESS_TOKEN` (または OAuth のいずれかの方式) を設定してください。',
    noSnapshot: (org: string) =>
      ` *連携中の組織* : \`${org}\`。制限のスナップショットはまだありません。 \`/sflimits\` を実行してください。`,
    orgSnapshot: (org: string, when: string, rows: string) =>
      ` *連携中の組織* : \`${org}\` · 最後の制限のスナップショット ${when}\n${rows}`,
    watchOff: (org: string) =>
      ` *${org} の制限の監視* : オフ。割り当てを使い切る前にアラートを受け取るには \`LIMITS_WATCH_CHANNEL_ID\` を設定してください。`,
    watchOn: (org: string, channel: string, every: string) =>
      ` *${org} の制限の監視* : アラートは <#${channel}> に、${every}ごとに確認します。`,
    noOpenAlerts: '未解決のアラートはありません。',
    openAlert: (limit: string, level: string, percent: string | undefined, ackedBy: string | undefined) =>
      `• 未解決: ${limit} ${level}${percent === undefined ? '' : ` (${percent}%)`}${ackedBy === undefined ? '' : `、<@${ackedBy}> が確認済み`}`,
    snoozed: (limit: string, until: string | undefined, by: string) =>
      `• スヌーズ中: ${limit}${until === undefined ? '' : ` (${until} まで)`}、<@${by}> による`,
    sparkline: (line: string, now: string | undefined) =>
      `\`DailyApiRequests\` 直近 24 時間、1 時間ごとの最大値 (0〜100 %、テキストのスパークライン): \`${line}\`${now === undefined ? '' : ` 現在 ${now}%`}`,
    muted: (channel: string, limit: string, by: string) => `• <#${channel}> でミュート中: ${limit}、<@${by}> による`,
    unmute: 'ミュートを解除',
    noEscalations: ' *最近のエスカレーション* : まだありません。',
    escalationsHeading: '*最近のエスカレーション*',
    escalationCase: 'ケース',
    delivered: ':white_check_mark: 送信済み',
    pendingDelivery: ':hourglass: 送信待ち',
    storageTrouble:
      ':warning: 現在データベースが応答していません。診断は使えますが、履歴が表示されないことがあります。',
    gapsHeading: '*説明できなかったエラー (直近 30 日)*',
    gapLine: (code: string, count: number, last: string) => `• ${code}: ${count} 回 (最終 ${last})`,
    gapsHint:
      '_貼り付けの内容だけで回答したものです。それぞれナレッジの新しいエントリの候補です (`npm run cli -- gaps` で抜粋付きの一覧を表示)。_',
    noGaps: ' *説明できなかったエラー (直近 30 日)* : ありません。',
  },

  escalation: {
    modalTitle: 'SF サポートにエスカレーション',
    submit: 'ケースを作成',
    intro: (diagnosis: string) =>
      `Salesforce サポートは以下の情報を求めています。エラーから読み取れたもの${diagnosis}は入力済みです。確認して、残りを入力してください。`,
    fieldSets: { request: '特定のリクエストの失敗', recent: '最近発生し始めたエラー' },
    orgId: '組織 ID',
    orgIdHint: '設定 → 組織情報 (Company Information) → Salesforce.com 組織 ID (15 文字または 18 文字)。',
    username: 'API 実行ユーザー (ユーザー名)',
    usernameHint: '連携がログインに使う Salesforce のユーザー名です。',
    apiType: 'API の種類',
    apiTypes: {
      REST: 'REST',
      SOAP: 'SOAP',
      Bulk: 'Bulk',
      'Bulk 2.0': 'Bulk 2.0',
      'Streaming/Pub-Sub': 'Streaming/Pub-Sub',
      Metadata: 'Metadata',
      Tooling: 'Tooling',
      Other: 'その他',
    },
    instance: 'Salesforce インスタンス',
    instanceHint:
      '任意: 設定 → 組織情報 (Company Information) → インスタンス。ケースを送る前に status.salesforce.com でその状態を確認します。',
    requestTime: 'リクエスト日時 (タイムゾーンを含む)',
    method: 'HTTP メソッド',
    url: 'リクエスト URL',
    requestBody: 'リクエストボディ',
    responseBody: 'レスポンスボディ',
    responseBodyHint: 'クライアントが受け取ったままの、エラーレスポンス全体です。',
    windowStart: 'エラーが確認された期間 (開始)',
    windowEnd: 'エラーが確認された期間 (終了)',
    frequency: 'おおよその発生頻度',
    frequencyPlaceholder: '3 分間に 10 件中 8 件',
    clientTool: '使用しているクライアントツール',
    clientToolPlaceholder: 'Data Loader 62.0、別の Salesforce 組織、独自の Java クライアント…',
    processing: '詳細な処理内容',
    processingPlaceholder: 'query() などの SOAP メソッド、または REST のエンドポイント URL',
    extra: 'その他の情報',
    extraHint: 'レスポンスボディ、クライアントのログ、SOQL など。',
    attachments: '長いボディ、ログ、スクリーンショット',
    attachmentsHint: (max: string) =>
      `テキスト項目には ${max} 文字まで入ります。それより長いものはファイルで添付してください。`,
    timeHint: (tz: string | undefined) =>
      tz === undefined
        ? 'Slack のタイムゾーンで入力します。ケースには UTC も記録されます。'
        : `Slack のタイムゾーン (${tz}) で入力します。ケースには UTC も記録されます。`,
    privacy:
      '認証情報 (セッション ID、トークン、パスワード) は、保存や投稿の前に伏せられます。ケースはエスカレーション用チャンネルと、あなたへの DM に送られ、そのまま Salesforce ヘルプに貼り付けられます。',
    validation: {
      required: (what: string) => `${what}は必須です。`,
      future: (what: string) => `${what}に未来の日時は指定できません。`,
      bodyTooLong: (what: string, max: number) =>
        `${what}にはここでは ${max} 文字までしか入りません。残りはファイルで添付してください。`,
      what: {
        orgId: '組織 ID',
        username: 'ユーザー名',
        apiType: 'API の種類',
        requestTime: 'リクエスト日時',
        method: 'HTTP メソッド',
        url: 'リクエスト URL',
        requestBody: 'リクエストボディ',
        responseBody: 'レスポンスボディ',
        windowStart: '期間の開始',
        windowEnd: '期間の終了',
        frequency: '発生頻度',
        clientTool: 'クライアントツール',
        processing: '処理内容',
        extra: 'この項目',
      },
      usernameShape: 'Salesforce のユーザー名はメールアドレスの形式です (name@company.com)。',
      instanceShape: 'インスタンスは NA139、EU48、USA654S のような形式です。',
      urlShape: 'https:// で始まる完全な URL を入力してください。',
      windowOrder: '期間の終了が開始より前になっています。',
      checkForm: 'フォームの内容を確認してください。',
      orgIdCharacters: '組織 ID には英字と数字しか使われません。',
      orgIdLength: (length: number) => `組織 ID は 15 文字または 18 文字です。入力されたものは ${length} 文字です。`,
      orgIdPrefix: '組織 ID は 00D で始まります (設定 → 組織情報 (Company Information) → Salesforce.com 組織 ID)。',
      orgIdChecksum:
        '最後の 3 文字が最初の 15 文字と一致しません (チェックサムが正しくありません)。ID をもう一度コピーするか、15 文字の形式で入力してください。',
    },
    confirmationTitle: 'エスカレーション',
    saving: (id: string) =>
      `:floppy_disk: ケース *${id}* を保存しました。Salesforce の稼働状況を確認して送信しています…`,
    delivered: (id: string, where: string | undefined) =>
      `:white_check_mark: ケース *${id}* を保存しました${where === undefined ? '' : `。${where} に投稿しました`}。Salesforce ヘルプに貼り付けるテキストを DM でお送りしました。`,
    duplicate: (id: string) =>
      `:white_check_mark: このフォームはすでにケース *${id}* として送信済みです。重複して作成されたものはありません。`,
    pending: (id: string, where: string, error: string) =>
      `:hourglass_flowing_sand: ケース *${id}* は保存しましたが、${where} への投稿に失敗しました (${error})。キューに残して自動で再試行します。送信できたら DM でお知らせします。`,
    theEscalationChannel: 'エスカレーション用チャンネル',
    unknownError: '不明なエラー',
    inputKept: '入力した内容はそのまま残っています。',
    orgIdForms: (id18: string, id15: string) => `組織 ID: ${id18} (${id15} の 18 文字形式)`,
    trustLine: (emoji: string, summary: string, advice: boolean, links: string) =>
      `${emoji} *Salesforce の稼働状況:* ${summary}${advice ? ' サポートからはまずこの点を聞かれます。終了すればエラーが解消する可能性があります。' : ''} ${links}`,
    trustDetails: '詳細',
    secretsMasked:
      ':lock: 入力内容に認証情報 (トークン、パスワード、セッション ID) が含まれていたため、保存前に伏せました。その認証情報は無効化・再発行してください。',
    dmDelivered: (id: string, where: string | undefined) =>
      `エスカレーション ${id} を保存しました${where === undefined ? '' : `。${where} に投稿しました`}。`,
    dmPending: (id: string, where: string, error: string) =>
      `エスカレーション ${id} は保存しましたが、${where} への投稿に失敗しました (${error})。キューに残して自動で再試行します。`,
    nowPosted: (caseId: string, channel: string | undefined) =>
      `エスカレーション ${caseId} を${channel ? ` <#${channel}> に` : ''}投稿しました。`,
  },

  caseText: {
    fields: {
      orgId: '組織 ID',
      username: 'API 実行ユーザー',
      apiType: 'API の種類',
      instance: 'インスタンス',
      requestTime: 'リクエスト日時（タイムゾーンを含む）',
      request: 'リクエスト URL・メソッド',
      requestBody: 'リクエストボディ',
      responseBody: 'レスポンスボディ',
      windowStart: 'エラーが確認された期間 (開始)',
      windowEnd: 'エラーが確認された期間 (終了)',
      frequency: 'おおよその発生頻度',
      clientTool: '使用しているクライアントツール',
      processing: '詳細な処理内容',
      extra: 'その他の情報',
      attachments: '添付ファイル',
    },
    orgId15: (id18: string, id15: string) => `${id18} (15 文字形式: ${id15})`,
    subject: (code: string | undefined, orgId: string, apiType: string) =>
      `組織 ${orgId} での API エラー${code === undefined ? '' : ` ${code}`} (${apiType})`,
    subjectLine: (subject: string) => `件名: ${subject}`,
    type: (label: string) => `種別: ${label}`,
    diagnosis: (code: string, title: string | undefined) => `診断: ${code}${title ? ` (${title})` : ''}`,
    documentation: (urls: string) => `ドキュメント: ${urls}`,
    trustAtSubmission: (summary: string) => `送信時点の Salesforce Trust の稼働状況: ${summary}`,
    submitted: (when: string, tz: string) => `送信日時 ${when} (時刻は ${tz} と UTC で表記)。`,
    heading: (id: string, diagnosis: string) => `*エスカレーション ${id}*${diagnosis === '' ? '' : ` — ${diagnosis}`}`,
    setAndSubmitter: (set: string, user: string) => `${set} · 送信者 <@${user}>`,
    trustStatus: (emoji: string, summary: string, links: string) => `${emoji} *Trust の稼働状況:* ${summary} ${links}`,
    statusLink: '稼働状況',
    secretsMasked: ':lock: 入力に含まれていた認証情報は、保存・投稿の前に伏せました。',
    readyToPaste:
      'Salesforce ヘルプにそのまま貼り付けられます ( *ヘルプ → サポートに連絡 → ケースを作成* (Help → Contact Support → Create a case)):',
    fallback: (id: string, code: string | undefined, orgId: string) =>
      `組織 ${orgId} のエスカレーション ${id}${code === undefined ? '' : ` (${code})`}`,
  },

  trust: {
    notChecked: 'インスタンスが不明なため、status.salesforce.com は確認していません。',
    unknownInstance: (instance: string) => `status.salesforce.com には ${instance} というインスタンスがありません。`,
    unreachable: (instance: string) =>
      `${instance} について Salesforce Trust の稼働状況 API に接続できませんでした。status.salesforce.com を直接確認してください。`,
    incident: (instance: string, detail: string | undefined) =>
      `${instance} で障害が発生中です${detail === undefined ? '' : `: ${detail}`}。`,
    maintenance: (instance: string, detail: string | undefined) =>
      `${instance} でメンテナンス中です${detail === undefined ? '' : `: ${detail}`}。`,
    degraded: (instance: string, status: string) => `${instance} の状態は ${status} です。`,
    ok: (instance: string) => `${instance} では現在、障害もメンテナンスもありません。`,
  },
};
