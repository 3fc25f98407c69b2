using System.Globalization;
using System.Text;

namespace Timeline.Bench;

/// <summary>
/// Writes a synthetic Timeline site of N events for the benchmark: the same N and seed always give the same
/// files, byte for byte. Each event has three paragraphs, two citations, three tags, one related event and a
/// few event links, as the benchmark in docs/benchmarks.md describes. The text is filler, never content.
/// </summary>
public static class Program
{
    public const int FirstYear = 1950;
    public const int LastYear = 2024;

    private static readonly string[] Words =
    [
        "account", "archive", "board", "commission", "court", "document", "family", "grave", "hearing", "inquiry",
        "letter", "list", "memorial", "name", "notice", "office", "order", "petition", "prison", "record",
        "report", "request", "ruling", "session", "statement", "testimony", "transfer", "verdict", "visit", "witness",
        "published", "received", "described", "recorded", "reported", "confirmed", "denied", "requested", "noted", "cited",
        "later", "earlier", "formal", "public", "private", "written", "several", "annual", "regional", "national",
    ];

    private static readonly string[] TagWords =
    [
        "accountability", "archives", "arrests", "burials", "commissions", "courts", "denial", "detention", "diaspora",
        "executions", "families", "graves", "hearings", "investigations", "journalism", "letters", "memorials",
        "petitions", "prisons", "protests", "reports", "resolutions", "sanctions", "testimony", "trials", "un",
        "verdicts", "witnesses", "women", "youth", "universities", "media", "law", "exile", "amnesty", "appeals",
        "inquiries", "monuments", "records", "statements",
    ];

    private static readonly string[] Kinds = ["article", "report", "letter", "statement", "post", "resolution", "ruling", "book"];

    public static int Main(string[] args)
    {
        if (args.Length is < 2 or > 3 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var count) || count < 10)
        {
            Console.Error.WriteLine("usage: site-generator EVENTS OUTPUT-FOLDER [SEED]   (EVENTS at least 10)");
            return 2;
        }

        var folder = args[1];
        var seed = args.Length == 3 ? ulong.Parse(args[2], CultureInfo.InvariantCulture) : 1988UL;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        new Generator(count, folder, new SplitMix64(seed)).Write();
        return 0;
    }

    private sealed class Generator(int count, string folder, SplitMix64 random)
    {
        // Capped so that sources.yml and entities.yml stay under the 1 MiB a file may hold.
        private readonly string[] _sources = Ids("source", Math.Clamp(count / 20, 50, 2000));
        private readonly string[] _people = Ids("person", Math.Clamp(count / 40, 5, 1500));
        private readonly string[] _organisations = Ids("organisation", Math.Clamp(count / 200, 5, 300));
        private readonly string[] _places = Ids("place", Math.Clamp(count / 100, 5, 600));
        private readonly string[] _tags = TagWords;
        private readonly List<(string Id, string Date)> _events = [];

        public void Write()
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "site.yml"),
                "title: Synthetic benchmark timeline\n" +
                "description: Generated filler text for timing the build; not a real record.\n" +
                "base_url: https://bench.example.org\n" +
                "language: en\n");

            // Event ids are made first so that links and related events can point anywhere in the timeline.
            for (var i = 0; i < count; i++)
            {
                var date = RandomDate();
                _events.Add(($"{date}-{Word()}-{Word()}-{i + 1}", date));
            }

            WriteSources();
            WriteEntities();
            WriteEras();
            WritePages();
            for (var i = 0; i < count; i++)
            {
                WriteEvent(i);
            }
        }

        private void WriteSources()
        {
            var text = new StringBuilder("# Generated sources.\n");
            foreach (var id in _sources)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- id: {id}\n");
                text.Append(CultureInfo.InvariantCulture, $"  title: \"{Sentence(6, false)}\"\n");
                text.Append(CultureInfo.InvariantCulture, $"  publisher: {Capital(Word())} {Capital(Word())} Review\n");
                if (random.Next(3) == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  author: {Capital(Word())} {Capital(Word())}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"  date: \"{RandomDate()}\"\n");
                text.Append(CultureInfo.InvariantCulture, $"  url: https://bench.example.org/sources/{id}\n");
                text.Append(CultureInfo.InvariantCulture, $"  kind: {Kinds[random.Next(Kinds.Length)]}\n");
                if (random.Next(2) == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  note: \"{Sentence(12, true)}\"\n");
                }
            }

            File.WriteAllText(Path.Combine(folder, "sources.yml"), text.ToString());
        }

        private void WriteEntities()
        {
            var text = new StringBuilder("# Generated people, organisations and places.\n");
            foreach (var (ids, kind) in new[] { (_people, "person"), (_organisations, "organisation"), (_places, "place") })
            {
                foreach (var id in ids)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n- id: {id}\n");
                    text.Append(CultureInfo.InvariantCulture, $"  name: {Capital(Word())} {Capital(Word())} {id[(id.LastIndexOf('-') + 1)..]}\n");
                    text.Append(CultureInfo.InvariantCulture, $"  kind: {kind}\n");
                    text.Append(CultureInfo.InvariantCulture, $"  summary: \"{Sentence(14, false)} [@{Pick(_sources)}].\"\n");
                }
            }

            File.WriteAllText(Path.Combine(folder, "entities.yml"), text.ToString());
        }

        /// <summary>Six eras with gaps between them, so that some events fall outside every era.</summary>
        private void WriteEras()
        {
            var text = new StringBuilder();
            var bounds = new[] { (1950, 1959), (1960, 1969), (1975, 1988), (1989, 1999), (2000, 2012), (2016, 2024) };
            for (var i = 0; i < bounds.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"- id: era-{i + 1}\n");
                text.Append(CultureInfo.InvariantCulture, $"  title: Period {i + 1}\n");
                text.Append(CultureInfo.InvariantCulture, $"  start: \"{bounds[i].Item1}\"\n");
                text.Append(CultureInfo.InvariantCulture, $"  end: \"{bounds[i].Item2}\"\n");
                text.Append(CultureInfo.InvariantCulture, $"  summary: {Sentence(16, true)}\n\n");
            }

            File.WriteAllText(Path.Combine(folder, "eras.yml"), text.ToString());
        }

        private void WritePages()
        {
            Directory.CreateDirectory(Path.Combine(folder, "pages"));
            var body = $"{Paragraph()} [@{Pick(_sources)}]\n\n{Paragraph()} See [[{_events[0].Id}]].\n";
            File.WriteAllText(Path.Combine(folder, "pages", "about.md"), $"---\ntitle: About this benchmark\nsummary: {Sentence(10, true)}\n---\n{body}");
        }

        private void WriteEvent(int index)
        {
            var (id, date) = _events[index];
            var tags = Distinct(3, () => Pick(_tags));
            var citations = Distinct(2, () => Pick(_sources));
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"date: \"{date}\"\n");
            if (random.Next(20) == 0)
            {
                text.Append("circa: true\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"title: \"{Sentence(7, false)}\"\n");
            text.Append(CultureInfo.InvariantCulture, $"summary: >-\n  {Sentence(24, true)}\n");
            text.Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", tags)}]\n");
            text.Append(CultureInfo.InvariantCulture, $"people: [{string.Join(", ", Distinct(1 + random.Next(2), () => Pick(_people)))}]\n");
            if (random.Next(2) == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"organisations: [{Pick(_organisations)}]\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"places: [{Pick(_places)}]\n");
            text.Append(CultureInfo.InvariantCulture, $"related: [{OtherEvent(index)}]\n");
            text.Append("body: |\n");
            text.Append(CultureInfo.InvariantCulture, $"  {Paragraph()} [@{citations[0]}]\n\n");
            text.Append(CultureInfo.InvariantCulture, $"  {Paragraph()} See [[{OtherEvent(index)}]] and *{Word()}* {Word()} [@{citations[1]}, p. {1 + random.Next(300)}].\n\n");
            text.Append(CultureInfo.InvariantCulture, $"  {Paragraph()} As [[{OtherEvent(index)}|the {Word()} {Word()}]] shows, {Sentence(8, false).ToLowerInvariant()}.\n");

            var year = date[..4];
            var eventFolder = Path.Combine(folder, "events", year);
            Directory.CreateDirectory(eventFolder);
            File.WriteAllText(Path.Combine(eventFolder, id + ".yml"), text.ToString());
        }

        private string OtherEvent(int index)
        {
            var other = random.Next(count - 1);
            return _events[other >= index ? other + 1 : other].Id;
        }

        /// <summary>Mostly full dates; some only a month or a year, as real records have.</summary>
        private string RandomDate()
        {
            var year = FirstYear + random.Next(LastYear - FirstYear + 1);
            var month = 1 + random.Next(12);
            var day = 1 + random.Next(28);
            return random.Next(10) switch
            {
                0 => year.ToString(CultureInfo.InvariantCulture),
                1 => string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}-{day:00}"),
            };
        }

        private string Paragraph()
        {
            var sentences = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                sentences.Add(Sentence(10 + random.Next(8), true));
            }

            return string.Join(' ', sentences);
        }

        private string Sentence(int words, bool stop)
        {
            var parts = new List<string>();
            for (var i = 0; i < words; i++)
            {
                parts.Add(Word());
            }

            parts[0] = Capital(parts[0]);
            return string.Join(' ', parts) + (stop ? "." : "");
        }

        private string Word() => Words[random.Next(Words.Length)];

        private string Pick(string[] items) => items[random.Next(items.Length)];

        private static List<string> Distinct(int how, Func<string> pick)
        {
            var picked = new List<string>();
            while (picked.Count < how)
            {
                var item = pick();
                if (!picked.Contains(item))
                {
                    picked.Add(item);
                }
            }

            return picked;
        }

        private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

        private static string[] Ids(string prefix, int how) =>
            Enumerable.Range(1, how).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}")).ToArray();
    }

    /// <summary>A small, fixed random generator: System.Random's sequence may change between .NET versions.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }
    }
}
