using System.Reflection;
using Timeline.Diagnostics;

namespace Timeline.Tests.Diagnostics;

/// <summary>
/// Every message of <see cref="ErrorMessages"/>, made with sample values for each of its parameters (and each value of a
/// flag or an enum, with and without a suggestion), says what is wrong and how to fix it, apart, as `--format json`
/// gives them.
/// </summary>
public sealed class ErrorMessagesTests
{
    public static TheoryData<string> Factories() =>
        new(typeof(ErrorMessages).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Distinct());

    [Theory]
    [MemberData(nameof(Factories))]
    public void Each_message_has_a_problem_and_a_separate_fix(string name)
    {
        var messages = typeof(ErrorMessages).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name)
            .SelectMany(m => ArgumentSets(m.GetParameters()).Select(args => (ErrorMessage)m.Invoke(null, args)!))
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, message =>
        {
            Assert.Matches(@"^TL\d{4}$", message.Code);
            Assert.False(string.IsNullOrWhiteSpace(message.Problem), $"{name}: no problem");
            Assert.False(string.IsNullOrWhiteSpace(message.Fix), $"{name}: no fix in \"{message.Text}\"");
            Assert.True(char.IsUpper(message.Fix[0]), $"{name}: the fix \"{message.Fix}\" does not start a sentence");
            Assert.Matches(@"[.?!)]$", message.Problem);
            Assert.Matches(@"[.?!]$", message.Fix);
            Assert.Equal($"{message.Problem} {message.Fix}", message.Text);
        });
    }

    [Fact]
    public void A_suggestion_opens_the_fix()
    {
        var message = ErrorMessages.UnknownField("titel", "title", ["title", "date"]);

        Assert.Equal("unknown field 'titel'.", message.Problem);
        Assert.Equal("Did you mean 'title'? Known fields are: title, date.", message.Fix);
    }

    [Fact]
    public void A_diagnostic_gives_back_its_problem_without_the_fix()
    {
        var bag = new DiagnosticBag();
        bag.Error("input/site.yml", new SourcePosition(2, 1), ErrorMessages.DuplicateLanguage("en"));

        var diagnostic = Assert.Single(bag.Sorted());
        Assert.Equal("'languages' holds 'en' twice. List each language once.", diagnostic.Message);
        Assert.Equal("'languages' holds 'en' twice.", diagnostic.Problem);
        Assert.Equal("List each language once.", diagnostic.Fix);
    }

    // Every combination of the sample values of flags, enums and suggestions; one sample for the rest.
    private static IEnumerable<object?[]> ArgumentSets(ParameterInfo[] parameters)
    {
        IEnumerable<object?[]> sets = [[]];
        foreach (var parameter in parameters)
        {
            var choices = Samples(parameter).ToList();
            sets = sets.SelectMany(set => choices.Select(choice => (object?[])[.. set, choice])).ToList();
        }

        return sets;
    }

    private static IEnumerable<object?> Samples(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(string) && parameter.Name == "suggestion")
        {
            return [null, "close-name"];
        }

        if (type == typeof(string) && parameter.Name == "fix")
        {
            return ["Write something in it."];
        }

        if (type == typeof(string))
        {
            return [parameter.HasDefaultValue ? parameter.DefaultValue : "sample-" + parameter.Name];
        }

        if (type == typeof(bool))
        {
            return [false, true];
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object?>();
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return [Convert.ChangeType(12, type, System.Globalization.CultureInfo.InvariantCulture)];
        }

        if (type == typeof(TimeSpan))
        {
            return [TimeSpan.FromSeconds(30)];
        }

        if (type.IsAssignableFrom(typeof(string[])))
        {
            // Empty and full lists: some messages say something else when a list is empty.
            return [Array.Empty<string>(), new[] { "first", "second" }];
        }

        throw new InvalidOperationException($"No sample value for the parameter {parameter.Name} of type {type}; add one here.");
    }
}
