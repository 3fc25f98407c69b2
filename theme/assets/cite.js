// "Cite this entry": fills in today's date where a citation style wants the day it was read (only for an entry with
// no date of its own), and makes each "Copy citation" button copy its citation, italics kept where the place it is
// pasted into takes them. Without JavaScript the buttons stay hidden, the citations can be selected and copied by
// hand, and no access date is shown rather than a placeholder. Months are written in English: the styles are.
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const mlaMonths = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const today = new Date();
const [y, m, d] = [today.getFullYear(), today.getMonth(), today.getDate()];
const accessed = {
  apa: `Retrieved ${months[m]} ${d}, ${y}, from `,
  mla: ` Accessed ${d} ${mlaMonths[m]} ${y}.`,
  chicago: `Accessed ${months[m]} ${d}, ${y}. `,
};
for (const slot of document.querySelectorAll('.cite-accessed[data-style]')) {
  slot.textContent = accessed[slot.dataset.style] ?? '';
}

const list = document.querySelector('.citations');
for (const button of document.querySelectorAll('button[data-copy-citation]')) {
  const citation = document.getElementById(button.dataset.copyCitation);
  const status = button.parentElement.querySelector('.copy-status');
  if (!list || !citation || !status || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = citation.textContent;
    try {
      if (window.ClipboardItem && navigator.clipboard.write) {
        await navigator.clipboard.write([new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([citation.innerHTML], { type: 'text/html' }),
        })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      status.textContent = list.dataset.textCopied;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(citation);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = list.dataset.textSelected;
    }
  });
}
