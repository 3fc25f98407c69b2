using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Timeline.Dates;
using Timeline.Loading;
using Timeline.Model;
using Timeline.Records;
using Timeline.Tests.Support;

namespace Timeline.Tests.InputSchemas;

/// <summary>
/// The editor's schemas (schemas/input/) against the loader: every shipped and valid input validates with ajv, the
/// invalid fixtures whose fault a schema can express are rejected, and the schemas' fields, kinds and patterns are
/// the loader's own. YAML is read by the `yaml` npm package, the parser of the YAML language server in editors, so
/// the test sees what an editor sees (validate.mjs says more).
/// </summary>
public sealed class InputSchemaTests
{
    private static string SchemaFolder => Path.Combine(Repository.Root, "schemas", "input");

    private static string Script => Path.Combine(Repository.Root, "tests", "Timeline.Tests", "InputSchemas", "validate.mjs");

    private sealed record Result(string Path, IReadOnlyList<string> ParseErrors, IReadOnlyList<string> Errors);

    /// <summary>The schema the loader's layout gives a file of an input folder, or null for a file none describes.</summary>
    private static string? SchemaOf(string input, string file)
    {
        var relative = Path.GetRelativePath(input, file).Replace('\\', '/');
        return relative switch
        {
            "site.yml" => "site",
            "sources.yml" => "sources",
            "entities.yml" => "entities",
            "eras.yml" => "eras",
            "tags.yml" => "tags",
            _ when relative.StartsWith("events/", StringComparison.Ordinal) && (relative.EndsWith(".yml", StringComparison.Ordinal) || relative.EndsWith(".yaml", StringComparison.Ordinal)) => "event",
            _ when relative.StartsWith("pages/", StringComparison.Ordinal) && relative.EndsWith(".md", StringComparison.Ordinal) => "page",
            _ => null,
        };
    }

    private static IReadOnlyList<Result> Validate(IEnumerable<string> inputFolders)
    {
        var requests = new JsonArray();
        foreach (var input in inputFolders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (SchemaOf(input, file) is { } schema)
                {
                    requests.Add(new JsonObject { ["schema"] = schema, ["path"] = file });
                }
            }
        }

        var (code, output, errors) = NodeScript.Run(Script, requests.ToJsonString(), SchemaFolder);
        Assert.True(code == 0, $"validate.mjs failed:\n{errors}");
        return JsonSerializer.Deserialize<List<Result>>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private static string Describe(IEnumerable<Result> results) =>
        string.Join('\n', results.Select(r => $"{r.Path}: {string.Join("; ", r.ParseErrors.Concat(r.Errors))}"));

    [Fact]
    public void Every_shipped_record_and_page_validates()
    {
        var results = Validate([Repository.Input]);

        Assert.True(results.Count > 40, $"Only {results.Count} files were validated.");
        var failed = results.Where(r => r.ParseErrors.Count > 0 || r.Errors.Count > 0).ToList();
        Assert.True(failed.Count == 0, Describe(failed));
    }

    [Fact]
    public void Every_valid_fixture_validates()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(Repository.Sites, "valid")).Select(d => Path.Combine(d, "input")).ToList();

        var results = Validate(folders);

        Assert.True(results.Count > 10, $"Only {results.Count} files were validated.");
        var failed = results.Where(r => r.ParseErrors.Count > 0 || r.Errors.Count > 0).ToList();
        Assert.True(failed.Count == 0, Describe(failed));
    }

    /// <summary>Invalid fixtures whose fault the schemas express: each must be rejected by a schema.</summary>
    private static readonly HashSet<string> RejectedBySchema = new(StringComparer.Ordinal)
    {
        "bad-base-url", "entry-date-not-a-day", "bidi-control-in-summary", "bom-and-crlf-error", "circa-not-boolean", "data-url-in-source",
        "date-out-of-range", "empty-event-file", "empty-event-file-comments-only", "empty-sources-file",
        "entity-translation-missing-name", "event-file-is-a-list", "id-upper-case", "id-with-bidi-control", "id-with-dotdot",
        "id-with-slash", "id-with-space", "id-with-zero-width", "impossible-date", "invalid-language",
        "javascript-url-in-source", "list-where-text-expected", "malformed-date", "missing-date", "missing-site-title",
        "missing-title", "month-13", "month-13-year-month", "page-missing-title", "several-errors-at-once",
        "site-contact-malformed", "site-license-unknown", "site-translation-unknown-field", "source-translation-empty", "tags-file-problems", "source-translation-unknown-field", "sources-not-a-list", "text-where-list-expected", "too-deep",
        "translation-bidi-control", "translation-bidi-isolate", "translation-not-a-mapping", "translation-unknown-field",
        "unknown-entity-kind", "unknown-field", "unknown-field-misspelled-required", "unknown-source-kind",
        "zero-width-in-title",

        // Rejected, but not for the fault the fixture is about, which a schema cannot see: the alias expands to a
        // mapping where an id belongs; 'languages' also lists 'en' twice (a schema cannot compare 'language' with it).
        "anchors-and-aliases-simple", "languages-disagree",
    };

    /// <summary>
    /// Faults the YAML reader of the language server reports before any schema is applied: malformed YAML, tabs,
    /// a repeated key, a second document, an unreadable tag, an alias bomb. A page without front matter has none to
    /// validate. The first file that is not UTF-8 happens to break the YAML too; the other two do not (below).
    /// </summary>
    private static readonly HashSet<string> RejectedByYamlReader = new(StringComparer.Ordinal)
    {
        "anchors-and-aliases", "duplicate-field", "malformed-yaml", "malformed-yaml-bracket", "malformed-yaml-colon-in-value",
        "malformed-yaml-missing-colon", "malformed-yaml-unclosed-brace", "second-document", "tab-indentation",
        "tab-indentation-in-block", "tab-indentation-list", "yaml-unreadable-tag", "page-without-front-matter", "not-utf8",
    };

    /// <summary>
    /// Every other invalid fixture is accepted by the schemas, since its fault is one no JSON Schema can express:
    /// a reference to another file's record (unknown sources, entities, events, duplicate ids across records, an entity
    /// of the wrong kind, an event related to itself or citing nothing, a translation into a language site.yml does not
    /// list or into its default one, a page translation without its page); two fields compared (an end before its
    /// start); the Markdown inside a text (links, images, citations, nesting); a length counted after line breaks and
    /// runs of spaces are folded (a title or summary over 300 characters); a file's name, encoding or absence; the theme.
    /// </summary>
    [Fact]
    public void Each_invalid_fixture_is_rejected_exactly_when_its_fault_can_be_expressed()
    {
        var root = Path.Combine(Repository.Sites, "invalid");
        var fixtures = Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var results = Validate(fixtures.Select(f => Path.Combine(root, f!, "input")));

        var wrong = new List<string>();
        foreach (var fixture in fixtures)
        {
            var own = results.Where(r => r.Path.StartsWith(Path.Combine(root, fixture!, "input") + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
            var outcome = own.Any(r => r.ParseErrors.Count > 0) ? "yaml reader" : own.Any(r => r.Errors.Count > 0) ? "schema" : "accepted";
            var expected = RejectedBySchema.Contains(fixture!) ? "schema" : RejectedByYamlReader.Contains(fixture!) ? "yaml reader" : "accepted";
            if (outcome != expected)
            {
                wrong.Add($"{fixture}: expected {expected}, was {outcome}\n{Describe(own)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.True(RejectedBySchema.Concat(RejectedByYamlReader).All(fixtures.Contains), "A listed fixture no longer exists.");
    }

    private static JsonNode Schema(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaFolder, name + ".schema.json")))!;

    private static JsonNode Definition(string name) => Schema("definitions")["definitions"]![name]!;

    private static IEnumerable<string> PropertiesOf(JsonNode schema) => schema["properties"]!.AsObject().Select(p => p.Key);

    private static JsonNode TranslationShape(JsonNode record) =>
        record["properties"]!["translations"]!["additionalProperties"]!["anyOf"]![1]!;

    [Fact]
    public void Each_schema_has_exactly_the_fields_of_the_loaders_record_shape()
    {
        var sources = Schema("sources")["items"]!;
        var entities = Schema("entities")["items"]!;
        var eras = Schema("eras")["items"]!;
        var tags = Schema("tags")["items"]!;
        var event_ = Schema("event");
        var site = Schema("site");

        Assert.Equal(EventRecord.Shape.FieldNames, PropertiesOf(event_));
        Assert.Equal(SourceRecord.Shape.FieldNames, PropertiesOf(sources));
        Assert.Equal(EntityRecord.Shape.FieldNames, PropertiesOf(entities));
        Assert.Equal(EraRecord.Shape.FieldNames, PropertiesOf(eras));
        Assert.Equal(TagRecord.Shape.FieldNames, PropertiesOf(tags));
        Assert.Equal(TagTranslationRecord.Shape.FieldNames, PropertiesOf(TranslationShape(tags)));
        Assert.Equal(SiteRecord.Shape.FieldNames, PropertiesOf(site));
        Assert.Equal(PageRecord.Shape.FieldNames, PropertiesOf(Schema("page")));
        Assert.Equal(EventTranslationRecord.Shape.FieldNames, PropertiesOf(TranslationShape(event_)));
        Assert.Equal(EntityTranslationRecord.Shape.FieldNames, PropertiesOf(TranslationShape(entities)));
        Assert.Equal(EraTranslationRecord.Shape.FieldNames, PropertiesOf(TranslationShape(eras)));
        Assert.Equal(SiteTranslationRecord.Shape.FieldNames, PropertiesOf(TranslationShape(site)));
        foreach (var schema in new[] { event_, sources, entities, eras, tags, site, Schema("page") })
        {
            Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        }
    }

    [Fact]
    public void The_kinds_are_the_loaders_kinds()
    {
        Assert.Equal(
            Enum.GetNames<SourceKind>().Select(n => n.ToLowerInvariant()),
            Schema("sources")["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(
            EntityLoader.KindNames,
            Schema("entities")["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    private static Regex Pattern(JsonNode schema) => new(schema["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(5));

    [Fact]
    public void The_date_pattern_takes_exactly_the_dates_the_loader_takes()
    {
        var pattern = Pattern(Definition("date")["anyOf"]![0]!);
        var samples = new List<string> { "", "1988", "198", "19888", "1988-7", "1988-07-1", "19/07/1988", "0000", "0621", "0622", "0623", "9999", "1988-00", "1988-13", "1988-07-00", "1988-07-32", "1988-07-19T00", " 1988" };
        foreach (var year in new[] { 622, 623, 1600, 1700, 1900, 1988, 2000, 2023, 2024, 2100, 2400, 9999 })
        {
            for (var month = 0; month <= 13; month++)
            {
                samples.Add($"{year:D4}-{month:D2}");
                for (var day = 0; day <= 32; day++)
                {
                    samples.Add($"{year:D4}-{month:D2}-{day:D2}");
                }
            }
        }

        var disagreements = samples.Where(s => pattern.IsMatch(s) != PartialDate.Parse(s).Success).ToList();

        Assert.True(disagreements.Count == 0, "The schema and the loader disagree on: " + string.Join(", ", disagreements));
    }

    [Theory]
    [InlineData("death-commissions")]
    [InlineData("1988")]
    [InlineData("a")]
    [InlineData("Death-Commissions")]
    [InlineData("death--commissions")]
    [InlineData("-death")]
    [InlineData("death-")]
    [InlineData("death commissions")]
    [InlineData("death/commissions")]
    [InlineData("../x")]
    [InlineData("death\u200Bcommissions")]
    [InlineData("déjà")]
    [InlineData("")]
    public void The_id_pattern_agrees_with_the_loader(string id)
    {
        var schema = Definition("id")["anyOf"]![0]!;
        var byPattern = Pattern(schema).IsMatch(id) && id.Length <= schema["maxLength"]!.GetValue<int>();

        Assert.Equal(Identifiers.Problem(id) is null, byPattern);
        Assert.Equal(Identifiers.MaxLength, schema["maxLength"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    [InlineData("fa-IR")]
    [InlineData("zh-Hant-TW")]
    [InlineData("EN")]
    [InlineData("e")]
    [InlineData("English")]
    [InlineData("en_GB")]
    [InlineData("en-")]
    public void The_language_pattern_agrees_with_the_loader(string tag) =>
        Assert.Equal(SiteLoader.IsLanguageTag(tag), Pattern(Definition("language")).IsMatch(tag));
}
