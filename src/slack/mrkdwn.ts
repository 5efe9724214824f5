/** Helpers for Slack's mrkdwn: escaping, links and safe truncation to Block Kit's limits. */

/** Slack needs &, < and > escaped in text it should show literally (docs: formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function link(url: string, label: string): string {
  return `<${url}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis when it was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export function bullets(items: readonly string[]): string {
  return items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n');
}

/** A readable label for a documentation URL: the page name, not the whole address. */
export function docLabel(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '');
    const page =
      u.searchParams.get('id') ??
      u.pathname
        .split('/')
        .filter((p) => p.length > 0)
        .pop() ??
      host;
    const name = page
      .replace(/\.(htm|html|md)$/, '')
      .replace(/^(?:sforce_api_|api_|asynch_api_|apex_)/, '')
      .replace(/[_-]+/g, ' ')
      .trim();
    const site = host.startsWith('developer.salesforce.com')
      ? 'Salesforce Developers'
      : host.startsWith('help.salesforce.com')
        ? 'Salesforce Help'
        : host;
    return `${site}: ${name}${u.hash ? ` (${u.hash.slice(1).replace(/_/g, ' ')})` : ''}`;
  } catch {
    return url;
  }
}

/** A link to a Slack message that works in any workspace the reader belongs to. */
export function messageLink(channelId: string, ts: string): string {
  return `https://slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
}
