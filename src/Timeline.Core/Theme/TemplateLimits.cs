using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text;
using Fluid.Ast;
using Fluid.Values;
using Fluid;

namespace Timeline.Theme;

/// <summary>
/// Bounds on what one page's render may do, so that a theme cannot run or grow forever: Fluid's steps and include
/// depth, and ours for what Fluid does not bound (a range's length, a value's size, the page's size). Each is far
/// above what the shipped theme needs for a site of 10,000 events, whose index (8.5 MB) lists every one of them.
/// </summary>
internal static partial class TemplateLimits
{
    /// <summary>Statements one render may run (Fluid's MaxSteps): a loop of a billion stops within seconds.</summary>
    public const int MaxSteps = 50_000_000;

    /// <summary>How deep templates may include one another (Fluid's MaxRecursion).</summary>
    public const int MaxRecursion = 100;

    /// <summary>The most numbers a range (a..b) may hold: Fluid makes them all before a loop starts.</summary>
    public const int MaxRangeLength = 10_000_000;

    /// <summary>The most characters a text, or items a list, may hold after a filter (append in a loop doubles a text).</summary>
    public const int MaxValueLength = 16 * 1024 * 1024;

    /// <summary>The most characters one page may have.</summary>
    public const int MaxPageLength = 256 * 1024 * 1024;

    /// <summary>Sets Fluid's own limits and bounds the size of every filter's result.</summary>
    public static void Apply(TemplateOptions options)
    {
        options.MaxSteps = MaxSteps;
        options.MaxRecursion = MaxRecursion;
        foreach (var (name, filter) in options.Filters.ToList())
        {
            options.Filters.AddFilter(name, Bounded(filter));
        }
    }

    // Only what a filter makes grow is stopped: one that passes a long value on as it came (raw, over the overview of
    // a site of 100,000 events, 20 million characters) grew nothing, and stopping it made such a site unbuildable.
    private static FilterDelegate Bounded(FilterDelegate filter) => async (input, arguments, context) =>
    {
        var value = await filter(input, arguments, context);
        var length = SizeOf(value);
        return length > MaxValueLength && length > SizeOf(input) ? throw new TemplateLimitException(TemplateLimit.Value) : value;
    };

    private static int SizeOf(FluidValue value) => value switch
    {
        StringValue text => text.ToStringValue().Length,
        ArrayValue list => list.Values.Count,
        _ => 0,
    };

    /// <summary>
    /// The template with each loop marked with its line, so that a limit reached inside it is reported there, and
    /// each range bounded. Loops are found in the text in the order the parsed template holds them.
    /// </summary>
    public static IFluidTemplate Track(IFluidTemplate template, string file, string text)
    {
        var lines = LoopTag().Matches(text).Select(m => 1 + text.AsSpan(0, m.Index).Count('\n')).ToList();
        return new LoopMarker(file, lines).VisitTemplate(template);
    }

    /// <summary>
    /// Whether Fluid stopped a render at MaxSteps or MaxRecursion (2.41 says "recursion" for both), told by Fluid's
    /// words: the method that threw is not known in a program compiled ahead of time.
    /// </summary>
    public static bool IsFluidLimit(Exception exception) =>
        exception is InvalidOperationException
        && (exception.Message.StartsWith(FluidRecursion, StringComparison.Ordinal) || exception.Message.StartsWith(FluidSteps, StringComparison.Ordinal));

    private const string FluidRecursion = "The maximum level of recursion has been reached.";

    private const string FluidSteps = "The maximum number of statements has been reached.";

    [GeneratedRegex(@"\{%-?\s*for\s")]
    private static partial Regex LoopTag();

    private sealed class LoopMarker(string file, IReadOnlyList<int> lines) : AstRewriter
    {
        private int _loops;

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            // Numbered before its body is visited, so that loops are numbered in the order they are written.
            var index = _loops++;
            var loop = base.VisitForStatement(forStatement);
            return new MarkedLoop(loop, file, index < lines.Count ? lines[index] : 0);
        }

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new BoundedRange((RangeExpression)base.VisitRangeExpression(rangeExpression));
    }

    private sealed class MarkedLoop(Statement loop, string file, int line) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            try
            {
                return await loop.WriteToAsync(writer, encoder, context);
            }
            catch (TemplateLimitException ex) when (ex.File is null)
            {
                throw ex.At(file, line);
            }
            catch (Exception ex) when (IsFluidLimit(ex))
            {
                throw new TemplateLimitException(TemplateLimit.Steps).At(file, line);
            }
        }
    }

    private sealed class BoundedRange(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            return to - from + 1 > MaxRangeLength ? throw new TemplateLimitException(TemplateLimit.Range) : await range.EvaluateAsync(context);
        }
    }
}

public enum TemplateLimit
{
    Steps,
    Range,
    Value,
    Page,
}

/// <summary>A render stopped at one of <see cref="TemplateLimits"/>, with the loop it was in when there was one.</summary>
internal sealed class TemplateLimitException(TemplateLimit limit) : Exception($"the {limit} limit was reached")
{
    public TemplateLimit Limit { get; } = limit;

    /// <summary>The template the innermost loop running is in, or null when none was.</summary>
    public string? File { get; private init; }

    public int Line { get; private init; }

    public TemplateLimitException At(string file, int line) => new(Limit) { File = file, Line = line };
}

/// <summary>Writes through to a page's writer and stops the render when the page passes <see cref="TemplateLimits.MaxPageLength"/>.</summary>
internal sealed class BoundedWriter(TextWriter inner) : TextWriter
{
    private long _written;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Count(1);
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        Count(value?.Length ?? 0);
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Count(count);
        inner.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(buffer.Length);
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    // TextWriter's own asynchronous writes hand each write to the thread pool and Fluid awaits some of them; every
    // page is rendered on a thread of that pool and waited for, so they queued behind one another (a 1,000-event site
    // rendered in 14.8 s of wall time for 5.8 s of processor time). Writing into memory never waits: done in place.
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    private void Count(int count)
    {
        _written += count;
        if (_written > TemplateLimits.MaxPageLength)
        {
            throw new TemplateLimitException(TemplateLimit.Page);
        }
    }
}
