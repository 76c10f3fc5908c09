/** A document type the case file accepts, as the content itself shows it (never the client's Content-Type). */
export interface DocumentType {
  mediaType: string;
  /** The usual file name extension, for a download whose stored name has none. */
  extension: string;
}

const PDF: DocumentType = { mediaType: 'application/pdf', extension: 'pdf' };
const PNG: DocumentType = { mediaType: 'image/png', extension: 'png' };
const JPEG: DocumentType = { mediaType: 'image/jpeg', extension: 'jpg' };
const GIF: DocumentType = { mediaType: 'image/gif', extension: 'gif' };
const TIFF: DocumentType = { mediaType: 'image/tiff', extension: 'tif' };
const WEBP: DocumentType = { mediaType: 'image/webp', extension: 'webp' };
const OLE: DocumentType = { mediaType: 'application/x-ole-storage', extension: 'doc' };
const DOCX: DocumentType = { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
const XLSX: DocumentType = { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
const PPTX: DocumentType = { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' };
const ODF: Record<string, DocumentType> = {
  'application/vnd.oasis.opendocument.text': { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' },
  'application/vnd.oasis.opendocument.presentation': { mediaType: 'application/vnd.oasis.opendocument.presentation', extension: 'odp' },
};

/** The accepted kinds in words, for the message of a refused upload. */
export const ACCEPTED_DOCUMENTS = 'PDF, Bilder (PNG, JPEG, GIF, TIFF, WebP) und Office-Dokumente (Word, Excel, PowerPoint, OpenDocument)';

const startsWith = (data: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
const ascii = (data: Buffer, text: string, at = 0) => data.subarray(at, at + text.length).toString('latin1') === text;

/**
 * The type of a document by its magic bytes: PDF, PNG, JPEG, GIF, TIFF, WebP, the OLE container of
 * legacy Office files (.doc, .xls, .ppt), and ZIP containers that are Office Open XML or OpenDocument
 * (an arbitrary ZIP is refused). Undefined for anything else.
 */
export function sniffDocumentType(data: Buffer): DocumentType | undefined {
  if (ascii(data, '%PDF-')) return PDF;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(data, 'GIF87a') || ascii(data, 'GIF89a')) return GIF;
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a])) return TIFF;
  if (ascii(data, 'RIFF') && ascii(data, 'WEBP', 8)) return WEBP;
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE;
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(data);
  return undefined;
}

/** Names of the entries in a ZIP's local file headers (enough to tell Office containers apart). */
function zipEntryNames(data: Buffer, max = 200): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < max && at + 30 <= data.length && data.readUInt32LE(at) === 0x04034b50) {
    const flags = data.readUInt16LE(at + 6);
    const compressedSize = data.readUInt32LE(at + 18);
    const nameLength = data.readUInt16LE(at + 26);
    const extraLength = data.readUInt16LE(at + 28);
    names.push(data.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
    // A streamed entry (sizes in a trailing descriptor) cannot be skipped without inflating: stop here.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function sniffZip(data: Buffer): DocumentType | undefined {
  const names = zipEntryNames(data, 1);
  // OpenDocument: the first entry is the stored `mimetype` file with the media type.
  if (names[0] === 'mimetype') {
    const nameLength = data.readUInt16LE(26);
    const extraLength = data.readUInt16LE(28);
    const size = data.readUInt32LE(18);
    const start = 30 + nameLength + extraLength;
    const mediaType = data.subarray(start, start + size).toString('latin1');
    return ODF[mediaType];
  }
  // Office Open XML: the central directory (uncompressed names) lists the part that makes the kind.
  if (!names.includes('[Content_Types].xml') && !data.includes('[Content_Types].xml')) return undefined;
  if (data.includes('word/document.xml')) return DOCX;
  if (data.includes('xl/workbook.xml')) return XLSX;
  if (data.includes('ppt/presentation.xml')) return PPTX;
  return undefined;
}
