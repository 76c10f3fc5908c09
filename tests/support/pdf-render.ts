import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { screenshot } from './browser';

/** The page that renders PDFs; an address of its own, answered by the test's routes (no network, not the app's origin). */
const VIEWER = 'http://pdf-viewer.test';
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));
const TYPES: Record<string, string> = { mjs: 'text/javascript', pfb: 'application/octet-stream', ttf: 'font/ttf' };

/** A file of pdf.js's package (its build and standard fonts), never anything outside it. */
function pdfjsFile(path: string): { body: Buffer; contentType: string } | null {
  const file = normalize(join(PDFJS, path));
  if (!file.startsWith(join(PDFJS, 'build')) && !file.startsWith(join(PDFJS, 'standard_fonts'))) return null;
  try {
    return { body: readFileSync(file), contentType: TYPES[file.split('.').pop()!] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/**
 * Renders a PDF with pdf.js (pdfjs-dist) in a page of its own in the test's browser: page 1 is drawn
 * into a canvas and saved as the screenshot `name`; the text of every page is read back. `inkShare`
 * is the share of page 1's pixels that are not white, so a blank rendering is caught.
 */
export async function renderPdf(
  context: BrowserContext,
  pdf: Buffer,
  name: string,
): Promise<{ pageCount: number; pages: string[]; inkShare: number; screenshot: string }> {
  const page = await context.newPage();
  try {
    await page.route(`${VIEWER}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/')
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="de"><title>PDF</title><body></body></html>' });
      if (path === '/document.pdf') return route.fulfill({ contentType: 'application/pdf', body: pdf });
      const file = pdfjsFile(path);
      return file ? route.fulfill(file) : route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${VIEWER}/`);
    // A string, so that the test's TypeScript needs no DOM types; it runs in the page.
    const result = (await page.evaluate(`(async () => {
      const pdfjs = await import('/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/build/pdf.worker.mjs';
      const doc = await pdfjs.getDocument({ url: '/document.pdf', standardFontDataUrl: '/standard_fonts/' }).promise;
      const pages = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join(''));
      }
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: 1.5 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.setAttribute('aria-label', 'Seite 1');
      document.body.style.margin = '0';
      document.body.append(canvas);
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await first.render({ canvas, canvasContext: context, viewport }).promise;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) ink++;
      return { pageCount: doc.numPages, pages, inkShare: ink / (pixels.length / 4), width: canvas.width, height: canvas.height };
    })()`)) as { pageCount: number; pages: string[]; inkShare: number; width: number; height: number };
    await page.setViewportSize({ width: result.width, height: result.height });
    return { pageCount: result.pageCount, pages: result.pages, inkShare: result.inkShare, screenshot: await screenshot(page, name) };
  } finally {
    await page.close();
  }
}
