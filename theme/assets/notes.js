// Notes beside the claims. Without JavaScript a note marker is a link to the numbered list at the end of the page (also
// what prints). With it, on a wide screen each note is shown in the margin beside the sentence that cites it; on a
// narrower one a marker opens its note in place, in a popover that Escape, a click elsewhere or its close button
// closes, giving focus back to the marker. The notes' words are the list's own, copied; nothing leaves the page.
(() => {
  const list = document.querySelector('.notes[data-text-close]');
  const markers = [...document.querySelectorAll('a[role="doc-noteref"]')];
  if (!list || markers.length === 0) return;

  // The note a marker points to, as a box: its number, the source as the list gives it, and the link to its page.
  const noteBox = (marker, tag) => {
    const item = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
    if (!item) return null;
    const box = document.createElement(tag);
    const number = document.createElement('span');
    number.className = 'note-number';
    number.textContent = marker.textContent;
    box.append(number, ' ');
    for (const part of item.querySelectorAll(':scope > .note-source, :scope > .source-about')) {
      box.append(part.cloneNode(true), ' ');
    }
    for (const element of box.querySelectorAll('[id]')) element.removeAttribute('id');
    return box;
  };

  // Wide screens: one note per marker group, in the margin at the height of its first marker, never overlapping.
  const wide = window.matchMedia('(min-width: 80rem)');
  const margins = [];
  const layOut = () => {
    for (const margin of margins.splice(0)) margin.remove();
    if (!wide.matches) return;
    const shown = new Set();
    for (const text of document.querySelectorAll('.event-body, .page-body, .entity-body')) {
      const margin = document.createElement('div');
      margin.className = 'sidenotes';
      text.append(margin);
      margins.push(margin);
      let bottom = 0;
      for (const marker of text.querySelectorAll('a[role="doc-noteref"]')) {
        if (shown.has(marker.hash)) continue;
        const box = noteBox(marker, 'aside');
        if (!box) continue;
        shown.add(marker.hash);
        box.className = 'sidenote';
        box.dataset.note = marker.hash;
        box.setAttribute('aria-label', marker.getAttribute('aria-label') || marker.textContent);
        margin.append(box);
        const top = Math.max(marker.getBoundingClientRect().top - text.getBoundingClientRect().top, bottom);
        box.style.insetBlockStart = `${top}px`;
        bottom = top + box.offsetHeight + 12;
      }
    }
  };

  // Narrower screens: the note opens where its marker is.
  const popover = 'popover' in HTMLElement.prototype ? document.createElement('div') : null;
  let opener = null;
  if (popover) {
    popover.className = 'note-popover';
    popover.popover = 'auto';
    popover.setAttribute('role', 'dialog');
    popover.tabIndex = -1;
    document.body.append(popover);
    popover.addEventListener('toggle', event => {
      if (event.newState === 'closed' && opener) opener.focus();
    });
  }

  const open = marker => {
    const box = noteBox(marker, 'div');
    if (!box) return false;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'note-close';
    close.textContent = list.dataset.textClose;
    close.addEventListener('click', () => popover.hidePopover());
    popover.replaceChildren(box, close);
    popover.setAttribute('aria-label', marker.getAttribute('aria-label') || marker.textContent);
    opener = marker;
    popover.showPopover();
    const width = document.documentElement.clientWidth;
    const place = marker.getBoundingClientRect();
    const size = popover.getBoundingClientRect();
    const left = Math.min(Math.max(8, place.left + place.width / 2 - size.width / 2), width - size.width - 8);
    const below = place.bottom + 8 + size.height <= window.innerHeight;
    popover.style.left = `${left}px`;
    popover.style.top = `${below ? place.bottom + 8 : Math.max(8, place.top - 8 - size.height)}px`;
    popover.focus();
    return true;
  };

  for (const marker of markers) {
    marker.addEventListener('click', event => {
      const side = margins.length > 0 ? document.querySelector(`.sidenote[data-note="${CSS.escape(marker.hash)}"]`) : null;
      if (side) {
        event.preventDefault();
        side.classList.remove('sidenote-lit');
        void side.offsetWidth;
        side.classList.add('sidenote-lit');
      } else if (popover && open(marker)) {
        event.preventDefault();
      }
    });
  }

  layOut();
  wide.addEventListener('change', layOut);
  // Web fonts and images arriving move the text under the notes; place them again once all is in.
  window.addEventListener('load', layOut);
})();
