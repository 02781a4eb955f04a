import { prettyJson, type Json } from '../../designer/json';

/** Offers a value as a .json file to save, through an object URL (nothing inline, CSP-safe). */
export function downloadJson(fileName: string, value: Json | Record<string, unknown>): void {
  const blob = new Blob([`${prettyJson(value as Json)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
