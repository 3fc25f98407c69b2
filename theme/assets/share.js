// Share links: each "Copy" button copies its field. Its messages, in the page's language, are in its data-text-* attributes. Without JavaScript the buttons stay hidden and the
// fields can be selected and copied by hand. No data leaves the page.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector('.copy-status');
  if (!field || !status || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.textCopied;
    } catch {
      field.select();
      status.textContent = button.dataset.textSelected;
    }
  });
}

// The browser's own share sheet, where it offers one (phones, mostly): the title and date as its title, with the summary
// as its text. Elsewhere the button stays hidden and the links above do the same work.
for (const button of document.querySelectorAll('button.share-native')) {
  if (typeof navigator.share !== 'function') continue;
  const data = { title: button.dataset.shareTitle, text: button.dataset.shareText, url: button.dataset.shareUrl };
  if (navigator.canShare && !navigator.canShare(data)) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.share(data);
    } catch {
      // Closed by the reader, or refused by the browser: nothing to report.
    }
  });
}
