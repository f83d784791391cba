// A row selected from elsewhere (a marker on the map, the overdue list, the dispatcher's own new report) can sit below
// the list's own scroll: it is brought into the list's view. The list alone scrolls; the page and the keyboard focus stay
// where they are (a dispatcher who opened a marker with Enter goes on from the marker). Only a change of the selection
// scrolls: the live updates that add rows above a selected one leave the dispatcher's own scrolling alone.
export function observe(list) {
  if (!list) return;
  // The observer lives as long as the list it watches: it goes with the page.
  new MutationObserver(records => {
    let selected = null;
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target.getAttribute('aria-current') === 'true') selected = record.target;
        continue;
      }
      // A row that arrives selected: a selection brought it onto the board ("show more" grows to it), or a filter
      // cleared around it.
      for (const node of record.addedNodes) {
        const row = node.nodeType === Node.ELEMENT_NODE ? node.querySelector('[aria-current="true"]') : null;
        if (row) selected = row;
      }
    }
    if (selected) reveal(list, selected);
  }).observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-current'] });
  // Said on the list itself: a selection made before this point (the module still loading) is not followed.
  list.dataset.followsSelection = 'true';
}

function reveal(list, row) {
  const box = list.getBoundingClientRect();
  const shown = row.getBoundingClientRect();
  if (shown.top < box.top) list.scrollTop -= box.top - shown.top;
  else if (shown.bottom > box.bottom) list.scrollTop += Math.min(shown.bottom - box.bottom, shown.top - box.top);
}
