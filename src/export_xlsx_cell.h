/* export_xlsx_cell: cells that every workbook tenken writes fills alike
 * (the answers' export and the many-file report). */
#ifndef TENKEN_EXPORT_XLSX_CELL_H
#define TENKEN_EXPORT_XLSX_CELL_H

#include <xlsxwriter.h>

#include "checklist.h"

/* Writes item it's 通番 at row r, column c: a number cell for a published
 * item, a string cell for an overlay's ("A-1"). Returns libxlsxwriter's
 * error. */
lxw_error export_xlsx_item(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const struct item *it,
			   lxw_format *f);

#endif
