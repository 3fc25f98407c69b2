// For pages that show this site's event cards in frames (the embed code's optional second line): each frame from this
// site is made as tall as its card. The script asks each frame for its height and sets it; it reads nothing else of
// the page and sends nothing anywhere but to the frames. Without it a card fills its frame's fixed height.
(() => {
  const origin = new URL(document.currentScript ? document.currentScript.src : location.href).origin;
  const ours = frame => {
    try { return new URL(frame.src, location.href).origin === origin; } catch { return false; }
  };
  const ask = frame => frame.contentWindow && frame.contentWindow.postMessage({ timelineEmbed: 'fit' }, origin);
  const watch = frame => {
    if (frame.dataset.timelineFit || !ours(frame)) return;
    frame.dataset.timelineFit = 'asked';
    frame.addEventListener('load', () => ask(frame));
    ask(frame);
  };
  addEventListener('message', event => {
    if (event.origin !== origin || !event.data || typeof event.data.timelineEmbedHeight !== 'number') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(event.data.timelineEmbedHeight)}px`;
    }
  });
  const all = () => document.querySelectorAll('iframe').forEach(watch);
  all();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
})();
