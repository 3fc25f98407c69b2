using System.Buffers;
using System.Text;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Loading;

/// <summary>
/// The bytes of a parsed event in the cache folder (see <see cref="ParsedEventCache"/>): each value in the order the
/// record declares it, numbers as 7-bit varints, text as UTF-8 with its length, lists and maps with their counts. It is
/// read back at the start of every build, 10,000 events at a time: JSON took 40 microseconds an event, most of a
/// title edit's read step. No library: the ones that read as fast want their attributes on the model's records.
/// An entry that does not read back whole (cut short, a count past its end, text that is not UTF-8, a date that does
/// not exist, bytes left over) is <see cref="InvalidDataException"/>, and the file is parsed again.
/// </summary>
internal static class ParsedEventFormat
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Write(TimelineEvent e)
    {
        var w = new Writer(new ArrayBufferWriter<byte>(4096));
        w.Text(e.Id);
        w.Span(e.When);
        w.Text(e.Title);
        w.Text(e.Summary);
        w.List(e.Tags, w.Text);
        foreach (var references in new[] { e.Related, e.Sources, e.People, e.Organisations, e.Places })
        {
            w.List(references, reference =>
            {
                w.Text(reference.Id);
                w.Origin(reference.Origin);
            });
        }

        w.Markdown(e.Body);
        w.Origin(e.Origin);
        w.List(e.Translations, p =>
        {
            w.Text(p.Key);
            w.Text(p.Value.Language);
            w.Text(p.Value.Title);
            w.Text(p.Value.Summary);
            w.Markdown(p.Value.Body);
            w.Origin(p.Value.Origin);
        });
        w.Day(e.Dates.Published);
        w.Day(e.Dates.Updated);
        w.List(e.Dates.Corrections, c =>
        {
            w.Day(c.Date);
            w.Text(c.Text);
            w.Origin(c.Origin);
            w.List(c.Translations, p =>
            {
                w.Text(p.Key);
                w.Text(p.Value);
            });
        });
        w.Date(e.Sort);
        return w.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a whole event as <see cref="Write"/> writes one.</exception>
    public static TimelineEvent Read(ReadOnlySpan<byte> bytes)
    {
        var r = new Reader(bytes);
        var id = r.Text();
        var when = r.Span();
        var title = r.Text();
        var summary = r.Text();
        var tags = r.List(static (ref Reader r) => r.Text());
        var related = r.List(Reference);
        var sources = r.List(Reference);
        var people = r.List(Reference);
        var organisations = r.List(Reference);
        var places = r.List(Reference);
        var body = r.Markdown();
        var origin = r.Origin();
        var translations = r.Map(static (ref Reader r) => new EventTranslation(r.Text(), r.Text(), r.Text(), r.Markdown(), r.Origin()));
        var published = r.Day();
        var updated = r.Day();
        var corrections = r.List(static (ref Reader r) =>
            new Correction(r.Day() ?? throw new InvalidDataException("a correction without its date"), r.Text(), r.Origin())
            {
                Translations = r.Map(static (ref Reader r) => r.Text()),
            });
        var sort = r.Date();
        r.End();
        return new TimelineEvent(id, when, title, summary, tags, related, sources, people, organisations, places, body, origin)
        {
            Translations = translations.Count == 0 ? Model.Translations.None<EventTranslation>() : translations,
            Dates = new EntryDates(published, updated, corrections),
            Sort = sort,
        };

        static Reference Reference(ref Reader r) => new(r.Text(), r.Origin());
    }

    private delegate T ItemReader<T>(ref Reader reader);

    private readonly struct Writer(ArrayBufferWriter<byte> buffer)
    {
        public byte[] ToArray() => buffer.WrittenSpan.ToArray();

        public void Count(int value) => Number(checked((uint)value));

        public void Number(uint value)
        {
            var span = buffer.GetSpan(5);
            var n = 0;
            while (value >= 0x80)
            {
                span[n++] = (byte)(value | 0x80);
                value >>= 7;
            }

            span[n++] = (byte)value;
            buffer.Advance(n);
        }

        public void Text(string text)
        {
            var length = Strict.GetByteCount(text);
            Count(length);
            buffer.Advance(Strict.GetBytes(text, buffer.GetSpan(length)));
        }

        public void Bool(bool value) => Number(value ? 1u : 0u);

        // A list or a map: how many items, then each.
        public void List<T>(IReadOnlyCollection<T> items, Action<T> write)
        {
            Count(items.Count);
            foreach (var item in items)
            {
                write(item);
            }
        }

        public void Origin(Origin origin)
        {
            Text(origin.Path);
            Number(unchecked((uint)origin.Position.Line));
            Number(unchecked((uint)origin.Position.Column));
        }

        public void Markdown(MarkdownText markdown)
        {
            Text(markdown.Text);
            Number(unchecked((uint)markdown.FirstLine));
            Number(unchecked((uint)markdown.Indent));
            Bool(markdown.LinesExact);
        }

        // A partial date as year, month and day, 0 for a part it does not give; a missing date as year 0.
        public void Date(PartialDate? date)
        {
            Number((uint)(date?.Year ?? 0));
            Number((uint)(date?.Month ?? 0));
            Number((uint)(date?.Day ?? 0));
        }

        public void Span(DateSpan span)
        {
            Date(span.Start);
            Date(span.End);
            Bool(span.Circa);
        }

        // A day as its day number plus one; 0 when there is none.
        public void Day(DateOnly? day) => Number(day is { } d ? (uint)d.DayNumber + 1 : 0);
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        // Every place in one record names the same file: its path is made into a string once.
        private string? _path;

        public uint Number()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (_at >= _bytes.Length)
                {
                    throw new InvalidDataException("cut short");
                }

                var b = _bytes[_at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("a number too long");
        }

        public int Count() => Number() is var n && n <= _bytes.Length - _at ? (int)n : throw new InvalidDataException("a count past the end");

        public string Text() => Decode(Bytes());

        public bool Bool() => Number() switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidDataException("not a yes or no"),
        };

        public Origin Origin()
        {
            var bytes = Bytes();
            _path = _path is not null && Fits(_path, bytes) ? _path : Decode(bytes);
            return new Origin(_path, new SourcePosition(unchecked((int)Number()), unchecked((int)Number())));
        }

        public T[] List<T>(ItemReader<T> read)
        {
            var items = new T[Count()];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = read(ref this);
            }

            return items;
        }

        // Keyed by language, each key once.
        public Dictionary<string, T> Map<T>(ItemReader<T> read)
        {
            var count = Count();
            var items = new Dictionary<string, T>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                if (!items.TryAdd(Text(), read(ref this)))
                {
                    throw new InvalidDataException("a language twice");
                }
            }

            return items;
        }

        public MarkdownText Markdown() => new(Text(), unchecked((int)Number()), unchecked((int)Number()), Bool());

        public PartialDate? Date()
        {
            var (year, month, day) = ((int)Number(), (int)Number(), (int)Number());
            try
            {
                return (year, month, day) switch
                {
                    (0, 0, 0) => null,
                    (_, 0, 0) => PartialDate.OfYear(year),
                    (_, _, 0) => PartialDate.OfMonth(year, month),
                    _ => PartialDate.OfDay(year, month, day),
                };
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new InvalidDataException("a date that does not exist");
            }
        }

        public DateSpan Span() => new(Date() ?? throw new InvalidDataException("a span without its start"), Date(), Bool());

        public DateOnly? Day() => Number() switch
        {
            0 => null,
            var n when n - 1 <= (uint)DateOnly.MaxValue.DayNumber => DateOnly.FromDayNumber((int)(n - 1)),
            _ => throw new InvalidDataException("a day that does not exist"),
        };

        public readonly void End()
        {
            if (_at != _bytes.Length)
            {
                throw new InvalidDataException("bytes left over");
            }
        }

        private ReadOnlySpan<byte> Bytes()
        {
            var length = Count();
            var bytes = _bytes.Slice(_at, length);
            _at += length;
            return bytes;
        }

        // Whether the text is the one these bytes hold (ASCII compared without decoding; else decoded).
        private static bool Fits(string text, ReadOnlySpan<byte> bytes) =>
            Ascii.IsValid(bytes) ? Ascii.Equals(bytes, text) : Decode(bytes) == text;

        private static string Decode(ReadOnlySpan<byte> bytes)
        {
            try
            {
                return Strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException("text that is not UTF-8");
            }
        }
    }
}
