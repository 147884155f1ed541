// An .xlsx download of the rows a list shows: one sheet, a bold header row that stays in view.
// The writer (write-excel-file) loads on the first export, so no page's first load carries it.
import { App } from 'antd';
import { useState } from 'react';
import type { Cell } from 'write-excel-file/browser';
import { i18n } from '@/i18n';

export interface XlsxColumn<R> {
  header: string;
  width: number;
  cell: (row: R) => Cell;
}

/** A score as a number with one decimal, as the screens show it (93 reads 93.0, as beside 88.2). */
export const xlsxScore = (value: number | null | undefined): Cell => (value === null || value === undefined ? null : { value, type: Number, format: '0.0' });

/** An export function for a list page, and whether one is running (for the button's spinner). */
export function useXlsxDownload() {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  async function download<R>(rows: R[], sheet: string, columns: XlsxColumn<R>[], fileName: string) {
    setExporting(true);
    try {
      const { default: writeXlsxFile } = await import('write-excel-file/browser');
      await writeXlsxFile(rows, {
        sheet,
        stickyRowsCount: 1,
        columns: columns.map((c) => ({ header: { value: c.header, fontWeight: 'bold' as const }, width: c.width, cell: c.cell })),
      }).toFile(`${fileName}.xlsx`);
    } catch (error) {
      void message.error(i18n.t('errors.unknown', { message: (error as Error).message }));
    } finally {
      setExporting(false);
    }
  }
  return { exporting, download };
}
