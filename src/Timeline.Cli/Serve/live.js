// Live reload for `timeline serve`; a built site never loads this file.
// After a good rebuild the page reloads; after a bad one the errors are shown over it,
// while the server keeps serving the last good build.
(function () {
  'use strict';

  var loaded = new URL(document.currentScript.src).searchParams.get('v');
  var overlay = null;
  var opener = null;

  var style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = '/_timeline/live.css';
  document.head.appendChild(style);

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
      if (opener && document.contains(opener)) {
        opener.focus();
      }
    }
  }

  function show(errors) {
    hide();
    opener = document.activeElement;
    overlay = document.createElement('section');
    overlay.className = 'timeline-live-errors';
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('aria-labelledby', 'timeline-live-errors-title');

    var title = document.createElement('h2');
    title.id = 'timeline-live-errors-title';
    title.textContent = errors.length === 1 ? 'The site has 1 error' : 'The site has ' + errors.length + ' errors';

    var note = document.createElement('p');
    note.textContent = 'The last good build is still being served. Fix the errors and save; this page reloads by itself.';

    var list = document.createElement('pre');
    list.textContent = errors.join('\n');

    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', hide);

    overlay.append(title, note, list, close);
    overlay.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        hide();
      }
    });
    document.body.appendChild(overlay);
    close.focus();
  }

  var events = new EventSource('/_timeline/events');
  events.addEventListener('state', function (event) {
    var state = JSON.parse(event.data);
    if (state.errors.length > 0) {
      show(state.errors);
    } else if (String(state.version) !== loaded) {
      location.reload();
    } else {
      hide();
    }
  });
}());
