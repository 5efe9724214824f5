import type { webApi } from '@slack/bolt';

export interface Upload {
  readonly channelId: string;
  readonly threadTs?: string | undefined;
  readonly filename: string;
  readonly title: string;
  readonly bytes: Buffer;
  readonly initialComment?: string | undefined;
}

/** How long the upload POST may take before it is abandoned. */
const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * Slack's upload flow (files.upload is retired): ask for an upload URL with the file's name and
 * length, POST the bytes there, then complete the upload into the channel. Returns the file ID.
 * Throws with Slack's error code (`not_in_channel`, …) in `data.error`, as WebClient does.
 */
export async function uploadFile(client: webApi.WebClient, u: Upload): Promise<string> {
  const target = await client.files.getUploadURLExternal({ filename: u.filename, length: u.bytes.length });
  const uploadUrl = target.upload_url;
  const fileId = target.file_id;
  if (typeof uploadUrl !== 'string' || typeof fileId !== 'string')
    throw Object.assign(new Error('files.getUploadURLExternal returned no upload_url'), {
      data: { error: 'no_upload_url' },
    });
  const res = await fetch(uploadUrl, {
    method: 'POST',
    body: new Uint8Array(u.bytes),
    headers: { 'content-type': 'application/octet-stream' },
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  if (!res.ok)
    throw Object.assign(new Error(`the upload URL answered HTTP ${res.status}`), {
      data: { error: `upload_http_${res.status}` },
    });
  await client.files.completeUploadExternal({
    files: [{ id: fileId, title: u.title }],
    channel_id: u.channelId,
    ...(u.threadTs === undefined ? {} : { thread_ts: u.threadTs }),
    ...(u.initialComment === undefined ? {} : { initial_comment: u.initialComment }),
  });
  return fileId;
}
