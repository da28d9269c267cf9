// The report's one inline script, allowed by its hash in the Content-Security-Policy.
// Everything else (filter, tooltips) is CSS; this only opens the collapsed lists for printing,
// for browsers whose print stylesheet cannot reach ::details-content.
export const SCRIPT = `(() => {
  const opened = [];
  addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details:not([open])')) { d.open = true; opened.push(d); }
  });
  addEventListener('afterprint', () => { for (const d of opened.splice(0)) d.open = false; });
})();`;
