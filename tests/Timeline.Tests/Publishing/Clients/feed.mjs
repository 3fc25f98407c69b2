// Reads an Atom feed on standard input with @rowanmanning/feed-parser, as a feed reader would, and writes what it
// understood as JSON: the feed's title and updated date, and each item's id, title, url, published and updated.
import { readFileSync } from 'node:fs';
import { parseFeed } from '@rowanmanning/feed-parser';

const feed = parseFeed(readFileSync(0, 'utf8'));
const date = d => (d ? d.toISOString() : null);
process.stdout.write(JSON.stringify({
  type: feed.meta.type,
  title: feed.title,
  updated: date(feed.updated),
  items: feed.items.map(i => ({ id: i.id, title: i.title, url: i.url, published: date(i.published), updated: date(i.updated) })),
}));
