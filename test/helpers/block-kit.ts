/**
 * Checks Block Kit payloads against Slack's documented limits, so tests catch what nock would
 * accept but Slack would reject (docs.slack.dev/reference/block-kit, …/views/modal-views).
 */
type Json = Record<string, unknown>;

const TEXT_LIMITS: Record<string, number> = { section: 3000, header: 150, context: 2000 };

export function blockKitProblems(blocks: unknown, surface: 'message' | 'modal' | 'home'): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) problems.push(`${blocks.length} blocks > ${max}`);
  const blockIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const where = `block ${i} (${String(b.type)}${b.block_id ? ` ${String(b.block_id)}` : ''})`;
    if (typeof b.block_id === 'string') {
      if (blockIds.has(b.block_id)) problems.push(`${where}: duplicate block_id`);
      blockIds.add(b.block_id);
      if (b.block_id.length > 255) problems.push(`${where}: block_id > 255`);
    }
    switch (b.type) {
      case 'section': {
        const text = b.text as Json | undefined;
        const fields = b.fields as Json[] | undefined;
        if (text === undefined && fields === undefined) problems.push(`${where}: needs text or fields`);
        if (text !== undefined) problems.push(...textProblems(text, TEXT_LIMITS.section as number, where));
        if (fields !== undefined) {
          if (fields.length > 10) problems.push(`${where}: > 10 fields`);
          for (const f of fields) problems.push(...textProblems(f, 2000, `${where} field`));
        }
        if (b.accessory !== undefined) problems.push(...elementProblems(b.accessory as Json, where));
        break;
      }
      case 'header':
        problems.push(...textProblems(b.text as Json, TEXT_LIMITS.header as number, where, 'plain_text'));
        break;
      case 'context': {
        const elements = b.elements as Json[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
          problems.push(`${where}: context needs 1–10 elements`);
        for (const e of elements ?? []) if (e.type !== 'image') problems.push(...textProblems(e, 3000, where));
        break;
      }
      case 'actions': {
        const elements = b.elements as Json[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25)
          problems.push(`${where}: actions needs 1–25 elements`);
        const actionIds = new Set<string>();
        for (const e of elements ?? []) {
          problems.push(...elementProblems(e, where));
          const id = e.action_id as string | undefined;
          if (id !== undefined) {
            if (actionIds.has(id)) problems.push(`${where}: duplicate action_id ${id}`);
            actionIds.add(id);
          }
        }
        break;
      }
      case 'input': {
        if (surface === 'message') problems.push(`${where}: input blocks belong in modals`);
        problems.push(...textProblems(b.label as Json, 2000, `${where} label`, 'plain_text'));
        if (b.hint !== undefined) problems.push(...textProblems(b.hint as Json, 2000, `${where} hint`, 'plain_text'));
        problems.push(...elementProblems(b.element as Json, where));
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

function textProblems(t: Json | undefined, max: number, where: string, only?: 'plain_text'): string[] {
  if (t === undefined || typeof t !== 'object') return [`${where}: missing text object`];
  const out: string[] = [];
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') out.push(`${where}: text type ${String(t.type)}`);
  if (only !== undefined && t.type !== only) out.push(`${where}: must be ${only}`);
  const text = t.text;
  if (typeof text !== 'string' || text.length === 0) out.push(`${where}: empty text`);
  else if (text.length > max) out.push(`${where}: text ${text.length} > ${max}`);
  return out;
}

function elementProblems(e: Json, where: string): string[] {
  const out: string[] = [];
  const id = e.action_id as string | undefined;
  if (id !== undefined && id.length > 255) out.push(`${where}: action_id > 255`);
  if (e.placeholder !== undefined)
    out.push(...textProblems(e.placeholder as Json, 150, `${where} placeholder`, 'plain_text'));
  switch (e.type) {
    case 'button':
      out.push(...textProblems(e.text as Json, 75, `${where} button`, 'plain_text'));
      if (typeof e.value === 'string' && e.value.length > 2000) out.push(`${where}: button value > 2000`);
      if (typeof e.url === 'string' && e.url.length > 3000) out.push(`${where}: button url > 3000`);
      break;
    case 'static_select':
    case 'radio_buttons':
    case 'checkboxes': {
      const options = e.options as Json[];
      const max = e.type === 'static_select' ? 100 : 10;
      if (!Array.isArray(options) || options.length === 0 || options.length > max)
        out.push(`${where}: ${String(e.type)} needs 1–${max} options`);
      for (const o of options ?? []) {
        out.push(...textProblems(o.text as Json, 75, `${where} option`));
        if (typeof o.value !== 'string' || o.value.length > 150) out.push(`${where}: option value`);
      }
      break;
    }
    case 'plain_text_input': {
      const max = (e.max_length as number | undefined) ?? 3000;
      if (max > 3000) out.push(`${where}: max_length > 3000`);
      if (typeof e.initial_value === 'string' && e.initial_value.length > max)
        out.push(`${where}: initial_value longer than max_length`);
      break;
    }
    case 'url_text_input':
    case 'email_text_input':
    case 'datetimepicker':
    case 'conversations_select':
    case 'file_input':
      break;
    default:
      out.push(`${where}: unexpected element ${String(e.type)}`);
  }
  return out;
}

export function viewProblems(view: Json, surface: 'modal' | 'home'): string[] {
  const out = blockKitProblems(view.blocks, surface);
  if (surface === 'modal') {
    for (const key of ['title', 'submit', 'close']) {
      const t = view[key] as Json | undefined;
      if (t !== undefined) out.push(...textProblems(t, 24, `modal ${key}`, 'plain_text'));
    }
    if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000)
      out.push('private_metadata > 3000');
    if (typeof view.callback_id === 'string' && view.callback_id.length > 255) out.push('callback_id > 255');
  }
  return out;
}

export function messageProblems(payload: { text?: unknown; blocks?: unknown }): string[] {
  const out = blockKitProblems(payload.blocks ?? [], 'message');
  if (typeof payload.text !== 'string' || payload.text.length === 0) out.push('missing fallback text');
  return out;
}
