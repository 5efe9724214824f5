/**
 * What a person reads in a message, counted as Slack renders it: section text and fields,
 * headers, context elements, rich text and button labels. The `text` fallback counts only when
 * there are no blocks (Slack shows it in notifications, not in the channel). mrkdwn markup is
 * rendered away first: `<url|label>` shows the label, `*bold*` shows no asterisks, `&lt;` is `<`,
 * and runs of white space read as one.
 */
type Json = Record<string, unknown>;

export function visibleText(payload: { readonly text?: unknown; readonly blocks?: unknown }): string {
  const blocks = Array.isArray(payload.blocks) ? (payload.blocks as unknown[]) : [];
  if (blocks.length === 0) return typeof payload.text === 'string' ? render(payload.text, 'mrkdwn') : '';
  return blocks
    .map((b) => blockText(b as Json))
    .filter((t) => t.length > 0)
    .join(' ');
}

export function visibleLength(payload: { readonly text?: unknown; readonly blocks?: unknown }): number {
  return [...visibleText(payload)].length;
}

function blockText(b: Json | null): string {
  if (typeof b !== 'object' || b === null) return '';
  switch (b.type) {
    case 'section':
      return [
        textOf(b.text),
        ...(Array.isArray(b.fields) ? (b.fields as unknown[]) : []).map(textOf),
        elementText(b.accessory),
      ]
        .filter((t) => t.length > 0)
        .join(' ');
    case 'header':
      return textOf(b.text);
    case 'context':
      return (Array.isArray(b.elements) ? (b.elements as Json[]) : [])
        .filter((e) => typeof e === 'object' && e !== null && e.type !== 'image')
        .map(textOf)
        .join(' ');
    case 'actions':
      return Array.isArray(b.elements) ? (b.elements as unknown[]).map(elementText).join(' ') : '';
    case 'rich_text':
      return richText(b.elements);
    default:
      return '';
  }
}

function elementText(e: unknown): string {
  if (typeof e !== 'object' || e === null) return '';
  const el = e as Json;
  return el.type === 'button' ? textOf(el.text) : '';
}

function textOf(t: unknown): string {
  if (typeof t !== 'object' || t === null) return '';
  const o = t as Json;
  return typeof o.text === 'string' ? render(o.text, o.type === 'mrkdwn' ? 'mrkdwn' : 'plain') : '';
}

function richText(elements: unknown): string {
  if (!Array.isArray(elements)) return '';
  return elements
    .map((e) => {
      const el = e as Json;
      if (typeof el.text === 'string') return el.text;
      if (el.type === 'link') return typeof el.text === 'string' ? el.text : String(el.url ?? '');
      if (el.type === 'emoji') return '·';
      return richText(el.elements);
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function render(text: string, kind: 'mrkdwn' | 'plain'): string {
  let out = text;
  if (kind === 'mrkdwn') {
    out = out
      // Links and mentions show their label (or the address when there is none).
      .replace(/<([^<>|]+)\|([^<>]*)>/g, '$2')
      .replace(/<([^<>]+)>/g, '$1')
      // Emoji codes render as one picture.
      .replace(/:[a-z0-9_+-]+:/g, '·')
      // Formatting markers around words are not shown.
      .replace(/```/g, '')
      // Bold may hold code names with underscores (*`FIELD_CUSTOM_VALIDATION_EXCEPTION`*).
      .replace(/(^|[\s(>"'])\*([^*\n]+?)\*(?=$|[\s.,;:!?)"'])/gm, '$1$2')
      .replace(/(^|[\s(>"'])([_~])([^_~\n]+?)\2(?=$|[\s.,;:!?)"'])/gm, '$1$3')
      .replace(/`([^`\n]*)`/g, '$1')
      .replace(/^(?:>|&gt;)\s?/gm, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  return out.replace(/\s+/g, ' ').trim();
}
