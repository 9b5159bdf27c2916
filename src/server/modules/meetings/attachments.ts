/** Meeting attachments: allowed types, recognised by name AND content, and the size limit. */

/** Largest attachment (10 MB); the migration's check constraint says the same. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
} as const;

function startsWith(body: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => body[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The content type of an allowed attachment, or null when the name's extension is not
 * allowed or the content does not match it (a renamed executable is refused).
 */
export function detectAttachmentType(fileName: string, body: Buffer): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case "pdf":
      return startsWith(body, [0x25, 0x50, 0x44, 0x46, 0x2d]) ? ATTACHMENT_TYPES.pdf : null;
    case "png":
      return startsWith(body, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        ? ATTACHMENT_TYPES.png
        : null;
    case "jpg":
    case "jpeg":
      return startsWith(body, [0xff, 0xd8, 0xff]) ? ATTACHMENT_TYPES.jpg : null;
    case "docx":
      return startsWith(body, ZIP) && body.includes("word/") ? ATTACHMENT_TYPES.docx : null;
    case "xlsx":
      return startsWith(body, ZIP) && body.includes("xl/") ? ATTACHMENT_TYPES.xlsx : null;
    default:
      return null;
  }
}
