// A plain, accessible table: headers and rows of already-formatted cells. Below 640 px (a phone) each
// row becomes a card with the column name beside each value: a six-column table scrolled sideways there.

const narrow = {
  frame: "max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent max-sm:shadow-none",
  table: "max-sm:block",
  head: "max-sm:hidden",
  body: "max-sm:block max-sm:space-y-3 max-sm:divide-y-0",
  row: "max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:p-3 max-sm:shadow-sm",
  cell: "max-sm:flex max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:font-semibold max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]",
};

export function DataTable({ caption, headers, rows, testId }: { caption: string; headers: string[]; rows: React.ReactNode[][]; testId?: string }) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${narrow.frame}`}>
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${narrow.table}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={`bg-slate-50 ${narrow.head}`}>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 text-left font-semibold text-slate-600">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-slate-100 ${narrow.body}`}>
          {rows.length === 0 ? (
            <tr className={narrow.row}>
              <td colSpan={headers.length} className="px-3 py-6 text-center text-slate-500">
                Nothing yet.
              </td>
            </tr>
          ) : (
            rows.map((cells, rowIndex) => (
              <tr key={rowIndex} className={narrow.row}>
                {cells.map((cell, cellIndex) => (
                  <td key={cellIndex} data-label={headers[cellIndex]} className={`px-3 py-2 align-top ${narrow.cell}`}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
