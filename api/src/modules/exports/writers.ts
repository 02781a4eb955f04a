/**
 * Streaming table writers: CSV through csv-stringify, XLSX through exceljs's
 * streaming WorkbookWriter. Rows arrive in batches from an async iterable
 * and are written as they come, waiting whenever the output is full, so an
 * export never holds more than a batch or two in memory.
 */
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { CSV_OPTIONS } from '../../lib/csv.js';
import type { CellValue } from './columns.js';

export type Sheet = { name: string; header: string[]; rows: AsyncIterable<CellValue[][]> | Iterable<CellValue[][]> };

/** Resolves when the stream wants more, rejects when it is gone (the client went away). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new Error('the export stream closed before the end'));
    };
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}

const gone = (out: Writable) => out.destroyed || out.writableEnded;

/**
 * Writes one table as CSV: comma separated, quoted as RFC 4180 and beyond,
 * with the formula guard (CSV_OPTIONS).
 */
export async function writeCsv(out: Writable, sheet: Sheet): Promise<void> {
  const csv = stringify(CSV_OPTIONS);
  const piping = pipeline(csv, out);
  // A failure while piping (the client went away) ends the writes below through `drained`.
  piping.catch(() => {});
  const write = async (row: CellValue[]) => {
    if (!csv.write(row)) await drained(csv);
  };
  try {
    await write(sheet.header);
    for await (const batch of sheet.rows) {
      if (gone(out)) throw new Error('the export stream closed before the end');
      for (const row of batch) await write(row);
    }
    csv.end();
  } catch (err) {
    csv.destroy(err as Error);
    throw err;
  }
  await piping;
}

/**
 * Waits until the zip has taken the sheet's XML written so far. exceljs hands
 * a sheet's XML to the zip (archiver) through a stream that ignores the
 * answer of write(), so whatever deflate has not yet taken piles up there;
 * we look at that stream's queue ourselves. (Reaches into exceljs 4.4's
 * WorksheetWriter.stream and its StreamBuf pipes; without them it only yields.)
 */
async function sheetDrained(sheet: ExcelJS.Worksheet): Promise<void> {
  await nextTurn();
  // archiver's streams come from the readable-stream package, which has no `writableNeedDrain`: read the state.
  type Pipe = Writable & { _writableState?: { needDrain?: boolean } };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    if (pipe?._writableState?.needDrain) await drained(pipe);
  }
}

/**
 * Writes sheets into one XLSX workbook, one after another (a streamed
 * workbook writes each sheet's rows as they are committed). Cells are typed:
 * a string is a text cell, shown exactly as written (`=1+1` too: only a
 * formula cell is ever computed, and CellValue holds no formula), a number a
 * number cell. exceljs does not
 * wait for its reader, so between batches we wait until the zip has taken
 * the batch and its output has drained: what is buffered stays about a batch.
 */
export async function writeXlsx(out: Writable, sheets: Sheet[]): Promise<void> {
  const zipOut = new PassThrough();
  const piping = pipeline(zipOut, out);
  piping.catch(() => {});
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zipOut,
    useStyles: false,
    useSharedStrings: false,
  });
  // The zip's inner streams never close when the client goes away: stop waiting for them then.
  let abort: (err: Error) => void = () => {};
  const aborted = new Promise<never>((_resolve, reject) => (abort = reject));
  aborted.catch(() => {});
  out.once('close', () => {
    if (!out.writableFinished) abort(new Error('the export stream closed before the end'));
  });
  try {
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      ws.addRow(sheet.header).commit();
      for await (const batch of sheet.rows) {
        if (gone(out)) throw new Error('the export stream closed before the end');
        for (const row of batch) ws.addRow(row).commit();
        await Promise.race([sheetDrained(ws), aborted]);
        if (zipOut.writableNeedDrain) await drained(zipOut);
      }
      ws.commit();
    }
    await Promise.race([workbook.commit(), aborted]);
  } catch (err) {
    zipOut.destroy(err as Error);
    throw err;
  }
  await piping;
}
