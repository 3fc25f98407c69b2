// Inside an event card in another site's frame. When that page runs this site's embed.js and asks, the card stops
// filling the frame and tells the page its own height, again whenever it changes (a narrower frame, a font arriving).
// It answers only the page that framed it, and only with a number.
addEventListener('message', event => {
  if (event.source !== parent || !event.data || event.data.timelineEmbed !== 'fit') return;
  const root = document.documentElement;
  if (root.classList.contains('embed-fitted')) return;
  root.classList.add('embed-fitted');
  const card = document.querySelector('.embed-card');
  const tell = () => parent.postMessage({ timelineEmbedHeight: card.getBoundingClientRect().height }, event.origin);
  new ResizeObserver(tell).observe(card);
  tell();
});
