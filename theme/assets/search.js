// The search page: asks Pagefind's index (built with the site) and lists what it finds. Results are made as DOM
// nodes from text; the excerpt's <mark> highlights are rebuilt one by one, so no markup from the index reaches the page.
// Its messages come from the page (data-text-* attributes, in the page's language); Pagefind searches the pages
// whose <html lang> is the page's own.
const LIMIT = 50;

const root = document.querySelector('[data-pagefind-bundle]');
if (root) {
  start(root);
}

async function start(root) {
  const form = root.querySelector('form');
  const input = form.querySelector('input[type=search]');
  const status = root.querySelector('[role=status]');
  const list = root.querySelector('.search-results');
  const base = new URL(root.dataset.baseUrl, location.href);

  root.querySelector('.search-nojs').hidden = true;
  let pagefind;
  try {
    // The index is split into shards (a build re-indexes only those whose pages changed): the language's first one
    // brings Pagefind's script, and the others are merged into it.
    const bundle = new URL(root.dataset.pagefindBundle, location.href);
    const listed = await fetch(new URL('shards.json', bundle));
    if (!listed.ok) {
      throw new Error(`shards.json: ${listed.status}`);
    }
    const shards = shardsOf(await listed.json(), document.documentElement.lang || 'unknown');
    pagefind = await import(new URL('pagefind.js', new URL(shards[0], bundle)).href);
    await pagefind.options({ baseUrl: base.pathname });
    await pagefind.init();
    await Promise.all(shards.slice(1).map(shard => pagefind.mergeIndex(new URL(shard, bundle).pathname, { baseUrl: base.pathname })));
  } catch (error) {
    console.warn('Search could not be loaded:', error);
    status.textContent = root.dataset.textLoadFailed;
    return;
  }

  form.hidden = false;

  let latest = 0;
  async function run(query) {
    const ticket = ++latest;
    if (query === '') {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = root.dataset.textEmpty;
      return;
    }

    let search;
    let found;
    try {
      search = await pagefind.search(query);
      found = await Promise.all(search.results.slice(0, LIMIT).map(result => result.data()));
    } catch (error) {
      console.warn('Search failed:', error);
      if (ticket === latest) {
        status.textContent = root.dataset.textFailed;
      }
      return;
    }
    if (ticket !== latest) {
      return; // A newer search has started; its results win.
    }

    const items = found.filter(sameSite).map(resultItem);
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    status.textContent = summary(root.dataset, search.results.length, query);
  }

  function sameSite(result) {
    return new URL(result.url, location.href).origin === location.origin;
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query === '') {
      url.searchParams.delete('q');
    } else {
      url.searchParams.set('q', query);
    }
    // The address holds the query, so a search can be bookmarked and the back button returns to it.
    history.replaceState(null, '', url);
    run(query);
  });

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
}

// The shards of the page's language, as Pagefind picks an index for a language: the tag itself, then its first part.
function shardsOf(list, lang) {
  const shards = list[lang] || list[lang.toLowerCase()] || list[lang.split('-')[0]];
  if (!Array.isArray(shards) || shards.length === 0 || !shards.every(shard => typeof shard === 'string')) {
    throw new Error(`no search index for the language '${lang}'`);
  }
  return shards;
}

// Fills a message's {placeholders}; numbers are written in the page language's digits.
function fill(text, values) {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function summary(text, count, query) {
  const digits = new Intl.NumberFormat(document.documentElement.lang || 'en', { useGrouping: false });
  const quoted = fill(text.textQuoted, { query });
  if (count === 0) {
    return fill(text.textNone, { query: quoted });
  }
  const results = fill(count === 1 ? text.textOne : text.textMany, { count: digits.format(count) });
  return count > LIMIT
    ? fill(text.textLimited, { results, query: quoted, limit: digits.format(LIMIT) })
    : fill(text.textFound, { results, query: quoted });
}

function resultItem(result) {
  const item = document.createElement('li');
  item.className = 'search-result';

  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title || result.url;
  heading.append(link);
  item.append(heading);

  const about = [result.meta.kind, result.meta.date].filter(Boolean).join(' · ');
  if (about) {
    const line = document.createElement('p');
    line.className = 'search-about';
    line.textContent = about;
    item.append(line);
  }

  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(excerpt);
  return item;
}

// Pagefind's excerpt is HTML text with <mark> around the words found. It is parsed in an inert document (nothing in
// it runs or loads) and only its text and its marks are copied across.
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(parsed.body.childNodes, node => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}
